import type { WorkingCalendar } from '../calendar/working-calendar';
import { civilDateAt } from '../time/civil-date';
import type { ItemStatus } from './item-status';

/**
 * THE definition of "overdue". Every reader uses it: the workflow (open or overdue after a return
 * or an approved extension), the API's item response, the list filter and the reports (through
 * the SQL twin in libs/persistence, `overdueSql`, proven equal by test/e2e/overdue-rule.test.ts).
 */

/** Statuses that are overdue whatever the clock says: the workflow marked them at the due instant. */
export const OVERDUE_STATUSES: readonly ItemStatus[] = ['overdue'];

/**
 * Statuses that are overdue as soon as the legal due instant has passed, even before the
 * workflow's mark reaches the projection. Submitted, completed and cancelled items never are.
 */
export const OVERDUE_WHEN_PAST_DUE: readonly ItemStatus[] = ['open'];

/**
 * The legal due instant has passed: now >= dueAt. A deadline on day d ends at 24:00 of its legal
 * due date (an exclusive bound), so at that very instant the item is late. No deadline: never.
 */
export function isPastDue(dueAtMs: number | null, nowMs: number): boolean {
  return dueAtMs !== null && nowMs >= dueAtMs;
}

export interface OverdueFacts {
  readonly status: ItemStatus;
  /** The legal due instant (epoch ms), or null when the item has no deadline. */
  readonly dueAtMs: number | null;
}

/** Marked overdue, or still open past its legal due instant. */
export function isOverdue(item: OverdueFacts, nowMs: number): boolean {
  return (
    OVERDUE_STATUSES.includes(item.status) ||
    (OVERDUE_WHEN_PAST_DUE.includes(item.status) && isPastDue(item.dueAtMs, nowMs))
  );
}

/**
 * Working days from today (the Asia/Ho_Chi_Minh date of `nowMs`) to the day the deadline legally
 * ends (the local date of the last instant before `dueAtMs`): positive = working days left, 0 = due
 * today, negative = working days overdue. A day off "today" does not count (counting starts the
 * day after). A deadline on Sunday 25/01/2026 ends with Monday 26/01, so on Friday 23/01 one
 * working day is left, not zero. Mails say "còn N ngày làm việc" from it.
 */
export function workingDaysLeft(dueAtMs: number, nowMs: number, calendar: WorkingCalendar): number {
  return calendar.workingDaysBetween(civilDateAt(nowMs), civilDateAt(dueAtMs - 1));
}

/**
 * "Chậm N ngày làm việc": the working days past the legal due date, the negative of
 * `workingDaysLeft` once the deadline has passed (ADR 0007); 0 before the due instant and without
 * a deadline. Due Thursday 22/01/2026: Friday 23/01 → 1, Saturday 24/01 → 1, Monday 26/01 → 2.
 * Mails, the item response and the reports all show this count.
 */
export function workingDaysOverdue(
  dueAtMs: number | null,
  nowMs: number,
  calendar: WorkingCalendar,
): number {
  if (dueAtMs === null || !isPastDue(dueAtMs, nowMs)) return 0;
  return Math.max(0, -workingDaysLeft(dueAtMs, nowMs, calendar));
}
