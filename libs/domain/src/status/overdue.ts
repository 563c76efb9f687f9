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
 * "Chậm N ngày làm việc": working days from the legal due date (the local date of the last instant
 * before dueAt) to today in Asia/Ho_Chi_Minh, as the mails count them (ADR 0007). 0 before the due
 * instant and without a deadline; a day off today does not add a day. Due Thursday 22/01/2026:
 * Friday 23/01 → 1, Saturday 24/01 → 1, Monday 26/01 → 2.
 */
export function workingDaysOverdue(
  dueAtMs: number | null,
  nowMs: number,
  calendar: WorkingCalendar,
): number {
  if (dueAtMs === null || !isPastDue(dueAtMs, nowMs)) return 0;
  return calendar.workingDaysBetween(civilDateAt(dueAtMs - 1), civilDateAt(nowMs));
}
