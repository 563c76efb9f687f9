/**
 * The only place the workflow names domain functions (libs/domain): the planner, the working
 * calendar and the status rules. A thin adapter: decisions live in the domain library, this file
 * only maps the workflow's plain contract types (DueSpec, ReminderPolicy) onto it.
 *
 * Everything here runs inside workflow code and must stay deterministic for a given input: any
 * change that alters what a running item decides (calendar data for a year in use, planner or
 * status rules) needs `patched()` (ADR 0002).
 */
import {
  addDays,
  endOfDay,
  invalidTransition,
  nextOccurrence,
  isClosed,
  nextWeeklyOverdueReminder,
  planSchedule,
  transition,
  vnPublicSectorCalendar,
  type ItemAction,
  type ItemStatus,
  type ScheduleStep,
  type WeeklyReminderStep,
  type WorkingCalendar,
} from '../libs/domain/src';
import type { DueSpec, RecurrenceSpec, ReminderPolicy } from '../libs/contracts/src';

/** The working calendar every item plans with. */
export const CALENDAR: WorkingCalendar = vnPublicSectorCalendar;

/**
 * One step of a deadline version: keys 'remind:P3D', 'overdue', 'escalate:1:P1D'. A reminder may
 * carry `mergedKeys` (policy entries that fell on the same instant): performed once, all keys done.
 */
export type PlannedStep = Readonly<ScheduleStep>;
/** A weekly overdue reminder, key 'weekly:YYYY-MM-DD' (the local date it fires). */
export type WeeklyStep = Readonly<WeeklyReminderStep>;
/** What a command asks of the status model. */
export type StatusAction = ItemAction;

/** The ordered schedule of one deadline version (the literal date anchors reminders). */
export function planSteps(due: DueSpec, policy: ReminderPolicy): PlannedStep[] {
  return planSchedule({
    dueAt: due.at,
    ...(due.date === null ? {} : { dueDate: due.date }),
    policy,
    calendar: CALENDAR,
  });
}

/** Every key a step stands for: its own and those merged into it. */
export function stepKeys(step: PlannedStep): readonly string[] {
  return step.mergedKeys && step.mergedKeys.length > 0
    ? [step.key, ...step.mergedKeys]
    : [step.key];
}

/** The next weekly overdue reminder after `afterMs`: 08:00+07, a week on, moved to a working day. */
export function nextWeeklyStep(afterMs: number): WeeklyStep {
  return nextWeeklyOverdueReminder(afterMs, CALENDAR);
}

/** The status after `action`, or the domain's refusal (Vietnamese message). */
export function statusAfter(
  status: ItemStatus,
  action: StatusAction,
  overdueNow: boolean,
): ItemStatus | { readonly message: string } {
  const r = transition(status, action, { overdueNow });
  return r.ok ? r.status : { message: r.error.message };
}

/** completed and cancelled: nothing more happens to the item. */
export function isFinal(status: ItemStatus): boolean {
  return isClosed(status);
}

/** The domain's refusal of `action` in `status` (e.g. for any command on a closed item). */
export function refusal(status: ItemStatus, action: StatusAction): string {
  return invalidTransition(status, action).message;
}

/** The deadline of the period after the one that ended on `periodEnd`: the literal date, legally due at the end of the next working day. */
export function nextPeriodDue(recurrence: RecurrenceSpec, periodEnd: string): DueSpec {
  const date = nextOccurrence(recurrence, addDays(periodEnd, 1));
  return { date, at: endOfDay(CALENDAR.legalDueDate(date)) };
}
