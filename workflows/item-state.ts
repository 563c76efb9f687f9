/**
 * How an item's state starts and carries over (continue-as-new, the next period of a recurring
 * item), and what it shows (the view, the projection). No Temporal API here: every function is
 * deterministic in its arguments; the workflow (item.workflow.ts) performs the effects.
 */
import type { ItemProjection, ItemView, ItemWorkflowInput } from '../libs/contracts/src';
import { nextPeriodDue } from './item-plan';
import { restoredState } from './item-restore';
import { skipPast } from './item-schedule';
import {
  deadlineCopies,
  emit,
  leadMail,
  unchanged,
  type Context,
  type ItemState,
  type MailCommand,
  type Transition,
} from './item-transition';

/**
 * The state at start: carried over from continue-as-new, restored from PostgreSQL (plus its
 * 'restored' event) when the reconciler found the workflow missing (ADR 0022), or fresh (plus
 * its 'created' event).
 */
export function initialState(
  input: ItemWorkflowInput,
  workflowId: string,
  now: number,
): Transition {
  if (input.carried) return unchanged(input.carried);
  if (input.restore) return restoredState(input, input.restore, workflowId, now);
  const fresh: ItemState = {
    itemId: input.itemId,
    workflowId,
    status: 'open',
    lead: input.lead,
    support: input.support,
    due: input.due,
    originalDue: input.due,
    deadlineVersion: 1,
    escalationLevel: 0,
    progressPercent: null,
    completedLate: null,
    pendingExtension: null,
    doneSteps: [],
    seq: 0,
    lastWeeklyReminderAt: null,
    closedAt: null,
    submittedAt: null,
    decidedExtensionIds: [],
    returnedFor: null,
  };
  const [s, ev] = emit(fresh, now, 'created', input.createdBy, {
    lead: input.lead.code,
    support: input.support.map((a) => a.code),
    due: input.due,
    policy: input.policy,
  });
  return { state: skipPast(s, { now, input }), events: [ev], mails: [] };
}

/** Step key of the lead agency's assignment mail (ADR 0024). */
export const ASSIGNED_STEP = 'assigned';
/** Step key of the co-ordinating agencies' copy of the assignment. */
export const ASSIGNED_COPY_STEP = 'assigned:support';

/**
 * A new item's start with its assignment (patch 'assignment-mail', ADR 0024): one mail to the
 * lead agency's contact (with its signed link) and one copy, for information, to the contacts of
 * the co-ordinating agencies (each its own mail; the lead's address is not copied). The 'created'
 * event names every recipient; the workflow records it with the mails pending.
 */
export function withAssignment(start: Transition): Transition {
  const s = start.state;
  const lead = leadMail(s, ASSIGNED_STEP, 'assigned');
  const leadAddress = s.lead.contactEmail.trim().toLowerCase();
  const copies = [
    ...new Set(
      s.support
        .map((a) => a.contactEmail.trim().toLowerCase())
        .filter((a) => a.length > 0 && a !== leadAddress),
    ),
  ];
  const mails: MailCommand[] =
    copies.length > 0
      ? [lead, { ...lead, step: ASSIGNED_COPY_STEP, kind: 'assigned_copy', recipients: copies }]
      : [lead];
  const recipients = mails.flatMap((m) => m.recipients);
  const events = start.events.map((e) =>
    e.type === 'created' ? { ...e, detail: { ...e.detail, recipients } } : e,
  );
  return { state: s, events, mails: [...start.mails, ...mails] };
}

/**
 * The next period of a recurring item whose current period was accepted: open again, due at the
 * next occurrence, a new deadline version (fresh reminders), recorded as a 'created' event with
 * `period` in its detail. Null for a one-off item, or one whose due names no date. `acceptNote`:
 * what the Văn phòng wrote when it accepted the period, told to the lead with the next one.
 */
export function nextPeriod(
  state: ItemState,
  ctx: Context,
  acceptNote: string | null = null,
): Transition | null {
  const { input } = ctx;
  if (state.status !== 'completed' || !input.recurrence || !state.due?.date) return null;
  const due = nextPeriodDue(input.recurrence, state.due.date);
  const opened: ItemState = {
    ...state,
    status: 'open',
    due,
    originalDue: due,
    deadlineVersion: state.deadlineVersion + 1,
    escalationLevel: 0,
    progressPercent: null,
    completedLate: null,
    pendingExtension: null,
    doneSteps: [],
    lastWeeklyReminderAt: null,
    closedAt: null,
    submittedAt: null,
  };
  const [s, ev] = emit(opened, ctx.now, 'created', null, {
    period: true,
    previousDue: state.due,
    due,
    recurrence: input.recurrence,
  });
  const next = skipPast(s, ctx);
  // The lead is told the new deadline, the co-ordinating agencies get their copy; both move the
  // calendar event (sent behind the patch 'period-mail').
  const step = `period-${next.deadlineVersion}`;
  return {
    state: next,
    events: [ev],
    mails: [
      // The accepted period's on-time and note, as a one-off item's completion mail gives them.
      leadMail(next, step, 'period_opened', {
        previousDue: state.due,
        completedLate: state.completedLate,
        reason: acceptNote,
      }),
      ...deadlineCopies(next, step, state.due, { nextPeriod: true }),
    ],
  };
}

/** What the state query and every update answer: the state without the workflow's bookkeeping. */
export function toView(s: ItemState): ItemView {
  return {
    itemId: s.itemId,
    workflowId: s.workflowId,
    status: s.status,
    lead: s.lead,
    support: s.support,
    due: s.due,
    originalDue: s.originalDue,
    deadlineVersion: s.deadlineVersion,
    escalationLevel: s.escalationLevel,
    progressPercent: s.progressPercent,
    completedLate: s.completedLate,
    pendingExtension: s.pendingExtension,
    doneSteps: s.doneSteps,
    seq: s.seq,
  };
}

/** The `items` row columns the workflow owns. */
export function toProjection(s: ItemState): ItemProjection {
  return {
    version: s.seq,
    status: s.status,
    leadCode: s.lead.code,
    supportCodes: s.support.map((a) => a.code),
    dueDate: s.due?.date ?? null,
    dueAt: s.due?.at ?? null,
    originalDueDate: s.originalDue?.date ?? null,
    originalDueAt: s.originalDue?.at ?? null,
    completedLate: s.completedLate,
    escalationLevel: s.escalationLevel,
    progressPercent: s.progressPercent,
    pendingExtension: s.pendingExtension,
    deadlineVersion: s.deadlineVersion,
    closedAt: s.closedAt,
  };
}
