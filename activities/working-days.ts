import type { DueSpec } from '../libs/contracts/src';
import { civilDateAt, vnPublicSectorCalendar, type WorkingCalendar } from '../libs/domain/src';

/**
 * Working days from today (the Asia/Ho_Chi_Minh date of `nowMs`) to the day the deadline legally
 * ends: positive = working days left, 0 = due today, negative = working days overdue.
 *
 * Counted to the LEGAL due date (the local date of the last instant before `due.at`), not the
 * literal one: a deadline on Sunday 25/01/2026 ends with Monday 26/01, so on Friday 23/01 one
 * working day is left, not zero. A day off "today" does not count (counting starts the day after).
 */
export function workingDaysLeft(
  due: DueSpec,
  nowMs: number,
  calendar: WorkingCalendar = vnPublicSectorCalendar,
): number {
  return calendar.workingDaysBetween(civilDateAt(nowMs), civilDateAt(due.at - 1));
}
