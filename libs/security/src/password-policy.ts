/**
 * What a chosen password must be (NIST SP 800-63B §5.1.1.2, OWASP ASVS V2.1): long enough, not
 * too long to hash, not a well-known or repetitive one, not the account's own address. No rules
 * on character classes: length is what resists guessing.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'contains_email';

/** Passwords tried first by anyone guessing (international and Vietnamese lists), folded. */
const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '0987654321',
  '1111111111',
  '123456789a',
  'a123456789',
  'abc1234567',
  'abcd123456',
  'qwertyuiop',
  'qwerty1234',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou123',
  'admin12345',
  'administrator',
  'matkhau123',
  'matkhau1234',
  'matkhaumoi',
  'anhyeuem123',
  'dondoc-dev',
  'dondoc1234',
  'changeme123',
  'welcome123',
]);

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** The first problem of `password` for the account `email`, or null when it may be used. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  // Characters as the user sees them: "ư" typed decomposed (u + horn) is still one.
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const folded = fold(password);
  if (COMMON.has(folded) || COMMON.has(folded.replace(/\s+/g, ''))) return 'common';
  if (new Set(folded).size < 4) return 'repetitive';
  const local = fold(email.split('@')[0] ?? '');
  if (local.length >= 4 && folded.includes(local)) return 'contains_email';
  return null;
}
