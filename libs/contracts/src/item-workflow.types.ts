/** Everything that crosses the workflow boundary: plain JSON, instants as epoch milliseconds. */
import type { ItemStatus, Recurrence, ReminderPolicy } from '../../domain/src';
import type { RecordedEvent } from './item-events';

export type { ItemStatus, ReminderPolicy };

export interface AgencyRef {
  readonly code: string;
  readonly name: string;
  readonly contactEmail: string;
  readonly headEmail: string | null;
}

/** A recurring deadline, as the domain defines it (libs/domain/src/reminders/recurrence.ts). */
export type RecurrenceSpec = Recurrence;

/** A resolved deadline: computed once by the API from the literal date or instant. */
export interface DueSpec {
  /** The literal civil date ('YYYY-MM-DD') when the deadline names a day; null for an exact instant. */
  readonly date: string | null;
  /** The instant the item becomes overdue: 24:00 of the date, moved past days off; or the exact instant. */
  readonly at: number;
}

export interface ItemWorkflowInput {
  readonly itemId: string;
  readonly noticeId: string | null;
  readonly noticeTitle: string | null;
  readonly noticeNumber: string | null;
  /**
   * The notice's date of issue ('YYYY-MM-DD'), named by the assignment mail. Optional: inputs
   * started before the field existed lack it.
   */
  readonly noticeIssuedOn?: string | null;
  /** Position in the notice ("2.g.1"), null for a single item. */
  readonly code: string | null;
  readonly text: string;
  readonly lead: AgencyRef;
  readonly support: readonly AgencyRef[];
  readonly reportTo: string | null;
  /** null: no deadline (no reminders, still reported). */
  readonly due: DueSpec | null;
  readonly policy: ReminderPolicy;
  /** Escalation addresses beyond the lead agency. */
  readonly secretariatEmail: string;
  readonly committeeHeadEmail: string;
  /** Who created it (user e-mail), recorded in the 'created' event. */
  readonly createdBy: string | null;
  /**
   * A recurring item ("báo cáo định kỳ hằng tháng"): `due` is the current period's deadline; when
   * a period is accepted the next one opens. Absent or null for a one-off item.
   */
  readonly recurrence?: RecurrenceSpec | null;
  /** The notice's words the deadline came from ("trước ngày 15/01/2027"), when parsed from one. */
  readonly deadlinePhrase?: string | null;
  /** Present only when the workflow continued as new: the state it carries over. */
  readonly carried?: ItemCarriedState;
  /**
   * Present only when the reconciler restores an item whose workflow Temporal lost (ADR 0022):
   * what PostgreSQL knows of it. Ignored when `carried` is present.
   */
  readonly restore?: ItemRestoreSource;
}

/** The state of an item the items row keeps: the workflow's as of its last recorded event. */
export type ItemRowState = Pick<
  ItemView,
  | 'status'
  | 'due'
  | 'originalDue'
  | 'deadlineVersion'
  | 'escalationLevel'
  | 'progressPercent'
  | 'completedLate'
  | 'pendingExtension'
> & {
  /** The projection's version: the seq of the last event recorded with it. */
  readonly version: number;
};

/**
 * What the reconciler read from PostgreSQL to restore an item whose workflow is missing: the
 * items row and the whole history, oldest first (ADR 0022). Lead and co-ordinating agencies come
 * from the input, built from the same row.
 */
export interface ItemRestoreSource {
  readonly row: ItemRowState;
  readonly events: readonly RecordedEvent[];
}

export interface ExtensionRequestView {
  readonly id: string;
  readonly due: DueSpec;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: number;
}

/** The state the workflow keeps, returned by the state query and by every update. */
export interface ItemView {
  readonly itemId: string;
  readonly workflowId: string;
  readonly status: ItemStatus;
  readonly lead: AgencyRef;
  readonly support: readonly AgencyRef[];
  readonly due: DueSpec | null;
  readonly originalDue: DueSpec | null;
  /** Increases whenever the deadline changes (extension approved); part of mail idempotency keys. */
  readonly deadlineVersion: number;
  readonly escalationLevel: number;
  readonly progressPercent: number | null;
  readonly completedLate: boolean | null;
  readonly pendingExtension: ExtensionRequestView | null;
  /** Keys of the schedule steps already performed for the current deadline version. */
  readonly doneSteps: readonly string[];
  /** Sequence number of the last history event written. */
  readonly seq: number;
}

