import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { toVnIso } from '../items/item-response';
import { OVERDUE_SQL } from '../items/items.service';

export interface OverdueItem {
  id: string;
  code: string | null;
  text: string;
  due: string | null;
  dueAt: string | null;
  status: string;
  escalationLevel: number;
  daysOverdue: number;
}

export interface OverdueReport {
  asOf: string;
  total: number;
  agencies: { code: string; name: string; overdue: number; items: OverdueItem[] }[];
}

export interface CompletionRow {
  code: string;
  name: string;
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
  /** completed / (total − cancelled), 0..1; null when nothing counts. */
  completionRate: number | null;
  /** completed on time / completed, 0..1. */
  onTimeRate: number | null;
}

interface OverdueSqlRow {
  agency_code: string;
  agency_name: string;
  id: string;
  code: string | null;
  text: string;
  due_date: string | null;
  due_at: Date | null;
  status: string;
  escalation_level: number;
}

/** Reports are plain SQL over the projection, never workflow queries. */
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async overdue(): Promise<OverdueReport> {
    const now = Date.now();
    const rows: OverdueSqlRow[] = await this.db.query(
      `SELECT a.code AS agency_code, a.name AS agency_name, i.id, i.code, i.text, i.due_date::text AS due_date,
              i.due_at, i.status, i.escalation_level
         FROM items i JOIN agencies a ON a.code = i.lead_code
        WHERE ${OVERDUE_SQL}
        ORDER BY a.code, i.due_at`,
    );
    const byAgency = new Map<string, OverdueReport['agencies'][number]>();
    for (const r of rows) {
      let entry = byAgency.get(r.agency_code);
      if (!entry) {
        entry = { code: r.agency_code, name: r.agency_name, overdue: 0, items: [] };
        byAgency.set(r.agency_code, entry);
      }
      entry.overdue++;
      entry.items.push({
        id: r.id,
        code: r.code,
        text: r.text,
        due: r.due_date ?? (r.due_at ? toVnIso(r.due_at.getTime()) : null),
        dueAt: r.due_at ? toVnIso(r.due_at.getTime()) : null,
        status: r.status,
        escalationLevel: r.escalation_level,
        daysOverdue: r.due_at ? Math.floor((now - r.due_at.getTime()) / 86_400_000) : 0,
      });
    }
    const agencies = [...byAgency.values()].sort(
      (a, b) => b.overdue - a.overdue || a.code.localeCompare(b.code),
    );
    return { asOf: toVnIso(now), total: rows.length, agencies };
  }

  async completion(): Promise<{
    asOf: string;
    totals: Omit<CompletionRow, 'code' | 'name'>;
    agencies: CompletionRow[];
  }> {
    const rows: Record<string, string | number>[] = await this.db.query(
      `SELECT a.code, a.name,
              count(i.id)::int AS total,
              count(*) FILTER (WHERE i.status = 'open' AND NOT ${OVERDUE_SQL})::int AS open,
              count(*) FILTER (WHERE ${OVERDUE_SQL})::int AS overdue,
              count(*) FILTER (WHERE i.status = 'submitted')::int AS submitted,
              count(*) FILTER (WHERE i.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE i.status = 'completed' AND i.completed_late IS NOT TRUE)::int AS completed_on_time,
              count(*) FILTER (WHERE i.status = 'completed' AND i.completed_late IS TRUE)::int AS completed_late,
              count(*) FILTER (WHERE i.status = 'completed' AND i.original_due_at IS NOT NULL
                                 AND i.closed_at > i.original_due_at)::int AS completed_after_original_due,
              count(*) FILTER (WHERE i.status = 'cancelled')::int AS cancelled
         FROM agencies a JOIN items i ON i.lead_code = a.code
        GROUP BY a.code, a.name
        ORDER BY a.code`,
    );
    const agencies = rows.map((r) =>
      withRates({
        code: String(r.code),
        name: String(r.name),
        total: Number(r.total),
        open: Number(r.open),
        overdue: Number(r.overdue),
        submitted: Number(r.submitted),
        completed: Number(r.completed),
        completedOnTime: Number(r.completed_on_time),
        completedLate: Number(r.completed_late),
        completedAfterOriginalDue: Number(r.completed_after_original_due),
        cancelled: Number(r.cancelled),
      }),
    );
    const sum = (k: keyof Omit<CompletionRow, 'code' | 'name' | 'completionRate' | 'onTimeRate'>) =>
      agencies.reduce((n, a) => n + a[k], 0);
    const {
      code: _c,
      name: _n,
      ...totals
    } = withRates({
      code: '',
      name: '',
      total: sum('total'),
      open: sum('open'),
      overdue: sum('overdue'),
      submitted: sum('submitted'),
      completed: sum('completed'),
      completedOnTime: sum('completedOnTime'),
      completedLate: sum('completedLate'),
      completedAfterOriginalDue: sum('completedAfterOriginalDue'),
      cancelled: sum('cancelled'),
    });
    return { asOf: toVnIso(Date.now()), totals, agencies };
  }
}

function withRates(r: Omit<CompletionRow, 'completionRate' | 'onTimeRate'>): CompletionRow {
  const counted = r.total - r.cancelled;
  return {
    ...r,
    completionRate: counted > 0 ? r.completed / counted : null,
    onTimeRate: r.completed > 0 ? r.completedOnTime / r.completed : null,
  };
}
