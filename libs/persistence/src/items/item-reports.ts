import { toVnIso, type ItemStatus } from '../../../domain/src';
import type { ItemRecord } from './item.mapper';
import { literalDueDateSql } from './due-date.sql';
import { itemLabelsJoin, itemLabelsSql } from './item-labels.sql';
import type { SqlQuery } from './sql-query';
import { overdueBranchesSql, overdueSql, overdueStatusSql, pastDueSql } from './overdue.sql';

export type OverdueItem = Pick<
  ItemRecord,
  | 'id'
  | 'code'
  | 'text'
  | 'noticeNumber'
  | 'noticeTitle'
  | 'due'
  | 'dueAt'
  | 'status'
  | 'escalationLevel'
  | 'daysOverdue'
>;

export interface OverdueAgency {
  code: string;
  name: string;
  /** All its overdue items. */
  overdue: number;
  /** Its most overdue items (earliest due first), at most the report's `itemsPerAgency`. */
  items: OverdueItem[];
}

export interface OverdueReport {
  asOf: string;
  total: number;
  /** The most items listed per agency; the rest are in the item list (`overdue=true&lead=…`). */
  itemsPerAgency: number;
  agencies: OverdueAgency[];
}

/** Items listed per agency in the overdue report unless asked otherwise, and the most allowed. */
export const OVERDUE_ITEMS_PER_AGENCY = { default: 10, max: 100 } as const;

export interface CompletionCounts {
  total: number;
  open: number;
  overdue: number;
  submitted: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  /** Completed after the ORIGINAL due, whatever extensions moved it to. */
  completedAfterOriginalDue: number;
  cancelled: number;
}

export interface CompletionTotals extends CompletionCounts {
  /** completed / (total − cancelled), 0..1; null when nothing counts. */
  completionRate: number | null;
  /** completed on time / completed, 0..1. */
  onTimeRate: number | null;
}

export interface CompletionRow extends CompletionTotals {
  code: string;
  name: string;
}

export interface CompletionReport {
  asOf: string;
  totals: CompletionTotals;
  agencies: CompletionRow[];
}

const COUNT_KEYS = [
  'total',
  'open',
  'overdue',
  'submitted',
  'completed',
  'completedOnTime',
  'completedLate',
  'completedAfterOriginalDue',
  'cancelled',
] as const satisfies readonly (keyof CompletionCounts)[];

/**
 * What a report covers: one notice's items, and a period of due dates. Both reports select the same
 * way, so the completion report's overdue figures are the overdue report's.
 */
export interface ReportFilter {
  readonly noticeId?: string;
  /** Due on or after / on or before ("YYYY-MM-DD", the literal due date, UTC+7), bounds included. */
  readonly from?: string;
  readonly to?: string;
}

const isUnfiltered = (f: ReportFilter): boolean => !f.noticeId && !f.from && !f.to;

/**
 * The periods of `filter` (ADR 0016: every item's current period, and every period a recurring
 * item completed before it; kept in `item_periods` by triggers, ADR 0023) as weighted rows
 * (lead_code, status, late, late_vs_original, overdue at $1, n), so that `sum(n)` counts them.
 *
 * Unfiltered, from the maintained aggregate `report_counts` (overdue by status), corrected by the
 * periods overdue only by the clock (past due, not marked yet: an index range, few rows): those
 * move from "not overdue" to "overdue". Filtered, from `item_periods` through the index of the
 * notice or of the due day, so the work is the filter's periods, never all of them.
 */
function weightedPeriodsSql(filter: ReportFilter, bind: (value: unknown) => string): string {
  const cols = 'lead_code, status, late, late_vs_original';
  if (isUnfiltered(filter)) {
    return `
      SELECT ${cols}, ${overdueStatusSql('c')} AS overdue, c.periods AS n
        FROM report_counts c
      UNION ALL
      SELECT ${cols}, v.overdue, v.n
        FROM item_periods p CROSS JOIN (VALUES (false, -1), (true, 1)) v (overdue, n)
       WHERE ${pastDueSql('p', '$1')}`;
  }
  const where = [
    ...(filter.noticeId ? [`p.notice_id = ${bind(filter.noticeId)}`] : []),
    ...(filter.from ? [`p.due_day >= ${bind(filter.from)}::date`] : []),
    ...(filter.to ? [`p.due_day <= ${bind(filter.to)}::date`] : []),
  ];
  return `
      SELECT ${cols}, ${overdueSql('p', '$1')} AS overdue, 1 AS n
        FROM item_periods p
       WHERE ${where.join(' AND ')}`;
}

const is = (status: ItemStatus): string => `w.status = '${status}'`;
const periods = (condition?: string): string =>
  `COALESCE(sum(w.n)${condition ? ` FILTER (WHERE ${condition})` : ''}, 0)::int`;

