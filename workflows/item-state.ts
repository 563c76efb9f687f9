/**
 * The item workflow's state and the pure functions that move it. No Temporal API here: the
 * workflow (item.workflow.ts) calls these from update validators (to reject without writing
 * history), from update handlers and from its timer loop, then performs the returned effects
 * (events to record, mails to send). Every function is deterministic in its arguments.
 */
import type {
  AcceptCommand,
  Actor,
  AgencyRef,
  CancelCommand,
  DueSpec,
  ExtensionDecisionCommand,
  ExtensionRequestCommand,
  ItemCarriedState,
  ItemEventType,
  ItemStatus,
  ItemView,
  ItemWorkflowInput,
  ProgressCommand,
  ReassignCommand,
  ReturnCommand,
  SubmitCommand,
} from '../libs/contracts/src';
import { UPDATE_REJECTION } from '../libs/contracts/src';
import type { ItemMailKind, ItemProjection, RecordedEvent } from '../activities/types';
import {
  nextWeeklyStep,
  planSteps,
  isFinal,
  refusal,
  statusAfter,
  stepKeys,
  type PlannedStep,
  type StatusAction,
  type WeeklyStep,
  nextPeriodDue,
} from './domain-bridge';

export type { PlannedStep, StatusAction, WeeklyStep };

/** Everything the workflow keeps; ItemView plus what it needs to decide the next step. */
export interface ItemState extends ItemView {
  /** Anchor of the weekly overdue reminders (last one sent, or when they were re-armed). */
  readonly lastWeeklyReminderAt: number | null;
  readonly closedAt: number | null;
  readonly submittedAt: number | null;
  /** Extension requests already decided, so a retried request or decision changes nothing. */
  readonly decidedExtensionIds: readonly string[];
}

/** A mail the workflow must send; recipients get one mail each. */
export interface MailCommand {
  readonly step: string;
  readonly kind: ItemMailKind;
  readonly recipients: readonly string[];
  readonly deadlineVersion: number;
  readonly due: DueSpec | null;
  readonly leadName: string;
  readonly level?: number;
  readonly reason?: string | null;
  readonly previousDue?: DueSpec | null;
  readonly previousLeadName?: string | null;
}

export interface Transition {
  readonly state: ItemState;
  readonly events: readonly RecordedEvent[];
  readonly mails: readonly MailCommand[];
}

export type UpdateRejectionType = (typeof UPDATE_REJECTION)[keyof typeof UPDATE_REJECTION];
export interface Rejection {
  readonly rejected: true;
  readonly type: UpdateRejectionType;
  readonly message: string;
}
export type Decision = Transition | Rejection;

export const isRejection = (d: Decision): d is Rejection => 'rejected' in d;

/** What the pure functions need besides the state: the clock and the fixed input. */
export interface Context {
  readonly now: number;
  readonly input: ItemWorkflowInput;
}

const reject = (type: UpdateRejectionType, message: string): Rejection => ({
  rejected: true,
  type,
  message,
});
const invalid = (message: string): Rejection => reject(UPDATE_REJECTION.invalidCommand, message);
const unchanged = (state: ItemState): Transition => ({ state, events: [], mails: [] });

export const isClosed = (s: Pick<ItemView, 'status'>): boolean => isFinal(s.status);

/** Why `action` is refused on a closed item, in the domain's words. */
export function closedRefusal(state: Pick<ItemView, 'status'>, action: StatusAction): Rejection {
  return reject(UPDATE_REJECTION.invalidTransition, refusal(state.status, action));
}

function emit(
  state: ItemState,
  at: number,
  type: ItemEventType,
  actor: Actor | string | null,
  detail: Record<string, unknown> | null,
): [ItemState, RecordedEvent] {
  const seq = state.seq + 1;
  const who = actor === null ? null : typeof actor === 'string' ? actor : actor.email;
  return [
    { ...state, seq },
    { seq, type, at, actor: who, detail },
  ];
}

/** Marks keys done (a merged reminder step stands for several policy entries). */
function withDone(state: ItemState, keys: readonly string[]): ItemState {
  const fresh = keys.filter((k) => !state.doneSteps.includes(k));
  return fresh.length === 0 ? state : { ...state, doneSteps: [...state.doneSteps, ...fresh] };
}

