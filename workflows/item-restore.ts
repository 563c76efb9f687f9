/**
 * Restoring an item whose workflow Temporal lost (ADR 0022): the state rebuilt from what
 * PostgreSQL kept — the items row (status, deadline, deadline version, escalation level …) and
 * the history — so the new run goes on where the lost one stopped. Steps of the current deadline
 * version that were done (or skipped) are not done again, so no mail goes out twice; steps that
 * fell due while the workflow was missing are left to the new run, which does them at once.
 * Pure and deterministic: the workflow calls it at start (item-state.ts).
 */
import type {
  ItemMailKind,
  ItemRestoreSource,
  ItemWorkflowInput,
  RecordedEvent,
} from '../libs/contracts/src';
import { pendingReturnReason, weeklyReminderOf } from '../libs/domain/src';
import { stepKeys } from './item-plan';
import { letterRecipients, scheduleOf, skipPast, withDone } from './item-schedule';
import {
  emit,
  leadMail,
  type ItemState,
  type MailCommand,
  type Transition,
} from './item-transition';

/** Events that begin a deadline version: the first 'created', a new period's, an extension's. */
const VERSION_STARTS: ReadonlySet<string> = new Set(['created', 'extension_approved']);
/** Events of schedule steps (weekly reminders aside): their `step` and `mergedSteps` are done. */
const STEP_EVENTS: ReadonlySet<string> = new Set(['reminder_sent', 'overdue', 'escalated']);

/** The events of the current deadline version (after the last event that began one). */
function currentVersion(events: readonly RecordedEvent[]): {
  start: RecordedEvent | undefined;
  events: readonly RecordedEvent[];
} {
  let startIndex = -1;
  events.forEach((e, i) => {
    if (VERSION_STARTS.has(e.type)) startIndex = i;
  });
  return { start: events[startIndex], events: events.slice(startIndex + 1) };
}

const detailOf = (e: RecordedEvent): Readonly<Record<string, unknown>> => e.detail ?? {};
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const texts = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * Whether the history says the item waited for the secretariat's decision at `t`: the steps that
 * fell due then were skipped (ADR 0002, "Status rules while submitted"), not missed.
 */
export function wasSubmittedAt(events: readonly RecordedEvent[], t: number): boolean {
  let submitted = false;
  for (const e of events) {
    if (e.at > t) continue;
    if (e.type === 'submitted') submitted = true;
    else if (e.type === 'returned' || e.type === 'completed' || e.type === 'cancelled') {
      submitted = false;
    } else if (e.type === 'restored') submitted = detailOf(e).status === 'submitted';
  }
  return submitted;
}

/**
 * The step keys of the current deadline version already done, and the anchor of the weekly
 * overdue reminders, as the lost run had them:
 * - at the version's start, steps already past were skipped (skipPast, the same function);
 * - a step with its event in the version ('reminder_sent', 'overdue', 'escalated') was done,
 *   with the keys merged into it;
 * - a step due while the history says the item was submitted was skipped;
 * - weekly reminders and a return to overdue move the anchor, as they did in the lost run.
 * Anything else of the plan is still to do: the new run does what is due at once.
 */
function stepsOf(
  state: ItemState,
  events: readonly RecordedEvent[],
  input: ItemWorkflowInput,
  now: number,
): Pick<ItemState, 'doneSteps' | 'lastWeeklyReminderAt'> {
  const { start, events: version } = currentVersion(events);
  let s: ItemState = { ...state, doneSteps: [], lastWeeklyReminderAt: null };
  if (start) s = skipPast(s, { now: start.at, input });
  for (const e of version) {
    const d = detailOf(e);
    if (e.type === 'reminder_sent' && d.weekly === true) {
      const weekly = weeklyReminderOf(text(d.step) ?? '');
      s = { ...s, lastWeeklyReminderAt: weekly?.at ?? e.at };
    } else if (STEP_EVENTS.has(e.type)) {
      const step = text(d.step);
      if (step) s = withDone(s, [step, ...texts(d.mergedSteps)]);
    } else if (e.type === 'returned' && d.status === 'overdue') {
      s = { ...s, lastWeeklyReminderAt: e.at };
    }
  }
  for (const step of scheduleOf(s, input)) {
    const keys = stepKeys(step);
    if (keys.every((k) => s.doneSteps.includes(k))) continue;
    // A step past at the version's start ran then (the overdue mark) or was skipped.
    const ranAt = Math.max(step.at, start?.at ?? step.at);
    if (ranAt <= now && wasSubmittedAt(events, ranAt)) s = withDone(s, keys);
  }
  return { doneSteps: s.doneSteps, lastWeeklyReminderAt: s.lastWeeklyReminderAt };
}