/** What continue-as-new carries: the view plus the workflow's own bookkeeping. */
export interface ItemCarriedState extends ItemView {
  /** Anchor of the weekly overdue reminders (last one sent, or when they were re-armed). */
  readonly lastWeeklyReminderAt: number | null;
  /** When the item was completed or cancelled (epoch ms). */
  readonly closedAt: number | null;
  /** When the current submission was made (epoch ms); null once returned. */
  readonly submittedAt: number | null;
  /** Extension requests already decided, so a retried request or decision changes nothing. */
  readonly decidedExtensionIds: readonly string[];
  /**
   * The reason of the Văn phòng's last return that no report has answered yet ('' when it gave
   * none); null or absent otherwise (runs carried before it existed).
   */
  readonly returnedFor?: string | null;
}

/** Actor of a command: the authenticated user, as the API knows them. */
export interface Actor {
  readonly email: string;
  readonly role: 'secretariat' | 'agency' | 'committee_head';
  readonly agencyCode: string | null;
}

/**
 * How a command reached the system when not through a logged-in session: 'link' is the signed
 * link in a mail to the lead agency (ADR 0011). Absent: the agency's own login.
 */
export type CommandChannel = 'link';

/** What the history records of a channel: a stable code and the Vietnamese label people read. */
export const COMMAND_CHANNELS: Readonly<
  Record<CommandChannel, { readonly code: string; readonly label: string }>
> = {
  link: { code: 'email_link', label: 'qua liên kết trong thư' },
};

/** What every command carries. */
export interface CommandBase {
  readonly actor: Actor;
  /**
   * Epoch ms after which the workflow refuses the command (UPDATE_REJECTION.expired): the API has
   * answered 503 by then, so a command that reaches the workflow later must change nothing.
   */
  readonly notAfter?: number;
}
export interface ProgressCommand extends CommandBase {
  readonly note: string;
  readonly percent?: number;
  readonly channel?: CommandChannel;
}
export interface SubmitCommand extends CommandBase {
  readonly note: string;
  readonly channel?: CommandChannel;
}
export interface AcceptCommand extends CommandBase {
  readonly note?: string;
}
export interface ReturnCommand extends CommandBase {
  readonly reason: string;
}
export interface ExtensionRequestCommand extends CommandBase {
  /** Id chosen by the API (unique per item), so a retried request is recognised. */
  readonly requestId: string;
  readonly due: DueSpec;
  readonly reason: string;
  readonly channel?: CommandChannel;
}
export interface ExtensionDecisionCommand extends CommandBase {
  readonly requestId: string;
  readonly approve: boolean;
  readonly reason?: string;
  /** Approving: the deadline granted when the secretariat grants another than the one asked. */
  readonly due?: DueSpec;
}
export interface ReassignCommand extends CommandBase {
  readonly lead: AgencyRef;
  readonly reason?: string;
}
export interface CancelCommand extends CommandBase {
  readonly reason: string;
}
/** The secretariat sets another deadline, without a request (a slip at intake, a new instruction). */
export interface ChangeDeadlineCommand extends CommandBase {
  readonly due: DueSpec;
  readonly reason: string;
}

/** Failure types the workflow's update validators throw; the API maps them to HTTP codes. */
export const UPDATE_REJECTION = {
  /** The current status forbids the command → 409. */
  invalidTransition: 'INVALID_TRANSITION',
  /** The command's content is wrong (e.g. unknown extension request, due in the past) → 400/404. */
  invalidCommand: 'INVALID_COMMAND',
  notFound: 'NOT_FOUND',
  /** Arrived after its `notAfter`: the caller was told 503 and the command is dropped. */
  expired: 'COMMAND_EXPIRED',
} as const;
