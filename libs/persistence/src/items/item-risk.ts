import {
  civilDateAt,
  lateRisk,
  type AgencyRecord,
  type WorkingCalendar,
} from '../../../domain/src';
import { itemLabelsJoin, itemLabelsSql, type LabelColumns } from './item-labels.sql';
import type { ItemRecord } from './item.mapper';
import type { CompletionReport } from './item-reports';
import type { AgencyYearFacts } from './item-scorecard';

/**
 * The open items with a deadline, and what the forecast reads of each beyond its row: when its
 * period started (assignment, or the last period's completion of a recurring item), its last
 * percentage reported in that period and when, and the extensions asked and granted in it.
 */
export const RISK_ITEMS_SQL = `
  SELECT i.*, ${itemLabelsSql('i')},
         extract(epoch FROM COALESCE(c.at, i.created_at)) * 1000 AS risk_start_ms,
         p.percent AS risk_percent,
         extract(epoch FROM p.at) * 1000 AS risk_progress_ms,
         COALESCE(x.asked, 0) AS risk_asked,
         COALESCE(x.granted, 0) AS risk_granted
    FROM items i
    ${itemLabelsJoin('i')}
    LEFT JOIN LATERAL (
      SELECT max(e.at) AS at FROM item_events e
       WHERE e.item_id = i.id AND e.type = 'completed') c ON true
    LEFT JOIN LATERAL (
      SELECT (e.detail->>'percent')::int AS percent, e.at FROM item_events e
       WHERE e.item_id = i.id AND e.type = 'progress_reported'
         AND e.detail->>'percent' IS NOT NULL AND e.at >= COALESCE(c.at, i.created_at)
       ORDER BY e.seq DESC LIMIT 1) p ON true
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE e.type = 'extension_requested') AS asked,
             count(*) FILTER (WHERE e.type = 'extension_approved') AS granted
        FROM item_events e
       WHERE e.item_id = i.id AND e.type IN ('extension_requested', 'extension_approved')
         AND e.at >= COALESCE(c.at, i.created_at)) x ON true
   WHERE i.status IN ('open', 'overdue', 'submitted') AND i.due_at IS NOT NULL`;

/** The forecast's own columns of a RISK_ITEMS_SQL row, as node-postgres returns them. */
export interface RiskColumns {
  readonly id: string;
  readonly risk_start_ms: number | string;
  readonly risk_percent: number | null;
  readonly risk_progress_ms: number | string | null;
  readonly risk_asked: number | string;
  readonly risk_granted: number | string;
}
export type RiskRow = LabelColumns & RiskColumns;

export interface RiskItem {
  readonly item: ItemRecord;
  /** Working days from today to the due day; negative when overdue. */
  readonly workingDaysLeft: number;
  readonly risk: number;
  readonly reasons: string[];
}

export interface RiskReport {
  readonly asOf: string;
  /** The agencies' record the forecast used: periods completed in the look-back window. */
  readonly lookBackFrom: string;
  /** Share of those completed late, all agencies (the prior of an agency without a record). */
  readonly baseLateRate: number | null;
  /** Most at risk first; equal risks by the earlier due. */
  readonly items: RiskItem[];
}

/** Each agency's record: its periods completed in the window (completion report), late days. */
export function agencyRecords(
  completion: CompletionReport,
  year: ReadonlyMap<string, AgencyYearFacts>,
): Map<string, AgencyRecord> {
  const records = new Map<string, AgencyRecord>();
  for (const a of completion.agencies) {
    const lateDays = year.get(a.code)?.lateDays ?? [];
    records.set(a.code, {
      completed: a.completed,
      late: a.completedLate,
      meanLateDays: lateDays.length ? lateDays.reduce((s, d) => s + d, 0) / lateDays.length : 0,
    });
  }
  return records;
}

const NO_RECORD: AgencyRecord = { completed: 0, late: 0, meanLateDays: 0 };
/** Before any agency has finished anything: the share of late work the reports usually show. */
const DEFAULT_BASE_RATE = 0.3;

/** The forecast of every row, its record mapped alongside (`records[k]` is `rows[k]`'s). */
export function riskItems(
  rows: readonly RiskRow[],
  records: readonly ItemRecord[],
  agencies: ReadonlyMap<string, AgencyRecord>,
  baseLateRate: number | null,
  nowMs: number,
  calendar: WorkingCalendar,
): RiskItem[] {
  const today = civilDateAt(nowMs);
  const items = rows.map((row, k): RiskItem => {
    const item = records[k]!;
    const dueAtMs = Date.parse(item.dueAt!);
    const startMs = Number(row.risk_start_ms);
    const dueDay = civilDateAt(dueAtMs - 1);
    const left = item.overdue
      ? -Math.max(1, item.daysOverdue)
      : calendar.workingDaysBetween(today, dueDay);
    const progressMs = row.risk_progress_ms === null ? null : Number(row.risk_progress_ms);
    const forecast = lateRisk({
      submitted: item.status === 'submitted',
      workingDaysTotal: calendar.workingDaysBetween(civilDateAt(startMs), dueDay),
      workingDaysLeft: left,
      progress:
        row.risk_percent === null || progressMs === null
          ? null
          : {
              percent: row.risk_percent,
              elapsedDays: Math.max(
                0,
                calendar.workingDaysBetween(civilDateAt(startMs), civilDateAt(progressMs)),
              ),
            },
      extensionsAsked: Number(row.risk_asked),
      extensionsGranted: Number(row.risk_granted),
      agency: agencies.get(row.lead_code) ?? NO_RECORD,
      baseLateRate: baseLateRate ?? DEFAULT_BASE_RATE,
    });
    return { item, workingDaysLeft: left, ...forecast };
  });
  return items.sort((a, b) => b.risk - a.risk || a.item.dueAt!.localeCompare(b.item.dueAt!));
}
