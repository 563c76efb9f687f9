import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
  type defineUpdate,
} from '@temporalio/workflow';
import {
  acceptUpdate,
  cancelUpdate,
  decideExtensionUpdate,
  itemStateQuery,
  MAIL_PERMANENT,
  reassignUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnUpdate,
  submitUpdate,
  type ItemView,
  type ItemWorkflowInput,
  type MailPermanentDetails,
  type RecordedEvent,
} from '../libs/contracts/src';
import { invalidTransition, isClosed, type ItemAction } from '../libs/domain/src';
import type { ItemActivities } from '../activities';
import {
  accept,
  cancel,
  decideExtension,
  isRejection,
  reassign,
  refused,
  reportProgress,
  requestExtension,
  returnSubmission,
  submit,
  type Reducer,
} from './item-commands';
import { nextStep, performStep } from './item-schedule';
import { initialState, nextPeriod, toProjection, toView } from './item-state';
import type { Context, ItemState, MailCommand, Transition } from './item-transition';

/** Patch id: recurring items roll over to their next period instead of ending. */
const RECURRING_PERIODS = 'recurring-periods';

/**
 * Projection writes: retried until they succeed (no schedule-to-close), because a lost event
 * would leave the history incomplete; each write is idempotent (workflow id + seq, version).
 */
const { recordEvents } = proxyActivities<ItemActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/**
 * Mails: transient SMTP failures retry with backoff until the step is stale (12 h), permanent
 * ones (MAIL_PERMANENT) are not retried. Either way the workflow carries on.
 */
const { sendItemMail } = proxyActivities<ItemActivities>({
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '12h',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1m',
    nonRetryableErrorTypes: [MAIL_PERMANENT],
  },
});

/**
 * One workflow per item: owns the deadline, reminders, escalation and every command on it.
 * A single timer loop sleeps until the next step or until an update changes the state.
 */
export async function itemWorkflow(input: ItemWorkflowInput): Promise<ItemView> {
  const workflowId = workflowInfo().workflowId;
  const ctx = (): Context => ({ now: Date.now(), input });

  const start = initialState(input, workflowId, Date.now());
  let state: ItemState = start.state;
  /** Bumped on every accepted change, so the loop re-plans. */
  let changes = 0;
  /** Notification mails queued by update handlers, sent by the loop (never blocking an update). */
  const outbox: MailCommand[] = [];

  const record = async (events: readonly RecordedEvent[]): Promise<void> => {
    await recordEvents({
      itemId: input.itemId,
      workflowId,
      events,
      projection: toProjection(state),
    });
  };

  const send = async (mail: MailCommand): Promise<{ failed: string[] }> => {
    try {
      await sendItemMail({
        workflowId,
        itemId: input.itemId,
        step: mail.step,
        deadlineVersion: mail.deadlineVersion,
        kind: mail.kind,
        recipients: mail.recipients,
        item: {
          code: input.code,
          text: input.text,
          noticeTitle: input.noticeTitle,
          noticeNumber: input.noticeNumber,
          leadName: mail.leadName,
          leadCode: mail.leadCode,
        },
        due: mail.due,
        nowMs: Date.now(),
        level: mail.level,
        reason: mail.reason ?? null,
        previousDue: mail.previousDue ?? null,
        previousLeadName: mail.previousLeadName ?? null,
      });
      return { failed: [] };
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      // Permanent failure or stale step: logged in mail_log; the item goes on.
      const cause = err.cause;
      const failed =
        cause instanceof ApplicationFailure && cause.type === MAIL_PERMANENT
          ? ((cause.details?.[0] as Partial<MailPermanentDetails> | undefined)?.failed ?? []).map(
              (f) => f.recipient,
            )
          : [...mail.recipients];
      log.warn('Mail not delivered', {
        step: mail.step,
        failed,
        error: cause?.message ?? err.message,
      });
      return { failed };
    }
  };

  /**
   * Registers an update whose validator and handler run the same pure decision. `action` names
   * the command for the domain's refusal on a closed item.
   */
  const command = <C>(
    def: ReturnType<typeof defineUpdate<ItemView, [C]>>,
    action: ItemAction | ((cmd: C) => ItemAction),
    decide: Reducer<C>,
  ): void => {
    setHandler(
      def,
      async (cmd: C): Promise<ItemView> => {
        // State may have moved since the validator ran (handlers interleave): decide again.
        const d = decide(state, cmd, ctx());
        if (isRejection(d)) throw ApplicationFailure.nonRetryable(d.message, d.type);
        apply(d);
        if (d.events.length > 0) await record(d.events);
        return toView(state);
      },
      {
        validator: (cmd: C): void => {
          const d = isClosed(state.status)
            ? refused(
                invalidTransition(
                  state.status,
                  typeof action === 'function' ? action(cmd) : action,
                ),
              )
            : decide(state, cmd, ctx());
          if (isRejection(d)) throw ApplicationFailure.nonRetryable(d.message, d.type);
        },
      },
    );
  };

  const apply = (t: Transition): void => {
    if (t.state === state) return;
    state = t.state;
    outbox.push(...t.mails);
    changes++;
  };

  setHandler(itemStateQuery, () => toView(state));
  command(reportProgressUpdate, 'progress', reportProgress);
  command(submitUpdate, 'submit', submit);
  command(acceptUpdate, 'accept', accept);
  command(returnUpdate, 'return', returnSubmission);
  command(requestExtensionUpdate, 'requestExtension', requestExtension);
  command(
    decideExtensionUpdate,
    (cmd) => (cmd.approve ? 'approveExtension' : 'rejectExtension'),
    decideExtension,
  );
  command(reassignUpdate, 'reassign', reassign);
  command(cancelUpdate, 'cancel', cancel);

  if (start.events.length > 0) await record(start.events);

  while (!isClosed(state.status)) {
    // Notifications queued by handlers first.
    const mail = outbox.shift();
    if (mail) {
      await send(mail);
      continue;
    }
    const step = nextStep(state, input);
    if (step && step.at <= Date.now()) {
      const effects = performStep(state, step, ctx());
      state = effects.state;
      if (effects.recordFirst && effects.events.length > 0) await record(effects.events);
      const failed: string[] = [];
      for (const m of effects.mails) failed.push(...(await send(m)).failed);
      if (!effects.recordFirst && effects.events.length > 0) {
        const events = effects.events.map((e) =>
          failed.length > 0 ? { ...e, detail: { ...e.detail, failedRecipients: failed } } : e,
        );
        await record(events);
      }
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => allHandlersFinished() && outbox.length === 0);
      if (!isClosed(state.status) && outbox.length === 0) {
        await continueAsNew<typeof itemWorkflow>({ ...input, carried: state });
      }
      continue;
    }
    const seen = changes;
    const woken = () => changes !== seen || outbox.length > 0;
    if (step) {
      const ms = step.at - Date.now();
      if (ms > 0) await condition(woken, ms);
    } else {
      await condition(woken);
    }
  }

  await condition(allHandlersFinished);
  // A recurring item opens its next period once one is accepted (added later: patched).
  if (input.recurrence && patched(RECURRING_PERIODS)) {
    const next = nextPeriod(state, ctx());
    if (next) {
      state = next.state;
      await record(next.events);
      await continueAsNew<typeof itemWorkflow>({
        ...input,
        due: state.due,
        carried: state,
      });
    }
  }
  return toView(state);
}
