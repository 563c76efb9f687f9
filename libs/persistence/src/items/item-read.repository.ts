import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { vnPublicSectorCalendar } from '../../../domain/src';
import { AgencyEntity } from '../entities/agency.entity';
import { ItemEventEntity } from '../entities/item-event.entity';
import { ItemEntity } from '../entities/item.entity';
import { NoticeEntity } from '../entities/notice.entity';
import { noticeSummaries, type NoticeSummary } from '../notices/notice-summaries';
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
  type ReportFilter,
} from './item-reports';
import { applyListFilter, type ItemListFilter } from './item-list.query';

export {
  countByLiveStatus,
  type NoticeCounts,
  type NoticeSummary,
} from '../notices/notice-summaries';

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
    const [rows, total] = await qb.getManyAndCount();
    return { items: await this.records(rows, nowMs), total };
  }

  /** The stored row (for access checks and commands), or null. */
  findRow(id: string): Promise<ItemEntity | null> {
    return this.db.getRepository(ItemEntity).findOneBy({ id });
  }

  async record(row: ItemEntity, nowMs: number): Promise<ItemRecord> {
    return toItemRecord(row, await this.context(nowMs, [row]));
  }

  /** The item's events, oldest first. */
  async history(workflowId: string): Promise<ItemEventRecord[]> {
    const events = await this.db
      .getRepository(ItemEventEntity)
      .find({ where: { workflowId }, order: { seq: 'ASC' } });
    return events.map(toEventRecord);
  }

  /**
   * A notice's items in their order in the notice, with their live status; for an agency
   * (`visibleTo`) only those it leads or co-ordinates, as the list's `visibleTo`.
   */
  async ofNotice(noticeId: string, nowMs: number, visibleTo?: string): Promise<ItemRecord[]> {
    const qb = this.db
      .getRepository(ItemEntity)
      .createQueryBuilder('i')
      .where('i.notice_id = :noticeId', { noticeId })
      .orderBy('i.position', 'ASC', 'NULLS LAST')
      .addOrderBy('i.id', 'ASC');
    if (visibleTo !== undefined) {
      qb.andWhere('(i.lead_code = :own OR :own = ANY(i.support_codes))', { own: visibleTo });
    }
    return this.records(await qb.getMany(), nowMs);
  }

  /**
   * Notices newest first with their items' counts by live status; for an agency (`visibleTo`) only
   * the notices with items it leads or co-ordinates, and only those items counted.
   */
  noticeSummaries(nowMs: number, visibleTo?: string): Promise<NoticeSummary[]> {
    return noticeSummaries(this.db, nowMs, visibleTo);
  }

  /**
   * Overdue items by lead agency, the agency with most first: the item list itself (overdue, the
   * same filter, unpaged) grouped, so a bar's number is the length of the list it opens.
   */
  async overdueReport(nowMs: number, filter: ReportFilter = {}): Promise<OverdueReport> {
    const { items } = await this.page(
      {
        overdue: true,
        noticeId: filter.noticeId,
        dueFrom: filter.from,
        dueTo: filter.to,
        limit: Number.MAX_SAFE_INTEGER,
      },
      nowMs,
    );
    return overdueReport(items, nowMs);
  }

  /** Completion and on-time rates by lead agency, counting each period of a recurring item. */
  completionReport(nowMs: number, filter: ReportFilter = {}): Promise<CompletionReport> {
    return completionReport(this.db, nowMs, filter);
  }

  private async records(rows: readonly ItemEntity[], nowMs: number): Promise<ItemRecord[]> {
    const ctx = await this.context(nowMs, rows);
    return rows.map((r) => toItemRecord(r, ctx));
  }

  /** Agency names, and the number and title of the notices of `rows`. */
  private async context(nowMs: number, rows: readonly ItemEntity[]): Promise<ReadContext> {
    const noticeIds = [...new Set(rows.flatMap((r) => (r.noticeId ? [r.noticeId] : [])))];
    const [agencies, notices] = await Promise.all([
      this.db.getRepository(AgencyEntity).find({ select: { code: true, name: true } }),
      noticeIds.length === 0
        ? Promise.resolve([])
        : this.db.getRepository(NoticeEntity).find({
            select: { id: true, number: true, title: true },
            where: { id: In(noticeIds) },
          }),
    ]);
    return {
      names: new Map(agencies.map((a) => [a.code, a.name])),
      notices: new Map(notices.map((n) => [n.id, { number: n.number, title: n.title }])),
      nowMs,
      calendar: this.calendar,
    };
  }
}
