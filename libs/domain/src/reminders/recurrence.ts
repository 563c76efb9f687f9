import { DomainError } from '../errors';
import {
  addDays,
  civilParts,
  type CivilDate,
  compareCivil,
  dayOfWeek,
  lastDayOfMonth,
  makeCivilDate,
} from '../time/civil-date';

export type RecurrenceFrequency = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/**
 * A recurring deadline ("báo cáo định kỳ hằng tháng, trước ngày 25" → monthly, day 24).
 * `day`: day of the month (monthly; of the quarter's last month; of December for yearly), or the
 * weekday 1 = Monday … 7 = Sunday (weekly). Without it a period ends on its last day (weekly: Friday).
 */
export interface Recurrence {
  readonly frequency: RecurrenceFrequency;
  readonly day?: number;
}

const monthDay = (year: number, month: number, day: number | undefined): CivilDate =>
  makeCivilDate(year, month, Math.min(day ?? 31, lastDayOfMonth(year, month)));

/** The deadline of the first period that ends on or after `from`. */
export function nextOccurrence(r: Recurrence, from: CivilDate): CivilDate {
  const { year, month } = civilParts(from);
  const day = r.day;
  if (!hasValidDay(r)) {
    throw new DomainError('INVALID_RECURRENCE', `Ngày định kỳ không hợp lệ: ${String(day)}.`);
  }
  const firstOnOrAfter = (candidates: (i: number) => CivilDate): CivilDate => {
    for (let i = 0; ; i++) {
      const c = candidates(i);
      if (compareCivil(c, from) >= 0) return c;
    }
  };
  switch (r.frequency) {
    case 'weekly': {
      const weekday = (day ?? 5) % 7; // ISO 1..7 → 0 = Sunday … 6
      return addDays(from, (weekday - dayOfWeek(from) + 7) % 7);
    }
    case 'monthly':
      return firstOnOrAfter((i) => {
        const m = month - 1 + i;
        return monthDay(year + Math.floor(m / 12), (m % 12) + 1, day);
      });
    case 'quarterly':
      return firstOnOrAfter((i) => {
        const m = Math.ceil(month / 3) * 3 - 1 + 3 * i;
        return monthDay(year + Math.floor(m / 12), (m % 12) + 1, day);
      });
    case 'yearly':
      return firstOnOrAfter((i) => monthDay(year + i, 12, day));
  }
}

const FREQUENCIES: readonly unknown[] = ['weekly', 'monthly', 'quarterly', 'yearly'];

/** A day some period has: 1–7 for a weekday, 1–31 for a day of the month. */
function hasValidDay(r: Recurrence): boolean {
  const max = r.frequency === 'weekly' ? 7 : 31;
  return r.day === undefined || (Number.isInteger(r.day) && r.day >= 1 && r.day <= max);
}

/** The recurrence of a stored `recurring` deadline ({frequency, day?, …}), or null when malformed. */
export function recurrenceOf(d: unknown): Recurrence | null {
  if (typeof d !== 'object' || d === null) return null;
  const { frequency, day } = d as { frequency?: unknown; day?: unknown };
  if (!FREQUENCIES.includes(frequency) || (day !== undefined && typeof day !== 'number')) {
    return null;
  }
  const r: Recurrence = {
    frequency: frequency as RecurrenceFrequency,
    ...(day === undefined ? {} : { day }),
  };
  return hasValidDay(r) ? r : null;
}
