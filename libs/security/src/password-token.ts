import { createHash, randomBytes } from 'node:crypto';

/**
 * One-time set-password links (`PUBLIC_BASE_URL/dat-mat-khau?t=…`) mailed on an invitation or a
 * password reset, and the opaque bearer tokens of login sessions: 256 random bits, stored only as
 * their SHA-256 (a leaked table grants nothing; the token's entropy makes a slow hash needless).
 */
export type PasswordLinkPurpose = 'invitation' | 'reset';

/** An invitation waits a week for its user; a reset link an hour (OWASP Forgot Password). */
export const PASSWORD_LINK_TTL_MS: Readonly<Record<PasswordLinkPurpose, number>> = {
  invitation: 7 * 86_400_000,
  reset: 3_600_000,
};

/**
 * A second mail for the same user within this window sends nothing: a double click or a retried
 * request does not mail twice, and "Quên mật khẩu" cannot flood a mailbox.
 */
export const PASSWORD_MAIL_COOLDOWN_MS = 5 * 60_000;

export const SET_PASSWORD_PATH = '/dat-mat-khau';

export interface OpaqueToken {
  readonly token: string;
  readonly hash: string;
}

export const hashOpaqueToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

export function newOpaqueToken(): OpaqueToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}

/** The web app's page for a link's token. */
export function setPasswordUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${SET_PASSWORD_PATH}?t=${encodeURIComponent(token)}`;
}

export interface PasswordLinkTimes {
  readonly expiresAtMs: number;
  readonly usedAtMs: number | null;
  /** Set when a newer link for the same user replaced this one. */
  readonly revokedAtMs: number | null;
}

export type PasswordLinkState = 'usable' | 'used' | 'revoked' | 'expired';

/** Used or replaced says more than expired, so those come first. */
export function passwordLinkState(link: PasswordLinkTimes, nowMs: number): PasswordLinkState {
  if (link.usedAtMs !== null) return 'used';
  if (link.revokedAtMs !== null) return 'revoked';
  if (nowMs >= link.expiresAtMs) return 'expired';
  return 'usable';
}

/** Whether a new set-password mail may go out, given when the last one for the user went. */
export function mayMailPasswordLink(lastMailedAtMs: number | null, nowMs: number): boolean {
  return lastMailedAtMs === null || nowMs - lastMailedAtMs >= PASSWORD_MAIL_COOLDOWN_MS;
}
