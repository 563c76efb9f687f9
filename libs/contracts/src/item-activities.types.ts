/**
 * What the item workflow hands its activities and gets back: the projection it writes, the
 * mails it asks for and the failure types it tells apart. Plain JSON, instants as epoch ms.
 */
import type { ItemStatus } from '../../domain/src';
import type { RecordedEvent } from './item-events';
import type { DueSpec, ExtensionRequestView, RecurrenceSpec } from './item-workflow.types';

/** The `items` row columns the workflow owns; `version` orders writes (newest wins). */
export interface ItemProjection {
  readonly version: number;
  readonly status: ItemStatus;
  readonly leadCode: string;
  readonly supportCodes: readonly string[];
  readonly dueDate: string | null;
  readonly dueAt: number | null;
  readonly originalDueDate: string | null;
  readonly originalDueAt: number | null;
  readonly completedLate: boolean | null;
  readonly escalationLevel: number;
  readonly progressPercent: number | null;
  readonly pendingExtension: ExtensionRequestView | null;
  /**
   * The deadline version the mails' signed links are scoped to. Optional: a projection written
   * by a workflow task scheduled before the field existed keeps the stored value.
   */
  readonly deadlineVersion?: number;
  /** Epoch ms when the item was completed or cancelled. */
  readonly closedAt: number | null;
}

export interface RecordEventsInput {
  readonly itemId: string;
  readonly workflowId: string;
  readonly events: readonly RecordedEvent[];
  readonly projection: ItemProjection;
}

export interface RecordEventsResult {
  /** Events actually inserted (0 on a retry that already wrote them). */
  readonly inserted: number;
  /** Whether the items row took this projection (false: a newer version was already there). */
  readonly projected: boolean;
}

/** Which mail; one template each. */
export const ITEM_MAIL_KINDS = [
  /** To the lead agency when its item's workflow starts (patch 'assignment-mail'). */
  'assigned',
  /** The co-ordinating agencies' copy of the assignment: for information, no signed link. */
  'assigned_copy',
  'reminder',
  'overdue',
  'escalation',
  'weekly_overdue',
  'returned',
  'extension_approved',
  'extension_rejected',
  'reassigned',
  /** To the secretariat: a mail of the item could not be delivered to some recipients. */
  'delivery_failed',
  /**
   * To the lead and co-ordinating agencies when the secretariat accepts the item or cancels it
   * (patch 'closing-mail', ADR 0027): the reminders stop and the calendar event is withdrawn.
   */
  'completed',
  'cancelled',
  /** To the lead agency: the secretariat set another deadline (a new calendar invite). */
  'deadline_changed',
  /**
   * To the secretariat: the lead agency asks for a later deadline, to be decided (patch
   * 'extension-request-mail'); `requestedDue` the date asked, `reason` why.
   */
  'extension_requested',
  /**
   * To the former lead agency when the item is given to another (patch 'reassigned-away-mail'):
   * it no longer leads, its reminders stop, the calendar event is withdrawn.
   */
  'reassigned_away',
  /**
   * To the secretariat: the lead agency reports the item done, to be accepted or returned (patch
   * 'submitted-mail'); `reason` carries the agency's result note.
   */
  'submitted',
  /**
   * To the co-ordinating agencies when the deadline moves (an extension granted, a deadline
   * changed; patch 'deadline-copy-mail'): for information, with the moved calendar event.
   */
  'deadline_copy',
  /**
   * To the lead agency when a recurring item's period was accepted and the next one opens (patch
   * 'period-mail'): the new deadline, with the moved calendar event; the co-ordinating agencies
   * get a deadline_copy.
   */
  'period_opened',
] as const;
export type ItemMailKind = (typeof ITEM_MAIL_KINDS)[number];

