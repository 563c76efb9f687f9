import {
  type AgencyDirectory,
  type CivilDate,
  compareCivil,
  DomainError,
  formatVnDate,
  isCivilDate,
  nextOccurrence,
  type ParsedNotice,
  recurrenceOf,
  resolveNewDue,
  resolvePolicy,
  type WorkingCalendar,
} from '../../../../libs/domain/src';
import type { NewItem } from '../../../../libs/persistence/src';

/** An item of a confirm request, after DTO validation (the parser's shape or a corrected one). */
export interface ConfirmItemInput {
  readonly code?: string;
  readonly text: string;
  readonly lead?: string | readonly string[];
  readonly support?: readonly string[];
  readonly reportTo?: string;
  readonly due?: string;
  readonly deadline?: Readonly<Record<string, unknown>>;
  readonly policy?: { remindBefore?: string[]; escalateAfter?: string[] };
}

/** What the API stores and starts for one item (the notice gives the ids). */
export interface PlannedNoticeItem extends Omit<NewItem, 'id' | 'workflowId' | 'noticeId'> {
  readonly position: number;
  readonly deadline: Record<string, unknown>;
}

export interface ItemProblem {
  readonly position: number;
  readonly code: string | null;
  readonly problem: string;
}

/** An agency named by code ("STC") or by any spelling the directory knows ("Sở Tài chính"). */
export function agencyCodeOf(
  value: string,
  directory: AgencyDirectory,
  codes: ReadonlySet<string>,
): string | null {
  const v = value.trim();
  if (codes.has(v.toUpperCase())) return v.toUpperCase();
  return directory.codeOf(v);
}

const label = (p: { position: number; code: string | null }): string =>
  p.code ? `Mục ${p.code}` : `Nhiệm vụ thứ ${p.position}`;

/** A notice dated after today is likely mistyped; its recurring items would start from that date. */
export function futureNoticeWarnings(parsed: ParsedNotice, today: CivilDate): string[] {
  const issuedOn = parsed.notice.issuedOn;
  if (!isCivilDate(issuedOn) || compareCivil(issuedOn, today) <= 0) return [];
  const date = formatVnDate(issuedOn);
  const recurring = parsed.items.filter((i) => i.deadline.kind === 'recurring');
  const periods =
    recurring.length === 0
      ? ''
      : ` Kỳ đầu của nhiệm vụ định kỳ (${recurring.map((i) => `Mục ${i.code}`).join(', ')}) tính từ ngày ${date}.`;
  return [
    `Thông báo ghi ngày ${date}, sau ngày hôm nay (${formatVnDate(today)}); cần kiểm tra ngày ban hành.${periods}`,
  ];
}

/**
 * Resolves agencies and deadlines of every item, or returns every problem (so one 400 names all
 * the items to fix). Deadlines are parsed here, once; workflows receive them as data.
 */
export function planNoticeItems(
  items: readonly ConfirmItemInput[],
  directory: AgencyDirectory,
  codes: ReadonlySet<string>,
  calendar: WorkingCalendar,
  periodsFrom: CivilDate,
): { ok: true; items: PlannedNoticeItem[] } | { ok: false; problems: ItemProblem[] } {
  const planned: PlannedNoticeItem[] = [];
  const problems: ItemProblem[] = [];
  items.forEach((item, i) => {
    const position = i + 1;
    const code = item.code?.trim() || null;
    const where = { position, code };
    const leads = (typeof item.lead === 'string' ? [item.lead] : [...(item.lead ?? [])]).filter(
      (l) => l.trim() !== '',
    );
    const first = leads[0];
    if (first === undefined) {
      problems.push({ ...where, problem: `${label(where)}: chưa có cơ quan chủ trì.` });
      return;
    }
    const named = [...leads, ...(item.support ?? [])];
    const resolved = named.map((n) => ({ n, c: agencyCodeOf(n, directory, codes) }));
    const unknown = resolved.filter((r) => r.c === null).map((r) => r.n);
    if (unknown.length > 0) {
      problems.push({
        ...where,
        problem: `${label(where)}: không tìm thấy cơ quan "${unknown.join('", "')}" trong danh mục.`,
      });
      return;
    }
    const [leadCode, ...others] = resolved.map((r) => r.c as string);
    const deadline = deadlineOf(item, periodsFrom);
    let dueDate: string | null = null;
    let dueAt: number | null = null;
    try {
      if (deadline.dueInput !== null) {
        const due = resolveNewDue(deadline.dueInput, calendar);
        dueDate = due.dueDate ?? null;
        dueAt = due.dueAt;
      } else if (!deadline.readable) {
        throw new DomainError('INVALID_DUE', 'unreadable');
      }
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      problems.push({
        ...where,
        problem: `${label(where)}: không đọc được thời hạn; nhập ngày dạng YYYY-MM-DD.`,
      });
      return;
    }
    let policy: PlannedNoticeItem['policy'];
    try {
      policy = resolvePolicy(item.policy);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      problems.push({ ...where, problem: `${label(where)}: ${err.message}` });
      return;
    }
    planned.push({
      position,
      code,
      text: item.text.trim(),
      leadCode: leadCode as string,
      supportCodes: [...new Set(others)].filter((c) => c !== leadCode),
      reportTo: item.reportTo?.trim() || null,
      dueDate,
      dueAt,
      deadline: deadline.stored,
      policy,
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items: planned };
}

/**
 * `due` (a correction) wins over the parser's `deadline`. Kinds without a date (none, recurring,
 * relative to an undated event) start without reminders and stay visible in reports.
 */
function deadlineOf(
  item: ConfirmItemInput,
  periodsFrom: CivilDate,
): {
  dueInput: string | null;
  readable: boolean;
  stored: Record<string, unknown>;
} {
  const d = item.deadline;
  const recurrence = d?.kind === 'recurring' ? recurrenceOf(d) : null;
  if (item.due !== undefined) {
    // A corrected due keeps a recurring item recurring: it is the first period's deadline.
    const stored = recurrence
      ? { ...d, due: item.due, corrected: true }
      : { kind: 'date', due: item.due, corrected: true };
    return { dueInput: item.due, readable: true, stored };
  }
  if (d === undefined) return { dueInput: null, readable: true, stored: { kind: 'none' } };
  const kind = d.kind;
  if (kind === 'date') {
    return typeof d.due === 'string'
      ? { dueInput: d.due, readable: true, stored: { ...d } }
      : { dueInput: null, readable: false, stored: { ...d } };
  }
  if (kind === 'recurring') {
    if (!recurrence) return { dueInput: null, readable: false, stored: { ...d } };
    // The first period ends on or after `periodsFrom`; the workflow opens the next ones.
    return { dueInput: nextOccurrence(recurrence, periodsFrom), readable: true, stored: { ...d } };
  }
  if (kind === 'none' || kind === 'relative') {
    return { dueInput: null, readable: true, stored: { ...d } };
  }
  return { dueInput: null, readable: false, stored: { ...d } };
}