/** The schedule of the current deadline version (empty without a deadline). */
export function scheduleOf(
  state: Pick<ItemView, 'due'>,
  input: ItemWorkflowInput,
): readonly PlannedStep[] {
  return state.due ? planSteps(state.due, input.policy) : [];
}

/**
 * At creation and after a deadline change, steps already in the past are skipped (marked done
 * without mail) except the overdue mark, which still runs at once. If that leaves only past
 * steps, weekly overdue reminders count from now, not from a step long gone.
 */
function skipPast(state: ItemState, ctx: Context): ItemState {
  const plan = scheduleOf(state, ctx.input);
  let s = state;
  for (const step of plan) {
    if (step.at < ctx.now && step.kind !== 'overdue') s = withDone(s, stepKeys(step));
  }
  const last = plan[plan.length - 1];
  if (last && last.at < ctx.now) s = { ...s, lastWeeklyReminderAt: ctx.now };
  return s;
}

// ---------------------------------------------------------------- creation and continue-as-new

/** The state at start: fresh (plus its 'created' event) or carried over from continue-as-new. */
export function initialState(
  input: ItemWorkflowInput,
  workflowId: string,
  now: number,
): Transition {
  if (input.carried) {
    const c = input.carried as ItemCarriedState &
      Partial<Pick<ItemState, 'closedAt' | 'submittedAt' | 'decidedExtensionIds'>>;
    return unchanged({
      ...c,
      closedAt: c.closedAt ?? null,
      submittedAt: c.submittedAt ?? null,
      decidedExtensionIds: c.decidedExtensionIds ?? [],
    });
  }
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
  };
  const [s, ev] = emit(fresh, now, 'created', input.createdBy, {
    lead: input.lead.code,
    support: input.support.map((a) => a.code),
    due: input.due,
    policy: input.policy,
  });
  return { state: skipPast(s, { now, input }), events: [ev], mails: [] };
}

/**
 * The next period of a recurring item whose current period was accepted: open again, due at the
 * next occurrence, a new deadline version (fresh reminders), recorded as a 'created' event with
 * `period` in its detail. Null for a one-off item, or one whose due names no date.
 */
export function nextPeriod(
  state: ItemState,
  input: ItemWorkflowInput,
  ctx: Context,
): Transition | null {
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
  return { state: skipPast(s, { ...ctx, input: { ...input, due } }), events: [ev], mails: [] };
}

/** What continue-as-new carries: the view plus the workflow's own bookkeeping. */
export function carriedState(state: ItemState): ItemCarriedState {
  return state;
}

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
    closedAt: s.closedAt,
  };
}

// ---------------------------------------------------------------- the schedule

export type DueStep = PlannedStep | WeeklyStep;

/** The next thing the timer loop must do, or null when only a message can change anything. */
export function nextStep(state: ItemState, input: ItemWorkflowInput): DueStep | null {
  if (isClosed(state)) return null;
  const plan = scheduleOf(state, input);
  const pending = plan.find((s) => !state.doneSteps.includes(s.key));
  if (pending) return pending;
  const last = plan[plan.length - 1];
  if (!last || state.status !== 'overdue') return null;
  const anchor = Math.max(state.lastWeeklyReminderAt ?? last.at, last.at);
  return nextWeeklyStep(anchor);
}

export interface StepEffects extends Transition {
  /** Record the event before sending (a status change is a fact even if the mail fails). */
  readonly recordFirst: boolean;
}

const leadMail = (
  s: ItemState,
  step: string,
  kind: ItemMailKind,
  extra: Partial<MailCommand> = {},
): MailCommand => ({
  step,
  kind,
  recipients: [s.lead.contactEmail],
  deadlineVersion: s.deadlineVersion,
  due: s.due,
  leadName: s.lead.name,
  ...extra,
});

/** Recipients of an escalation: level 1 the agency head and the secretariat (and the lead's contact); 2+ the committee head. */
export function escalationRecipients(
  level: number,
  lead: AgencyRef,
  input: ItemWorkflowInput,
): string[] {
  if (level >= 2) return [input.committeeHeadEmail];
  return [lead.headEmail, input.secretariatEmail, lead.contactEmail].filter(
    (a): a is string => !!a,
  );
}

