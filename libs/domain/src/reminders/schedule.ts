import { DomainError } from '../errors';
import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  addDays,
  civilDateAt,
  endOfDay,
  instantAt,
  isCivilDate,
  parseDueInput,
  type CivilDate,
  type DueInput,
} from '../time/civil-date';
import { parseDuration, type ReminderOffset } from './duration';

/** Whole-day reminders and escalations fire at this local (UTC+7) hour. */
export const REMINDER_HOUR = 8;

export interface ReminderPolicy {
  /** Offsets before the due date: PnD = working days before, at 08:00; PT… = exact. */
  remindBefore: readonly string[];
  /** Offsets after the legal due: PnD = working days after, at 08:00; PT… = exact. Level = order + 1. */
  escalateAfter: readonly string[];
}

/** Remind 7, 3, 1 working days before and on the day; escalate 1 and 3 working days after. */
export const DEFAULT_POLICY: Readonly<ReminderPolicy> = Object.freeze({
  remindBefore: Object.freeze(['P7D', 'P3D', 'P1D', 'P0D']),
  escalateAfter: Object.freeze(['P1D', 'P3D']),
});

export type ScheduleStepKind = 'reminder' | 'overdue' | 'escalation';

export interface ScheduleStep {
  /** Stable per policy entry: 'remind:P3D', 'overdue', 'escalate:1:P1D'. */
  key: string;
  kind: ScheduleStepKind;
  /** Escalations only: 1 = agency head + secretariat, 2 and above = committee head. */
  level?: number;
  /** Epoch ms. */
  at: number;
  /**
   * Reminders only: keys of other policy entries that fell on the same instant and were merged into
   * this step (e.g. P1D and P0D before a Sunday deadline both land on Friday 08:00). Mark them done too.
   */
  mergedKeys?: string[];
}

export interface WeeklyReminderStep {
  /** 'weekly:YYYY-MM-DD' (the local date it fires). */
  key: string;
  kind: 'weekly';
  at: number;
}

export interface PlanInput {
  /** The LEGAL due instant (epoch ms): the item is overdue when now >= dueAt. */
  dueAt: number;
  /** The literal date the notice/API named, when the due was a date; absent for an exact instant. */
  dueDate?: CivilDate;
  policy: ReminderPolicy;
  calendar: WorkingCalendar;
}

/** A due as the workflow needs it. */
export interface ResolvedDue {
  /** Legal due instant (epoch ms). */
  dueAt: number;
  /** The literal date, when the due was a date. */
  dueDate?: CivilDate;
  /** The date the deadline legally ends on (local). */
  legalDueDate: CivilDate;
  /** True when the literal date is a day off and the deadline moved (BLDS art. 148(5)). */
  movedToWorkingDay: boolean;
}

/**
 * Resolves the API's `due` (a date: end of that day, moved to the end of the next working day when
 * the day is off; an instant: exactly that instant).
 */
export function resolveDue(due: string | DueInput, calendar: WorkingCalendar): ResolvedDue {
  const input = typeof due === 'string' ? parseDueInput(due) : due;
  if (input.kind === 'instant') {
    return { dueAt: input.at, legalDueDate: dueDayOf(input.at), movedToWorkingDay: false };
  }
  const legalDueDate = calendar.legalDueDate(input.date);
  return {
    dueAt: endOfDay(legalDueDate),
    dueDate: input.date,
    legalDueDate,
    movedToWorkingDay: legalDueDate !== input.date,
  };
}

/** The years a new deadline may be written in: anything else is a typing slip, not a plan. */
export const DUE_YEARS = { first: 2000, last: 2099 } as const;

/**
 * The deadline a person sets (an item, a notice's item, an extension, a changed deadline): read as
 * resolveDue reads it, written in DUE_YEARS. The workflow plans working days past the deadline;
 * near the year 9999 that plan cannot be made and the item would never move.
 */
export function resolveNewDue(due: string, calendar: WorkingCalendar): ResolvedDue {
  const input = parseDueInput(due);
  const year = Number(due.trim().slice(0, 4));
  if (!(year >= DUE_YEARS.first && year <= DUE_YEARS.last)) {
    throw new DomainError(
      'INVALID_DUE',
      `Hạn xử lý phải nằm trong các năm từ ${DUE_YEARS.first} đến ${DUE_YEARS.last}.`,
    );
  }
  return resolveDue(input, calendar);
}

/** The local date a due instant belongs to; an instant at exactly 00:00 local ends the previous day. */
export function dueDayOf(at: number): CivilDate {
  return civilDateAt(at - 1);
}

/** A policy from the API, missing lists taken from the default (an empty list means none). */
export function resolvePolicy(partial?: Partial<ReminderPolicy> | null): {
  remindBefore: string[];
  escalateAfter: string[];
} {
  const policy = {
    remindBefore: [...(partial?.remindBefore ?? DEFAULT_POLICY.remindBefore)],
    escalateAfter: [...(partial?.escalateAfter ?? DEFAULT_POLICY.escalateAfter)],
  };
  validatePolicy(policy);
  return policy;
}

