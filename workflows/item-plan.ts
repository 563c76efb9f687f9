/**
 * The deadline's plan as the workflow sees it: the domain's planner and working calendar applied
 * to the workflow's contract types (DueSpec, ReminderPolicy). Decisions live in libs/domain; this
 * file only maps types.
 *
 * Everything here runs inside workflow code and must stay deterministic for a given input: any
 * change that alters what a running item decides (calendar data for a year in use, planner rules)
 * needs `patched()` (ADR 0002).
 */
import {
  addDays,
  nextOccurrence,
  nextWeeklyOverdueReminder,
  planSchedule,
  resolveDue,
  vnPublicSectorCalendar,
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

/** The deadline of the period after the one that ended on `periodEnd`, resolved as the API resolves a date. */
export function nextPeriodDue(recurrence: RecurrenceSpec, periodEnd: string): DueSpec {
  const date = nextOccurrence(recurrence, addDays(periodEnd, 1));
  return { date, at: resolveDue(date, CALENDAR).dueAt };
}
