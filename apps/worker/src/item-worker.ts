import type { NativeConnection, Worker as TemporalWorker, WorkerOptions } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import type { DigestActivities, ItemActivities, ReconcileActivities } from '../../../activities';
import { workflowSource } from './workflow-source';

export interface ItemWorkerOptions {
  readonly connection: NativeConnection;
  readonly taskQueue: string;
  /** Default 'default'. */
  readonly namespace?: string;
  /**
   * The real activities (createActivities, with the reconciler's where it runs: ADR 0022) or a
   * test's fakes with the same shape.
   */
  readonly activities: ItemActivities & Partial<ReconcileActivities> & Partial<DigestActivities>;
  /** A prebuilt workflow bundle; default: dist's bundle when built, else the workflows folder. */
  readonly workflowBundlePath?: string;
  /** Worker tuning (slots, pollers, cache) for benches; defaults are Temporal's. */
  readonly tuning?: Pick<
    WorkerOptions,
    | 'maxConcurrentWorkflowTaskExecutions'
    | 'maxConcurrentActivityTaskExecutions'
    | 'maxCachedWorkflows'
  >;
}

/**
 * The item worker's settings beyond Temporal's defaults (ADR 0025, measured by the benches
 * throughput, burst and workers). The baselines' worker (bench/support/bare-worker.ts) runs with
 * the same, so a bench compares the item workflow, not the settings.
 */
export const ITEM_WORKER_TUNING: Pick<
  WorkerOptions,
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'maxConcurrentActivityTaskExecutions'
  | 'maxCachedWorkflows'
  | 'maxConcurrentWorkflowTaskPolls'
  | 'maxConcurrentActivityTaskPolls'
> = {};

/**
 * The one way this project builds a worker for the item workflows: apps/worker, the tests
 * (time-skipping and integration) and the benches all come through here, so what runs in
 * production is what is tested and measured.
 */
export function createItemWorker(options: ItemWorkerOptions): Promise<TemporalWorker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue,
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : workflowSource()),
    activities: options.activities,
    shutdownGraceTime: '10s',
    ...ITEM_WORKER_TUNING,
    ...options.tuning,
  });
}
