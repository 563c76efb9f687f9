import { DomainError } from '../errors';

/**
 * A civil (calendar) date in Asia/Ho_Chi_Minh, 'YYYY-MM-DD'. A plain string so it serialises as is
 * (JSON, workflow inputs, database columns); build it with parseCivilDate/makeCivilDate to validate.
 */
export type CivilDate = string;

export interface CivilParts {
  year: number;
  month: number;
  day: number;
}

/** Asia/Ho_Chi_Minh is UTC+7 all year (no DST). */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const CIVIL_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    // Date.UTC maps years 0–99 to 1900–1999; no deadline is that old.
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDayOfMonth(year, month)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format(year: number, month: number, day: number): CivilDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isCivilDate(s: unknown): s is CivilDate {
  if (typeof s !== 'string') return false;
  const m = CIVIL_RE.exec(s);
  if (!m) return false;
  return validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parseCivilDate(s: string): CivilDate {
  if (!isCivilDate(s)) {
    throw new DomainError(
      'INVALID_DATE',
      `Ngày không hợp lệ: "${String(s)}" (định dạng YYYY-MM-DD).`,
    );
  }
  return s;
}

/** The civil date of these parts, or null when there is no such day (31/02, month 13 …). */
export function civilDateOrNull(year: number, month: number, day: number): CivilDate | null {
  return validParts(year, month, day) ? format(year, month, day) : null;
}

export function makeCivilDate(year: number, month: number, day: number): CivilDate {
  if (!validParts(year, month, day)) {
    throw new DomainError('INVALID_DATE', `Ngày không hợp lệ: ${day}/${month}/${year}.`);
  }
  return format(year, month, day);
}

export function civilParts(d: CivilDate): CivilParts {
  const m = CIVIL_RE.exec(d);
  if (!m || !validParts(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new DomainError(
      'INVALID_DATE',
      `Ngày không hợp lệ: "${String(d)}" (định dạng YYYY-MM-DD).`,
    );
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Days since 1970-01-01 (the civil date read as a UTC date; offsets do not matter for day counts). */
function dayNumber(d: CivilDate): number {
  const { year, month, day } = civilParts(d);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(n: number): CivilDate {
  const t = new Date(n * DAY_MS);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(d: CivilDate, n: number): CivilDate {
  if (!Number.isInteger(n)) throw new DomainError('INVALID_DATE', `Số ngày không hợp lệ: ${n}.`);
  return fromDayNumber(dayNumber(d) + n);
}

/** Calendar days from a to b (b − a); negative when b is before a. */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  // ISO dates with 4-digit years sort lexicographically.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The civil date in Asia/Ho_Chi_Minh at the given instant. */
export function civilDateAt(epochMs: number): CivilDate {
  return fromDayNumber(Math.floor((epochMs + VN_OFFSET_MS) / DAY_MS));
}

/** An instant as ISO-8601 in Asia/Ho_Chi_Minh ('2026-01-22T23:59:59+07:00', exact to the second). */
export function toVnIso(epochMs: number): string {
  // The UTC fields of the shifted instant are the local wall-clock time.
  const local = new Date(epochMs + VN_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

/** Epoch ms of the local (UTC+7) wall-clock time on that date. */
export function instantAt(d: CivilDate, hour = 0, minute = 0): number {
  return dayNumber(d) * DAY_MS + hour * 3_600_000 + minute * 60_000 - VN_OFFSET_MS;
}

/**
 * The end of the day (24:00 local, i.e. next day 00:00+07:00), an exclusive bound:
 * a deadline on d is missed when now >= endOfDay(d).
 */
export function endOfDay(d: CivilDate): number {
  return instantAt(addDays(d, 1));
}

/** 'dd/mm/yyyy', as Vietnamese documents write dates. */
export function formatVnDate(d: CivilDate): string {
  const { year, month, day } = civilParts(d);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

export type DueInput = { kind: 'date'; date: CivilDate } | { kind: 'instant'; at: number };

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The API's `due`: 'YYYY-MM-DD' (end of that day in Asia/Ho_Chi_Minh) or an ISO-8601 instant with an
 * explicit offset or Z. A local time without an offset is rejected: its meaning would depend on the host.
 */
export function parseDueInput(s: unknown): DueInput {
  const invalid = (): DomainError =>
    new DomainError(
      'INVALID_DUE',
      `Hạn xử lý không hợp lệ: "${String(s)}". Dùng ngày YYYY-MM-DD hoặc thời điểm ISO-8601 có múi giờ (ví dụ 2026-02-03T17:00:00+07:00).`,
    );
  if (typeof s !== 'string') throw invalid();
  const str = s.trim();
  if (isCivilDate(str)) return { kind: 'date', date: str };
  const m = INSTANT_RE.exec(str);
  if (!m) throw invalid();
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (!validParts(year, month, day) || hour > 23 || minute > 59 || second > 59) throw invalid();
  const zone = m[8] ?? 'Z';
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 18 || om > 59) throw invalid();
    offsetMin = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const at = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000;
  return { kind: 'instant', at };
}