/**
 * Performs a due step. Steps that no longer apply (reminders once submitted, escalations
 * of an item that is not overdue) are only marked done.
 */
export function performStep(state: ItemState, step: DueStep, ctx: Context): StepEffects {
  const keys = step.kind === 'weekly' ? [step.key] : stepKeys(step);
  const skip = (): StepEffects => ({
    state: withDone(state, keys),
    events: [],
    mails: [],
    recordFirst: false,
  });
  switch (step.kind) {
    case 'reminder': {
      if (state.status !== 'open') return skip();
      const [s, ev] = emit(withDone(state, keys), ctx.now, 'reminder_sent', null, {
        step: step.key,
        ...(keys.length > 1 ? { mergedSteps: keys.slice(1) } : {}),
        deadlineVersion: state.deadlineVersion,
        recipients: [state.lead.contactEmail],
      });
      return {
        state: s,
        events: [ev],
        mails: [leadMail(s, step.key, 'reminder')],
        recordFirst: false,
      };
    }
    case 'overdue': {
      // open → overdue by the domain's markOverdue. An item already overdue (a deadline version
      // approved after it had passed) still gets the notice of the new version; submitted: skipped.
      const marked = statusAfter(state.status, 'markOverdue', true);
      const status =
        typeof marked === 'string' ? marked : state.status === 'overdue' ? 'overdue' : null;
      if (status === null) return skip();
      const [s, ev] = emit({ ...withDone(state, keys), status }, ctx.now, 'overdue', null, {
        step: step.key,
        deadlineVersion: state.deadlineVersion,
        due: state.due,
        recipients: [state.lead.contactEmail],
      });
      return {
        state: s,
        events: [ev],
        mails: [leadMail(s, step.key, 'overdue')],
        recordFirst: true,
      };
    }
    case 'escalation': {
      if (state.status !== 'overdue') return skip();
      const level = step.level ?? 1;
      const recipients = escalationRecipients(level, state.lead, ctx.input);
      const [s, ev] = emit(
        { ...withDone(state, keys), escalationLevel: level },
        ctx.now,
        'escalated',
        null,
        {
          step: step.key,
          level,
          deadlineVersion: state.deadlineVersion,
          recipients,
        },
      );
      const mail: MailCommand = { ...leadMail(s, step.key, 'escalation', { level }), recipients };
      return { state: s, events: [ev], mails: [mail], recordFirst: true };
    }
    case 'weekly': {
      // nextStep only yields weekly steps for overdue items; keep the guard for safety.
      if (state.status !== 'overdue') return { state, events: [], mails: [], recordFirst: false };
      const [s, ev] = emit(
        { ...state, lastWeeklyReminderAt: step.at },
        ctx.now,
        'reminder_sent',
        null,
        {
          step: step.key,
          weekly: true,
          deadlineVersion: state.deadlineVersion,
          recipients: [state.lead.contactEmail],
        },
      );
      return {
        state: s,
        events: [ev],
        mails: [leadMail(s, step.key, 'weekly_overdue')],
        recordFirst: false,
      };
    }
  }
}

// ---------------------------------------------------------------- commands (updates)

const overdueAt = (due: DueSpec | null, now: number): boolean => due !== null && now >= due.at;

/** The status after `action`, or the domain's Vietnamese refusal. */
function moveStatus(
  state: ItemState,
  action: StatusAction,
  now: number,
  due: DueSpec | null = state.due,
): ItemStatus | Rejection {
  const r = statusAfter(state.status, action, overdueAt(due, now));
  return typeof r === 'string' ? r : reject(UPDATE_REJECTION.invalidTransition, r.message);
}

const blank = (s: string | undefined | null): boolean => (s ?? '').trim().length === 0;

