import { proxyActivities } from '@temporalio/workflow';
import type { ReconcileSummary } from '../libs/contracts/src';
import type { ReconcileActivities } from '../activities';

/**
 * One pass over the open items: restored by an activity, which the next pass repeats if it fails
 * for good (Temporal or PostgreSQL down). Heartbeats per page of rows.
 */
const { reconcileItems } = proxyActivities<ReconcileActivities>({
  startToCloseTimeout: '30m',
  heartbeatTimeout: '2m',
  retry: { initialInterval: '10s', backoffCoefficient: 2, maximumAttempts: 3 },
});

/**
 * The reconciler (ADR 0022), started by the worker's Temporal Schedule every
 * RECONCILE_INTERVAL_SECONDS and once at every worker start: restores the open items whose
 * workflow is missing, from PostgreSQL.
 */
export async function reconcileWorkflow(): Promise<ReconcileSummary> {
  return reconcileItems();
}