/** What a mail names about the item (from the workflow input and state). */
export interface MailItemFields {
  readonly code: string | null;
  readonly text: string;
  readonly noticeTitle: string | null;
  readonly noticeNumber: string | null;
  readonly leadName: string;
  /**
   * The lead agency's code: the mails to it carry a signed link for this agency (ADR 0011).
   * Optional so that an activity scheduled before the field existed still runs (plain link).
   */
  readonly leadCode?: string;
  /** Assignment and closing mails: the co-ordinating agencies' names. */
  readonly supportNames?: readonly string[];
  /**
   * The co-ordinating agencies' copies (assigned_copy, deadline_copy): each recipient's address
   * (lower case) → its agency's name, to greet it and name it in its invite. Absent in activities
   * scheduled before the field existed (a greeting without a name).
   */
  readonly recipientNames?: Readonly<Record<string, string>>;
  /** Assignment mails: the notice's date of issue ('YYYY-MM-DD'), when known. */
  readonly noticeIssuedOn?: string | null;
  /** Assignment mails: the recurrence of a recurring item. */
  readonly recurrence?: RecurrenceSpec | null;
  /** Assignment mails: the notice's words the deadline came from. */
  readonly deadlinePhrase?: string | null;
  /**
   * Mails that carry a calendar invite (INVITE_MAIL_KINDS): the reminder plan's offsets, the
   * invite's alarms. Absent in activities scheduled before the field existed (no alarms).
   */
  readonly remindBefore?: readonly string[];
}

/** The mails that close an item (patch 'closing-mail'): their invite withdraws the event. */
export const isClosingMail = (kind: ItemMailKind): kind is 'completed' | 'cancelled' =>
  kind === 'completed' || kind === 'cancelled';

/** Whether a mail's invite withdraws the item's event from its recipients' calendars. */
export const withdrawsInvite = (kind: ItemMailKind): boolean =>
  isClosingMail(kind) || kind === 'reassigned_away';

/**
 * The mails that carry the item's calendar invite (ADR 0027): the assignment (and its copy), the
 * new lead's after a reassignment, and every deadline change; the closing mails its cancellation.
 */
export const INVITE_MAIL_KINDS: readonly ItemMailKind[] = [
  'deadline_changed',
  'completed',
  'cancelled',
  'assigned',
  'assigned_copy',
  'extension_approved',
  'reassigned',
  'reassigned_away',
  'deadline_copy',
  'period_opened',
];

export interface SendItemMailInput {
  readonly workflowId: string;
  readonly itemId: string;
  /**
   * The schedule step's key ('remind:P3D', 'overdue', 'escalate:1:P1D', 'weekly:2026-03-09') or
   * a notification's ('returned-7', 'extension-<requestId>', 'reassigned-9').
   */
  readonly step: string;
  readonly deadlineVersion: number;
  readonly kind: ItemMailKind;
  /** One mail per recipient, each with its own idempotency key. */
  readonly recipients: readonly string[];
  readonly item: MailItemFields;
  readonly due: DueSpec | null;
  /** Workflow time when the step ran: days left / overdue are counted from here. */
  readonly nowMs: number;
  /**
   * Workflow time of a local attempt (ADR 0028): a local activity is not scheduled by the server,
   * so its attempt has no server time of its own (the time-skipping server's clock in tests).
   */
  readonly localAtMs?: number;
  /**
   * Mails a failed local attempt delivered but could not record as sent (ADR 0028): the durable
   * attempt records them instead of sending them again, as it does with its heartbeat (ADR 0003).
   */
  readonly delivered?: readonly UnrecordedDelivery[];
  readonly level?: number;
  /**
   * escalation: who gets the draft urging letter (absent in activities scheduled before the field
   * existed: every recipient).
   */
  readonly letterTo?: readonly string[];
  readonly reason?: string | null;
  readonly previousDue?: DueSpec | null;
  /**
   * extension_approved: the deadline asked for, when the secretariat granted another;
   * extension_requested: the deadline asked for.
   */
  readonly requestedDue?: DueSpec | null;
  readonly previousLeadName?: string | null;
  /** The lead agency's completion report waits for the Văn phòng's decision. */
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
  /** delivery_failed: the mail that did not reach some of its recipients. */
  readonly undelivered?: UndeliveredMail | null;
}

