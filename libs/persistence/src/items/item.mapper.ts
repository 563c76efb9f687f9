import type { ExtensionRequestView, ItemEventType } from '../../../contracts/src';
import {
  capitalised,
  civilDateAt,
  civilParts,
  isClosed,
  isOverdue,
  toVnIso,
  unknownHolidaysNote,
  workingDaysOverdue,
  type ItemStatus,
  type WorkingCalendar,
} from '../../../domain/src';
import type { ItemEventEntity } from '../entities/item-event.entity';
import type { ItemEntity, WorkflowStartState } from '../entities/item.entity';

/** One item as every reader sees it (API item, list, notice, export): the only mapping of a row. */
export interface ItemRecord {
  id: string;
  workflowId: string;
  noticeId: string | null;
  /** Its notice's number ("12/TB-BCĐ") and title; null without a notice or when the notice has none. */
  noticeNumber: string | null;
  noticeTitle: string | null;
  /** 1-based position in its notice; null for items created one by one. */
  position: number | null;
  /** Label in the notice ("2.g.1"). */
  code: string | null;
  text: string;
  lead: string;
  leadName: string | null;
  support: string[];
  /** The co-ordinating agencies' names, in the order of `support` (the code when unknown). */
  supportNames: string[];
  reportTo: string | null;
  /** The date named ("YYYY-MM-DD"), or the exact instant. */
  due: string | null;
  /** The instant the item is legally due. */
  dueAt: string | null;
  originalDue: string | null;
  originalDueAt: string | null;
  status: ItemStatus;
  /** The domain's `isOverdue` at the read instant. */
  overdue: boolean;
  /** The domain's `workingDaysOverdue` when overdue, else 0. */
  daysOverdue: number;
  completedLate: boolean | null;
  escalationLevel: number;
  progressPercent: number | null;
  pendingExtension: ExtensionRequestView | null;
  policy: { remindBefore: string[]; escalateAfter: string[] };
  deadline: Record<string, unknown> | null;
  workflowState: WorkflowStartState;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** What a reader must know about the deadline (a year whose holidays are not known yet). */
  warnings: string[];
}

export interface ItemEventRecord {
  seq: number;
  at: string;
  type: ItemEventType;
  actor: string | null;
  detail: unknown;
}

/** What an item shows of its notice. */
export interface NoticeLabel {
  readonly number: string | null;
  readonly title: string | null;
}

/** What a mapping needs besides the row: agency names, notices, the read instant and the calendar. */
export interface ReadContext {
  readonly names: ReadonlyMap<string, string>;
  /** The notices of the rows being mapped, by id. */
  readonly notices: ReadonlyMap<string, NoticeLabel>;
  readonly nowMs: number;
  readonly calendar: WorkingCalendar;
}

const isoOrNull = (at: Date | null): string | null => (at ? toVnIso(at.getTime()) : null);
const dueOf = (date: string | null, at: Date | null): string | null => date ?? isoOrNull(at);

export function toItemRecord(row: ItemEntity, ctx: ReadContext): ItemRecord {
  const dueAtMs = row.dueAt ? row.dueAt.getTime() : null;
  const overdue = isOverdue({ status: row.status, dueAtMs }, ctx.nowMs);
  const notice = row.noticeId ? ctx.notices.get(row.noticeId) : undefined;
  return {
    id: row.id,
    workflowId: row.workflowId,
    noticeId: row.noticeId,
    noticeNumber: notice?.number ?? null,
    noticeTitle: notice?.title ?? null,
    position: row.position,
    code: row.code,
    text: row.text,
    lead: row.leadCode,
    leadName: ctx.names.get(row.leadCode) ?? null,
    support: row.supportCodes,
    supportNames: row.supportCodes.map((code) => ctx.names.get(code) ?? code),
    reportTo: row.reportTo,
    due: dueOf(row.dueDate, row.dueAt),
    dueAt: isoOrNull(row.dueAt),
    originalDue: dueOf(row.originalDueDate, row.originalDueAt),
    originalDueAt: isoOrNull(row.originalDueAt),
    status: row.status,
    overdue,
    daysOverdue: overdue ? workingDaysOverdue(dueAtMs, ctx.nowMs, ctx.calendar) : 0,
    completedLate: row.completedLate,
    escalationLevel: row.escalationLevel,
    progressPercent: row.progressPercent,
    // A closed item has nothing left to decide; accept leaves the workflow's request in place.
    pendingExtension: isClosed(row.status) ? null : row.pendingExtension,
    policy: row.policy,
    deadline: row.deadline,
    workflowState: row.workflowState,
    createdAt: toVnIso(row.createdAt.getTime()),
    updatedAt: toVnIso(row.updatedAt.getTime()),
    closedAt: isoOrNull(row.closedAt),
    warnings: deadlineWarnings(row, ctx.calendar),
  };
}

/** The calendar's note for each year the deadline's literal or legal due date falls in. */
function deadlineWarnings(row: ItemEntity, calendar: WorkingCalendar): string[] {
  const dates = [row.dueDate, row.dueAt ? civilDateAt(row.dueAt.getTime() - 1) : null];
  const years = new Set(dates.flatMap((d) => (d ? [civilParts(d).year] : [])));
  return [...years].flatMap((year) => {
    const note = unknownHolidaysNote(calendar, year);
    return note ? [capitalised(note)] : [];
  });
}

export const toEventRecord = (e: ItemEventEntity): ItemEventRecord => ({
  seq: e.seq,
  at: toVnIso(e.at.getTime()),
  type: e.type,
  actor: e.actor,
  detail: e.detail,
});
