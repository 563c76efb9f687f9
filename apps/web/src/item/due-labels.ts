/** How an item's deadline reads on its page and in lists: recurrence, day-off shift, completion. */
import { formatDate, isIsoDay } from '../format';

/** The parts of a stored recurring deadline the labels read (the API types it as a record). */
interface Recurring {
  readonly frequency?: unknown;
  readonly day?: unknown;
  readonly months?: unknown;
  readonly interval?: unknown;
}

const WEEKDAYS = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];

const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : null;

/** "và"-joined months: [6, 12] → "tháng 6 và tháng 12"; [3, 6, 9, 12] → "tháng 3, 6, 9 và 12". */
function monthList(months: readonly number[]): string {
  if (months.length === 1) return `tháng ${months[0]}`;
  if (months.length === 2) return `tháng ${months[0]} và tháng ${months[1]}`;
  return `tháng ${months.slice(0, -1).join(', ')} và ${months[months.length - 1]}`;
}

/**
 * A recurring deadline in words ("hằng tháng, ngày 25", "6 tháng một lần (tháng 6 và tháng 12),
 * ngày 25"); null for any other deadline.
 */
export function recurrenceLabel(deadline: unknown): string | null {
  if (typeof deadline !== 'object' || deadline === null) return null;
  if ((deadline as { kind?: unknown }).kind !== 'recurring') return null;
  const r = deadline as Recurring;
  const day = num(r.day);
  const months = Array.isArray(r.months)
    ? r.months.filter((m): m is number => num(m) !== null)
    : [];
  const interval = num(r.interval);
  let every: string;
  if (r.frequency === 'weekly') {
    return day !== null && WEEKDAYS[day] ? `hằng tuần, ${WEEKDAYS[day]}` : 'hằng tuần';
  } else if (interval !== null && interval > 1 && interval < 12) {
    every = `${interval} tháng một lần${months.length ? ` (${monthList(months)})` : ''}`;
  } else if (r.frequency === 'monthly' && months.length > 0 && months.length < 12) {
    every = `vào ${monthList(months)}`;
  } else if (r.frequency === 'monthly') {
    every = 'hằng tháng';
  } else if (r.frequency === 'quarterly') {
    // A quarter's period ends in its last month (domain: months 3, 6, 9, 12).
    return day !== null ? `hằng quý, ngày ${day} của tháng cuối quý` : 'hằng quý, ngày cuối quý';
  } else if (r.frequency === 'yearly') {
    every = months.length ? `hằng năm, ${monthList(months)}` : 'hằng năm';
  } else {
    every = 'định kỳ';
  }
  return day !== null ? `${every}, ngày ${day}` : every;
}

/**
 * When the literal due date falls on a day off, the item is legally due at the end of a later
 * working day: "(trùng ngày nghỉ, tính đến hết ngày 15/03/2027)". Null when they agree, or when
 * either is missing or the due is an exact instant.
 * `dueAt` is the instant the item is due: the end of the legal day (the next day's 00:00, UTC+7).
 */
export function dayOffHint(due: string | null, dueAt: string | null): string | null {
  if (!due || !dueAt || !isIsoDay(due)) return null;
  const at = Date.parse(dueAt);
  if (Number.isNaN(at)) return null;
  const legal = formatDate(new Date(at - 1).toISOString());
  return legal === formatDate(due) ? null : `(trùng ngày nghỉ, tính đến hết ngày ${legal})`;
}

/**
 * A deadline as the workflow keeps it ({date, at}: at in epoch ms) in words: "15/03/2027", with
 * the day-off hint when that date is a day off. Null without a literal date.
 */
export function dueSpecText(due: { date?: unknown; at?: unknown }): string | null {
  if (typeof due.date !== 'string') return null;
  const at = typeof due.at === 'number' ? new Date(due.at).toISOString() : null;
  const hint = dayOffHint(due.date, at);
  return hint ? `${formatDate(due.date)} ${hint}` : formatDate(due.date);
}

/** "Đã hoàn thành đúng hạn" / "… trễ hạn" for a completed item; null otherwise. */
export function completionLabel(status: string, completedLate: boolean | null): string | null {
  if (status !== 'completed') return null;
  if (completedLate === null) return 'Đã hoàn thành';
  return completedLate ? 'Đã hoàn thành trễ hạn' : 'Đã hoàn thành đúng hạn';
}

/** The history's label of a 'created' event that opened a recurring item's next period. */
export function newPeriodLabel(detail: unknown): string | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const d = detail as { period?: unknown; due?: unknown };
  if (d.period !== true) return null;
  const date =
    typeof d.due === 'object' && d.due !== null ? (d.due as { date?: unknown }).date : null;
  return typeof date === 'string' ? `Mở kỳ mới (hạn ${formatDate(date)})` : 'Mở kỳ mới';
}

/**
 * The banner of an item whose completion report the office sent back and which is open again:
 * "Văn phòng đã trả lại: <lý do>". Null when the last report was not returned (or was reported
 * again since), or the item is no longer open.
 */
export function returnedBanner(
  status: string,
  events: readonly { type: string; detail?: { reason?: string | null } | null }[] | undefined,
): string | null {
  if (!events || (status !== 'open' && status !== 'overdue')) return null;
  const last = [...events]
    .reverse()
    .find((e) => e.type === 'returned' || e.type === 'submitted' || e.type === 'completed');
  if (last?.type !== 'returned') return null;
  return returnedText(last.detail?.reason ?? '');
}

/** The return banner's words for a reason ('' when none was recorded). */
export function returnedText(reason: string): string {
  const said = reason.trim();
  return said ? `Văn phòng đã trả lại: ${said}` : 'Văn phòng đã trả lại báo cáo hoàn thành';
}
