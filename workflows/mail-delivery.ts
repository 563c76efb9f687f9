/**
 * What the workflow makes of a mail's outcome (ADR 0018): the delivery keys of the step's event
 * (pending at the step, the outcome once settled), and the notice that tells the secretariat
 * about recipients that rejected a mail for good. Pure.
 */
import {
  deliveryDetail as settledDelivery,
  type MailDeliveryDetail,
  type MailPermanentDetails,
  type RecordedEvent,
} from '../libs/contracts/src';
import type { MailCommand } from './item-transition';

/** How one mail went: recipients that rejected it for good, and whether it went out late. */
export interface MailOutcome {
  readonly mail: MailCommand;
  readonly failed: MailPermanentDetails['failed'];
  readonly late: boolean;
}

/** The delivery keys of a step's event once its mails have settled at `at` (epoch ms). */
export function deliveryDetail(outcomes: readonly MailOutcome[], at: number): MailDeliveryDetail {
  return settledDelivery(
    outcomes.map((o) => ({ recipients: o.mail.recipients, failed: o.failed, late: o.late })),
    at,
  );
}

/** A step's events as recorded at the step, before its mails have gone out. */
export function pendingDelivery(events: readonly RecordedEvent[]): RecordedEvent[] {
  const pending: MailDeliveryDetail = { mailDelivery: 'pending' };
  return events.map((e) => ({ ...e, detail: { ...e.detail, ...pending } }));
}

/**
 * The mail that tells the secretariat which recipients rejected a mail, or null: nothing was
 * rejected, the rejected mail was itself such a notice, or the secretariat's own address was.
 */
export function undeliveredNotice(
  outcome: MailOutcome,
  stepAtMs: number,
  secretariatEmail: string,
): MailCommand | null {
  const { mail, failed } = outcome;
  if (failed.length === 0 || mail.kind === 'delivery_failed') return null;
  const secretariat = secretariatEmail.trim().toLowerCase();
  if (failed.some((f) => f.recipient.trim().toLowerCase() === secretariat)) return null;
  return {
    step: `undelivered:${mail.step}`,
    kind: 'delivery_failed',
    recipients: [secretariatEmail],
    deadlineVersion: mail.deadlineVersion,
    due: mail.due,
    leadName: mail.leadName,
    leadCode: mail.leadCode,
    undelivered: { kind: mail.kind, step: mail.step, stepAtMs, failed },
  };
}
