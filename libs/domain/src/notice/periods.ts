import {
  addDays,
  compareCivil,
  type CivilDate,
  dayOfWeek,
  civilDateOrNull,
  lastDayOfMonth,
  makeCivilDate,
} from '../time/civil-date';
import type { DeadlineContext } from './deadline-context';

/** A date or period named in the text: its first and last day. */
export interface Period {
  readonly first: CivilDate;
  readonly last: CivilDate;
  readonly note?: string;
}

export const QUARTER: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

/** A date a notice could plausibly name as a deadline (2000–2100), or null. */
export function validDate(y: number, m: number, d: number): CivilDate | null {
  return y < 2000 || y > 2100 ? null : civilDateOrNull(y, m, d);
}

export const day = (d: CivilDate | null): Period | null => (d ? { first: d, last: d } : null);

export function month(y: number, m: number): Period | null {
  const first = validDate(y, m, 1);
  return first ? { first, last: makeCivilDate(y, m, lastDayOfMonth(y, m)) } : null;
}

export function quarter(y: number, q: number): Period | null {
  const first = validDate(y, q * 3 - 2, 1);
  const last = month(y, q * 3);
  return first && last ? { first, last: last.last } : null;
}

export function year(y: number): Period | null {
  const first = validDate(y, 1, 1);
  return first ? { first, last: makeCivilDate(y, 12, 31) } : null;
}

export const yearOf = (d: CivilDate): number => Number(d.slice(0, 4));

export const y2k = (y: number): boolean => y >= 2000 && y <= 2100;

/**
 * A period named without its year ("30/6", "tháng 3", "quý I"): the first one whose last day is not
 * before the reference (the meeting), rolling over into the next year.
 */
export function inferred(ref: CivilDate | null, make: (y: number) => Period | null): Period | null {
  if (!ref) return null;
  const y = yearOf(ref);
  const same = make(y);
  const chosen = same && compareCivil(same.last, ref) >= 0 ? same : make(y + 1);
  return chosen ? { ...chosen, note: `không ghi năm; hiểu là năm ${yearOf(chosen.last)}` } : null;
}

/** The Vietnamese lunar new year (mùng 1 Tết), 2024–2040. */
const TET: Record<number, string> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
  2036: '2036-01-28',
  2037: '2037-02-15',
  2038: '2038-02-04',
  2039: '2039-01-24',
  2040: '2040-02-12',
};

/** "trước Tết (Nguyên đán)": the last working day before the Tết break that follows the reference. */
export function beforeTet(ctx: DeadlineContext, lunar: boolean): CivilDate | null {
  const ref = ctx.reference ?? ctx.issuedOn;
  if (!ref) return null;
  for (const y of [yearOf(ref), yearOf(ref) + 1]) {
    const tet = lunar ? TET[y] : makeCivilDate(y, 1, 1);
    if (!tet || compareCivil(tet, ref) < 0) continue;
    let d = addDays(tet, -1);
    for (let i = 0; i < 30 && !ctx.calendar.isWorkingDay(d); i++) d = addDays(d, -1);
    return d;
  }
  return null;
}

/** "trong tuần này/tuần sau": the Friday of that week (the working week ends on Friday). */
export function fridayOf(anchor: CivilDate, weeksAhead: number): CivilDate {
  const dow = dayOfWeek(anchor); // 0 = Sunday
  const toFriday = dow === 6 ? 6 : dow === 0 ? 5 : 5 - dow;
  return addDays(anchor, toFriday + 7 * weeksAhead);
}

export function addMonths(d: CivilDate, months: number): CivilDate {
  const total = yearOf(d) * 12 + Number(d.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return makeCivilDate(y, m, Math.min(Number(d.slice(8, 10)), lastDayOfMonth(y, m)));
}
