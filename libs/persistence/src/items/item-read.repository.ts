import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { vnPublicSectorCalendar } from '../../../domain/src';
import { AgencyEntity } from '../entities/agency.entity';
import { ItemEventEntity } from '../entities/item-event.entity';
import { ItemEntity } from '../entities/item.entity';
import {
  toEventRecord,
  toItemRecord,
  type ItemEventRecord,
  type ItemRecord,
  type ReadContext,
} from './item.mapper';
import {
  completionReport,
  overdueReport,
  type CompletionReport,
  type OverdueReport,
} from './item-reports';
import { overdueSql } from './overdue.sql';
import { applyListFilter, type ItemListFilter } from './item-list.query';

/** One page of a list and the number of items the filter matches. */
export interface ItemPage {
  readonly items: ItemRecord[];
  readonly total: number;
}

/**
 * The read side of items, in one place: lists, one item, history, a notice's items and the
 * reports, all plain SQL over the projection and all mapped by `toItemRecord`. `nowMs` is the
 * caller's clock, used both in SQL (the overdue filter) and in the mapping, so they agree.
 */
@Injectable()
export class ItemReadRepository {
  private readonly calendar = vnPublicSectorCalendar;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(filter: ItemListFilter, nowMs: number): Promise<ItemRecord[]> {
    return (await this.page(filter, nowMs)).items;
  }

  /** A page of the list (filter, order, limit/offset) and the total the filter matches. */
  async page(filter: ItemListFilter, nowMs: number): Promise<ItemPage> {
    const qb = applyListFilter(
      this.db.getRepository(ItemEntity).createQueryBuilder('i'),
      filter,
      nowMs,
    );
    const [[rows, total], ctx] = await Promise.all([qb.getManyAndCount(), this.context(nowMs)]);
    return { items: rows.map((r) => toItemRecord(r, ctx)), total };
  }

  /** The stored row (for access checks and commands), or null. */
  findRow(id: string): Promise<ItemEntity | null> {
    return this.db.getRepository(ItemEntity).findOneBy({ id });
  }

  async record(row: ItemEntity, nowMs: number): Promise<ItemRecord> {
    return toItemRecord(row, await this.context(nowMs));
  }

  /** The item's events, oldest first. */
  async history(workflowId: string): Promise<ItemEventRecord[]> {
    const events = await this.db
      .getRepository(ItemEventEntity)
      .find({ where: { workflowId }, order: { seq: 'ASC' } });
    return events.map(toEventRecord);
  }

  /** A notice's items in their order in the notice, with their live status. */
  async ofNotice(noticeId: string, nowMs: number): Promise<ItemRecord[]> {
    const [rows, ctx] = await Promise.all([
      this.db
        .getRepository(ItemEntity)
        .find({ where: { noticeId }, order: { position: { direction: 'ASC', nulls: 'LAST' } } }),
      this.context(nowMs),
    ]);
    return rows.map((r) => toItemRecord(r, ctx));
  }

  /** Overdue items by lead agency, the agency with most first. */
  async overdueReport(nowMs: number): Promise<OverdueReport> {
    const [rows, ctx] = await Promise.all([
      this.db
        .getRepository(ItemEntity)
        .createQueryBuilder('i')
        .innerJoin(AgencyEntity, 'a', 'a.code = i.lead_code')
        .where(overdueSql('i', ':now'), { now: new Date(nowMs) })
        .orderBy('i.lead_code', 'ASC')
        .addOrderBy('i.due_at', 'ASC', 'NULLS LAST')
        .addOrderBy('i.id', 'ASC')
        .getMany(),
      this.context(nowMs),
    ]);
    return overdueReport(
      rows.map((r) => toItemRecord(r, ctx)),
      nowMs,
    );
  }

  /** Completion and on-time rates by lead agency, against the adjusted and the original deadline. */
  completionReport(nowMs: number): Promise<CompletionReport> {
    return completionReport(this.db, nowMs);
  }

  private async context(nowMs: number): Promise<ReadContext> {
    const agencies = await this.db
      .getRepository(AgencyEntity)
      .find({ select: { code: true, name: true } });
    return {
      names: new Map(agencies.map((a) => [a.code, a.name])),
      nowMs,
      calendar: this.calendar,
    };
  }
}
