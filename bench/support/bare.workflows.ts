/**
 * The baselines' workflows (issue 10): the least a Temporal workflow can do for each bench, on
 * the same server and the same worker settings as the item workflow. Bench code, never deployed.
 */
import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { BareActivities } from './bare-activities';

const { insertRow, sendBareMail } = proxyActivities<BareActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/** throughput: one activity inserting one row. */
export async function bareInsertWorkflow(): Promise<void> {
  await insertRow(workflowInfo().workflowId);
}

/** burst: one timer to `atMs`, then one mail. */
export async function bareTimerWorkflow(atMs: number, to: string): Promise<void> {
  const ms = atMs - Date.now();
  if (ms > 0) await sleep(ms);
  await sendBareMail(workflowInfo().workflowId, to);
}

/** open-items: one row, then a timer until the deadline (an open item at rest). */
export async function bareOpenWorkflow(dueMs: number): Promise<void> {
  await insertRow(workflowInfo().workflowId);
  const ms = dueMs - Date.now();
  if (ms > 0) await sleep(ms);
}
