import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('dondoc-dev');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    await expect(verifyPassword('dondoc-dev', stored)).resolves.toBe(true);
    await expect(verifyPassword('dondoc-dew', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });

  it('rejects a malformed stored value', async () => {
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
  });
});
