import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import {
  type ItemEntity,
  itemRowState,
  ItemStartRepository,
} from '../../../../libs/persistence/src';
import type { itemWorkflow } from '../../../../workflows';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

/**
 * Starts the workflow of an item row, idempotently: the workflow id is the row's business key,
 * a running workflow is reused and a closed one is never started again. The input is built from
 * the stored row, so the reconciler can start an item the API could not.
 */
@Injectable()
export class ItemWorkflowStarter {
  private readonly logger = new Logger('ItemWorkflowStarter');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: ItemStartRepository,
  ) {}

  /**
   * Starts (or finds) the workflow and marks the row started; returns whether it was new. With
   * `fromHistory` (the pending-row sweep), a row that has events — its workflow started before,
   * then Temporal lost it — is restored from them instead of started afresh (ADR 0022).
   */
  async start(
    row: ItemEntity,
    createdBy: string | null = null,
    fromHistory = false,
  ): Promise<boolean> {
    let input = await this.rows.workflowInput(row, this.config, createdBy);
    if (fromHistory) {
      const events = await this.rows.eventsOf(row.workflowId);
      if (events.length > 0) input = { ...input, restore: { row: itemRowState(row), events } };
    }
    let started = true;
    try {
      await this.client.workflow.start<typeof itemWorkflow>('itemWorkflow', {
        workflowId: row.workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      started = false; // closed earlier: nothing to start again
    }
    await this.rows.markStarted(row.id);
    return started;
  }

  /** Best effort at request time: a failure leaves the row pending for the reconciler. */
  async tryStart(row: ItemEntity, createdBy: string | null): Promise<boolean> {
    try {
      await this.start(row, createdBy);
      return true;
    } catch (err) {
      this.logger.warn(
        `Workflow ${row.workflowId} not started yet (${err instanceof Error ? err.message : String(err)}); the reconciler will retry.`,
      );
      return false;
    }
  }
}
