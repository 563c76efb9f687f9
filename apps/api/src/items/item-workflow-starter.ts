import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { In, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import type { ItemWorkflowInput } from '../../../../libs/contracts/src';
import { recurrenceOf } from '../../../../libs/domain/src';
import {
  AgencyEntity,
  type ItemEntity,
  ItemStartRepository,
  NoticeEntity,
} from '../../../../libs/persistence/src';
import type { itemWorkflow } from '../../../../workflows';
import { toAgencyRef } from '../agencies/agencies.module';
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
    @InjectRepository(AgencyEntity) private readonly agencies: Repository<AgencyEntity>,
    @InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>,
  ) {}

  /** Starts (or finds) the workflow and marks the row started; returns whether it was new. */
  async start(row: ItemEntity, createdBy: string | null = null): Promise<boolean> {
    const input = await this.inputFor(row, createdBy);
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

  private async inputFor(row: ItemEntity, createdBy: string | null): Promise<ItemWorkflowInput> {
    const codes = [row.leadCode, ...row.supportCodes];
    const agencies = new Map(
      (await this.agencies.findBy({ code: In(codes) })).map((a) => [a.code, a]),
    );
    const lead = agencies.get(row.leadCode);
    if (!lead) {
      throw new Error(`Item ${row.id}: lead agency ${row.leadCode} is not in the directory`);
    }
    const notice = row.noticeId ? await this.notices.findOneBy({ id: row.noticeId }) : null;
    return {
      itemId: row.id,
      noticeId: row.noticeId,
      noticeTitle: notice?.title ?? null,
      noticeNumber: notice?.number ?? null,
      code: row.code,
      text: row.text,
      lead: toAgencyRef(lead),
      support: row.supportCodes.flatMap((c) => {
        const a = agencies.get(c);
        return a ? [toAgencyRef(a)] : [];
      }),
      reportTo: row.reportTo,
      due: row.dueAt ? { date: row.dueDate, at: row.dueAt.getTime() } : null,
      recurrence: row.deadline?.kind === 'recurring' ? recurrenceOf(row.deadline) : null,
      policy: row.policy,
      secretariatEmail: this.config.secretariatEmail,
      committeeHeadEmail: this.config.committeeHeadEmail,
      createdBy,
    };
  }
}
