import { activityInfo } from '@temporalio/activity';
import {
  deliveryDetail,
  mailRejection,
  type PerformItemStepInput,
  type PerformItemStepResult,
  type RecordEventsInput,
  type RecordEventsResult,
  type RecordMailDeliveryInput,
  type RecordMailDeliveryResult,
  type SendItemMailInput,
  type SendItemMailResult,
  type SettledMail,
} from '../libs/contracts/src';

/** The activities one step is made of. */
export interface ItemStepParts {
  readonly recordEvents: (input: RecordEventsInput) => Promise<RecordEventsResult>;
  readonly recordMailDelivery: (
    input: RecordMailDeliveryInput,
  ) => Promise<RecordMailDeliveryResult>;
  readonly sendItemMail: (input: SendItemMailInput) => Promise<SendItemMailResult>;
}

export function createItemStepActivities(parts: ItemStepParts) {
  /**
   * A due step in one go, run by the workflow as a local activity (ADR 0028): its events are
   * recorded first with the mail pending, so the history and status move even if the mail
   * cannot go out; then each mail is sent; then the events say how the mails went. A recipient's
   * permanent rejection is an outcome; any other failure is thrown, the events stay pending and
   * the workflow takes the durable path. Every part is idempotent, so a retry repeats nothing.
   */
  async function performItemStep(input: PerformItemStepInput): Promise<PerformItemStepResult> {
    if (input.record.events.length > 0) await parts.recordEvents(input.record);
    const settled: SettledMail[] = [];
    for (const mail of input.mails) {
      try {
        const result = await parts.sendItemMail(mail);
        settled.push({ recipients: mail.recipients, failed: [], late: result.late === true });
      } catch (err) {
        const rejection = mailRejection(err);
        if (rejection === null) throw err;
        settled.push({ recipients: mail.recipients, failed: rejection.failed ?? [], late: false });
      }
    }
    // Server time, like the mails' (the time-skipping server's clock in the workflow tests).
    const settledAt = Math.max(
      input.mails[0]?.nowMs ?? 0,
      activityInfo().currentAttemptScheduledTimestampMs,
    );
    const delivery = deliveryDetail(settled, settledAt);
    for (const e of input.record.events) {
      await parts.recordMailDelivery({ workflowId: input.record.workflowId, seq: e.seq, delivery });
    }
    return { outcomes: settled.map(({ failed, late }) => ({ failed, late })) };
  }
  return { performItemStep };
}
