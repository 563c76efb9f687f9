/** What one pass of the reconciler found and did (ADR 0022): the reconcile workflow's result. */
export interface ReconcileSummary {
  /** Open items whose workflow had been started. */
  readonly checked: number;
  /** Their workflow runs: nothing to do. */
  readonly running: number;
  /** Missing: started again with the state rebuilt from PostgreSQL. */
  readonly restored: number;
  /** Missing before it recorded anything: started afresh. */
  readonly started: number;
  /** Closed (completed, terminated …) while the row is open: logged, left alone. */
  readonly closed: number;
  /** Rows that could not be restored: logged and skipped; the next pass tries again. */
  readonly failed: number;
  /** The first failures, for the log and the workflow's result. */
  readonly failures: readonly ReconcileFailure[];
}

export interface ReconcileFailure {
  readonly itemId: string;
  readonly workflowId: string;
  readonly error: string;
}

/** The workflow type the reconciler's Schedule starts. */
export const RECONCILE_WORKFLOW_TYPE = 'reconcileWorkflow';

/** One Schedule per task queue: the items of a deployment, not of its neighbours. */
export function reconcileScheduleId(taskQueue: string): string {
  return `${taskQueue}-reconcile`;
}
