import type { ItemStore } from './ports';
import type {
  RecordEventsInput,
  RecordEventsResult,
  RecordMailDeliveryInput,
  RecordMailDeliveryResult,
} from '../libs/contracts/src';

export function createProjectionActivities(deps: { readonly items: ItemStore }) {
  /**
   * Appends events (once per workflow id + seq) and moves the items row forward to
   * `projection.version`, in one transaction. Safe to retry and to run out of order.
   */
  async function recordEvents(input: RecordEventsInput): Promise<RecordEventsResult> {
    return deps.items.record(input);
  }
  /**
   * Writes how a step's mails went into its event, recorded earlier as pending (ADR 0018): the
   * event's facts never change, only its delivery keys, once. Safe to retry.
   */
  async function recordMailDelivery(
    input: RecordMailDeliveryInput,
  ): Promise<RecordMailDeliveryResult> {
    return deps.items.recordDelivery(input);
  }
  return { recordEvents, recordMailDelivery };
}
