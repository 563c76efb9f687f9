import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import {
  MAIL_PERMANENT,
  type MailDeliveryDetail,
  type MailPermanentDetails,
  type UnrecordedDelivery,
} from './item-activities.types';

/** How one mail of a step went: its recipients, those that rejected it for good, lateness. */
export interface SettledMail {
  readonly recipients: readonly string[];
  readonly failed: MailPermanentDetails['failed'];
  readonly late: boolean;
}

const distinct = (addresses: readonly string[]): string[] => [
  ...new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => a.length > 0)),
];

/**
 * The delivery keys of a step's event once its mails have settled at `at` (epoch ms, ADR 0018).
 * Pure: the workflow and the one-step activity (ADR 0028) compute it alike.
 */
export function deliveryDetail(mails: readonly SettledMail[], at: number): MailDeliveryDetail {
  const recipients = distinct(mails.flatMap((m) => m.recipients));
  const failed = distinct(mails.flatMap((m) => m.failed.map((f) => f.recipient)));
  const mailDelivery =
    failed.length === 0
      ? 'delivered'
      : failed.length >= recipients.length
        ? 'failed'
        : 'partly_failed';
  return {
    mailDelivery,
    ...(failed.length > 0 ? { failedRecipients: failed } : {}),
    mailSettledAt: at,
    ...(mails.some((m) => m.late) ? { mailLate: true as const } : {}),
  };
}

/**
 * The unrecorded deliveries in a failure's or a heartbeat's details (`{ delivered: [...] }`);
 * anything else in them is ignored.
 */
export function unrecordedDeliveries(details: unknown): UnrecordedDelivery[] {
  const list = (details as { delivered?: unknown } | undefined)?.delivered;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (d): d is UnrecordedDelivery =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as UnrecordedDelivery).key === 'string' &&
      typeof (d as UnrecordedDelivery).at === 'number' &&
      typeof (d as UnrecordedDelivery).late === 'boolean',
  );
}

/**
 * The details of a mail's rejection for good (MAIL_PERMANENT), from the failure itself or from
 * the ActivityFailure wrapping it (a durable activity's); null for any other error.
 */
export function mailRejection(err: unknown): Partial<MailPermanentDetails> | null {
  const failure = err instanceof ActivityFailure ? err.cause : err;
  if (!(failure instanceof ApplicationFailure) || failure.type !== MAIL_PERMANENT) return null;
  return (failure.details?.[0] as Partial<MailPermanentDetails> | undefined) ?? {};
}
