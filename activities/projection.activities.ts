import type { ItemStore } from './ports';
import type { RecordEventsInput, RecordEventsResult } from '../libs/contracts/src';

export function createProjectionActivities(deps: { readonly items: ItemStore }) {
  /**
   * Appends events (once per workflow id + seq) and moves the items row forward to
   * `projection.version`, in one transaction. Safe to retry and to run out of order.
   */
  async function recordEvents(input: RecordEventsInput): Promise<RecordEventsResult> {
    return deps.items.record(input);
  }
  return { recordEvents };
}
