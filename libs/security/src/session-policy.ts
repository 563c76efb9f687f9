/**
 * When a login session dies: at its absolute expiry (AUTH_TOKEN_TTL_SECONDS after the login),
 * or after AUTH_IDLE_TIMEOUT_SECONDS without a request (ADR 0020).
 */
export interface SessionTimes {
  readonly expiresAtMs: number;
  readonly lastUsedAtMs: number;
}

export type SessionVerdict = 'active' | 'expired' | 'idle';

/** The absolute expiry wins when both have passed: it says more ("hết hạn"). */
export function sessionVerdict(
  s: SessionTimes,
  nowMs: number,
  idleTimeoutMs: number,
): SessionVerdict {
  if (nowMs >= s.expiresAtMs) return 'expired';
  if (nowMs - s.lastUsedAtMs >= idleTimeoutMs) return 'idle';
  return 'active';
}

/** At most one write per session a minute records its use (a page makes several requests). */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/**
 * Whether a request should record the session's use now. The idle clock runs from the last
 * recorded use, so a session dies between `idle − interval` and `idle` after its last request;
 * the interval shrinks with a short idle timeout to keep that error under a tenth of it.
 */
export function shouldTouchSession(
  lastUsedAtMs: number,
  nowMs: number,
  idleTimeoutMs: number,
): boolean {
  const interval = Math.min(SESSION_TOUCH_INTERVAL_MS, Math.floor(idleTimeoutMs / 10));
  return nowMs - lastUsedAtMs >= interval;
}
