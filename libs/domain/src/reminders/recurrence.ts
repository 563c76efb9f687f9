import { DomainError } from '../errors';
import {
  addDays,
  civilParts,
  type CivilDate,
  compareCivil,
  dayOfWeek,
  isCivilDate,
  lastDayOfMonth,
  makeCivilDate,
} from '../time/civil-date';

export type RecurrenceFrequency = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/**
 * A recurring deadline ("báo cáo định kỳ hằng tháng, trước ngày 25" → monthly, day 24).
 * `day`: day of the month (in each month of `months`), or the weekday 1 = Monday … 7 = Sunday
 * (weekly). Without it a period ends on its last day (weekly: Friday).
 * `months`: the months of the year in which a period ends, ascending ("định kỳ 6 tháng" → monthly,
 * [6, 12]; "trước ngày 31/3 hằng năm" → yearly, [3]). Absent: every month (monthly), 3, 6, 9, 12
 * (quarterly), 12 (yearly). Never set for weekly.
 */
export interface Recurrence {
  readonly frequency: RecurrenceFrequency;
  readonly day?: number;
  readonly months?: readonly number[];
}

const DEFAULT_MONTHS: Record<Exclude<RecurrenceFrequency, 'weekly'>, readonly number[]> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  quarterly: [3, 6, 9, 12],
  yearly: [12],
};

const monthDay = (year: number, month: number, day: number | undefined): CivilDate =>
  makeCivilDate(year, month, Math.min(day ?? 31, lastDayOfMonth(year, month)));

/**
 * The day a recurring item's first period may end on at the earliest: today, or the notice's date
 * when the notice is dated later (its monthly reports start with it, not before it is issued).
 */
export function firstPeriodFrom(today: CivilDate, issuedOn: string | null | undefined): CivilDate {
  return isCivilDate(issuedOn) && compareCivil(issuedOn, today) > 0 ? issuedOn : today;
}

/** The deadline of the first period that ends on or after `from` (the literal date, day off or not). */
export function nextOccurrence(r: Recurrence, from: CivilDate): CivilDate {
  if (!hasValidDay(r)) {
    throw new DomainError('INVALID_RECURRENCE', `Ngày định kỳ không hợp lệ: ${String(r.day)}.`);
  }
  if (!hasValidMonths(r)) {
    throw new DomainError(
      'INVALID_RECURRENCE',
      `Tháng định kỳ không hợp lệ: ${JSON.stringify(r.months)}.`,
    );
  }
  if (r.frequency === 'weekly') {
    const weekday = (r.day ?? 5) % 7; // ISO 1..7 → 0 = Sunday … 6
    return addDays(from, (weekday - dayOfWeek(from) + 7) % 7);
  }
  const { year, month } = civilParts(from);
  const months = [...(r.months ?? DEFAULT_MONTHS[r.frequency])].sort((a, b) => a - b);
  // Every month of the next year is after `from`, so two years always hold the answer.
  for (const y of [year, year + 1]) {
    for (const m of months) {
      if (y === year && m < month) continue;
      const candidate = monthDay(y, m, r.day);
      if (compareCivil(candidate, from) >= 0) return candidate;
    }
  }
  throw new DomainError('INVALID_RECURRENCE', 'Không tìm được kỳ hạn tiếp theo.');
}

const FREQUENCIES: readonly unknown[] = ['weekly', 'monthly', 'quarterly', 'yearly'];

/** A day some period has: 1–7 for a weekday, 1–31 for a day of the month. */
function hasValidDay(r: Recurrence): boolean {
  const max = r.frequency === 'weekly' ? 7 : 31;
  return r.day === undefined || (Number.isInteger(r.day) && r.day >= 1 && r.day <= max);
}

/** Months 1–12, at least one, none twice; a week has no months. */
function hasValidMonths(r: Recurrence): boolean {
  const { months } = r;
  if (months === undefined) return true;
  return (
    r.frequency !== 'weekly' &&
    months.length > 0 &&
    new Set(months).size === months.length &&
    months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12)
  );
}

/**
 * The recurrence of a stored `recurring` deadline ({frequency, day?, months?, …}), or null when
 * malformed. A stored deadline without `months` gives a recurrence without `months`.
 */
export function recurrenceOf(d: unknown): Recurrence | null {
  if (typeof d !== 'object' || d === null) return null;
  const { frequency, day, months } = d as { frequency?: unknown; day?: unknown; months?: unknown };
  if (!FREQUENCIES.includes(frequency) || (day !== undefined && typeof day !== 'number')) {
    return null;
  }
  if (
    months !== undefined &&
    !(Array.isArray(months) && months.every((m): m is number => typeof m === 'number'))
  ) {
    return null;
  }
  const r: Recurrence = {
    frequency: frequency as RecurrenceFrequency,
    ...(day === undefined ? {} : { day }),
    ...(months === undefined ? {} : { months: [...months].sort((a, b) => a - b) }),
  };
  return hasValidDay(r) && hasValidMonths(r) ? r : null;
}
