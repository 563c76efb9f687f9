import { createHash } from 'node:crypto';
import { activityInfo, heartbeat, log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import addressparser from 'nodemailer/lib/addressparser';
import {
  isLateMail,
  itemInvite,
  itemPageUrl,
  MailDeliveryError,
  renderItemMail,
  toMailDeliveryError,
  type ItemMailData,
  type MailAttachment,
  type MailCalendar,
  type Mailer,
} from '../libs/mail/src';
import { vnPublicSectorCalendar, workingDaysLeft } from '../libs/domain/src';
import { signItemLink } from '../libs/security/src';
import type { MailLogStore } from './ports';
import {
  INVITE_MAIL_KINDS,
  withdrawsInvite,
  MAIL_PERMANENT,
  MAIL_TRANSIENT,
  MAIL_UNRECORDED,
  unrecordedDeliveries,
  type UnrecordedDelivery,
  type ItemMailKind,
  type SendItemMailInput,
  type SendItemMailResult,
} from '../libs/contracts/src';

export interface MailActivityConfig {
  readonly publicBaseUrl: string;
  /** HMAC key of the signed links in the lead agency's mails (LINK_SIGNING_SECRET, ADR 0011). */
  readonly linkSigningSecret: string;
  /** Right-hand side of generated Message-IDs; default 'dondoc.local'. */
  readonly messageIdDomain?: string;
  /** MAIL_FROM ('Name <address>'): the calendar invites' organizer. */
  readonly mailFrom?: string;
  /** OFFICE_NAME: the secretariat as the mails name it. */
  readonly officeName?: string;
}

export interface MailActivityDeps {
  readonly mailLog: MailLogStore;
  readonly mailer: Mailer;
  readonly config: MailActivityConfig;
  /** Wall clock for `sent_at` (tests may pin it). */
  readonly now?: () => Date;
  /** The draft urging letter an escalation mail carries (issue 11); none without it. */
  readonly urgingLetter?: (itemId: string, nowMs: number) => Promise<MailAttachment | null>;
}

/** `${workflowId}:${step}:${deadlineVersion}:${recipient}`: one mail per key, ever. */
export function mailIdempotencyKey(
  workflowId: string,
  step: string,
  deadlineVersion: number,
  recipient: string,
): string {
  return `${workflowId}:${step}:${deadlineVersion}:${recipient}`;
}

/** Deterministic Message-ID: a resend after a lost acknowledgement carries the same id. */
export function messageIdFor(key: string, domain = 'dondoc.local'): string {
  return `<${createHash('sha256').update(key, 'utf8').digest('hex')}@${domain}>`;
}

/** Mails addressed to the lead agency's contact only: they carry its signed link. */
const LEAD_AGENCY_KINDS: readonly ItemMailKind[] = [
  'assigned',
  'reminder',
  'overdue',
  'weekly_overdue',
  'returned',
  'extension_approved',
  'extension_rejected',
  'reassigned',
  'period_opened',
];

/**
 * The signed link token of a mail to the lead agency, or null (escalations go to heads, the
 * secretariat and the committee head, who log in). Issued at the workflow's `nowMs`, so a retry
 * renders the same mail.
 */
export function linkTokenFor(input: SendItemMailInput, secret: string): string | null {
  if (!LEAD_AGENCY_KINDS.includes(input.kind) || !input.item.leadCode) return null;
  return signItemLink(
    {
      itemId: input.itemId,
      agencyCode: input.item.leadCode,
      deadlineVersion: input.deadlineVersion,
      issuedAtMs: input.nowMs,
    },
    secret,
  );
}

/** 'Đôn Đốc <dondoc@x.vn>' → its name and address (an address alone: named after itself). */
export function organizerOf(mailFrom: string): { name: string; email: string } {
  const [first] = addressparser(mailFrom, { flatten: true });
  const email = first?.address || mailFrom.trim();
  return { name: first?.name || email, email };
}

/**
 * The calendar invite of a mail that carries one (ADR 0027), for one recipient: the item's
 * all-day event on its due day, alarms at the reminder plan's instants still to come.
 */
export function inviteFor(
  input: SendItemMailInput,
  recipient: string,
  config: MailActivityConfig,
): MailCalendar | null {
  if (!INVITE_MAIL_KINDS.includes(input.kind) || !input.due) return null;
  const closing = withdrawsInvite(input.kind);
  // An item entered already overdue: an event on a day gone by, with no alarm left, is no help in
  // a calendar (issue 11 blind check); the mail says the item is overdue.
  if (!closing && input.due.at <= input.nowMs) return null;
  const method = closing ? 'CANCEL' : 'REQUEST';
  // Named after the lead agency when the mail goes to it alone.
  const isLead = !closing && input.kind !== 'assigned_copy' && input.kind !== 'deadline_copy';
  const content = itemInvite({
    itemId: input.itemId,
    method,
    // A cancellation supersedes every invite of the deadline versions before it.
    sequence: closing ? input.deadlineVersion + 1 : input.deadlineVersion,
    dueAt: input.due.at,
    dueDate: input.due.date,
    remindBefore: input.item.remindBefore ?? [],
    nowMs: input.nowMs,
    code: input.item.code,
    text: input.item.text,
    leadName: input.item.leadName,
    noticeTitle: input.item.noticeTitle,
    // The page behind a login: a calendar event outlives the mail's 30-day signed link.
    url: itemPageUrl(config.publicBaseUrl, input.itemId, null),
    organizer: organizerOf(config.mailFrom ?? 'dondoc@dondoc.local'),
    attendees: [{ email: recipient, ...attendeeName(input, recipient, isLead) }],
  });
  return { method, filename: 'han-nhiem-vu.ics', content };
}

/** The invite's name of its attendee: the lead agency, or the co-ordinating agency of a copy. */
function attendeeName(
  input: SendItemMailInput,
  recipient: string,
  isLead: boolean,
): { name: string } | Record<string, never> {
  const name = isLead ? input.item.leadName : input.item.recipientNames?.[recipient];
  return name ? { name } : {};
}

/**
 * The deliveries an earlier attempt could not record: the database failed after the SMTP
 * server's 250. A durable attempt's travel in the heartbeat details, which the Temporal server
 * keeps and hands to the next attempt; a local attempt's (ADR 0028) in its failure, which the
 * workflow passes on in the input. Either way the next attempt records them instead of sending
 * again (ADR 0003).
 */
function carriedDeliveries(input: SendItemMailInput): Map<string, UnrecordedDelivery> {
  const carried = [
    ...unrecordedDeliveries(activityInfo().heartbeatDetails),
    ...(input.delivered ?? []),
  ];
  return new Map(carried.map((d) => [d.key, d]));
}

/** Keeps the deliveries for a durable attempt after this one (a local one has no heartbeat). */
const carry = (delivered: Map<string, UnrecordedDelivery>): void => {
  if (!activityInfo().isLocal) heartbeat({ delivered: [...delivered.values()] });
};

const normalise = (addresses: readonly string[]): string[] => [
  ...new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => a.length > 0)),
];

