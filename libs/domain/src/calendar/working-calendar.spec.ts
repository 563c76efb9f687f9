import fc from 'fast-check';
import { addDays, compareCivil, type CivilDate } from '../time/civil-date';
import { VN_PUBLIC_SECTOR_CALENDAR_DATA } from './vn-public-sector';
import {
  unknownHolidaysNote,
  vnPublicSectorCalendar as cal,
  WorkingCalendar,
} from './working-calendar';
import { errorCodeOf } from '../../test/error-code';

function workingDaysIn(year: number): number {
  let n = 0;
  for (let d: CivilDate = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    if (cal.isWorkingDay(d)) n++;
  }
  return n;
}

describe('vnPublicSectorCalendar', () => {
  it.each([
    // 2026 official
    ['2026-01-01', false],
    ['2026-01-02', false], // swapped
    ['2026-01-05', true],
    ['2026-01-10', true], // make-up Saturday
    ['2026-01-17', false],
    ['2026-01-25', false], // Sunday
    ['2026-01-26', true],
    ['2026-02-13', true],
    ['2026-02-14', false],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-02-22', false],
    ['2026-02-23', true],
    ['2026-04-24', true],
    ['2026-04-27', false], // compensatory Giỗ Tổ
    ['2026-04-28', true],
    ['2026-04-29', true],
    ['2026-04-30', false],
    ['2026-05-01', false],
    ['2026-05-04', true],
    ['2026-08-22', true], // make-up Saturday
    ['2026-08-28', true],
    ['2026-08-31', false], // swapped
    ['2026-09-01', false],
    ['2026-09-02', false],
    ['2026-09-03', true],
    ['2026-11-24', true], // Ngày Văn hóa Việt Nam: not yet a legal holiday
    ['2026-12-31', true],
    // 2027 provisional
    ['2027-01-01', false],
    ['2027-01-04', true],
    ['2027-02-03', true],
    ['2027-02-04', false],
    ['2027-02-05', false],
    ['2027-02-08', false],
    ['2027-02-10', false],
    ['2027-02-11', true],
    ['2027-04-16', false],
    ['2027-04-30', false],
    ['2027-05-03', false],
    ['2027-05-04', true],
    ['2027-09-02', false],
    ['2027-09-03', false],
    ['2027-09-06', true],
    // outside the data: weekends only
    ['2025-12-31', true],
    ['2028-01-01', false], // a Saturday; 2028 has no holiday data
    ['2028-01-03', true],
    ['2025-09-02', true], // 2025 has no holiday data
  ])('isWorkingDay(%s) = %p', (d, working) => expect(cal.isWorkingDay(d)).toBe(working));

  it('2026 has 250 public-sector working days', () => expect(workingDaysIn(2026)).toBe(250));

  it.each([
    [2025, 'weekends-only'],
    [2026, 'official'],
    [2027, 'provisional'],
    [2028, 'weekends-only'],
  ])('statusOf(%i) = %s', (y, s) => expect(cal.statusOf(y)).toBe(s));

  it.each([
    // "N ngày làm việc kể từ ngày X" (grammar §3.3, corpus E7)
    ['2026-01-20', 10, '2026-02-03'],
    ['2026-02-10', 10, '2026-03-03'],
    ['2026-08-20', 10, '2026-09-07'],
    ['2026-01-20', 0, '2026-01-20'],
    ['2026-01-25', 0, '2026-01-25'],
    ['2026-01-20', 1, '2026-01-21'],
    ['2026-01-23', 1, '2026-01-26'],
    ['2026-01-09', 1, '2026-01-10'], // make-up Saturday counts
    ['2025-12-31', 1, '2026-01-05'],
    ['2026-02-13', 1, '2026-02-23'],
    ['2026-02-14', 1, '2026-02-23'], // X itself a day off
    ['2026-04-29', 1, '2026-05-04'],
    ['2026-12-31', 1, '2027-01-04'],
    ['2027-02-03', 1, '2027-02-11'],
    ['2026-01-20', 5, '2026-01-27'],
  ])('addWorkingDays(%s, %i) = %s', (d, n, out) => {
    expect(cal.addWorkingDays(d, n)).toBe(out);
    expect(cal.isWorkingDay(out) || n === 0).toBe(true);
  });

  it.each([
    ['2026-02-24', 3, '2026-02-12'], // 23/02, then 13/02 and 12/02 across Tết
    ['2026-02-24', 4, '2026-02-11'],
    ['2026-02-24', 1, '2026-02-23'],
    ['2026-02-23', 1, '2026-02-13'],
    ['2026-02-14', 1, '2026-02-13'],
    ['2026-02-14', 0, '2026-02-13'],
    ['2026-01-25', 1, '2026-01-23'],
    ['2026-01-25', 0, '2026-01-23'],
    ['2026-01-26', 0, '2026-01-26'],
    ['2026-01-12', 1, '2026-01-10'], // make-up Saturday
    ['2026-01-05', 1, '2025-12-31'],
    ['2026-09-03', 1, '2026-08-28'],
    ['2026-09-03', 5, '2026-08-24'],
    ['2026-09-03', 6, '2026-08-22'],
    ['2026-02-03', 10, '2026-01-20'],
  ])('subtractWorkingDays(%s, %i) = %s', (d, n, out) =>
    expect(cal.subtractWorkingDays(d, n)).toBe(out),
  );

  it.each([
    ['2026-01-25', '2026-01-26'], // Sunday
    ['2026-01-24', '2026-01-26'],
    ['2026-01-26', '2026-01-26'],
    ['2026-01-10', '2026-01-10'], // make-up Saturday is a working day
    ['2026-01-01', '2026-01-05'],
    ['2026-02-14', '2026-02-23'], // Tết (corpus E2)
    ['2026-02-15', '2026-02-23'],
    ['2026-04-25', '2026-04-28'],
    ['2026-04-30', '2026-05-04'],
    ['2026-08-29', '2026-09-03'],
    ['2026-09-19', '2026-09-21'],
    ['2027-02-06', '2027-02-11'],
    ['2028-01-01', '2028-01-03'],
  ])('legalDueDate(%s) = %s', (d, out) => expect(cal.legalDueDate(d)).toBe(out));

  it.each([
    ['2026-01-23', '2026-01-26'],
    ['2026-01-09', '2026-01-10'],
    ['2026-02-13', '2026-02-23'],
    ['2026-08-28', '2026-09-03'],
  ])('nextWorkingDay(%s) = %s', (d, out) => expect(cal.nextWorkingDay(d)).toBe(out));

  it.each([
    ['2026-01-26', '2026-01-23'],
    ['2026-01-05', '2025-12-31'],
    ['2026-02-23', '2026-02-13'],
    ['2026-09-03', '2026-08-28'],
  ])('previousWorkingDay(%s) = %s', (d, out) => expect(cal.previousWorkingDay(d)).toBe(out));

  it.each([
    ['2026-01-20', '2026-02-03', 10],
    ['2026-02-10', '2026-03-03', 10],
    ['2026-08-20', '2026-09-07', 10],
    ['2026-01-20', '2026-01-20', 0],
    ['2026-01-23', '2026-01-25', 0],
    ['2026-02-03', '2026-01-20', -10],
    ['2025-12-31', '2026-12-31', 250],
  ])('workingDaysBetween(%s, %s) = %i', (a, b, n) => expect(cal.workingDaysBetween(a, b)).toBe(n));

  it('addWorkingDays and workingDaysBetween agree over 2026–2027', () => {
    for (let d: CivilDate = '2026-01-01'; compareCivil(d, '2027-12-01') < 0; d = addDays(d, 13)) {
      for (const n of [1, 3, 7, 10, 22]) {
        const out = cal.addWorkingDays(d, n);
        expect(cal.workingDaysBetween(d, out)).toBe(n);
        expect(cal.subtractWorkingDays(out, n)).toBe(
          cal.isWorkingDay(d) ? d : cal.previousWorkingDay(d),
        );
      }
    }
  });

  it('workingDaysBetween counts what isWorkingDay says, day by day, across years and holidays', () => {
    const slow = (a: CivilDate, b: CivilDate): number => {
      if (compareCivil(a, b) > 0) return -slow(b, a);
      let n = 0;
      for (let d = addDays(a, 1); compareCivil(d, b) <= 0; d = addDays(d, 1)) {
        if (cal.isWorkingDay(d)) n++;
      }
      return n;
    };
    // 2020–2030: before, inside and after the calendar's data (2026 official, 2027 provisional).
    const day = fc.integer({ min: 0, max: 11 * 366 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(day, day, (a, b) => cal.workingDaysBetween(a, b) === slow(a, b)),
      { numRuns: 500, seed: 7 },
    );
    // Every pair of days of the holiday-heavy weeks around Tết 2026 and 2027.
    for (let a: CivilDate = '2026-02-01'; compareCivil(a, '2026-03-01') < 0; a = addDays(a, 1)) {
      for (let b: CivilDate = '2026-02-10'; compareCivil(b, '2027-03-01') < 0; b = addDays(b, 9)) {
        expect(cal.workingDaysBetween(a, b)).toBe(slow(a, b));
      }
    }
  });

  it.each([-1, 1.5, Number.NaN])('rejects a working-day count of %p', (n) => {
    expect(errorCodeOf(() => cal.addWorkingDays('2026-01-20', n))).toBe('INVALID_ARGUMENT');
    expect(errorCodeOf(() => cal.subtractWorkingDays('2026-01-20', n))).toBe('INVALID_ARGUMENT');
  });
});

describe('WorkingCalendar data validation', () => {
  it('exposes version and name', () => {
    expect(cal.version).toBe(VN_PUBLIC_SECTOR_CALENDAR_DATA.version);
    expect(cal.name).toBe('vn-public-sector');
  });

  it.each([
    [
      'a date outside its year',
      {
        version: 't',
        name: 't',
        years: [
          {
            year: 2026,
            status: 'official' as const,
            daysOff: ['2027-01-01'],
            makeUpWorkingDays: [],
          },
        ],
      },
    ],
    [
      'an invalid date',
      {
        version: 't',
        name: 't',
        years: [
          {
            year: 2026,
            status: 'official' as const,
            daysOff: ['2026-02-30'],
            makeUpWorkingDays: [],
          },
        ],
      },
    ],
    [
      'a day both off and make-up',
      {
        version: 't',
        name: 't',
        years: [
          {
            year: 2026,
            status: 'official' as const,
            daysOff: ['2026-01-10'],
            makeUpWorkingDays: ['2026-01-10'],
          },
        ],
      },
    ],
    [
      'a duplicated year',
      {
        version: 't',
        name: 't',
        years: [
          { year: 2026, status: 'official' as const, daysOff: [], makeUpWorkingDays: [] },
          { year: 2026, status: 'provisional' as const, daysOff: [], makeUpWorkingDays: [] },
        ],
      },
    ],
  ])('rejects %s', (_label, data) => {
    expect(errorCodeOf(() => new WorkingCalendar(data))).toMatch(/^INVALID_(CALENDAR|DATE)$/);
  });

  it('an empty calendar has weekends only', () => {
    const c = new WorkingCalendar({ version: '0', name: 'weekends', years: [] });
    expect(c.isWorkingDay('2026-01-01')).toBe(true);
    expect(c.isWorkingDay('2026-01-03')).toBe(false);
    expect(c.addWorkingDays('2026-01-20', 10)).toBe('2026-02-03');
  });
});

describe('unknownHolidaysNote: a year without holiday data is said, not silently weekends-only', () => {
  it.each([
    [2025, true],
    [2026, false],
    [2027, false],
    [2028, true],
    [2040, true],
  ])('%i → a note: %s', (year, noted) => {
    expect(unknownHolidaysNote(cal, year) !== null).toBe(noted);
  });

  it('names the year, in Vietnamese', () => {
    expect(unknownHolidaysNote(cal, 2028)).toBe(
      'chưa có lịch nghỉ lễ chính thức của năm 2028: hạn được tính chỉ theo ngày nghỉ cuối tuần.',
    );
  });

  it('answers for the calendar it is given', () => {
    const c = new WorkingCalendar({
      version: 't',
      name: 't',
      years: [{ year: 2028, status: 'official', daysOff: [], makeUpWorkingDays: [] }],
    });
    expect(unknownHolidaysNote(c, 2028)).toBeNull();
    expect(unknownHolidaysNote(c, 2026)).not.toBeNull();
  });
});
