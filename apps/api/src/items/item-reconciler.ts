import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ItemStartRepository } from '../../../../libs/persistence/src';
import { ItemWorkflowStarter } from './item-workflow-starter';

const SWEEP_EVERY_MS = 15_000;
/** Rows younger than this are still being started by the request that wrote them. */
const GRACE_MS = 10_000;
const SWEEP_BATCH = 100;

/**
 * Starts the workflow of every item row left `pending` (Temporal was down, the API crashed between
 * the commit and the start). Starting is idempotent, so several API processes may sweep at once.
 * A pending row with a history is restored from it. The items whose started workflow Temporal
 * lost are the worker's reconciler's (ADR 0022).
 */
@Injectable()
export class ItemReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ItemReconciler');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly rows: ItemStartRepository,
    private readonly starter: ItemWorkflowStarter,
  ) {}

  onApplicationBootstrap(): void {
    // A sweep fails while the database is down; unhandled, its rejection would end the process.
    const run = (): void =>
      void this.sweep().catch((err: unknown) =>
        this.logger.warn(`Sweep failed: ${err instanceof Error ? err.message : String(err)}`),
      );
    this.timer = setInterval(run, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many items it started. */
  sweep(olderThanMs = GRACE_MS): Promise<number> {
    this.running ??= this.doSweep(olderThanMs).finally(() => (this.running = undefined));
    return this.running;
  }

  private async doSweep(olderThanMs: number): Promise<number> {
    const pending = await this.rows.pendingSince(Date.now() - olderThanMs, SWEEP_BATCH);
    let started = 0;
    for (const row of pending) {
      try {
        await this.starter.start(row, null, true);
        started++;
      } catch (err) {
        this.logger.warn(
          `Item ${row.id}: workflow not started (${err instanceof Error ? err.message : String(err)})`,
        );
        break; // Temporal is probably down: try again on the next sweep
      }
    }
    if (started > 0) this.logger.log(`Started ${started} pending item workflow(s)`);
    return started;
  }
}
