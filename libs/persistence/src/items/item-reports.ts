import type { DataSource } from 'typeorm';
import { toVnIso, type ItemStatus } from '../../../domain/src';
import type { ItemRecord } from './item.mapper';
import { overdueSql } from './overdue.sql';
import { literalDueDateSql } from './due-date.sql';

export type OverdueItem = Pick<
  ItemRecord,
  'id' | 'code' | 'text' | 'due' | 'dueAt' | 'status' | 'escalationLevel' | 'daysOverdue'
>;

export interface OverdueAgency {
  code: string;
  name: string;
  overdue: number;
  items: OverdueItem[];
}

export interface OverdueReport {
  asOf: string;
  total: number;
  agencies: OverdueAgency[];
}

interface CompletionCounts {
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

/** Groups overdue items (already mapped, ordered by lead agency) per agency, most overdue first. */
export function overdueReport(items: readonly ItemRecord[], nowMs: number): OverdueReport {
  const byAgency = new Map<string, OverdueAgency>();
  for (const i of items) {
    let entry = byAgency.get(i.lead);
    if (!entry) {
      entry = { code: i.lead, name: i.leadName ?? i.lead, overdue: 0, items: [] };
      byAgency.set(i.lead, entry);
    }
    entry.overdue++;
    const { id, code, text, due, dueAt, status, escalationLevel, daysOverdue } = i;
    entry.items.push({ id, code, text, due, dueAt, status, escalationLevel, daysOverdue });
  }
  const agencies = [...byAgency.values()].sort(
    (a, b) => b.overdue - a.overdue || a.code.localeCompare(b.code),
  );
  return { asOf: toVnIso(nowMs), total: items.length, agencies };
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

/**
 * One row per period an item had to be done by: the item's current period (its row), and every
 * period a recurring item completed before it (its 'completed' events, whose detail keeps that
 * period's due and lateness; the next period's row no longer shows them). A completed row is its
 * latest 'completed' event, counted once, from the row.
 */
const PERIODS_SQL = (now: string): string => `
  SELECT i.lead_code, i.notice_id, i.status,
         ${literalDueDateSql('i.due_date', 'i.due_at')} AS due_date,
         ${overdueSql('i', now)} AS overdue,
         i.completed_late AS late,
         (i.original_due_at IS NOT NULL AND i.closed_at > i.original_due_at) AS late_vs_original
    FROM items i
  UNION ALL
  SELECT i.lead_code, i.notice_id, 'completed',
         ${literalDueDateSql(
           "(e.detail->'due'->>'date')::date",
           "to_timestamp((e.detail->'due'->>'at')::numeric / 1000)",
         )},
         false,
         (e.detail->>'late')::boolean,
         (e.detail->>'lateVsOriginal')::boolean
    FROM (SELECT c.item_id, c.seq, c.detail, max(c.seq) OVER (PARTITION BY c.item_id) AS last_seq
            FROM item_events c
           WHERE c.type = 'completed') e
    JOIN items i ON i.id = e.item_id
   WHERE i.status <> 'completed' OR e.seq < e.last_seq`;

const is = (status: ItemStatus): string => `p.status = '${status}'`;

/**
 * Plain SQL over the projection and the history: one row of counts per lead agency, counting
 * periods (see PERIODS_SQL), those of `filter` only.
 */
export async function completionReport(
  db: DataSource,
  nowMs: number,
  filter: ReportFilter = {},
): Promise<CompletionReport> {
  const params: unknown[] = [new Date(nowMs)];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  const where = [
    ...(filter.noticeId ? [`p.notice_id = ${bind(filter.noticeId)}`] : []),
    ...(filter.from ? [`p.due_date >= ${bind(filter.from)}::date`] : []),
    ...(filter.to ? [`p.due_date <= ${bind(filter.to)}::date`] : []),
  ];
  const rows = await db.query<({ code: string; name: string } & CompletionCounts)[]>(
    `SELECT p.lead_code AS code, COALESCE(a.name, p.lead_code) AS name,
            count(*)::int AS "total",
            count(*) FILTER (WHERE ${is('open')} AND NOT p.overdue)::int AS "open",
            count(*) FILTER (WHERE p.overdue)::int AS "overdue",
            count(*) FILTER (WHERE ${is('submitted')})::int AS "submitted",
            count(*) FILTER (WHERE ${is('completed')})::int AS "completed",
            count(*) FILTER (WHERE ${is('completed')} AND p.late IS NOT TRUE)::int
              AS "completedOnTime",
            count(*) FILTER (WHERE ${is('completed')} AND p.late IS TRUE)::int AS "completedLate",
            count(*) FILTER (WHERE ${is('completed')} AND p.late_vs_original IS TRUE)::int
              AS "completedAfterOriginalDue",
            count(*) FILTER (WHERE ${is('cancelled')})::int AS "cancelled"
       FROM (${PERIODS_SQL('$1')}) p
       LEFT JOIN agencies a ON a.code = p.lead_code
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY p.lead_code, a.name
      ORDER BY p.lead_code`,
    params,
  );
  // node-postgres may hand numbers back as strings; Number() makes sure.
  const agencies = rows.map((r) => ({
    code: r.code,
    name: r.name,
    ...withRates(countsBy((k) => Number(r[k]))),
  }));
  const totals = withRates(countsBy((k) => agencies.reduce((n, a) => n + a[k], 0)));
  return { asOf: toVnIso(nowMs), totals, agencies };
}

function countsBy(value: (key: keyof CompletionCounts) => number): CompletionCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, value(k)])) as Record<
    keyof CompletionCounts,
    number
  >;
}

function withRates(r: CompletionCounts): CompletionTotals {
  const counted = r.total - r.cancelled;
  return {
    ...r,
    completionRate: counted > 0 ? r.completed / counted : null,
    onTimeRate: r.completed > 0 ? r.completedOnTime / r.completed : null,
  };
}
