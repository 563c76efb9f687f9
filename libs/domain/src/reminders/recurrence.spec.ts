import { nextOccurrence, type Recurrence } from './recurrence';

describe('nextOccurrence', () => {
  it.each<[Recurrence, string, string]>([
    [{ frequency: 'monthly', day: 24 }, '2026-01-15', '2026-01-24'],
    [{ frequency: 'monthly', day: 24 }, '2026-01-24', '2026-01-24'],
    [{ frequency: 'monthly', day: 24 }, '2026-01-25', '2026-02-24'],
    [{ frequency: 'monthly', day: 31 }, '2026-02-01', '2026-02-28'],
    [{ frequency: 'monthly' }, '2026-12-05', '2026-12-31'],
    [{ frequency: 'monthly', day: 10 }, '2026-12-11', '2027-01-10'],
    [{ frequency: 'quarterly', day: 19 }, '2026-01-15', '2026-03-19'],
    [{ frequency: 'quarterly', day: 19 }, '2026-03-20', '2026-06-19'],
    [{ frequency: 'quarterly' }, '2026-11-23', '2026-12-31'],
    [{ frequency: 'quarterly', day: 19 }, '2026-12-20', '2027-03-19'],
    [{ frequency: 'yearly' }, '2026-01-15', '2026-12-31'],
    [{ frequency: 'yearly', day: 15 }, '2026-12-16', '2027-12-15'],
    [{ frequency: 'weekly' }, '2026-11-23', '2026-11-27'], // Monday → Friday
    [{ frequency: 'weekly' }, '2026-11-27', '2026-11-27'],
    [{ frequency: 'weekly', day: 1 }, '2026-11-24', '2026-11-30'],
    [{ frequency: 'weekly', day: 7 }, '2026-11-23', '2026-11-29'],
  ])('%j from %s → %s', (r, from, expected) => {
    expect(nextOccurrence(r, from)).toBe(expected);
  });

  it('rejects a day that no period has', () => {
    expect(() => nextOccurrence({ frequency: 'weekly', day: 8 }, '2026-11-23')).toThrow(
      'Ngày định kỳ',
    );
    expect(() => nextOccurrence({ frequency: 'monthly', day: 0 }, '2026-11-23')).toThrow(
      'Ngày định kỳ',
    );
  });
});
