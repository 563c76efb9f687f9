import type { ItemStatus } from './item-status';

/** An item event as the rule reads it: its type and, for a return, the reason given. */
export interface ReportEvent {
  readonly type: string;
  readonly detail?: unknown;
}

/** The events that answer one another: a report, its return, its acceptance. */
const REPORT_EVENTS = new Set(['submitted', 'returned', 'completed']);

/**
 * The return of a completion report that the lead agency has still to answer: the item is open
 * (or overdue) again and no report followed the Văn phòng's last return. Its reason ('' when none
 * was recorded), or null when nothing waits on the agency's next report.
 */
export function pendingReturnReason(
  status: ItemStatus,
  events: readonly ReportEvent[],
): string | null {
  if (status !== 'open' && status !== 'overdue') return null;
  const last = [...events].reverse().find((e) => REPORT_EVENTS.has(e.type));
  if (last?.type !== 'returned') return null;
  const detail = last.detail as { reason?: unknown } | null | undefined;
  return typeof detail?.reason === 'string' ? detail.reason.trim() : '';
}
