import type { DataSource } from 'typeorm';
import { toVnIso, type ItemStatus } from '../../../domain/src';
import { overdueSql } from '../items/overdue.sql';

/**
 * A notice's items by live status: `overdue` is the domain's overdue (marked, or open past its
 * legal due instant), `open` the open items not yet overdue; the five add up to `total`. The same
 * partition as the completion report.
 */
export interface NoticeCounts {
  total: number;
  open: number;
  overdue: number;
  submitted: number;
  completed: number;
  cancelled: number;
}

/** A notice as lists show it: its facts and its items' counts. */
export interface NoticeSummary {
  id: string;
  number: string | null;
  title: string | null;
  issuedOn: string | null;
  meetingDate: string | null;
  chair: string | null;
  createdAt: string;
  counts: NoticeCounts;
}

export const NOTICE_LIST_LIMIT = 200;

/** Counts already mapped items (their `overdue` is the domain's) by live status. */
export function countByLiveStatus(
  items: readonly { status: ItemStatus; overdue: boolean }[],
): NoticeCounts {
  const counts: NoticeCounts = {
    total: 0,
    open: 0,
    overdue: 0,
    submitted: 0,
    completed: 0,
    cancelled: 0,
  };
  for (const i of items) {
    counts.total++;
    counts[i.overdue ? 'overdue' : i.status]++;
  }
  return counts;
}

interface SummaryRow {
  id: string;
  number: string | null;
  title: string | null;
  issuedOn: string | null;
  meetingDate: string | null;
  chair: string | null;
  createdAt: Date;
  total: number;
  open: number;
  overdue: number;
  submitted: number;
  completed: number;
  cancelled: number;
}

const is = (status: ItemStatus): string => `i.status = '${status}'`;

/**
 * Notices newest first with their items' counts, in one query. `visibleTo` (an agency's code)
 * counts only the items it leads or co-ordinates — the SQL twin of `canRead` — and leaves out the
 * notices with none of them.
 */
export async function noticeSummaries(
  db: DataSource,
  nowMs: number,
  visibleTo?: string,
): Promise<NoticeSummary[]> {
  const overdue = overdueSql('i', '$1');
  const params: unknown[] = [new Date(nowMs), NOTICE_LIST_LIMIT];
  let visible = '';
  if (visibleTo !== undefined) {
    params.push(visibleTo);
    visible = 'AND (i.lead_code = $3 OR $3 = ANY(i.support_codes))';
  }
  const rows = await db.query<SummaryRow[]>(
    `SELECT n.id, n.number, n.title, n.chair, n.created_at AS "createdAt",
            to_char(n.issued_on, 'YYYY-MM-DD') AS "issuedOn",
            to_char(n.meeting_date, 'YYYY-MM-DD') AS "meetingDate",
            count(i.id)::int AS "total",
            count(i.id) FILTER (WHERE ${is('open')} AND NOT ${overdue})::int AS "open",
            count(i.id) FILTER (WHERE ${overdue})::int AS "overdue",
            count(i.id) FILTER (WHERE ${is('submitted')})::int AS "submitted",
            count(i.id) FILTER (WHERE ${is('completed')})::int AS "completed",
            count(i.id) FILTER (WHERE ${is('cancelled')})::int AS "cancelled"
       FROM notices n
       LEFT JOIN items i ON i.notice_id = n.id ${visible}
      GROUP BY n.id
     ${visibleTo !== undefined ? 'HAVING count(i.id) > 0' : ''}
      ORDER BY n.created_at DESC, n.id DESC
      LIMIT $2`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    issuedOn: r.issuedOn,
    meetingDate: r.meetingDate,
    chair: r.chair,
    createdAt: toVnIso(new Date(r.createdAt).getTime()),
    // node-postgres may hand numbers back as strings; Number() makes sure.
    counts: {
      total: Number(r.total),
      open: Number(r.open),
      overdue: Number(r.overdue),
      submitted: Number(r.submitted),
      completed: Number(r.completed),
      cancelled: Number(r.cancelled),
    },
  }));
}
