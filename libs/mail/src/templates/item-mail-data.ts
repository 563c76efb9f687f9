import type {
  DueSpec,
  ItemMailKind,
  RecurrenceSpec,
  UndeliveredMail,
} from '../../../contracts/src';

/** Everything one item mail says; the activity fills it from the workflow's request. */
export interface ItemMailData {
  readonly kind: ItemMailKind;
  readonly itemId: string;
  /** Position in the notice ("2.g.1"). */
  readonly code: string | null;
  readonly text: string;
  readonly noticeTitle: string | null;
  readonly noticeNumber: string | null;
  /** Name of the lead agency. */
  readonly leadName: string;
  readonly due: DueSpec | null;
  /** When the mail is composed (epoch ms): days left / overdue are counted from here. */
  readonly nowMs: number;
  /**
   * A late mail (isLateMail): when it was meant to go out. It then says so, and counts days left
   * or overdue from `nowMs`, the time it is actually sent.
   */
  readonly lateFromMs?: number | null;
  /**
   * Working days from today to the due date (whole-day deadlines, counted by the working
   * calendar): 0 means the due date is today. Omitted or null: shown as an exact duration.
   */
  readonly workingDaysLeft?: number | null;
  /** Escalation level (1: agency head + secretariat, 2+: committee head). */
  readonly level?: number;
  /** Reason given by the secretariat (returned, extension rejected, reassigned). */
  readonly reason?: string | null;
  /** Extension approved: the deadline before the extension. */
  readonly previousDue?: DueSpec | null;
  /** Extension approved: the deadline the agency asked for, when another was granted. */
  readonly requestedDue?: DueSpec | null;
  /** Reassigned: the agency that had the item before. */
  readonly previousLeadName?: string | null;
  /**
   * The lead agency's completion report waits for the Văn phòng's decision: the mail asks for no
   * report, extension or progress.
   */
  readonly reportWaiting?: boolean;
  /**
   * completed: after its current deadline (true), by it (false); null without a deadline.
   * period_opened: the same of the period just accepted.
   */
  readonly completedLate?: boolean | null;
  /** deadline_copy: the deadline is a recurring item's next period's, not a moved one. */
  readonly nextPeriod?: boolean;
  /** submitted: the report answers a return, given for this reason ('' when none); else null. */
  readonly returnedFor?: string | null;
  /** The web app's origin: every link points at the item's page there, never at `/api`. */
  readonly publicBaseUrl: string;
  /**
   * A signed login-free token for the lead agency (ADR 0011), added to the item's page link as
   * `?t=`; absent in mails to others (escalations).
   */
  readonly linkToken?: string | null;
  /** Assignment mails: the co-ordinating agencies' names. */
  readonly supportNames?: readonly string[] | null;
  /** Assignment mails: the notice's date of issue ('YYYY-MM-DD'). */
  readonly noticeIssuedOn?: string | null;
  /** Assignment mails: the recurrence of a recurring item (`due` is then its first period's). */
  readonly recurrence?: RecurrenceSpec | null;
  /** The secretariat as the mails name it (OFFICE_NAME); absent: DEFAULT_OFFICE_NAME. */
  readonly officeName?: string | null;
  /** Assignment mails: the notice's words the deadline came from ("trước ngày 15/01/2027"). */
  readonly deadlinePhrase?: string | null;
  /** Escalations: the mail carries a draft urging letter (Word) to the lead agency's head. */
  readonly urgingLetterAttached?: boolean;
  /**
   * A co-ordinating agency's copy (assigned_copy, deadline_copy), one mail each: the name of the
   * agency it goes to, greeted by name; without it, "Quý cơ quan phối hợp thực hiện nhiệm vụ".
   */
  readonly addresseeName?: string | null;
  /** delivery_failed: the mail that some recipients rejected for good. */
  readonly undelivered?: UndeliveredMail | null;
}