export function createMailActivities(deps: MailActivityDeps) {
  const domain = deps.config.messageIdDomain ?? 'dondoc.local';
  const now = deps.now ?? (() => new Date());

  /**
   * The escalation's draft urging letter, dated the step's day; a failure to write it leaves the
   * mail without it rather than holding the escalation back.
   */
  async function urgingLetterOf(input: SendItemMailInput): Promise<MailAttachment | null> {
    if (!deps.urgingLetter) return null;
    try {
      return await deps.urgingLetter(input.itemId, input.nowMs);
    } catch (err) {
      log.warn('Urging letter not attached', {
        workflowId: input.workflowId,
        step: input.step,
        error: err instanceof Error ? err.message : String(err),
      });
      return null;
    }
  }

  /**
   * Sends one mail per recipient, at most once per idempotency key. Only a recipient's permanent
   * rejection is final: it is logged 'failed' and, after every other recipient was tried,
   * reported as non-retryable MAIL_PERMANENT with the failed addresses in its details. Any other
   * failure (server unreachable, 535, relay refused, 4xx) is ours: logged with its reason and
   * thrown as a retryable MAIL_TRANSIENT, retried until it works (recipients already sent are
   * skipped on the retry). A mail that goes out late says so (ADR 0018). A mail delivered whose
   * record then fails (the database is down) is carried to the next attempt, which records it
   * without sending it again (ADR 0003).
   */
  async function sendItemMail(input: SendItemMailInput): Promise<SendItemMailResult> {
    // Server time, like the workflow's `nowMs`: the time-skipping server's clock in its tests.
    const attemptAt = Math.max(
      input.nowMs,
      input.localAtMs ?? 0,
      activityInfo().currentAttemptScheduledTimestampMs,
    );
    const late = isLateMail(input.nowMs, attemptAt, input.due);
    const sendAt = late ? attemptAt : input.nowMs;
    const letter = input.kind === 'escalation' ? await urgingLetterOf(input) : null;
    const data: ItemMailData = {
      kind: input.kind,
      itemId: input.itemId,
      code: input.item.code,
      text: input.item.text,
      noticeTitle: input.item.noticeTitle,
      noticeNumber: input.item.noticeNumber,
      leadName: input.item.leadName,
      due: input.due,
      nowMs: sendAt,
      lateFromMs: late ? input.nowMs : null,
      workingDaysLeft: input.due
        ? workingDaysLeft(input.due.at, sendAt, vnPublicSectorCalendar)
        : null,
      level: input.level,
      reason: input.reason ?? null,
      previousDue: input.previousDue ?? null,
      requestedDue: input.requestedDue ?? null,
      previousLeadName: input.previousLeadName ?? null,
      reportWaiting: input.reportWaiting === true,
      completedLate: input.completedLate ?? null,
      nextPeriod: input.nextPeriod === true,
      returnedFor: input.returnedFor ?? null,
      publicBaseUrl: deps.config.publicBaseUrl,
      linkToken: linkTokenFor(input, deps.config.linkSigningSecret),
      undelivered: input.undelivered ?? null,
      supportNames: input.item.supportNames ?? null,
      noticeIssuedOn: input.item.noticeIssuedOn ?? null,
      recurrence: input.item.recurrence ?? null,
      deadlinePhrase: input.item.deadlinePhrase ?? null,
      officeName: deps.config.officeName ?? null,
      urgingLetterAttached: letter !== null,
    };
    const rendered = renderItemMail(data);
    const letterTo = input.letterTo ? new Set(normalise(input.letterTo)) : null;
    /** Whether this recipient gets the draft urging letter (its contact does not). */
    const letterFor = (recipient: string): boolean =>
      letter !== null && (letterTo === null || letterTo.has(recipient));
    /**
     * A co-ordinating agency's copy greets it by name, and a recipient without the draft letter
     * is not told of it: one rendering per such recipient.
     */
    const renderedFor = (recipient: string) => {
      const name = input.item.recipientNames?.[recipient];
      if (name) return renderItemMail({ ...data, addresseeName: name });
      if (letter !== null && !letterFor(recipient)) {
        return renderItemMail({ ...data, urgingLetterAttached: false });
      }
      return rendered;
    };
    const sent: string[] = [];
    const skipped: string[] = [];
    const failed: { recipient: string; error: string }[] = [];
    const delivered = carriedDeliveries(input);
    // Kept for the attempt after this one, should this one fail before recording them.
    if (delivered.size > 0) carry(delivered);
    let reportLate = false;
    for (const recipient of normalise(input.recipients)) {
      const key = mailIdempotencyKey(
        input.workflowId,
        input.step,
        input.deadlineVersion,
        recipient,
      );
      const carried = delivered.get(key);
      if (carried) {
        await deps.mailLog.markSent(key, new Date(carried.at));
        sent.push(recipient);
        reportLate ||= carried.late;
        continue;
      }
      reportLate ||= late;
      const messageId = messageIdFor(key, domain);
      const before = await deps.mailLog.begin({
        idempotencyKey: key,
        workflowId: input.workflowId,
        step: input.step,
        recipient,
        subject: rendered.subject,
        messageId,
      });
      if (before === 'sent') {
        skipped.push(recipient);
        continue;
      }
      if (before === 'failed') {
        // A permanent failure is final for this key: report it again, never resend.
        failed.push({ recipient, error: 'earlier permanent failure' });
        continue;
      }
      const invite = inviteFor(input, recipient, deps.config);
      const mail = renderedFor(recipient);
      try {
        await deps.mailer.send({
          to: recipient,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId,
          ...(invite ? { calendar: invite } : {}),
          ...(letter && letterFor(recipient) ? { attachments: [letter] } : {}),
          headers: {
            'X-DonDoc-Item': input.itemId,
            'X-DonDoc-Step': `${input.step}:${input.deadlineVersion}`,
            'X-DonDoc-Kind': input.kind,
          },
        });
      } catch (raw) {
        const err = raw instanceof MailDeliveryError ? raw : toMailDeliveryError(raw);
        const detail = `${err.responseCode ?? err.code ?? 'error'}: ${err.message}`;
        await deps.mailLog.markFailed(key, `${err.fault}: ${detail}`, err.permanent);
        if (!err.permanent) {
          log.warn(`Mail not sent, retrying until the mail server takes it (${err.fault})`, {
            fault: err.fault,
            recipient,
            step: input.step,
            workflowId: input.workflowId,
            attempt: activityInfo().attempt,
            error: detail,
          });
          throw ApplicationFailure.retryable(
            `Chưa gửi được thư tới ${recipient}, sẽ gửi lại (${err.fault}: ${detail})`,
            MAIL_TRANSIENT,
            {
              recipient,
              fault: err.fault,
              responseCode: err.responseCode,
              code: err.code,
            },
          );
        }
        log.warn('Mail rejected for good by its recipient', {
          recipient,
          step: input.step,
          workflowId: input.workflowId,
          error: detail,
        });
        failed.push({ recipient, error: detail });
        continue;
      }
      const sentAt = now();
      try {
        await deps.mailLog.markSent(key, sentAt);
      } catch (err) {
        delivered.set(key, { key, at: sentAt.getTime(), late });
        carry(delivered);
        const error = err instanceof Error ? err.message : String(err);
        log.warn('Mail delivered but not recorded as sent; the next attempt records it', {
          recipient,
          step: input.step,
          workflowId: input.workflowId,
          error,
        });
        if (!activityInfo().isLocal) throw err;
        throw ApplicationFailure.retryable(
          `Mail delivered but not recorded as sent: ${error}`,
          MAIL_UNRECORDED,
          { delivered: [...delivered.values()] },
        );
      }
      sent.push(recipient);
    }
    if (failed.length > 0) {
      throw ApplicationFailure.nonRetryable(
        `Không gửi được thư tới ${failed.map((f) => f.recipient).join(', ')}: ${failed.map((f) => f.error).join('; ')}`,
        MAIL_PERMANENT,
        { failed, sent, skipped },
      );
    }
    return reportLate ? { sent, skipped, late: true } : { sent, skipped };
  }

  return { sendItemMail };
}