export function reportProgress(state: ItemState, cmd: ProgressCommand, ctx: Context): Decision {
  const status = moveStatus(state, 'progress', ctx.now);
  if (typeof status !== 'string') return status;
  if (blank(cmd.note)) return invalid('Nội dung báo cáo tiến độ không được để trống.');
  if (
    cmd.percent !== undefined &&
    (!Number.isInteger(cmd.percent) || cmd.percent < 0 || cmd.percent > 100)
  ) {
    return invalid('Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.');
  }
  const [s, ev] = emit(
    { ...state, status, progressPercent: cmd.percent ?? state.progressPercent },
    ctx.now,
    'progress_reported',
    cmd.actor,
    { note: cmd.note, percent: cmd.percent ?? null },
  );
  return { state: s, events: [ev], mails: [] };
}

export function submit(state: ItemState, cmd: SubmitCommand, ctx: Context): Decision {
  const status = moveStatus(state, 'submit', ctx.now);
  if (typeof status !== 'string') return status;
  if (blank(cmd.note)) return invalid('Báo cáo hoàn thành phải có nội dung kết quả thực hiện.');
  const [s, ev] = emit(
    { ...state, status, submittedAt: ctx.now },
    ctx.now,
    'submitted',
    cmd.actor,
    {
      note: cmd.note,
      from: state.status,
    },
  );
  return { state: s, events: [ev], mails: [] };
}

export function accept(state: ItemState, cmd: AcceptCommand, ctx: Context): Decision {
  const status = moveStatus(state, 'accept', ctx.now);
  if (typeof status !== 'string') return status;
  const lateVsAdjusted = state.due ? ctx.now > state.due.at : null;
  const lateVsOriginal = state.originalDue ? ctx.now > state.originalDue.at : null;
  const [s, ev] = emit(
    { ...state, status, completedLate: lateVsAdjusted, closedAt: ctx.now },
    ctx.now,
    'completed',
    cmd.actor,
    {
      note: cmd.note ?? null,
      late: lateVsAdjusted,
      lateVsAdjusted,
      lateVsOriginal,
      submittedAt: state.submittedAt,
      due: state.due,
      originalDue: state.originalDue,
    },
  );
  return { state: s, events: [ev], mails: [] };
}

export function returnSubmission(state: ItemState, cmd: ReturnCommand, ctx: Context): Decision {
  const status = moveStatus(state, 'return', ctx.now);
  if (typeof status !== 'string') return status;
  if (blank(cmd.reason)) return invalid('Phải nêu lý do trả lại.');
  const rearmed = status === 'overdue' ? { lastWeeklyReminderAt: ctx.now } : {};
  const [s, ev] = emit(
    { ...state, status, submittedAt: null, ...rearmed },
    ctx.now,
    'returned',
    cmd.actor,
    {
      reason: cmd.reason,
      status,
    },
  );
  return {
    state: s,
    events: [ev],
    mails: [leadMail(s, `returned-${s.seq}`, 'returned', { reason: cmd.reason })],
  };
}

export function requestExtension(
  state: ItemState,
  cmd: ExtensionRequestCommand,
  ctx: Context,
): Decision {
  // A retried request (same id) changes nothing and is not an error.
  if (
    state.pendingExtension?.id === cmd.requestId ||
    state.decidedExtensionIds.includes(cmd.requestId)
  ) {
    return unchanged(state);
  }
  const status = moveStatus(state, 'requestExtension', ctx.now);
  if (typeof status !== 'string') return status;
  if (state.pendingExtension) {
    return invalid(
      'Đang có một đề nghị gia hạn chờ xử lý; chỉ gửi đề nghị mới sau khi đề nghị trước được quyết định.',
    );
  }
  if (blank(cmd.requestId)) return invalid('Thiếu mã đề nghị gia hạn.');
  if (blank(cmd.reason)) return invalid('Phải nêu lý do đề nghị gia hạn.');
  if (!Number.isFinite(cmd.due.at)) return invalid('Thời hạn đề nghị không hợp lệ.');
  if (state.due && cmd.due.at <= state.due.at) {
    return invalid('Thời hạn đề nghị phải sau thời hạn hiện tại.');
  }
  if (cmd.due.at <= ctx.now) return invalid('Thời hạn đề nghị phải ở tương lai.');
  const pendingExtension = {
    id: cmd.requestId,
    due: cmd.due,
    reason: cmd.reason,
    requestedBy: cmd.actor.email,
    requestedAt: ctx.now,
  };
  const [s, ev] = emit(
    { ...state, status, pendingExtension },
    ctx.now,
    'extension_requested',
    cmd.actor,
    {
      requestId: cmd.requestId,
      due: cmd.due,
      currentDue: state.due,
      reason: cmd.reason,
    },
  );
  return { state: s, events: [ev], mails: [] };
}

