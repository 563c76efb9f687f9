import { Brackets, type SelectQueryBuilder } from 'typeorm';
import type { ItemStatus } from '../../../domain/src';
import type { ItemEntity } from '../entities/item.entity';
import { overdueSql } from './overdue.sql';

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
  /** Words in the item's text or code (case-insensitive). */
  readonly q?: string;
  /** Due on or after / on or before these dates ("YYYY-MM-DD", the literal date, UTC+7). */
  readonly dueFrom?: string;
  readonly dueTo?: string;
  readonly sort?: ItemListSort;
  readonly limit?: number;
  readonly offset?: number;
}

export const DEFAULT_LIST_LIMIT = 200;

/** The literal due date of an item: the named date, else the local date of its exact instant. */
const DUE_DATE_SQL =
  "COALESCE(i.due_date, ((i.due_at - interval '1 millisecond') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)";

const likePattern = (q: string): string =>
  `%${q
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Upper- to lower-case for every Latin letter with marks (Vietnamese included), for SQL's
 * translate(): the embedded PostgreSQL runs in the C locale, where lower() and ILIKE fold ASCII only.
 */
const CASE_FOLD = (() => {
  let upper = '';
  let lower = '';
  for (let cp = 0xc0; cp <= 0x24f; cp++) add(String.fromCodePoint(cp));
  for (let cp = 0x1e00; cp <= 0x1eff; cp++) add(String.fromCodePoint(cp));
  function add(c: string): void {
    const l = c.toLowerCase();
    if (l !== c && l.length === 1) {
      upper += c;
      lower += l;
    }
  }
  return { upper, lower };
})();

/** A text column, lower-cased in any locale. */
const folded = (column: string): string => `translate(lower(${column}), :foldUpper, :foldLower)`;

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
    const like = (column: string) => `${folded(column)} LIKE :q ESCAPE '\\'`;
    qb.andWhere(`(${like('i.text')} OR ${like('i.code')})`, {
      q: likePattern(q),
      foldUpper: CASE_FOLD.upper,
      foldLower: CASE_FOLD.lower,
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
