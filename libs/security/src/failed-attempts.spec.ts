import { FailedAttempts } from './failed-attempts';

const MIN = 60_000;

describe('FailedAttempts', () => {
  let now = 0;
  const make = (maxKeys?: number) =>
    new FailedAttempts({ limit: 5, windowMs: 15 * MIN, maxKeys }, () => now);
  beforeEach(() => (now = 1_000_000));

  it('locks a key on its fifth failure within 15 minutes, until the first leaves the window', () => {
    const attempts = make();
    for (let i = 0; i < 4; i++) {
      attempts.recordFailure('a@x');
      now += MIN;
    }
    expect(attempts.lockedForMs('a@x')).toBe(0);
    attempts.recordFailure('a@x'); // t0 + 4 min
    expect(attempts.lockedForMs('a@x')).toBe(11 * MIN);
    now += 11 * MIN - 1;
    expect(attempts.lockedForMs('a@x')).toBe(1);
    now += 1;
    expect(attempts.lockedForMs('a@x')).toBe(0);
  });

  it('does not lock five failures spread over more than the window', () => {
    const attempts = make();
    for (let i = 0; i < 5; i++) {
      attempts.recordFailure('a@x');
      now += 4 * MIN;
    }
    expect(attempts.lockedForMs('a@x')).toBe(0);
  });

  it('keeps keys apart, and clears one', () => {
    const attempts = make();
    for (let i = 0; i < 5; i++) attempts.recordFailure('a@x');
    expect(attempts.lockedForMs('a@x')).toBeGreaterThan(0);
    expect(attempts.lockedForMs('b@x')).toBe(0);
    attempts.clear('a@x');
    expect(attempts.lockedForMs('a@x')).toBe(0);
  });

  it('stays bounded: the least recently failing keys are dropped first', () => {
    const attempts = make(2);
    for (let i = 0; i < 5; i++) attempts.recordFailure('a@x');
    attempts.recordFailure('b@x');
    attempts.recordFailure('c@x');
    expect(attempts.lockedForMs('a@x')).toBe(0);
  });
});