export function decideExtension(
  state: ItemState,
  cmd: ExtensionDecisionCommand,
  ctx: Context,
): Decision {
  if (state.decidedExtensionIds.includes(cmd.requestId)) return unchanged(state);
  const pending = state.pendingExtension;
  if (!pending || pending.id !== cmd.requestId) {
    return reject(
      UPDATE_REJECTION.notFound,
      `Không có đề nghị gia hạn "${cmd.requestId}" đang chờ xử lý.`,
    );
  }
  const decided = [...state.decidedExtensionIds, pending.id];
  const step = `extension-${pending.id}`;
  if (!cmd.approve) {
    const status = moveStatus(state, 'rejectExtension', ctx.now);
    if (typeof status !== 'string') return status;
    const [s, ev] = emit(
      { ...state, status, pendingExtension: null, decidedExtensionIds: decided },
      ctx.now,
      'extension_rejected',
      cmd.actor,
      { requestId: pending.id, requestedDue: pending.due, reason: cmd.reason ?? null },
    );
    return {
      state: s,
      events: [ev],
      mails: [leadMail(s, step, 'extension_rejected', { reason: cmd.reason ?? null })],
    };
  }
  const status = moveStatus(state, 'approveExtension', ctx.now, pending.due);
  if (typeof status !== 'string') return status;
  const moved: ItemState = {
    ...state,
    status,
    due: pending.due,
    originalDue: state.originalDue ?? state.due,
    deadlineVersion: state.deadlineVersion + 1,
    escalationLevel: 0,
    doneSteps: [],
    lastWeeklyReminderAt: null,
    pendingExtension: null,
    decidedExtensionIds: decided,
  };
  const [s, ev] = emit(skipPast(moved, ctx), ctx.now, 'extension_approved', cmd.actor, {
    requestId: pending.id,
    from: state.due,
    to: pending.due,
    originalDue: moved.originalDue,
    deadlineVersion: moved.deadlineVersion,
    reason: cmd.reason ?? null,
  });
  return {
    state: s,
    events: [ev],
    mails: [
      leadMail(s, step, 'extension_approved', {
        reason: cmd.reason ?? null,
        previousDue: state.due,
      }),
    ],
  };
}

export function reassign(state: ItemState, cmd: ReassignCommand, ctx: Context): Decision {
  const status = moveStatus(state, 'reassign', ctx.now);
  if (typeof status !== 'string') return status;
  if (blank(cmd.lead.code) || blank(cmd.lead.contactEmail)) {
    return invalid('Cơ quan chủ trì mới không hợp lệ.');
  }
  if (cmd.lead.code === state.lead.code) {
    return invalid(`${state.lead.name} đang là cơ quan chủ trì nhiệm vụ này.`);
  }
  const [s, ev] = emit({ ...state, status, lead: cmd.lead }, ctx.now, 'reassigned', cmd.actor, {
    from: state.lead.code,
    to: cmd.lead.code,
    reason: cmd.reason ?? null,
  });
  return {
    state: s,
    events: [ev],
    mails: [
      leadMail(s, `reassigned-${s.seq}`, 'reassigned', {
        reason: cmd.reason ?? null,
        previousLeadName: state.lead.name,
      }),
    ],
  };
}

export function cancel(state: ItemState, cmd: CancelCommand, ctx: Context): Decision {
  const status = moveStatus(state, 'cancel', ctx.now);
  if (typeof status !== 'string') return status;
  if (blank(cmd.reason)) return invalid('Phải nêu lý do hủy nhiệm vụ.');
  const [s, ev] = emit(
    { ...state, status, closedAt: ctx.now, pendingExtension: null },
    ctx.now,
    'cancelled',
    cmd.actor,
    {
      reason: cmd.reason,
      from: state.status,
    },
  );
  return { state: s, events: [ev], mails: [] };
}