/**
 * The state of a restored item and its 'restored' event: the row's state, the agencies of the
 * input (built from the same row), the steps and bookkeeping rebuilt from the history, and the
 * sequence continuing after the last event recorded.
 */
export function restoredState(
  input: ItemWorkflowInput,
  source: ItemRestoreSource,
  workflowId: string,
  now: number,
): Transition {
  const { row } = source;
  const events = [...source.events].sort((a, b) => a.seq - b.seq);
  const lastSeq = events.reduce((max, e) => Math.max(max, e.seq), 0);
  const lastSubmission = events.filter((e) => e.type === 'submitted').pop();
  const base: ItemState = {
    itemId: input.itemId,
    workflowId,
    status: row.status,
    lead: input.lead,
    support: input.support,
    due: row.due,
    originalDue: row.originalDue,
    deadlineVersion: row.deadlineVersion,
    escalationLevel: row.escalationLevel,
    progressPercent: row.progressPercent,
    completedLate: row.completedLate,
    pendingExtension: row.pendingExtension,
    doneSteps: [],
    seq: Math.max(row.version, lastSeq),
    lastWeeklyReminderAt: null,
    closedAt: null,
    submittedAt: row.status === 'submitted' ? (lastSubmission?.at ?? now) : null,
    decidedExtensionIds: events.flatMap((e) =>
      e.type === 'extension_approved' || e.type === 'extension_rejected'
        ? texts([detailOf(e).requestId])
        : [],
    ),
    // A return the agency has not answered yet, as its history tells it.
    returnedFor: pendingReturnReason(row.status, events),
  };
  const state: ItemState = { ...base, ...stepsOf(base, events, input, now) };
  const [s, ev] = emit(state, now, 'restored', null, {
    status: state.status,
    deadlineVersion: state.deadlineVersion,
    escalationLevel: state.escalationLevel,
    doneSteps: state.doneSteps,
    afterSeq: lastSeq,
  });
  return { state: s, events: [ev], mails: [] };
}

/** A step's mail that was on its way when the workflow was lost: its event still says pending. */
export interface PendingMail {
  /** The seq of the step's event, whose delivery keys the mail's outcome completes. */
  readonly seq: number;
  /** When the step was performed (the mail's 'meant to go out at'). */
  readonly at: number;
  readonly mail: MailCommand;
}

const STEP_MAIL_KINDS: Readonly<Record<string, ItemMailKind>> = {
  reminder_sent: 'reminder',
  overdue: 'overdue',
  escalated: 'escalation',
};

/**
 * The mails of the current deadline version whose step events were recorded with their mail
 * pending (ADR 0018) and never completed: the lost run may or may not have sent them. The new
 * run sends them (mail_log skips a recipient already served) and completes their events.
 */
export function pendingMails(state: ItemState, events: readonly RecordedEvent[]): PendingMail[] {
  return currentVersion(events).events.flatMap((e): PendingMail[] => {
    const d = detailOf(e);
    const step = text(d.step);
    const kind = STEP_MAIL_KINDS[e.type];
    if (d.mailDelivery !== 'pending' || !step || !kind) return [];
    const base = leadMail(state, step, d.weekly === true ? 'weekly_overdue' : kind);
    const recipients = texts(d.recipients);
    const mail: MailCommand =
      kind === 'escalation'
        ? {
            ...base,
            level: typeof d.level === 'number' ? d.level : 1,
            recipients,
            letterTo: letterRecipients(recipients, state.lead),
          }
        : { ...base, ...(recipients.length > 0 ? { recipients } : {}) };
    return mail.recipients.length > 0 ? [{ seq: e.seq, at: e.at, mail }] : [];
  });
}
