import { vnPublicSectorCalendar } from '../calendar/working-calendar';
import { addDays, civilParts, type CivilDate, lastDayOfMonth } from '../time/civil-date';
import { nextOccurrence, recurrenceOf, type Recurrence } from './recurrence';

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

describe('nextOccurrence with the months a period ends in', () => {
  it.each<[string, Recurrence, string, string]>([
    // Half-yearly ("định kỳ 6 tháng"): periods end in June and December.
    ['half-yearly', { frequency: 'monthly', months: [6, 12] }, '2026-01-15', '2026-06-30'],
    ['half-yearly', { frequency: 'monthly', months: [6, 12] }, '2026-07-01', '2026-12-31'],
    ['half-yearly', { frequency: 'monthly', day: 15, months: [6, 12] }, '2026-12-16', '2027-06-15'],
    // Yearly in its month ("trước ngày 31/3 hằng năm" → 30/3), not in December.
    ['yearly 30/3', { frequency: 'yearly', day: 30, months: [3] }, '2026-01-10', '2026-03-30'],
    ['yearly 30/3', { frequency: 'yearly', day: 30, months: [3] }, '2026-03-31', '2027-03-30'],
    ['yearly 30/3', { frequency: 'yearly', day: 30, months: [3] }, '2026-12-31', '2027-03-30'],
    ['yearly 14/12', { frequency: 'yearly', day: 14, months: [12] }, '2026-12-15', '2027-12-14'],
    // Quarterly in the first month of the next quarter ("tháng đầu quý").
    [
      'quarterly, first month',
      { frequency: 'quarterly', day: 19, months: [1, 4, 7, 10] },
      '2026-10-20',
      '2027-01-19',
    ],
    [
      'quarterly, first month',
      { frequency: 'quarterly', day: 19, months: [1, 4, 7, 10] },
      '2026-02-01',
      '2026-04-19',
    ],
    [
      'quarterly, last month',
      { frequency: 'quarterly', day: 19, months: [3, 6, 9, 12] },
      '2026-12-20',
      '2027-03-19',
    ],
    [
      'monthly, all months',
      { frequency: 'monthly', day: 10, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
      '2026-12-11',
      '2027-01-10',
    ],
    ['weekly Friday, year end', { frequency: 'weekly', day: 5 }, '2026-12-28', '2027-01-01'],
    // Tết 2026 (14–22/02 off): the literal date stays; the workflow moves it with legalDueDate.
    ['monthly in Tết', { frequency: 'monthly', day: 17 }, '2026-02-01', '2026-02-17'],
    [
      'quarterly, first month, Tết',
      { frequency: 'quarterly', day: 20, months: [2, 5, 8, 11] },
      '2026-01-25',
      '2026-02-20',
    ],
    ['yearly in Tết', { frequency: 'yearly', day: 16, months: [2] }, '2026-01-01', '2026-02-16'],
    ['weekly Friday in Tết', { frequency: 'weekly', day: 5 }, '2026-02-16', '2026-02-20'],
  ])('%s: %j from %s → %s', (_name, r, from, expected) => {
    expect(nextOccurrence(r, from)).toBe(expected);
  });

  it('leaves moving a Tết deadline to the working calendar, as the workflow does', () => {
    const literal = nextOccurrence({ frequency: 'monthly', day: 17 }, '2026-02-01');
    expect(literal).toBe('2026-02-17');
    expect(vnPublicSectorCalendar.legalDueDate(literal)).toBe('2026-02-23');
  });

  it('rejects months no year has', () => {
    for (const months of [[], [0], [13], [6, 6], [2.5]]) {
      expect(() => nextOccurrence({ frequency: 'monthly', months }, '2026-11-23')).toThrow(
        'định kỳ',
      );
    }
    expect(() => nextOccurrence({ frequency: 'weekly', months: [6] }, '2026-11-23')).toThrow(
      'định kỳ',
    );
  });
});

describe('recurrenceOf', () => {
  it.each<[unknown, Recurrence | null]>([
    [
      { kind: 'recurring', frequency: 'monthly', day: 24, phrase: 'x' },
      { frequency: 'monthly', day: 24 },
    ],
    [{ frequency: 'quarterly' }, { frequency: 'quarterly' }],
    [
      { frequency: 'monthly', months: [12, 6], interval: 6 },
      { frequency: 'monthly', months: [6, 12] },
    ],
    [
      { frequency: 'yearly', day: 30, month: 3, months: [3] },
      { frequency: 'yearly', day: 30, months: [3] },
    ],
    [{ frequency: 'monthly', months: [] }, null],
    [{ frequency: 'monthly', months: [0] }, null],
    [{ frequency: 'monthly', months: [13] }, null],
    [{ frequency: 'monthly', months: [6, 6] }, null],
    [{ frequency: 'monthly', months: ['6'] }, null],
    [{ frequency: 'monthly', months: 6 }, null],
    [{ frequency: 'weekly', day: 5, months: [6] }, null],
    [{ frequency: 'daily' }, null],
    [{ frequency: 'weekly', day: 8 }, null],
    [null, null],
  ])('%j → %j', (stored, expected) => {
    expect(recurrenceOf(stored)).toEqual(expected);
  });

  it('leaves a stored recurrence without months as it was', () => {
    expect(Object.keys(recurrenceOf({ frequency: 'yearly', day: 15 })!)).toEqual([
      'frequency',
      'day',
    ]);
  });
});

describe('nextOccurrence against its definition, every day of 2026–2028', () => {
  /** A day is a deadline when its month ends a period and it is the period's day (capped). */
  const isDeadline = (d: CivilDate, months: readonly number[], day?: number): boolean => {
    const p = civilParts(d);
    return (
      months.includes(p.month) && p.day === Math.min(day ?? 31, lastDayOfMonth(p.year, p.month))
    );
  };
  it.each<[Recurrence, readonly number[]]>([
    // Without months: the frequency's own, exactly as stored recurrences behaved before months.
    [{ frequency: 'monthly' }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    [{ frequency: 'quarterly' }, [3, 6, 9, 12]],
    [{ frequency: 'yearly' }, [12]],
    [{ frequency: 'monthly', months: [6, 12] }, [6, 12]],
    [{ frequency: 'yearly', months: [3] }, [3]],
    [{ frequency: 'quarterly', months: [1, 4, 7, 10] }, [1, 4, 7, 10]],
  ])('%j', (r, months) => {
    const mismatches: string[] = [];
    for (const day of [undefined, 1, 15, 28, 29, 30, 31]) {
      const rd: Recurrence = day === undefined ? r : { ...r, day };
      // Walking back from a deadline beyond the range: each day's next deadline is itself or
      // the next day's.
      let next: CivilDate = '2029-12-31';
      while (!isDeadline(next, months, day)) next = addDays(next, 1);
      for (
        let from: CivilDate = addDays(next, -1);
        from >= '2026-01-01';
        from = addDays(from, -1)
      ) {
        if (isDeadline(from, months, day)) next = from;
        if (from < '2029-01-01' && nextOccurrence(rd, from) !== next) {
          mismatches.push(`${String(day)} ${from}: ${nextOccurrence(rd, from)} ≠ ${next}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
