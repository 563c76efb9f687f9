import {
  ActivityFailure,
  ApplicationFailure,
  CancelledFailure,
  TemporalFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  Trigger,
  workflowInfo,
  type defineUpdate,
} from '@temporalio/workflow';
import {
  acceptUpdate,
  cancelUpdate,
  changeDeadlineUpdate,
  decideExtensionUpdate,
  itemStateQuery,
  MAIL_PERMANENT,
  MAIL_UNRECORDED,
  mailRejection,
  unrecordedDeliveries,
  type UnrecordedDelivery,
  reassignUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnUpdate,
  submitUpdate,
  UPDATE_REJECTION,
  type CommandBase,
  type ItemMailKind,
  type ItemView,
  type ItemWorkflowInput,
  type RecordEventsInput,
  type RecordMailDeliveryInput,
  type RecordedEvent,
  type SendItemMailInput,
  INVITE_MAIL_KINDS,
  isClosingMail,
} from '../libs/contracts/src';
import { invalidTransition, isClosed, type ItemAction } from '../libs/domain/src';
import type { ItemActivities } from '../activities';
import {
  accept,
  cancel,
  changeDeadline,
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
import { pendingMails } from './item-restore';
import {
  nextStep,
  owedEscalation,
  performStep,
  skipsLevels,
  withOwedEscalation,
} from './item-schedule';
import { initialState, nextPeriod, toProjection, toView, withAssignment } from './item-state';
import {
  CLOSED_STEP,
  type Context,
  type ItemState,
  type MailCommand,
  type Transition,
} from './item-transition';
import {
  deliveryDetail,
  pendingDelivery,
  undeliveredNotice,
  type MailOutcome,
} from './mail-delivery';

/** Patch id: recurring items roll over to their next period instead of ending. */
const RECURRING_PERIODS = 'recurring-periods';
/**
 * Patch id (ADR 0018): mails run apart from the timer loop and are retried until they go out; a
 * step's event is recorded at the step with its mail pending, and later says how the mail went.
 */
const MAIL_DELIVERY_FAULTS = 'mail-delivery-faults';
/**
 * Patch id (ADR 0024): a new item's lead agency is mailed its assignment ("Giao nhiệm vụ") and the
 * co-ordinating agencies a copy, sent apart from the loop like every mail since
 * MAIL_DELIVERY_FAULTS; the 'created' event names the recipients and says how the mails went.
 */
const ASSIGNMENT_MAIL = 'assignment-mail';
/**
 * Patch id (ADR 0027): a completed or cancelled item's agencies get a closing mail that withdraws
 * the calendar event of its invites; mails queued when the item closed go out instead of staying
 * behind in the outbox.
 */
const CLOSING_MAIL = 'closing-mail';
/**
 * Patch id: a new item created past its escalations (a notice entered late) escalates at once,
 * at the last level whose time has passed, instead of never.
 */
const LATE_ESCALATION = 'late-escalation';
/**
 * Patch id: an escalation that passes over levels nobody was told of (a notice entered late owes
 * only its last level) escalates at each of them too, lowest first: the agency's head hears
 * before, or with, the committee head (issue 8 blind check). Before it, only the last level went.
 */
const ESCALATION_CATCH_UP = 'escalation-catch-up';
/**
 * Patch id: the secretariat is mailed an agency's extension request at once ("Đề nghị gia hạn"),
 * not only told by the dashboard and the next digest.
 */
const EXTENSION_REQUEST_MAIL = 'extension-request-mail';
/**
 * Patch id: on reassignment the former lead agency is told it no longer leads ("Chuyển nhiệm vụ
 * sang … chủ trì"), its calendar event withdrawn; before it, only the new lead was mailed.
 */
const REASSIGNED_AWAY_MAIL = 'reassigned-away-mail';
/**
 * Patch id: the secretariat is mailed each completion report ("Báo cáo hoàn thành"), to accept
 * or return it, not only told by the dashboard and the next digest.
 */
const SUBMITTED_MAIL = 'submitted-mail';
/**
 * Patch id: when the deadline moves (an extension granted, a deadline changed) the co-ordinating
 * agencies are mailed the new one with their moved calendar event; before it, only the lead was.
 */
const DEADLINE_COPY_MAIL = 'deadline-copy-mail';
/**
 * Patch id: an item's other mails wait for its assignment mails to settle, so an item entered
 * already overdue is not said overdue before it is announced at all. Only the mails wait: the
 * item turns overdue (and escalates) on time, as ADR 0018 has it.
 */
const ASSIGNMENT_FIRST = 'assignment-first';
/**
 * Patch id: when a recurring item's accepted period gives way to the next one, the lead agency is
 * mailed the new deadline and the co-ordinating agencies their copy, each moving the calendar
 * event; before it, nobody was told and the event stayed on the past deadline.
 */
const PERIOD_MAIL = 'period-mail';

/**
 * Patch id (ADR 0028): a step's record, mails and delivery run first as one local activity, a
 * command's record and a notification's mail each as one: a marker apiece in the history instead
 * of an activity's three events and a workflow task of its own. Any failure other than a
 * recipient's rejection falls back to the durable activities of ADR 0018, retried until done.
 */
const LOCAL_STEPS = 'local-steps';

/**
 * Whether a queued mail goes out: a kind added later is sent only by a run that has its patch, so
 * a run that took the command before sends no mail for it, and neither does its replay.
 */
function sendsQueued(kind: ItemMailKind): boolean {
  if (kind === 'extension_requested') return patched(EXTENSION_REQUEST_MAIL);
  if (kind === 'reassigned_away') return patched(REASSIGNED_AWAY_MAIL);
  if (kind === 'submitted') return patched(SUBMITTED_MAIL);
  if (kind === 'deadline_copy') return patched(DEADLINE_COPY_MAIL);
  return true;
}

const isAssignmentMail = (mail: MailCommand): boolean =>
  mail.kind === 'assigned' || mail.kind === 'assigned_copy';

/** A request to the secretariat that the close (accepted, cancelled) has answered already. */
const mootOnceClosed = (kind: ItemMailKind): boolean =>
  kind === 'extension_requested' || kind === 'submitted';

/**
 * Projection writes: retried until they succeed (no schedule-to-close), because a lost event
 * would leave the history incomplete; each write is idempotent (workflow id + seq, version).
 */
const { recordEvents, recordMailDelivery } = proxyActivities<ItemActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/**
 * Mails before the patch MAIL_DELIVERY_FAULTS: transient SMTP failures retry with backoff until
 * the step is stale (12 h), permanent ones (MAIL_PERMANENT) are not retried. Either way the
 * workflow carries on.
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
 * Mails since the patch: only a recipient's permanent rejection (MAIL_PERMANENT) is final; every
 * other failure is ours and retried until the mail goes out, however long that takes (no
 * schedule-to-close). At most a minute apart: mail flows again within a minute of a repair,
 * without hammering a server that refuses our login.
 */
const { sendItemMail: deliverItemMail } = proxyActivities<ItemActivities>({
  startToCloseTimeout: '30s',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1m',
    nonRetryableErrorTypes: [MAIL_PERMANENT],
  },
});

