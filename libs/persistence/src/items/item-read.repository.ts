import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource } from 'typeorm';
import { vnPublicSectorCalendar, type ItemStatus } from '../../../domain/src';
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

export interface ItemListFilter {
  /** An agency's code: only the items it leads or supports. */
  readonly visibleTo?: string;
  readonly status?: ItemStatus;
  readonly lead?: string;
  readonly noticeId?: string;
  /** true: only overdue items (the domain's `isOverdue`); false: only the others. */
  readonly overdue?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

export const DEFAULT_LIST_LIMIT = 200;

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
    const qb = this.db
      .getRepository(ItemEntity)
      .createQueryBuilder('i')
      .orderBy('i.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('i.created_at', 'ASC')
      .addOrderBy('i.id', 'ASC');
    if (filter.visibleTo !== undefined) {
      const own = filter.visibleTo;
      qb.andWhere(
        new Brackets((w) =>
          w.where('i.lead_code = :own', { own }).orWhere(':own = ANY(i.support_codes)', { own }),
        ),
      );
    }
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    if (filter.lead) qb.andWhere('i.lead_code = :lead', { lead: filter.lead });
    if (filter.noticeId) qb.andWhere('i.notice_id = :noticeId', { noticeId: filter.noticeId });
    if (filter.overdue !== undefined) {
      const predicate = overdueSql('i', ':now');
      qb.andWhere(filter.overdue ? predicate : `NOT ${predicate}`, { now: new Date(nowMs) });
    }
    qb.take(filter.limit ?? DEFAULT_LIST_LIMIT).skip(filter.offset ?? 0);
    const [rows, ctx] = await Promise.all([qb.getMany(), this.context(nowMs)]);
    return rows.map((r) => toItemRecord(r, ctx));
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