/** A mail some recipients rejected for good, as the secretariat is told about it. */
export interface UndeliveredMail {
  readonly kind: ItemMailKind;
  readonly step: string;
  /** Workflow time of the step the mail belonged to (epoch ms). */
  readonly stepAtMs: number;
  readonly failed: MailPermanentDetails['failed'];
}

export interface SendItemMailResult {
  readonly sent: readonly string[];
  /** Already sent by an earlier attempt (idempotency key found with status 'sent'). */
  readonly skipped: readonly string[];
  /**
   * The mail went out late and says so (ADR 0018). Absent in results of activities that ran
   * before the field existed.
   */
  readonly late?: boolean;
}

/**
 * Failure type of a mail a recipient rejected for good (550 unknown user and kin, an unusable
 * address): not retried.
 */
export const MAIL_PERMANENT = 'MAIL_PERMANENT';
/**
 * Failure type of every other mail failure (unreachable server, 535, relay refused, 4xx): a
 * fault of ours, retried until it works (ADR 0018).
 */
export const MAIL_TRANSIENT = 'MAIL_TRANSIENT';

/**
 * Failure type of a local attempt (ADR 0028) that delivered mails but could not record them as
 * sent (the database failed after the SMTP server's 250); its details are `{ delivered }`.
 */
export const MAIL_UNRECORDED = 'MAIL_UNRECORDED';

/** A mail delivered (the server answered 250) but not recorded as sent. */
export interface UnrecordedDelivery {
  /** Its idempotency key in mail_log. */
  readonly key: string;
  /** When it was delivered (mail_log.sent_at). */
  readonly at: number;
  /** Whether the delivered mail said it was late. */
  readonly late: boolean;
}

/** The details a MAIL_PERMANENT failure carries: which recipients could not be reached. */
export interface MailPermanentDetails {
  readonly failed: readonly { readonly recipient: string; readonly error: string }[];
}

/**
 * How a step's mail went, as its history event says (reminder_sent, overdue, escalated):
 * 'pending' from the step until the mail has gone out or been refused (ADR 0018).
 */
export type MailDeliveryStatus = 'pending' | 'delivered' | 'partly_failed' | 'failed';

/** The delivery keys of a step event's detail (ADR 0018). */
export interface MailDeliveryDetail {
  readonly mailDelivery: MailDeliveryStatus;
  /** Recipients that rejected the mail for good (absent when every one got it). */
  readonly failedRecipients?: readonly string[];
  /** Workflow time the outcome was known (epoch ms); absent while pending. */
  readonly mailSettledAt?: number;
  /** The mail went out late and said so. */
  readonly mailLate?: true;
}

/** The outcome of a step's mails, for the event recorded with `mailDelivery: 'pending'`. */
export interface RecordMailDeliveryInput {
  readonly workflowId: string;
  readonly seq: number;
  readonly delivery: MailDeliveryDetail;
}

export interface RecordMailDeliveryResult {
  /** false: no such event pending (a retry that already wrote it). */
  readonly updated: boolean;
}

/**
 * A due step in one activity (ADR 0028): its events recorded with the mail pending, its mails
 * sent, then the events told how the mails went.
 */
export interface PerformItemStepInput {
  /** The step's events, each with `mailDelivery: 'pending'`, and the projection after it. */
  readonly record: RecordEventsInput;
  readonly mails: readonly SendItemMailInput[];
}

/** How each mail went, in the order of the input's mails. */
export interface PerformItemStepResult {
  readonly outcomes: readonly {
    readonly failed: MailPermanentDetails['failed'];
    readonly late: boolean;
  }[];
}