/**
 * First tries since LOCAL_STEPS (ADR 0028): one attempt each, in the worker that runs the
 * workflow task. A failure is not retried here, where a long outage would fill the history with
 * retry timers: the durable activities above take over.
 */
const local = proxyLocalActivities<ItemActivities>({
  startToCloseTimeout: '30s',
  retry: { maximumAttempts: 1 },
});

/**
 * Whether an error is a local activity's failure (or time-out), which the durable activity then
 * makes good. A local activity's failure comes as its own error, not wrapped in ActivityFailure.
 */
const isLocalFailure = (err: unknown): err is TemporalFailure =>
  err instanceof TemporalFailure && !(err instanceof CancelledFailure);

/** The mails a failed local attempt delivered but could not record (MAIL_UNRECORDED). */
const unrecordedOf = (err: TemporalFailure): UnrecordedDelivery[] =>
  err instanceof ApplicationFailure && err.type === MAIL_UNRECORDED
    ? unrecordedDeliveries(err.details?.[0])
    : [];

/**
 * One workflow per item: owns the deadline, reminders, escalation and every command on it.
 * A single timer loop sleeps until the next step or until an update changes the state.
 */
export async function itemWorkflow(input: ItemWorkflowInput): Promise<ItemView> {
  const workflowId = workflowInfo().workflowId;
  const ctx = (): Context => ({ now: Date.now(), input });

  /** Whether this run takes the local first tries (LOCAL_STEPS); decided once, at its start. */
  const localSteps = patched(LOCAL_STEPS);
  const initial = initialState(input, workflowId, Date.now());
  const owed = input.carried || input.restore ? null : owedEscalation(initial.state, ctx());
  const start: Transition =
    owed && patched(LATE_ESCALATION)
      ? { ...initial, state: withOwedEscalation(initial.state, owed) }
      : initial;
  let state: ItemState = start.state;
  /** Bumped on every accepted change, so the loop re-plans. */
  let changes = 0;
  /** Notification mails queued by update handlers, sent by the loop (never blocking an update). */
  const outbox: MailCommand[] = [];

  const recordOf = (events: readonly RecordedEvent[]): RecordEventsInput => ({
    itemId: input.itemId,
    workflowId,
    events,
    projection: toProjection(state),
  });
  /**
   * A local first try (LOCAL_STEPS): its result, or what the durable activity that takes over is
   * to carry on from (the mails the try delivered but could not record as sent).
   */
  const tryLocally = async <T>(
    work: () => Promise<T>,
  ): Promise<{ value: T } | { carried: readonly UnrecordedDelivery[] }> => {
    if (!localSteps) return { carried: [] };
    try {
      return { value: await work() };
    } catch (err) {
      if (!isLocalFailure(err)) throw err;
      log.warn('Local activity failed; the durable one takes over', { error: err.message });
      return { carried: unrecordedOf(err) };
    }
  };
  const record = async (events: readonly RecordedEvent[]): Promise<void> => {
    const r = recordOf(events);
    if (!('value' in (await tryLocally(() => local.recordEvents(r))))) await recordEvents(r);
  };
  const recordDelivery = async (d: RecordMailDeliveryInput): Promise<void> => {
    const done = await tryLocally(() => local.recordMailDelivery(d));
    if (!('value' in done)) await recordMailDelivery(d);
  };

  const request = (mail: MailCommand, nowMs: number): SendItemMailInput => ({
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
    nowMs,
    level: mail.level,
    reason: mail.reason ?? null,
    previousDue: mail.previousDue ?? null,
    ...(mail.requestedDue ? { requestedDue: mail.requestedDue } : {}),
    previousLeadName: mail.previousLeadName ?? null,
    ...(mail.undelivered ? { undelivered: mail.undelivered } : {}),
    ...(mail.reportWaiting ? { reportWaiting: true } : {}),
    ...(mail.completedLate !== undefined ? { completedLate: mail.completedLate } : {}),
    ...(mail.nextPeriod ? { nextPeriod: true } : {}),
    ...(mail.letterTo ? { letterTo: mail.letterTo } : {}),
    ...(mail.returnedFor !== undefined ? { returnedFor: mail.returnedFor } : {}),
  });
  /** What an assignment mail names beyond the other mails (ADR 0024). */
  const assignmentFields = {
    supportNames: input.support.map((a) => a.name),
    noticeIssuedOn: input.noticeIssuedOn ?? null,
    recurrence: input.recurrence ?? null,
    deadlinePhrase: input.deadlinePhrase ?? null,
  };
  /** The co-ordinating agencies by their contacts' addresses, as the copies' recipients are. */
  const supportByAddress: Record<string, string> = Object.fromEntries(
    input.support.map((a) => [a.contactEmail.trim().toLowerCase(), a.name]),
  );
  const requestOf = (mail: MailCommand, nowMs: number): SendItemMailInput => {
    const r = request(mail, nowMs);
    const assignment = isAssignmentMail(mail);
    return {
      ...r,
      item: {
        ...r.item,
        ...(assignment ? assignmentFields : {}),
        ...(isClosingMail(mail.kind) ? { supportNames: assignmentFields.supportNames } : {}),
        // The new lead takes the item over as it stands: its recurrence and co-ordinators too.
        ...(mail.kind === 'reassigned' || mail.kind === 'reassigned_away'
          ? { supportNames: assignmentFields.supportNames, recurrence: assignmentFields.recurrence }
          : {}),
        ...(mail.kind === 'assigned_copy' || mail.kind === 'deadline_copy'
          ? { recipientNames: supportByAddress }
          : {}),
        // The invite's alarms (ADR 0027); an activity's input is not part of replay.
        ...(INVITE_MAIL_KINDS.includes(mail.kind)
          ? { remindBefore: input.policy.remindBefore }
          : {}),
      },
    };
  };

  /** Before MAIL_DELIVERY_FAULTS: one mail, awaited by the loop, given up when stale. */
  const send = async (mail: MailCommand): Promise<{ failed: string[] }> => {
    try {
      await sendItemMail(request(mail, Date.now()));
      return { failed: [] };
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      // Permanent failure or stale step: logged in mail_log; the item goes on.
      const cause = err.cause;
      const rejection = mailRejection(err);
      const failed = rejection
        ? (rejection.failed ?? []).map((f) => f.recipient)
        : [...mail.recipients];
      log.warn('Mail not delivered', {
        step: mail.step,
        failed,
        error: cause?.message ?? err.message,
      });
      return { failed };
    }
  };

  /** Whether mails run apart from the loop (MAIL_DELIVERY_FAULTS); once true, for the whole run. */
  let mailsApart = false;
  /** Mails (and the events waiting for them) still running apart from the loop. */
  let inFlight = 0;
  /**
   * Set while a new item's assignment mails are on their way (patch ASSIGNMENT_FIRST); resolved
   * when they settle. A Trigger, not a condition: the mails waiting on it are scheduled in the
   * same activation as the assignment's completion.
   */
  let assignmentPending: Trigger<void> | null = null;
  const apart = (work: () => Promise<void>): void => {
    inFlight++;
    void work().finally(() => inFlight--);
  };

  /**
   * One mail, retried until it goes out; settles with the recipients that rejected it for good,
   * of whom the secretariat is told.
   */
  const deliver = async (
    mail: MailCommand,
    stepAtMs: number,
    carried?: readonly UnrecordedDelivery[],
  ): Promise<MailOutcome> => {
    // Not awaited once settled: a run without the patch schedules its mails as it always did.
    if (assignmentPending && !isAssignmentMail(mail)) {
      await assignmentPending;
    }
    let outcome: MailOutcome;
    try {
      const result = await sendFirstLocally(requestOf(mail, stepAtMs), carried);
      outcome = { mail, failed: [], late: result.late === true };
    } catch (err) {
      // A durable activity's failure is wrapped in ActivityFailure, a local one's is not.
      if (!(err instanceof ActivityFailure) && !(localSteps && isLocalFailure(err))) throw err;
      const cause = err instanceof ActivityFailure ? err.cause : err;
      const details = mailRejection(err);
      // Without the details of a recipient's rejection (nothing else ends the retries): all failed.
      const failed =
        details?.failed ??
        mail.recipients.map((recipient) => ({ recipient, error: cause?.message ?? err.message }));
      log.warn('Mail not delivered', { step: mail.step, failed });
      outcome = { mail, failed, late: false };
    }
    tellUndelivered(outcome, stepAtMs);
    return outcome;
  };
  /** The secretariat is told of the recipients that rejected a mail for good. */
  const tellUndelivered = (outcome: MailOutcome, stepAtMs: number): void => {
    const notice = undeliveredNotice(outcome, stepAtMs, input.secretariatEmail);
    if (notice) apart(async () => void (await deliver(notice, Date.now())));
  };
  /**
   * A mail, tried locally first since LOCAL_STEPS, then by the durable activity. A recipient's
   * rejection is final, not retried. `carried`: a failed local step's deliveries, which the
   * durable activity takes over at once.
   */
  const sendFirstLocally = async (
    req: SendItemMailInput,
    carried?: readonly UnrecordedDelivery[],
  ) => {
    let delivered = carried ?? [];
    if (localSteps && carried === undefined) {
      try {
        return await local.sendItemMail({ ...req, localAtMs: Date.now() });
      } catch (err) {
        if (!isLocalFailure(err) || mailRejection(err) !== null) throw err;
        log.warn('Mail not sent locally; the durable activity takes over', { step: req.step });
        delivered = unrecordedOf(err);
      }
    }
    return deliverItemMail(delivered.length > 0 ? { ...req, delivered } : req);
  };

  /** A notification from the outbox: apart from the loop since MAIL_DELIVERY_FAULTS, else awaited. */
  const dispatch = async (mail: MailCommand): Promise<void> => {
    if (mailsApart) {
      const at = Date.now();
      apart(async () => void (await deliver(mail, at)));
    } else {
      await send(mail);
    }
  };

  /**
   * A due step with mails apart from the loop: its events (and status change) are recorded at
   * once with the mail pending; once the mails have settled the events say how they went.
   */
  const performApart = async (effects: Transition, settled?: () => void): Promise<void> => {
    const stepAt = Date.now();
    if (effects.mails.length === 0) {
      settled?.();
      if (effects.events.length > 0) await record(effects.events);
      return;
    }
    const pending = pendingDelivery(effects.events);
    // The whole step as one local activity, unless its mails must wait for the assignment's.
    const waits = assignmentPending !== null && effects.mails.some((m) => !isAssignmentMail(m));
    if (localSteps && !waits) {
      const step = {
        record: recordOf(pending),
        mails: effects.mails.map((m) => requestOf(m, stepAt)),
      };
      apart(async () => {
        const done = await tryLocally(() => local.performItemStep(step));
        if (!('value' in done)) {
          // Recorded pending again (idempotent: the local try may have got that far), then settled.
          if (pending.length > 0) await recordEvents(step.record);
          await settleDurably(effects, stepAt, settled, done.carried);
          return;
        }
        settled?.();
        effects.mails.forEach((mail, i) => {
          const o = done.value.outcomes[i];
          if (o) tellUndelivered({ mail, failed: o.failed, late: o.late }, stepAt);
        });
      });
      return;
    }
    if (pending.length > 0) await record(pending);
    apart(() => settleDurably(effects, stepAt, settled));
  };
  /** A step's mails the durable way (ADR 0018), its events recorded pending already. */
  const settleDurably = async (
    effects: Transition,
    stepAt: number,
    settled?: () => void,
    carried?: readonly UnrecordedDelivery[],
  ): Promise<void> => {
    const outcomes = await Promise.all(effects.mails.map((m) => deliver(m, stepAt, carried)));
    settled?.();
    const delivery = deliveryDetail(outcomes, Date.now());
    for (const e of effects.events) await recordDelivery({ workflowId, seq: e.seq, delivery });
  };

  /**
   * Registers an update whose validator and handler run the same pure decision. `action` names
   * the command for the domain's refusal on a closed item.
   */
  const command = <C extends CommandBase>(
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
          // Workflow time is the task's start: a command the worker sees after the API gave up
          // (503) is refused here, before it is written to the history.
          if (cmd.notAfter !== undefined && Date.now() > cmd.notAfter) {
            throw ApplicationFailure.nonRetryable(
              'Hệ thống chưa nhận được thao tác kịp thời; vui lòng thử lại.',
              UPDATE_REJECTION.expired,
            );
          }
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
  command(changeDeadlineUpdate, 'changeDeadline', changeDeadline);

  // A new item (neither continued as new nor restored, ADR 0024): the assignment mails go out
  // once, apart from the loop; its 'created' event is recorded with them pending. A recurring
  // item's next period continues as new (carried), so it is not announced again.
  if (!input.carried && !input.restore && patched(ASSIGNMENT_MAIL)) {
    const pending = patched(ASSIGNMENT_FIRST) ? new Trigger<void>() : null;
    assignmentPending = pending;
    await performApart(withAssignment(start), () => {
      assignmentPending = null;
      pending?.resolve();
    });
  } else if (start.events.length > 0) {
    await record(start.events);
  }
  // Restored from PostgreSQL (ADR 0022): the mails the lost run had on their way go out now and
  // complete their events. Only a restored run (a new input field) takes this path.
  if (input.restore && !input.carried) {
    for (const { seq, at, mail } of pendingMails(state, input.restore.events)) {
      apart(async () => {
        const outcome = await deliver(mail, at);
        const delivery = deliveryDetail([outcome], Date.now());
        await recordDelivery({ workflowId, seq, delivery });
      });
    }
  }

  while (!isClosed(state.status)) {
    mailsApart ||= patched(MAIL_DELIVERY_FAULTS);
    // Notifications queued by handlers first.
    const mail = outbox.shift();
    if (mail) {
      if (sendsQueued(mail.kind)) await dispatch(mail);
      continue;
    }
    const step = nextStep(state, input);
    if (step && step.at <= Date.now()) {
      // patched() only where the step would differ: the runs before it replay unchanged.
      const catchUp = skipsLevels(state, step) && patched(ESCALATION_CATCH_UP);
      const effects = performStep(state, step, ctx(), { catchUp });
      state = effects.state;
      if (mailsApart) {
        await performApart(effects);
        continue;
      }
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
    const suggested = workflowInfo().continueAsNewSuggested;
    if (suggested && !mailsApart) {
      await condition(() => allHandlersFinished() && outbox.length === 0);
      if (!isClosed(state.status) && outbox.length === 0) {
        await continueAsNew<typeof itemWorkflow>({ ...input, carried: state });
      }
      continue;
    }
    // Mails apart from the loop cannot cross continue-as-new: it waits for them, out of their way.
    if (suggested && inFlight === 0) {
      await condition(allHandlersFinished);
      if (!isClosed(state.status) && outbox.length === 0 && inFlight === 0) {
        await continueAsNew<typeof itemWorkflow>({ ...input, carried: state });
      }
      continue;
    }
    const seen = changes;
    const woken = () =>
      changes !== seen || outbox.length > 0 || (suggested && mailsApart && inFlight === 0);
    if (step) {
      const ms = step.at - Date.now();
      if (ms > 0) await condition(woken, ms);
    } else {
      await condition(woken);
    }
  }

  // The mails the closing command queued (ADR 0027). A recurring item's accepted period is no
  // close: its next period opens below, with the same reminders and calendar event.
  await condition(allHandlersFinished);
  let acceptNote: string | null = null;
  if (outbox.length > 0 && patched(CLOSING_MAIL)) {
    const periodEnds = state.status === 'completed' && Boolean(input.recurrence);
    for (const mail of outbox.splice(0)) {
      // A request the close made moot (a cancel drops it) is not put to the secretariat.
      if (mootOnceClosed(mail.kind) || !sendsQueued(mail.kind)) continue;
      // The period's closing mail gives way to the next period's, which carries its note.
      if (periodEnds && mail.step === CLOSED_STEP) acceptNote = mail.reason ?? null;
      else await dispatch(mail);
    }
  }
  // Mails of steps taken before the close still go out, and their events are recorded.
  await condition(() => allHandlersFinished() && inFlight === 0);
  // A recurring item opens its next period once one is accepted (added later: patched).
  if (input.recurrence && patched(RECURRING_PERIODS)) {
    const next = nextPeriod(state, ctx(), acceptNote);
    if (next) {
      state = next.state;
      await record(next.events);
      if (patched(PERIOD_MAIL)) {
        for (const mail of next.mails) await dispatch(mail);
        await condition(() => inFlight === 0);
      }
      await continueAsNew<typeof itemWorkflow>({
        ...input,
        due: state.due,
        carried: state,
      });
    }
  }
  return toView(state);
}
