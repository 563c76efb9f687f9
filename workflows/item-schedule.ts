/**
 * The timer side of the item: which step of the deadline's plan comes next and what performing
 * it does (reminder, overdue mark, escalation, weekly overdue reminder). Pure and deterministic.
 */
import type { ItemView, ItemWorkflowInput, RecordedEvent } from '../libs/contracts/src';
import { escalationRecipients, isClosed, transition } from '../libs/domain/src';
import {
  nextWeeklyStep,
  planSteps,
  stepKeys,
  type PlannedStep,
  type WeeklyStep,
} from './item-plan';
import {
  emit,
  leadMail,
  type Context,
  type ItemState,
  type MailCommand,
  type Transition,
} from './item-transition';

export type DueStep = PlannedStep | WeeklyStep;

export interface StepEffects extends Transition {
  /** Record the event before sending (a status change is a fact even if the mail fails). */
  readonly recordFirst: boolean;
}

/** Marks keys done (a merged reminder step stands for several policy entries). */
export function withDone(state: ItemState, keys: readonly string[]): ItemState {
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
export function skipPast(state: ItemState, ctx: Context): ItemState {
  const plan = scheduleOf(state, ctx.input);
  let s = state;
  for (const step of plan) {
    if (step.at < ctx.now && step.kind !== 'overdue') s = withDone(s, stepKeys(step));
  }
  const last = plan[plan.length - 1];
  if (last && last.at < ctx.now) s = { ...s, lastWeeklyReminderAt: ctx.now };
  return s;
}

/**
 * The escalation a new item already past its escalations still owes (issue 11 blind check: a
 * notice entered weeks late left its overdue items unescalated): the last one whose time has
 * passed, which then runs at once after the overdue mark (one mail, at its level). Null when
 * none has passed.
 */
export function owedEscalation(state: ItemState, ctx: Context): PlannedStep | null {
  const past = scheduleOf(state, ctx.input).filter(
    (s) => s.kind === 'escalation' && s.at < ctx.now,
  );
  return past[past.length - 1] ?? null;
}

/** Marks the owed escalation not done again, so the loop performs it (behind a patch). */
export function withOwedEscalation(state: ItemState, step: PlannedStep): ItemState {
  const keys = stepKeys(step);
  return { ...state, doneSteps: state.doneSteps.filter((k) => !keys.includes(k)) };
}

/** The next thing the timer loop must do, or null when only a message can change anything. */
export function nextStep(state: ItemState, input: ItemWorkflowInput): DueStep | null {
  if (isClosed(state.status)) return null;
  const plan = scheduleOf(state, input);
  const pending = plan.find((s) => !state.doneSteps.includes(s.key));
  if (pending) return pending;
  const last = plan[plan.length - 1];
  if (!last || state.status !== 'overdue') return null;
  const anchor = Math.max(state.lastWeeklyReminderAt ?? last.at, last.at);
  return nextWeeklyStep(anchor);
}

/**
 * Whether an escalation step passes over levels nobody was told of (the item escalated less far):
 * a notice entered late owes its last level only, and the agency's head never heard.
 */
export const skipsLevels = (state: ItemState, step: DueStep): boolean =>
  step.kind === 'escalation' && state.escalationLevel < (step.level ?? 1) - 1;

/**
 * Who of an escalation's recipients gets the draft urging letter: the lead's head and the Văn
 * phòng, not the lead's contact, for whom an unsigned draft is no business (issue 8 blind check).
 */
export const letterRecipients = (
  recipients: readonly string[],
  lead: { readonly contactEmail: string; readonly headEmail: string | null },
): string[] => recipients.filter((r) => r === lead.headEmail || r !== lead.contactEmail);

/**
 * Performs a due step. Steps that no longer apply (reminders once submitted, escalations
 * of an item that is not overdue) are only marked done. `catchUp` (behind a patch): an escalation
 * that skips levels escalates at each of them too, lowest first, each its own event and mail.
 */
export function performStep(
  state: ItemState,
  step: DueStep,
  ctx: Context,
  { catchUp = false }: { readonly catchUp?: boolean } = {},
): StepEffects {
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
      const marked = transition(state.status, 'markOverdue', { overdueNow: true });
      const status = marked.ok ? marked.status : state.status === 'overdue' ? 'overdue' : null;
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
      // The plan's escalation steps of the levels passed over, then this one.
      const passed = catchUp
        ? scheduleOf(state, ctx.input).filter(
            (p) =>
              p.kind === 'escalation' &&
              (p.level ?? 1) > state.escalationLevel &&
              (p.level ?? 1) < level,
          )
        : [];
      let s = withDone(state, keys);
      const events: RecordedEvent[] = [];
      const mails: MailCommand[] = [];
      for (const [key, at] of [
        ...passed.map((p) => [p.key, p.level ?? 1] as const),
        [step.key, level] as const,
      ]) {
        const recipients = escalationRecipients(at, {
          leadContact: state.lead.contactEmail,
          leadHead: state.lead.headEmail,
          secretariat: ctx.input.secretariatEmail,
          committeeHead: ctx.input.committeeHeadEmail,
        });
        const [next, ev] = emit({ ...s, escalationLevel: at }, ctx.now, 'escalated', null, {
          step: key,
          level: at,
          deadlineVersion: state.deadlineVersion,
          recipients,
        });
        s = next;
        events.push(ev);
        const letterTo = letterRecipients(recipients, state.lead);
        mails.push({ ...leadMail(s, key, 'escalation', { level: at }), recipients, letterTo });
      }
      return { state: s, events, mails, recordFirst: true };
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
