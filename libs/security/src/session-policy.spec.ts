import { SESSION_TOUCH_INTERVAL_MS, sessionVerdict, shouldTouchSession } from './session-policy';

const MIN = 60_000;
const IDLE = 30 * MIN;
const login = 1_000_000_000;
const session = { expiresAtMs: login + 8 * 60 * MIN, lastUsedAtMs: login };

describe('sessionVerdict', () => {
  it.each([
    ['just used', login, 'active'],
    ['unused 1 ms short of the idle timeout', login + IDLE - 1, 'active'],
    ['unused for exactly the idle timeout', login + IDLE, 'idle'],
    ['unused for an hour', login + 60 * MIN, 'idle'],
    ['at the absolute expiry, even if idle too', login + 8 * 60 * MIN, 'expired'],
  ] as const)('%s → %s', (_name, now, expected) => {
    expect(sessionVerdict(session, now, IDLE)).toBe(expected);
  });

  it('keeps a session in use alive until its absolute expiry, never beyond', () => {
    let s = session;
    for (let now = login; now < session.expiresAtMs; now += 20 * MIN) {
      expect(sessionVerdict(s, now, IDLE)).toBe('active');
      s = { ...s, lastUsedAtMs: now };
    }
    expect(sessionVerdict(s, session.expiresAtMs, IDLE)).toBe('expired');
  });
});

describe('shouldTouchSession', () => {
  it('records a use at most once a minute', () => {
    expect(shouldTouchSession(login, login + SESSION_TOUCH_INTERVAL_MS - 1, IDLE)).toBe(false);
    expect(shouldTouchSession(login, login + SESSION_TOUCH_INTERVAL_MS, IDLE)).toBe(true);
  });

  it('more often under a short idle timeout (a tenth of it)', () => {
    expect(shouldTouchSession(login, login + 999, 10_000)).toBe(false);
    expect(shouldTouchSession(login, login + 1000, 10_000)).toBe(true);
  });
});
