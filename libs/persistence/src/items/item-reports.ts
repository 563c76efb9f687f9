import type { DataSource } from 'typeorm';
import { toVnIso, type ItemStatus } from '../../../domain/src';
import type { ItemRecord } from './item.mapper';
import { overdueSql } from './overdue.sql';

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

const is = (status: ItemStatus): string => `i.status = '${status}'`;

/** Plain SQL over the projection: one row of counts per lead agency. */
export async function completionReport(db: DataSource, nowMs: number): Promise<CompletionReport> {
  const overdue = overdueSql('i', '$1');
  const rows = await db.query<({ code: string; name: string } & CompletionCounts)[]>(
    `SELECT a.code, a.name,
            count(i.id)::int AS "total",
            count(*) FILTER (WHERE ${is('open')} AND NOT ${overdue})::int AS "open",
            count(*) FILTER (WHERE ${overdue})::int AS "overdue",
            count(*) FILTER (WHERE ${is('submitted')})::int AS "submitted",
            count(*) FILTER (WHERE ${is('completed')})::int AS "completed",
            count(*) FILTER (WHERE ${is('completed')} AND i.completed_late IS NOT TRUE)::int
              AS "completedOnTime",
            count(*) FILTER (WHERE ${is('completed')} AND i.completed_late IS TRUE)::int
              AS "completedLate",
            count(*) FILTER (WHERE ${is('completed')} AND i.original_due_at IS NOT NULL
                               AND i.closed_at > i.original_due_at)::int AS "completedAfterOriginalDue",
            count(*) FILTER (WHERE ${is('cancelled')})::int AS "cancelled"
       FROM agencies a JOIN items i ON i.lead_code = a.code
      GROUP BY a.code, a.name
      ORDER BY a.code`,
    [new Date(nowMs)],
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