/** Throws DomainError('INVALID_DURATION') on the first invalid entry. */
export function validatePolicy(policy: ReminderPolicy): void {
  const lists: unknown[] = [policy.remindBefore, policy.escalateAfter];
  for (const list of lists) {
    if (!Array.isArray(list)) {
      throw new DomainError(
        'INVALID_DURATION',
        'Chính sách nhắc việc phải gồm hai danh sách khoảng thời gian.',
      );
    }
    for (const s of list as unknown[]) parseDuration(s);
  }
}

/** Parses and de-duplicates (by canonical text) a list of offsets, keeping the first occurrence. */
function offsets(list: readonly string[]): ReminderOffset[] {
  const seen = new Set<string>();
  const out: ReminderOffset[] = [];
  for (const s of list) {
    const o = parseDuration(s);
    if (seen.has(o.text)) continue;
    seen.add(o.text);
    out.push(o);
  }
  return out;
}

const KIND_ORDER: Record<ScheduleStepKind, number> = { reminder: 0, overdue: 1, escalation: 2 };

/**
 * The schedule of one deadline version, ordered by time (ties: reminder, overdue, escalation).
 *
 * - Reminders, whole days (PnD): the n-th working day before the literal due date (the date of the
 *   instant when the due is exact), at 08:00 local. A literal date on a day off counts back from that
 *   date, so reminders land before the break, not before the legal due. P0D = 08:00 on the due day
 *   if it is a working day, else on the previous working day.
 * - Reminders, sub-day (PT…): dueAt − offset, exactly.
 * - Reminders at or after dueAt are dropped (e.g. P0D for an exact due at 07:00).
 * - Reminders landing on the same instant (P1D and P0D before a Sunday) are merged into one step: one
 *   mail, not two in the same minute. The step keeps the key of the first entry in policy order and
 *   lists the others in `mergedKeys`.
 * - Overdue at dueAt.
 * - Escalations, whole days: n working days after the legal due date, at 08:00; sub-day: dueAt +
 *   offset; never before dueAt. Levels follow time order (1 = earliest), which equals list order
 *   (level = index + 1) for an ascending policy.
 *
 * Past steps are the caller's business (the workflow marks them done).
 */
export function planSchedule(input: PlanInput): ScheduleStep[] {
  const { dueAt, calendar, policy } = input;
  if (!Number.isFinite(dueAt)) throw new DomainError('INVALID_DUE', 'Hạn xử lý không hợp lệ.');
  const remindAnchor = input.dueDate ?? dueDayOf(dueAt);
  const legalDay = dueDayOf(dueAt);

  const reminders: ScheduleStep[] = [];
  for (const o of offsets(policy.remindBefore)) {
    const at =
      o.kind === 'exact'
        ? dueAt - o.ms
        : instantAt(calendar.subtractWorkingDays(remindAnchor, o.days), REMINDER_HOUR);
    if (at >= dueAt) continue;
    const key = `remind:${o.text}`;
    const same = reminders.find((r) => r.at === at);
    if (same) (same.mergedKeys ??= []).push(key);
    else reminders.push({ key, kind: 'reminder', at });
  }

  const escalations = offsets(policy.escalateAfter)
    .map((o, index) => ({
      o,
      index,
      // Never before the overdue mark: 'P0D after' means at the legal due instant.
      at: Math.max(
        dueAt,
        o.kind === 'exact'
          ? dueAt + o.ms
          : instantAt(calendar.addWorkingDays(legalDay, o.days), REMINDER_HOUR),
      ),
    }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ o, at }, rank): ScheduleStep => ({
      key: `escalate:${rank + 1}:${o.text}`,
      kind: 'escalation',
      level: rank + 1,
      at,
    }));

  const steps: ScheduleStep[] = [
    ...reminders,
    { key: 'overdue', kind: 'overdue', at: dueAt },
    ...escalations,
  ];
  return steps.sort(
    (a, b) =>
      a.at - b.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.level ?? 0) - (b.level ?? 0),
  );
}

const WEEKLY_PREFIX = 'weekly:';

/** The weekly overdue reminder on a working day: 08:00 local, keyed by its date. */
const weeklyStepOn = (date: CivilDate): WeeklyReminderStep => ({
  key: `${WEEKLY_PREFIX}${date}`,
  kind: 'weekly',
  at: instantAt(date, REMINDER_HOUR),
});

/**
 * The weekly overdue reminder after `afterMs` (the previous weekly reminder, the last escalation or a
 * return): 7 calendar days after that local date, at 08:00, moved forward to a working day.
 */
export function nextWeeklyOverdueReminder(
  afterMs: number,
  calendar: WorkingCalendar,
): WeeklyReminderStep {
  const date = calendar.legalDueDate(addDays(civilDateAt(afterMs), 7));
  return weeklyStepOn(date);
}

/** The weekly overdue reminder a key names ('weekly:2026-03-13'), or null for any other key. */
export function weeklyReminderOf(key: string): WeeklyReminderStep | null {
  const date = key.startsWith(WEEKLY_PREFIX) ? key.slice(WEEKLY_PREFIX.length) : '';
  return isCivilDate(date) ? weeklyStepOn(date) : null;
}
