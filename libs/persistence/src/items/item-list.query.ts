import { canPerform, isClosed, ITEM_STATUSES, type ItemStatus } from '../../../domain/src';
import { notOverdueBranchesSql, overdueBranchesSql, overdueSql } from './overdue.sql';
import { searchPattern, searchTerms } from './search-fold';
import { literalDueDateSql } from './due-date.sql';
import { itemLabelsJoin, itemLabelsSql } from './item-labels.sql';
import type { SqlQuery } from './sql-query';

export const ITEM_LIST_SORTS = ['due', '-due', 'overdue'] as const;
/**
 * `due`: soonest first; `-due`: latest first; `overdue`: overdue first, then the running items,
 * then the closed ones (completed, cancelled), each part soonest first.
 */
export type ItemListSort = (typeof ITEM_LIST_SORTS)[number];

export interface ItemListFilter {
  /** An agency's code: only the items it leads or supports. */
  readonly visibleTo?: string;
  readonly status?: ItemStatus;
  /**
   * Any of these statuses, in one statement: read status by status, an item that moves between
   * two of them while they are read is in neither (the digests missed items turning overdue).
   */
  readonly statuses?: readonly ItemStatus[];
  readonly lead?: string;
  /** Only the items this agency co-ordinates (supports). */
  readonly support?: string;
  readonly noticeId?: string;
  /** true: only overdue items (the domain's `isOverdue`); false: only the others. */
  readonly overdue?: boolean;
  /**
   * Words in the item's text or code, each anywhere, case and Vietnamese diacritics aside
   * (`matchesAllTerms`); a "quoted phrase" as typed.
   */
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

/** A list's statements: its page (whole rows of `items` and their labels, in order) and its count. */
export interface ListQueries {
  readonly page: SqlQuery;
  readonly count: SqlQuery;
  /**
   * The page's rows carry the total (`list_total`, from the maintained counts): `count` need not
   * run unless the page is empty.
   */
  readonly totalInPage: boolean;
}

/**
 * The list's filter, order and page as plain SQL over `items` aliased `i` (bind parameters `$n`):
 * the rows are hydrated by the read repository, without TypeORM's query builder, which cost as much
 * CPU as the rest of a page (bench `api`, ADR 0023).
 */
export function listQueries(filter: ItemListFilter, nowMs: number): ListQueries {
  const params: unknown[] = [];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  let now: string | undefined;
  const nowParam = (): string => (now ??= bind(new Date(nowMs)));
  const where: string[] = [];
  if (filter.visibleTo !== undefined) {
    const own = bind(filter.visibleTo);
    where.push(`(i.lead_code = ${own} OR ${own} = ANY(i.support_codes))`);
  }
  if (filter.status) where.push(`i.status = ${bind(filter.status)}`);
  if (filter.statuses) where.push(`i.status = ANY(${bind([...filter.statuses])}::text[])`);
  if (filter.lead) where.push(`i.lead_code = ${bind(filter.lead)}`);
  if (filter.support) where.push(`${bind(filter.support)} = ANY(i.support_codes)`);
  if (filter.noticeId) where.push(`i.notice_id = ${bind(filter.noticeId)}`);
  if (filter.overdue !== undefined) {
    const predicate = overdueSql('i', nowParam());
    where.push(filter.overdue ? predicate : `NOT ${predicate}`);
  }
  for (const term of searchTerms(filter.q ?? '')) {
    const pattern = bind(searchPattern(term));
    where.push(`(i.text ~ ${pattern} OR i.code ~ ${pattern})`);
  }
  if (filter.pendingExtension !== undefined) {
    const pending =
      `i.pending_extension IS NOT NULL AND ` +
      `i.status IN (${DECIDABLE_STATUSES.map((s) => bind(s)).join(', ')})`;
    where.push(filter.pendingExtension ? `(${pending})` : `NOT (${pending})`);
  }
  if (filter.dueFrom) where.push(`${DUE_DATE_SQL} >= ${bind(filter.dueFrom)}::date`);
  if (filter.dueTo) where.push(`${DUE_DATE_SQL} <= ${bind(filter.dueTo)}::date`);
  const conditions = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  const countParams = [...params];

  const sort = filter.sort ?? 'due';
  const limit = filter.limit ?? DEFAULT_LIST_LIMIT;
  const offset = filter.offset ?? 0;
  const byDue = (alias: string): string =>
    `${alias}.due_at ${sort === '-due' ? 'DESC' : 'ASC'} NULLS LAST, ` +
    `${alias}.created_at ASC, ${alias}.position ASC, ${alias}.id ASC`;
  const rows = (extra: string[], rank: string): string => {
    const all = [...where, ...extra];
    return `SELECT i.*, ${rank} AS list_rank FROM items i
             ${all.length > 0 ? `WHERE ${all.join(' AND ')}` : ''}
             ORDER BY ${byDue('i')}`;
  };
  let paged: string;
  if (sort === 'overdue') {
    // Overdue first, then the running items that wait on their agency, then those reported
    // complete that wait on the Văn phòng (issue 8 blind check: they came before items that
    // still need a report), then the closed ones, each part in due order: every status (split
    // at the due instant where the clock decides) is read from an index in due order
    // (LIMIT offset + limit each) and merged, never a sort of all the items the filter matches.
    const n = bind(offset + limit);
    const now = nowParam();
    const parts = [
      ...(filter.overdue === false ? [] : overdueBranchesSql('i', now).map((b) => rows([b], '0'))),
      ...(filter.overdue === true
        ? []
        : notOverdueBranchesSql('i', now).map((b) =>
            rows([b.sql], isClosed(b.status) ? '3' : b.status === 'submitted' ? '2' : '1'),
          )),
    ];
    paged = `SELECT u.* FROM (${parts.map((part) => `(${part} LIMIT ${n})`).join(' UNION ALL ')}) u
              ORDER BY u.list_rank, ${byDue('u')} LIMIT ${bind(limit)} OFFSET ${bind(offset)}`;
  } else {
    paged = `${rows([], '0')} LIMIT ${bind(limit)} OFFSET ${bind(offset)}`;
  }
  // The labels are read for the page's rows only; the maintained total rides along as one more
  // column (evaluated once), else count(*) runs apart.
  const maintained = maintainedTotalSql(filter, bind);
  return {
    page: {
      sql: `SELECT p.*, ${itemLabelsSql('p')}, ${maintained ? `(${maintained})` : 'NULL::int'} AS list_total
              FROM (${paged}) p ${itemLabelsJoin('p')}
             ORDER BY p.list_rank, ${byDue('p')}`,
      params,
    },
    count: maintainedTotalQuery(filter) ?? {
      sql: `SELECT count(*)::int AS total FROM items i${conditions}`,
      params: countParams,
    },
    totalInPage: maintained !== null,
  };
}

/** The filter's keys that a maintained count answers: none but an agency and a status. */
const COUNTED_KEYS = new Set<keyof ItemListFilter>(['lead', 'status', 'sort', 'limit', 'offset']);

/**
 * The list's total from the maintained counts (`report_counts`, ADR 0023) when the filter is
 * only a lead agency and a status (the whole list, an agency's items, a status): the items are
 * the current periods. Null for any other filter, which is counted over the items.
 */
export function maintainedTotalQuery(filter: ItemListFilter): SqlQuery | null {
  const params: unknown[] = [];
  const sql = maintainedTotalSql(filter, (value) => `$${params.push(value)}`);
  return sql === null ? null : { sql, params };
}

function maintainedTotalSql(
  filter: ItemListFilter,
  bind: (value: unknown) => string,
): string | null {
  const keys = Object.entries(filter).flatMap(([k, v]) => (v === undefined ? [] : [k]));
  if (!keys.every((k) => COUNTED_KEYS.has(k as keyof ItemListFilter))) return null;
  const where = ['c.current_period'];
  if (filter.lead) where.push(`c.lead_code = ${bind(filter.lead)}`);
  if (filter.status) where.push(`c.status = ${bind(filter.status)}`);
  return `SELECT COALESCE(sum(c.periods), 0)::int AS total FROM report_counts c WHERE ${where.join(' AND ')}`;
}
