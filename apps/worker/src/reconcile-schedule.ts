import { Logger } from '@nestjs/common';
import {
  type Client,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import { RECONCILE_WORKFLOW_TYPE, reconcileScheduleId } from '../../../libs/contracts/src';

export interface ReconcileScheduleOptions {
  readonly client: Client;
  /** The item workflows' task queue: the reconcile workflow runs there too. */
  readonly taskQueue: string;
  readonly intervalSeconds: number;
}

/**
 * Creates the reconciler's Temporal Schedule unless it exists (idempotent: several workers may
 * start at once), and moves an existing one to the configured interval. Says what it did.
 */
export async function ensureReconcileSchedule(
  options: ReconcileScheduleOptions,
): Promise<'created' | 'updated' | 'unchanged'> {
  const { client, taskQueue, intervalSeconds } = options;
  const scheduleId = reconcileScheduleId(taskQueue);
  const every = intervalSeconds * 1000;
  const spec = { intervals: [{ every }] };
  const handle = client.schedule.getHandle(scheduleId);
  try {
    const current = await handle.describe();
    const intervals = current.spec.intervals ?? [];
    if (intervals.length === 1 && intervals[0]!.every === every) return 'unchanged';
    await handle.update((previous) => ({ ...previous, spec }));
    return 'updated';
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action: {
        type: 'startWorkflow',
        workflowType: RECONCILE_WORKFLOW_TYPE,
        workflowId: scheduleId,
        taskQueue,
        args: [],
        // A pass that outlives this (Temporal or PostgreSQL down) gives way to the next one.
        workflowRunTimeout: '1h',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1m' },
    });
    return 'created';
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return 'unchanged';
    throw err;
  }
}

export interface ReconcileScheduler {
  /** Resolves once the Schedule was first ensured and the pass at start triggered (or failed). */
  readonly ready: Promise<void>;
  stop(): void;
}

/**
 * The reconciler's Schedule from the worker (ADR 0022): ensured at start, with one pass
 * triggered at once; then ensured again every interval, since Temporal may lose the Schedule
 * with everything else while the worker runs: a Schedule created again triggers a pass at once.
 * Failures (Temporal down) are logged and retried at the next interval.
 */
export function startReconcileScheduler(options: ReconcileScheduleOptions): ReconcileScheduler {
  const logger = new Logger('Reconciler');
  const handle = options.client.schedule.getHandle(reconcileScheduleId(options.taskQueue));
  const ensure = async (atStart: boolean): Promise<void> => {
    try {
      const outcome = await ensureReconcileSchedule(options);
      if (outcome !== 'unchanged') {
        logger.log(`Schedule ${handle.scheduleId} ${outcome} (every ${options.intervalSeconds} s)`);
      }
      if (atStart || outcome === 'created') {
        await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
        logger.log(
          `Reconcile pass triggered (${atStart ? 'worker start' : 'Schedule was missing'})`,
        );
      }
    } catch (err) {
      logger.warn(
        `Schedule ${handle.scheduleId} not ensured: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };
  let first = true;
  const ready = ensure(true).finally(() => (first = false));
  const timer = setInterval(() => {
    if (!first) void ensure(false);
  }, options.intervalSeconds * 1000);
  timer.unref();
  return { ready, stop: () => clearInterval(timer) };
}