/** One row of counts per lead agency with periods in `filter`, by code. */
export function reportCountsQuery(nowMs: number, filter: ReportFilter = {}): SqlQuery {
  const params: unknown[] = [new Date(nowMs)];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  const done = is('completed');
  const sql = `
    SELECT w.lead_code AS code, COALESCE(a.name, w.lead_code) AS name,
           ${periods()} AS "total",
           ${periods(`${is('open')} AND NOT w.overdue`)} AS "open",
           ${periods('w.overdue')} AS "overdue",
           ${periods(is('submitted'))} AS "submitted",
           ${periods(done)} AS "completed",
           ${periods(`${done} AND NOT w.late`)} AS "completedOnTime",
           ${periods(`${done} AND w.late`)} AS "completedLate",
           ${periods(`${done} AND w.late_vs_original`)} AS "completedAfterOriginalDue",
           ${periods(is('cancelled'))} AS "cancelled"
      FROM (${weightedPeriodsSql(filter, bind)}) w
      LEFT JOIN agencies a ON a.code = w.lead_code
     GROUP BY w.lead_code, a.name
    HAVING sum(w.n) <> 0
     ORDER BY w.lead_code`;
  return { sql, params };
}

export type ReportCountsRow = { code: string; name: string } & CompletionCounts;

/** Completion and on-time rates from the rows of `reportCountsQuery`. */
export function completionReport(
  rows: readonly ReportCountsRow[],
  nowMs: number,
): CompletionReport {
  // node-postgres may hand numbers back as strings; Number() makes sure.
  const agencies = rows.map((r) => ({
    code: r.code,
    name: r.name,
    ...withRates(countsBy((k) => Number(r[k]))),
  }));
  const totals = withRates(countsBy((k) => agencies.reduce((n, a) => n + a[k], 0)));
  return { asOf: toVnIso(nowMs), totals, agencies };
}

const DUE_DATE_SQL = literalDueDateSql('i.due_date', 'i.due_at');
/** The item list's order (`sort=due`), under a table alias. */
const itemOrder = (alias: string): string =>
  `${alias}.due_at, ${alias}.created_at, ${alias}.position, ${alias}.id`;

/**
 * The `perAgency` most overdue items (earliest due first, as the item list orders them) of every
 * lead agency (those of `report_counts`: any with items), whole rows with their labels, by agency. Each status of the
 * overdue rule is read from IDX_items_lead_status_due in due order and the branches merged, so an
 * agency costs `perAgency` index entries per branch, however many items it has. It needs no count
 * first, so the repository runs it beside `reportCountsQuery`.
 */
export function overdueItemsQuery(
  nowMs: number,
  filter: ReportFilter,
  perAgency: number,
): SqlQuery {
  const params: unknown[] = [new Date(nowMs), perAgency];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  const where = [
    ...(filter.noticeId ? [`i.notice_id = ${bind(filter.noticeId)}`] : []),
    ...(filter.from ? [`${DUE_DATE_SQL} >= ${bind(filter.from)}::date`] : []),
    ...(filter.to ? [`${DUE_DATE_SQL} <= ${bind(filter.to)}::date`] : []),
  ];
  const branches = overdueBranchesSql('i', '$1').map(
    (branch) => `(SELECT i.* FROM items i
                   WHERE i.lead_code = l.code AND ${[branch, ...where].join(' AND ')}
                   ORDER BY ${itemOrder('i')} LIMIT $2)`,
  );
  const sql = `
    SELECT o.*, ${itemLabelsSql('o')}
      FROM (SELECT DISTINCT c.lead_code AS code FROM report_counts c) l
     CROSS JOIN LATERAL (
       SELECT b.* FROM (${branches.join(' UNION ALL ')}) b ORDER BY ${itemOrder('b')} LIMIT $2
     ) o
     ${itemLabelsJoin('o')}
     ORDER BY o.lead_code, ${itemOrder('o')}`;
  return { sql, params };
}

/**
 * The overdue report from the counts (`reportCountsQuery`) and the listed items (mapped, in the
 * order of `overdueItemsQuery`): the agencies with overdue items, most first.
 */
export function overdueReport(
  counts: readonly ReportCountsRow[],
  items: readonly ItemRecord[],
  nowMs: number,
  itemsPerAgency: number,
): OverdueReport {
  const byAgency = new Map<string, OverdueAgency>();
  for (const c of counts) {
    const overdue = Number(c.overdue);
    if (overdue > 0) byAgency.set(c.code, { code: c.code, name: c.name, overdue, items: [] });
  }
  for (const i of items) {
    const { id, code, text, noticeNumber, noticeTitle, due, dueAt, status } = i;
    const { escalationLevel, daysOverdue } = i;
    byAgency.get(i.lead)?.items.push({
      id,
      code,
      text,
      noticeNumber,
      noticeTitle,
      due,
      dueAt,
      status,
      escalationLevel,
      daysOverdue,
    });
  }
  const agencies = [...byAgency.values()].sort(
    (a, b) => b.overdue - a.overdue || a.code.localeCompare(b.code),
  );
  const total = agencies.reduce((n, a) => n + a.overdue, 0);
  return { asOf: toVnIso(nowMs), total, itemsPerAgency, agencies };
}

function countsBy(value: (key: keyof CompletionCounts) => number): CompletionCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, value(k)])) as Record<
    keyof CompletionCounts,
    number
  >;
}

/** The rates of a tally of periods, by the report's definitions (one place for both). */
export function withRates(r: CompletionCounts): CompletionTotals {
  const counted = r.total - r.cancelled;
  return {
    ...r,
    completionRate: counted > 0 ? r.completed / counted : null,
    onTimeRate: r.completed > 0 ? r.completedOnTime / r.completed : null,
  };
}

/** Folds the deltas of `report_counts` (migration ReportPeriods1796400000000); the rows folded. */
export const COMPACT_REPORT_COUNTS_SQL = 'SELECT report_counts_compact() AS folded';
