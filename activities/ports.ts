import type {
  RecordEventsInput,
  RecordEventsResult,
  RecordMailDeliveryInput,
  RecordMailDeliveryResult,
} from '../libs/contracts/src';

export type MailLogStatus = 'sending' | 'sent' | 'failed';

export interface MailLogEntry {
  readonly idempotencyKey: string;
  readonly workflowId: string;
  readonly step: string;
  readonly recipient: string;
  readonly subject: string;
  readonly messageId: string;
}

/** The idempotency record of mails (table mail_log). */
export interface MailLogStore {
  /**
   * Inserts the entry as 'sending' unless the key exists, counts one more attempt, and returns
   * the status the key had before this attempt ('sending' for a new key).
   */
  begin(entry: MailLogEntry): Promise<MailLogStatus>;
  markSent(idempotencyKey: string, at: Date): Promise<void>;
  markFailed(idempotencyKey: string, error: string, permanent: boolean): Promise<void>;
}

/** History and projection of items (tables item_events, items). */
export interface ItemStore {
  record(input: RecordEventsInput): Promise<RecordEventsResult>;
  /** Completes the delivery keys of an event recorded with `mailDelivery: 'pending'`, once. */
  recordDelivery(input: RecordMailDeliveryInput): Promise<RecordMailDeliveryResult>;
}
