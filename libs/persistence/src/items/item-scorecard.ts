import { workingDaysOverdue, type WorkingCalendar } from '../../../domain/src';

/**
 * A year's record of each lead agency beyond the completion report's counts (issue 11's
 * scorecard): how late its late work was and how often it asked for more time. A year selects
 * periods by their due date (UTC+7), as the reports' period does (ADR 0016), through
 * IDX_item_periods_due_day.
 */
export interface AgencyYearFacts {
  /** Working days late of each period completed late (its due to its acceptance). */
  readonly lateDays: number[];
  /** Extension requests and grants on items whose current period is due in the year. */
  readonly extensionsAsked: number;
  readonly extensionsGranted: number;
}

/** The late completed periods due in [$1, $2]: whom, due when, accepted when (epoch ms). */
export const LATE_PERIODS_SQL = `
  SELECT p.lead_code AS lead,
         CASE WHEN p.seq = 0 THEN extract(epoch FROM i.due_at) * 1000
              ELSE (e.detail->'due'->>'at')::float8 END AS due_ms,
         CASE WHEN p.seq = 0 THEN extract(epoch FROM i.closed_at) * 1000
              ELSE extract(epoch FROM e.at) * 1000 END AS done_ms
    FROM item_periods p
    JOIN items i ON i.id = p.item_id
    LEFT JOIN item_events e ON e.item_id = p.item_id AND e.seq = p.seq AND p.seq > 0
   WHERE p.due_day BETWEEN $1 AND $2 AND p.status = 'completed' AND p.late`;

/** Extension requests and grants by lead agency, of the items whose current period is due in [$1, $2]. */
export const EXTENSIONS_SQL = `
  SELECT p.lead_code AS lead,
         count(*) FILTER (WHERE e.type = 'extension_requested') AS asked,
         count(*) FILTER (WHERE e.type = 'extension_approved') AS granted
    FROM item_periods p
    JOIN item_events e ON e.item_id = p.item_id
   WHERE p.seq = 0 AND p.due_day BETWEEN $1 AND $2
     AND e.type IN ('extension_requested', 'extension_approved')
   GROUP BY p.lead_code`;

export interface LatePeriodRow {
  lead: string;
  due_ms: number | string | null;
  done_ms: number | string | null;
}
export interface ExtensionsRow {
  lead: string;
  asked: number | string;
  granted: number | string;
}

/** The rows of both statements folded by agency; lateness counted in the working calendar. */
export function yearFacts(
  late: readonly LatePeriodRow[],
  extensions: readonly ExtensionsRow[],
  calendar: WorkingCalendar,
): Map<string, AgencyYearFacts> {
  const facts = new Map<string, AgencyYearFacts>();
  const of = (lead: string): AgencyYearFacts =>
    facts.get(lead) ?? { lateDays: [], extensionsAsked: 0, extensionsGranted: 0 };
  for (const r of late) {
    if (r.due_ms === null || r.done_ms === null) continue;
    const days = workingDaysOverdue(Number(r.due_ms), Number(r.done_ms), calendar);
    const f = of(r.lead);
    facts.set(r.lead, { ...f, lateDays: [...f.lateDays, days] });
  }
  for (const r of extensions) {
    facts.set(r.lead, {
      ...of(r.lead),
      extensionsAsked: Number(r.asked),
      extensionsGranted: Number(r.granted),
    });
  }
  return facts;
}
