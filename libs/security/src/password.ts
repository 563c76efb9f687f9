import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * OWASP Password Storage Cheat Sheet's scrypt minimum: N=2^17, r=8, p=1 (128 MiB, about 0.4 s
 * here). Hashes of older parameters still verify and are rehashed at the next successful login.
 */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** A stored value asking for more than this is not ours (and would exhaust memory). */
const MAX_N = 2 ** 20;

/** scrypt needs about 128·N·r bytes; Node refuses more than `maxmem` (32 MiB by default). */
const options = ({ N, r, p }: ScryptParams): ScryptOptions => ({ N, r, p, maxmem: 256 * N * r });

const parse = (stored: string): (ScryptParams & { salt: Buffer; hash: Buffer }) | null => {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !hash) return null;
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  const power = Number.isSafeInteger(N) && N > 1 && (N & (N - 1)) === 0 && N <= MAX_N;
  if (!power || !Number.isSafeInteger(R) || R < 1 || R > 32) return null;
  if (!Number.isSafeInteger(P) || P < 1 || P > 16) return null;
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
};

/**
 * scrypt with a random salt, stored as `scrypt$N$r$p$salt$hash` (base64). The password is hashed
 * in Unicode NFC (NIST SP 800-63B): "ư" typed composed or decomposed is the same password.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options(SCRYPT_PARAMS));
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` is the one `stored` was made from, whatever parameters it was made with. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const key = await scrypt(
    password.normalize('NFC'),
    parsed.salt,
    parsed.hash.length,
    options(parsed),
  );
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** A hash of other parameters than today's (an older, cheaper one): rehash it after a login. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return false;
  return (
    parsed.N !== SCRYPT_PARAMS.N ||
    parsed.r !== SCRYPT_PARAMS.r ||
    parsed.p !== SCRYPT_PARAMS.p ||
    parsed.hash.length !== KEY_LENGTH
  );
}
