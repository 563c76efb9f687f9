import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['a long passphrase', 'ba con mèo trèo cây cau', null],
    ['ten characters exactly', 'Tr4ng-Xanh', null],
    ['nine characters', 'Tr4ngXanh', 'too_short'],
    ['ten letters with diacritics, typed decomposed (NFD)', 'ngườiđường'.normalize('NFD'), null],
    ['nine letters with diacritics, typed decomposed', 'ngườiđườn'.normalize('NFD'), 'too_short'],
    ['too long', 'x'.repeat(PASSWORD_MAX_LENGTH - 3) + 'abcd', 'too_long'],
    ['the longest allowed', 'abcd'.repeat(PASSWORD_MAX_LENGTH / 4), null],
    ['a well-known one', '1234567890', 'common'],
    ['a well-known Vietnamese one, with diacritics and case', 'MậtKhẩu123', 'common'],
    ['the development seed password', 'dondoc-dev', 'common'],
    ['three distinct characters', 'abababababab', 'repetitive'],
    ['the address itself', 'nguyen.van.a@stc.gov.vn', 'contains_email'],
    ['the mailbox name with a suffix', 'nguyen.van.a2026', 'contains_email'],
  ] as const)('%s → %s', (_name, password, expected) => {
    expect(passwordProblem(password, 'nguyen.van.a@stc.gov.vn')).toBe(expected);
  });

  it('ignores a mailbox name too short to matter', () => {
    expect(passwordProblem('vana-mua-thu-2026', 'van@stc.gov.vn')).toBeNull();
  });
});
