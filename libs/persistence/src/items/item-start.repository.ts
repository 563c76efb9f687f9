import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, LessThan, MoreThan } from 'typeorm';
import type { ItemWorkflowInput, RecordedEvent } from '../../../contracts/src';
import { ItemEventEntity } from '../entities/item-event.entity';
import { ItemEntity } from '../entities/item.entity';
import {
  itemWorkflowInput,
  toRecordedEvent,
  type EscalationAddresses,
} from './item-workflow-input';

/** What the API decides about a new item; the rest (status, version, original due) follows. */
export interface NewItem {
  readonly id: string;
  readonly workflowId: string;
  readonly noticeId: string | null;
  /** 1-based position in the notice; null for a single item. */
  readonly position: number | null;
  readonly code: string | null;
  readonly text: string;
  readonly leadCode: string;
  readonly supportCodes: string[];
  readonly reportTo: string | null;
  readonly dueDate: string | null;
  readonly dueAt: number | null;
  readonly deadline: Record<string, unknown> | null;
  readonly policy: { remindBefore: string[]; escalateAfter: string[] };
}

/**
 * The one writer of `items.workflow_state`: rows are inserted `pending` here, and `markStarted`
 * moves them to `started` once Temporal has the workflow. The reconciler starts what stays pending.
 */
@Injectable()
export class ItemStartRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts new item rows (open, version 0, pending) in the caller's transaction if given. */
  async insertPending(
    items: readonly NewItem[],
    em: EntityManager = this.db.manager,
  ): Promise<ItemEntity[]> {
    const rows = items.map((i) =>
      em.create(ItemEntity, {
        ...i,
        dueAt: i.dueAt === null ? null : new Date(i.dueAt),
        originalDueDate: i.dueDate,
        originalDueAt: i.dueAt === null ? null : new Date(i.dueAt),
        status: 'open',
        version: 0,
        workflowState: 'pending',
      }),
    );
    await em.save(ItemEntity, rows, { chunk: 100 });
    return rows;
  }

  /** A notice's items still waiting for their workflow, in notice order. */
  pendingOfNotice(noticeId: string): Promise<ItemEntity[]> {
    return this.db.getRepository(ItemEntity).find({
      where: { noticeId, workflowState: 'pending' },
      order: { position: 'ASC', workflowId: 'ASC' },
    });
  }

  /** Rows left pending since before `beforeMs`, oldest first (what the reconciler sweeps). */
  pendingSince(beforeMs: number, limit: number): Promise<ItemEntity[]> {
    return this.db.getRepository(ItemEntity).find({
      where: { workflowState: 'pending', createdAt: LessThan(new Date(beforeMs)) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  /**
   * Open items (not completed or cancelled) whose workflow was started, by id after `afterId`:
   * the pages the reconciler checks against Temporal (ADR 0022).
   */
  openStartedAfter(afterId: string | null, limit: number): Promise<ItemEntity[]> {
    return this.db.getRepository(ItemEntity).find({
      where: {
        workflowState: 'started',
        status: In(['open', 'overdue', 'submitted']),
        ...(afterId === null ? {} : { id: MoreThan(afterId) }),
      },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** An item's history as its workflow recorded it, oldest first. */
  async eventsOf(workflowId: string): Promise<RecordedEvent[]> {
    const rows = await this.db
      .getRepository(ItemEventEntity)
      .find({ where: { workflowId }, order: { seq: 'ASC' } });
    return rows.map(toRecordedEvent);
  }

  /** The workflow input of a row (throws when its lead agency is not in the directory). */
  workflowInput(
    row: ItemEntity,
    addresses: EscalationAddresses,
    createdBy: string | null,
  ): Promise<ItemWorkflowInput> {
    return itemWorkflowInput(this.db.manager, row, addresses, createdBy);
  }

  /** Temporal has the workflow (just started, or found running or closed). */
  async markStarted(id: string): Promise<void> {
    await this.db
      .getRepository(ItemEntity)
      .update({ id, workflowState: 'pending' }, { workflowState: 'started' });
  }
}
