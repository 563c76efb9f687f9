import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { canPerform, ITEM_STATUSES, type ItemStatus } from '../../../domain/src';
import type { ItemEntity } from '../entities/item.entity';
import { overdueSql } from './overdue.sql';
import { searchPattern } from './search-fold';
import { literalDueDateSql } from './due-date.sql';

export const ITEM_LIST_SORTS = ['due', '-due', 'overdue'] as const;
/** `due`: soonest first; `-due`: latest first; `overdue`: overdue first, then soonest. */
export type ItemListSort = (typeof ITEM_LIST_SORTS)[number];

export interface ItemListFilter {
  /** An agency's code: only the items it leads or supports. */
  readonly visibleTo?: string;
  readonly status?: ItemStatus;
  readonly lead?: string;
  /** Only the items this agency co-ordinates (supports). */
  readonly support?: string;
  readonly noticeId?: string;
  /** true: only overdue items (the domain's `isOverdue`); false: only the others. */
  readonly overdue?: boolean;
  /** Words in the item's text or code, case and Vietnamese diacritics aside (`matchesSearch`). */
  readonly q?: string;
  /** true: only items whose extension request waits for the secretariat's decision. */
  readonly pendingExtension?: boolean;
  /** Due on or after / on or before these dates ("YYYY-MM-DD", the literal date, UTC+7). */
  readonly dueFrom?: string;
  readonly dueTo?: string;
  readonly sort?: ItemListSort;
  readonly limit?: number;
  readonly offset?: number;
}

export const DEFAULT_LIST_LIMIT = 200;

const DUE_DATE_SQL = literalDueDateSql('i.due_date', 'i.due_at');

/** The statuses in which an extension request waits for the secretariat's decision. */
const DECIDABLE_STATUSES = ITEM_STATUSES.filter((s) => canPerform(s, 'approveExtension'));

/** Applies a list filter, its order and its page to a query over `items` aliased `i`. */
export function applyListFilter(
  qb: SelectQueryBuilder<ItemEntity>,
  filter: ItemListFilter,
  nowMs: number,
): SelectQueryBuilder<ItemEntity> {
  const now = new Date(nowMs);
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
  if (filter.support) {
    qb.andWhere(':support = ANY(i.support_codes)', { support: filter.support });
  }
  if (filter.noticeId) qb.andWhere('i.notice_id = :noticeId', { noticeId: filter.noticeId });
  if (filter.overdue !== undefined) {
    const predicate = overdueSql('i', ':now');
    qb.andWhere(filter.overdue ? predicate : `NOT ${predicate}`, { now });
  }
  const q = filter.q?.trim();
  if (q) {
    qb.andWhere('(i.text ~ :q OR i.code ~ :q)', { q: searchPattern(q) });
  }
  if (filter.pendingExtension !== undefined) {
    const pending = 'i.pending_extension IS NOT NULL AND i.status IN (:...decidable)';
    qb.andWhere(filter.pendingExtension ? `(${pending})` : `NOT (${pending})`, {
      decidable: DECIDABLE_STATUSES,
    });
  }
  if (filter.dueFrom) qb.andWhere(`${DUE_DATE_SQL} >= :dueFrom`, { dueFrom: filter.dueFrom });
  if (filter.dueTo) qb.andWhere(`${DUE_DATE_SQL} <= :dueTo`, { dueTo: filter.dueTo });
  const sort = filter.sort ?? 'due';
  if (sort === 'overdue') {
    qb.orderBy(`CASE WHEN ${overdueSql('i', ':now')} THEN 0 ELSE 1 END`, 'ASC').setParameter(
      'now',
      now,
    );
  }
  qb.addOrderBy('i.due_at', sort === '-due' ? 'DESC' : 'ASC', 'NULLS LAST')
    .addOrderBy('i.created_at', 'ASC')
    .addOrderBy('i.id', 'ASC');
  return qb.take(filter.limit ?? DEFAULT_LIST_LIMIT).skip(filter.offset ?? 0);
}
