import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { withTimeout } from './with-timeout';

/** A poller not seen for this long is gone (a long poll lasts about a minute). */
const POLLER_FRESH_MS = 90_000;

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Temporal answers, and a worker polls the item task queue. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async temporal() {
    const check = this.health.check('temporal');
    try {
      await withTimeout(this.client.connection.ensureConnected());
      await withTimeout(this.client.workflowService.getSystemInfo({}));
      return check.up({
        address: this.config.temporal.address,
        namespace: this.config.temporal.namespace,
      });
    } catch (err) {
      return check.down({ message: reason(err) });
    }
  }

  async worker() {
    const check = this.health.check('worker');
    const taskQueue = this.config.temporal.taskQueue;
    try {
      const res = await withTimeout(
        this.client.workflowService.describeTaskQueue({
          namespace: this.config.temporal.namespace,
          taskQueue: {
            name: taskQueue,
            kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL,
          },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        }),
      );
      const now = Date.now();
      const pollers = (res.pollers ?? []).filter((p) => {
        const seconds = Number(p.lastAccessTime?.seconds ?? 0);
        return now - seconds * 1000 < POLLER_FRESH_MS;
      });
      if (pollers.length === 0) {
        return check.down({ taskQueue, message: 'no worker polls the task queue' });
      }
      return check.up({ taskQueue, pollers: pollers.length });
    } catch (err) {
      return check.down({ taskQueue, message: reason(err) });
    }
  }
}
