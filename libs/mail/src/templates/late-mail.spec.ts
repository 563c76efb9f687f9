import { isLateMail, MAIL_LATE_AFTER_MS } from './late-mail';

const step = Date.parse('2026-03-02T01:00:00Z');
const MIN = 60_000;

describe('isLateMail', () => {
  it.each([
    ['on time', 0, null, false],
    ['a retry minutes later', 9 * MIN, null, false],
    ['just within the bound', MAIL_LATE_AFTER_MS, null, false],
    ['beyond the bound', MAIL_LATE_AFTER_MS + 1, null, true],
    ['30 hours later', 30 * 60 * MIN, null, true],
    [
      'a minute later, across the deadline it was written before',
      MIN,
      { date: null, at: step + 30_000 },
      true,
    ],
    ['a minute later, deadline still ahead', MIN, { date: null, at: step + 2 * MIN }, false],
    [
      'a minute later, deadline already past at the step (overdue notice)',
      MIN,
      { date: null, at: step },
      false,
    ],
  ] as const)('%s → %s', (_what, delay, due, late) => {
    expect(isLateMail(step, step + delay, due)).toBe(late);
  });
});
