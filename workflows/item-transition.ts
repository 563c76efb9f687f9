/**
 * What every change of an item is made of: the state, the events to record and the mails to
 * send, and the helpers that build them. Pure; the reducers (item-commands/), the schedule
 * (item-schedule.ts) and the state's life cycle (item-state.ts) share it.
 */
import type {
  Actor,
  DueSpec,
  ItemCarriedState,
  ItemEventType,
  ItemMailKind,
  ItemWorkflowInput,
  RecordedEvent,
  UndeliveredMail,
} from '../libs/contracts/src';

/** Everything the workflow keeps: exactly what continue-as-new carries. */
export type ItemState = ItemCarriedState;

/** A mail the workflow must send; recipients get one mail each. */
export interface MailCommand {
  readonly step: string;
  readonly kind: ItemMailKind;
  readonly recipients: readonly string[];
  readonly deadlineVersion: number;
  readonly due: DueSpec | null;
  readonly leadName: string;
  /** The lead agency the mail is about: its signed link is scoped to it (ADR 0011). */
  readonly leadCode: string;
  readonly level?: number;
  /**
   * escalation: the recipients the draft urging letter goes to (the lead agency's head and the
   * Văn phòng), not its contact, for whom an unsigned draft is no business (issue 8 blind check).
   */
  readonly letterTo?: readonly string[];
  readonly reason?: string | null;
  readonly previousDue?: DueSpec | null;
  /**
   * extension_approved: the deadline the agency asked for, when another was granted;
   * extension_requested: the deadline asked for.
   */
  readonly requestedDue?: DueSpec | null;
  readonly previousLeadName?: string | null;
  /**
   * The lead agency's completion report waits for the Văn phòng's decision (status submitted):
   * the mail asks for no report. Set only then.
   */
  readonly reportWaiting?: boolean;
  /**
   * completed: whether it was completed after its current deadline (null: no deadline);
   * period_opened: the same of the period just accepted.
   */
  readonly completedLate?: boolean | null;
  /** deadline_copy: the deadline is a recurring item's next period's, not a moved one. */
  readonly nextPeriod?: boolean;
  /** submitted: the report answers a return, given for this reason ('' when none). */
  readonly returnedFor?: string;
  /** delivery_failed: the mail some recipients rejected (ADR 0018). */
  readonly undelivered?: UndeliveredMail;
}

/** A change of state with the events to record and the mails to send. */
export interface Transition {
  readonly state: ItemState;
  readonly events: readonly RecordedEvent[];
  readonly mails: readonly MailCommand[];
}

/** What the pure functions need besides the state: the clock and the fixed input. */
export interface Context {
  readonly now: number;
  readonly input: ItemWorkflowInput;
}

export const unchanged = (state: ItemState): Transition => ({ state, events: [], mails: [] });

/** The next history event: bumps `seq` and returns the event that carries it. */
export function emit(
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

/** Step key of the closing mail (one per item: it closes once). */
export const CLOSED_STEP = 'closed';

/** Addresses, each once (as mail servers compare them), the empty ones left out. */
const distinct = (addresses: readonly string[]): string[] => [
  ...new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => a.length > 0)),
];

/**
 * The co-ordinating agencies' copy of a moved deadline (its calendar event moves too), behind the
 * patch 'deadline-copy-mail'; none when the item has no co-ordinating agency.
 */
export const deadlineCopies = (
  s: ItemState,
  step: string,
  previousDue: ItemState['due'],
  extra: Pick<MailCommand, 'nextPeriod'> = {},
): MailCommand[] => {
  const recipients = distinct(s.support.map((a) => a.contactEmail));
  return recipients.length > 0
    ? [leadMail(s, `${step}-copy`, 'deadline_copy', { recipients, previousDue, ...extra })]
    : [];
};

/**
 * The mail that closes an item (ADR 0027): to the lead and each co-ordinating agency, whose
 * calendar event it withdraws. Sent after the loop, behind the patch 'closing-mail'.
 */
export const closingMail = (
  s: ItemState,
  kind: 'completed' | 'cancelled',
  reason: string | null,
): MailCommand => {
  const recipients = distinct([s.lead.contactEmail, ...s.support.map((a) => a.contactEmail)]);
  return leadMail(s, CLOSED_STEP, kind, {
    recipients,
    reason,
    ...(kind === 'completed' ? { completedLate: s.completedLate } : {}),
  });
};

/** A mail to the lead agency's contact about the current deadline version. */
export const leadMail = (
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
  leadCode: s.lead.code,
  ...(s.status === 'submitted' ? { reportWaiting: true } : {}),
  ...extra,
});
