import { DomainError } from '../errors';
import {
  addDays,
  civilParts,
  compareCivil,
  dayOfWeek,
  daysBetween,
  parseCivilDate,
  type CivilDate,
} from '../time/civil-date';
import {
  VN_PUBLIC_SECTOR_CALENDAR_DATA,
  type CalendarData,
  type CalendarYear,
  type CalendarYearStatus,
} from './vn-public-sector';

export type { CalendarData, CalendarYear, CalendarYearStatus } from './vn-public-sector';

/** Years outside the data: weekends only. */
export type CalendarStatus = CalendarYearStatus | 'weekends-only';

// Any stretch of consecutive days off is far shorter than this; guards against bad data looping forever.
const MAX_SCAN_DAYS = 366;

export class WorkingCalendar {
  readonly version: string;
  readonly name: string;
  private readonly daysOff = new Set<CivilDate>();
  private readonly makeUp = new Set<CivilDate>();
  private readonly years = new Map<number, CalendarYear>();
  /** Day numbers (`dayNo`), ascending, of the days off on a weekday and the make-up weekends. */
  private readonly offWeekdays: number[];
  private readonly workedWeekends: number[];

  constructor(data: CalendarData) {
    this.version = data.version;
    this.name = data.name;
    for (const y of data.years) {
      if (this.years.has(y.year)) {
        throw new DomainError('INVALID_CALENDAR', `Lịch làm việc khai báo năm ${y.year} hai lần.`);
      }
      this.years.set(y.year, y);
      for (const d of y.daysOff) this.daysOff.add(this.inYear(d, y.year));
      for (const d of y.makeUpWorkingDays) this.makeUp.add(this.inYear(d, y.year));
    }
    for (const d of this.makeUp) {
      if (this.daysOff.has(d)) {
        throw new DomainError('INVALID_CALENDAR', `Ngày ${d} vừa là ngày nghỉ vừa là ngày làm bù.`);
      }
    }
    const weekend = (d: CivilDate): boolean => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
    const ascending = (ds: Iterable<CivilDate>): number[] =>
      [...ds].map(dayNo).sort((a, b) => a - b);
    this.offWeekdays = ascending([...this.daysOff].filter((d) => !weekend(d)));
    this.workedWeekends = ascending([...this.makeUp].filter(weekend));
  }

  private inYear(d: CivilDate, year: number): CivilDate {
    const date = parseCivilDate(d);
    if (civilParts(date).year !== year) {
      throw new DomainError(
        'INVALID_CALENDAR',
        `Ngày ${d} không thuộc năm ${year} của lịch làm việc.`,
      );
    }
    return date;
  }

  statusOf(year: number): CalendarStatus {
    return this.years.get(year)?.status ?? 'weekends-only';
  }

  isWorkingDay(d: CivilDate): boolean {
    if (this.makeUp.has(d)) return true;
    if (this.daysOff.has(d)) return false;
    const dow = dayOfWeek(d);
    return dow !== 0 && dow !== 6;
  }

  /** The first working day strictly after d. */
  nextWorkingDay(d: CivilDate): CivilDate {
    return this.scan(d, 1);
  }

  /** The last working day strictly before d. */
  previousWorkingDay(d: CivilDate): CivilDate {
    return this.scan(d, -1);
  }

  private scan(d: CivilDate, step: 1 | -1): CivilDate {
    let cur = d;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      cur = addDays(cur, step);
      if (this.isWorkingDay(cur)) return cur;
    }
    throw new DomainError('INVALID_CALENDAR', `Không tìm thấy ngày làm việc gần ngày ${d}.`);
  }

  /**
   * "N ngày làm việc kể từ ngày X": counting starts the day after X (BLDS art. 147) and only working
   * days count; the result is the N-th working day. n = 0 returns d unchanged.
   */
  addWorkingDays(d: CivilDate, n: number): CivilDate {
    assertCount(n);
    let cur = d;
    for (let i = 0; i < n; i++) cur = this.nextWorkingDay(cur);
    return cur;
  }

  /** The n-th working day strictly before d; n = 0 → d if it is a working day, else the previous one. */
  subtractWorkingDays(d: CivilDate, n: number): CivilDate {
    assertCount(n);
    if (n === 0) return this.isWorkingDay(d) ? d : this.previousWorkingDay(d);
    let cur = d;
    for (let i = 0; i < n; i++) cur = this.previousWorkingDay(cur);
    return cur;
  }

  /** A period ending on a day off ends at the end of the next working day (BLDS 2015 art. 148(5)). */
  legalDueDate(d: CivilDate): CivilDate {
    return this.isWorkingDay(d) ? d : this.nextWorkingDay(d);
  }

  /**
   * Working days in the half-open interval (a, b]: the count n such that addWorkingDays(a, n) is the
   * last working day ≤ b. Negative when b is before a.
   */
  workingDaysBetween(a: CivilDate, b: CivilDate): number {
    const c = compareCivil(a, b);
    if (c === 0) return 0;
    if (c > 0) return -this.workingDaysBetween(b, a);
    // Weekdays in (a, b], less the days off among them, plus the make-up Saturdays and Sundays:
    // constant time, however many years apart (the reports count years-old overdue items).
    const from = dayNo(a);
    const to = dayNo(b);
    return (
      weekdaysThrough(to) -
      weekdaysThrough(from) -
      countIn(this.offWeekdays, from, to) +
      countIn(this.workedWeekends, from, to)
    );
  }
}

const EPOCH: CivilDate = '1970-01-01';
/** Days since 1970-01-01 (a Thursday). */
const dayNo = (d: CivilDate): number => daysBetween(EPOCH, d);

/** Monday–Friday days from some fixed Sunday up to day number n: differences count weekdays. */
function weekdaysThrough(n: number): number {
  const m = n + 4; // 0 on a Sunday
  const weeks = Math.floor(m / 7);
  return 5 * weeks + Math.min(m - 7 * weeks, 5);
}

/** How many of the ascending `days` are in (from, to]. */
function countIn(days: readonly number[], from: number, to: number): number {
  return upperBound(days, to) - upperBound(days, from);
}

/** The number of elements ≤ x of an ascending array. */
function upperBound(days: readonly number[], x: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `Số ngày làm việc phải là số nguyên không âm (nhận ${n}).`,
    );
  }
}

/** The public-sector calendar of Việt Nam (2026 official, 2027 provisional, weekends only otherwise). */
export const vnPublicSectorCalendar = new WorkingCalendar(VN_PUBLIC_SECTOR_CALENDAR_DATA);

/**
 * What a reader must be told about a deadline in `year` whose holidays the calendar does not know
 * ('weekends-only': 2028 onward today), or null. The parser's warnings and the item's response
 * both show it.
 */
export function unknownHolidaysNote(calendar: WorkingCalendar, year: number): string | null {
  return calendar.statusOf(year) === 'weekends-only'
    ? `chưa có lịch nghỉ lễ chính thức của năm ${year}: hạn được tính chỉ theo ngày nghỉ cuối tuần.`
    : null;
}
