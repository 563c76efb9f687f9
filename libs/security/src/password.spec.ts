import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from './password';

/** A hash as the previous release stored it (N=16384). */
const oldHash = (password: string): string => {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
};

describe('password hashing', () => {
  it("hashes at OWASP's scrypt cost (N=2^17, r=8, p=1) and verifies only the right password", async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword('dondoc-dev');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    await expect(verifyPassword('dondoc-dev', stored)).resolves.toBe(true);
    await expect(verifyPassword('dondoc-dew', stored)).resolves.toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });

  it('still verifies a hash of the old parameters, and says it needs a rehash', async () => {
    const stored = oldHash('mật khẩu cũ');
    await expect(verifyPassword('mật khẩu cũ', stored)).resolves.toBe(true);
    await expect(verifyPassword('mật khẩu mới', stored)).resolves.toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it.each([
    'plain',
    '',
    'scrypt$16384$8$1$c2FsdA==',
    'bcrypt$16384$8$1$c2FsdA==$aGFzaA==',
    'scrypt$1000$8$1$c2FsdA==$aGFzaA==', // N not a power of two
    'scrypt$2097152$8$1$c2FsdA==$aGFzaA==', // N above 2^20
    'scrypt$16384$0$1$c2FsdA==$aGFzaA==',
    'scrypt$16384$8$1$c2FsdA==$$',
    'scrypt$16384$8$1$c2FsdA==$',
  ])('rejects the malformed stored value %j (and never asks to rehash it)', async (stored) => {
    await expect(verifyPassword('x', stored)).resolves.toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });
});

it('takes a password typed decomposed (NFD) as the same password', async () => {
  const stored = await hashPassword('Mật khẩu của tôi');
  await expect(verifyPassword('Mật khẩu của tôi'.normalize('NFD'), stored)).resolves.toBe(true);
});
