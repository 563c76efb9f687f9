import type { Agency } from '../api/client';
import type { components } from '../api/schema';
import { formatDate } from '../format';
import { recurrenceLabel } from '../item/due-labels';

export type NoticePreview = components['schemas']['NoticePreviewResponse'];
type ParsedItem = components['schemas']['ParsedItemResponse'];
type Deadline = components['schemas']['ParsedDeadlineResponse'];
export type ConfirmItem = components['schemas']['ConfirmItemDto'];

/** How a row's deadline is given: a date, a recurrence, or none. */
export type DeadlineMode = 'date' | 'recurring' | 'none';
export type Frequency = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/**
 * A recurring deadline as the engine reads it: `day` is the day of the month, or the ISO weekday
 * (1 = Monday … 7 = Sunday) when weekly; without it a period ends on its last day (weekly: Friday).
 * `months`: the months in which a period ends; none: every month, 3-6-9-12, or 12.
 */
export interface Recurrence {
  readonly frequency: Frequency;
  readonly day?: number;
  readonly months?: readonly number[];
}

/** What the parser read for an item, to find in the pasted text (ADR 0014). */
export interface RowSource {
  readonly text: string;
  readonly deadlinePhrase: string | undefined;
  /** The words that named each agency, with its code when the directory knows it. */
  readonly agencies: readonly { readonly code: string; readonly phrase: string }[];
}

/** One item as the secretariat reviews it before confirming. */
export interface IntakeRow {
  readonly key: string;
  readonly code: string;
  readonly text: string;
  /** Agency codes when the directory knows the name, else the name as parsed. */
  readonly lead: string | undefined;
  /** The lead as parsed, to tell whether the secretariat chose another. */
  readonly parsedLead: string | undefined;
  readonly support: string[];
  readonly reportTo: string | undefined;
  /** The parser's deadline: confirmed as it is unless the secretariat changed it. */
  readonly parsed: Deadline;
  readonly mode: DeadlineMode;
  /** The date (YYYY-MM-DD) when `mode` is 'date'. */
  readonly due: string | undefined;
  /** The recurrence when `mode` is 'recurring'. */
  readonly recurrence: Recurrence;
  /** The preview's warnings about this item ("Mục 2.a: …"). */
  readonly warnings: string[];
  /** Null for an item added by hand. */
  readonly source: RowSource | null;
}

/** The directory's code of a name the parser gave; none for a subject the directory lacks. */
const codeOf = (agencies: readonly Agency[], name: string): string | undefined =>
  agencies.find((a) => a.name === name || a.code === name)?.code;

const modeOf = (d: Deadline): DeadlineMode =>
  d.kind === 'date' ? 'date' : d.kind === 'recurring' ? 'recurring' : 'none';

function recurrenceOf(d: Deadline): Recurrence {
  if (d.kind !== 'recurring' || !d.frequency) return { frequency: 'monthly' };
  return {
    frequency: d.frequency,
    ...(d.day === undefined ? {} : { day: d.day }),
    ...(d.months === undefined || d.frequency === 'weekly' ? {} : { months: d.months }),
  };
}

export function rowsOf(preview: NoticePreview, agencies: readonly Agency[]): IntakeRow[] {
  return preview.items.map((i: ParsedItem, n) => {
    // A lead the directory lacks ("Văn phòng Ban Chỉ đạo") is no lead: one must be chosen.
    const lead = i.lead[0] === undefined ? undefined : codeOf(agencies, i.lead[0]);
    return {
      key: `${n}-${i.code}`,
      code: i.code,
      text: i.text,
      lead,
      parsedLead: lead,
      support: i.support.flatMap((s) => codeOf(agencies, s) ?? []),
      reportTo: i.reportTo,
      parsed: i.deadline,
      mode: modeOf(i.deadline),
      due: i.deadline.kind === 'date' ? i.deadline.due : undefined,
      recurrence: recurrenceOf(i.deadline),
      warnings: preview.warnings.filter((w) => w.startsWith(`Mục ${i.code}:`)),
      source: {
        text: i.text,
        deadlinePhrase: i.deadline.phrase,
        agencies: (i.agencyPhrases ?? []).map((p) => ({
          // An unknown agency is still marked in the source, by its name.
          code: codeOf(agencies, p.name) ?? p.name,
          phrase: p.phrase,
        })),
      },
    };
  });
}

export function emptyRow(n: number): IntakeRow {
  return {
    key: `new-${n}`,
    code: '',
    text: '',
    lead: undefined,
    parsedLead: undefined,
    support: [],
    reportTo: undefined,
    parsed: { kind: 'none' },
    mode: 'date',
    due: undefined,
    recurrence: { frequency: 'monthly' },
    warnings: [],
    source: null,
  };
}

const sameRecurrence = (a: Recurrence, b: Recurrence): boolean =>
  a.frequency === b.frequency &&
  a.day === b.day &&
  (a.months ?? []).join() === (b.months ?? []).join();

/** The deadline part of a confirmed item, as POST /api/notices reads it. */
function deadlineOf(r: IntakeRow): Pick<ConfirmItem, 'due' | 'deadline'> {
  const p = r.parsed;
  if (r.mode === 'date') {
    // A date replacing another kind is sent alone: the API stores it as a corrected date.
    if (p.kind !== 'date') return r.due ? { due: r.due } : {};
    return { deadline: p, ...(r.due && r.due !== p.due ? { due: r.due } : {}) };
  }
  if (r.mode === 'recurring') {
    const unchanged = p.kind === 'recurring' && sameRecurrence(recurrenceOf(p), r.recurrence);
    if (unchanged) return { deadline: p };
    const { frequency, day, months } = r.recurrence;
    return {
      deadline: {
        kind: 'recurring',
        frequency,
        ...(day === undefined ? {} : { day }),
        ...(months && months.length > 0 && frequency !== 'weekly' ? { months: [...months] } : {}),
        phrase: capitalized(recurrenceLabel({ kind: 'recurring', ...r.recurrence }) ?? ''),
      },
    };
  }
  return { deadline: p.kind === 'none' || p.kind === 'relative' ? p : { kind: 'none' } };
}

/** What POST /api/notices takes for the reviewed rows. */
export function toConfirmItems(rows: readonly IntakeRow[]): ConfirmItem[] {
  return rows.map((r) => ({
    ...(r.code ? { code: r.code } : {}),
    text: r.text,
    ...(r.lead ? { lead: r.lead } : {}),
    support: r.support,
    ...(r.reportTo ? { reportTo: r.reportTo } : {}),
    ...deadlineOf(r),
  }));
}

/** What a row still lacks before it can be confirmed, in words; null when nothing. */
export function missingOf(r: IntakeRow): string | null {
  if (!r.text.trim()) return 'nội dung';
  if (!r.lead) return 'cơ quan chủ trì';
  if (r.mode === 'date' && !r.due) return 'ngày hạn';
  return null;
}

/**
 * Why the notice cannot be confirmed yet, naming each row and what it lacks: "Còn 2 nhiệm vụ chưa
 * có nội dung, cơ quan chủ trì hoặc ngày hạn: Mục 1 (thiếu cơ quan chủ trì), Nhiệm vụ mới (thiếu
 * ngày hạn)."; null when nothing is missing.
 */
export function missingSummary(rows: readonly IntakeRow[]): string | null {
  const named = rows.flatMap((r) => {
    const what = missingOf(r);
    return what === null ? [] : [`${r.code ? `Mục ${r.code}` : 'Nhiệm vụ mới'} (thiếu ${what})`];
  });
  if (named.length === 0) return null;
  return `Còn ${named.length} nhiệm vụ chưa có nội dung, cơ quan chủ trì hoặc ngày hạn: ${named.join(', ')}.`;
}

/** Whether the secretariat changed the row's deadline from the one parsed. */
export function deadlineEdited(r: IntakeRow): boolean {
  const p = r.parsed;
  if (r.mode !== modeOf(p)) return true;
  if (r.mode === 'date') return p.kind !== 'date' || r.due !== p.due;
  if (r.mode === 'recurring') return !sameRecurrence(recurrenceOf(p), r.recurrence);
  return false;
}

/** Quotes as the rest of the screen writes them: "trước" → “trước”. */
export const curlyQuotes = (text: string): string => text.replace(/"([^"]*)"/g, '“$1”');

/** The phrase of `"UBND các huyện" được hiểu là "UBND các xã, phường"` (item-warnings.ts). */
const READ_AS = /^Mục [^:]*: "([^"]*)" được hiểu là /;

/**
 * The parser's warnings about a row that still hold after the secretariat's edits: a missing lead
 * goes once a lead is chosen, an agency outside the directory once another lead is chosen, an
 * agency read from another name once it is off the row, and
 * every note about the deadline (how a date was read, a holiday, a vague or relative deadline,
 * a recurrence to confirm) once the deadline is changed. A row added by hand has none.
 */
export function rowWarnings(r: IntakeRow): string[] {
  if (!r.source) return [];
  return r.warnings
    .filter((w) => {
      if (w.includes('chưa xác định cơ quan chủ trì')) return !r.lead;
      // An unknown lead, or one also named as co-ordinating: about the lead the notice named.
      // A group the lead list opened with ("… là nhiều cơ quan …"): about the parsed lead too.
      const aboutLead =
        w.includes('không có trong danh mục cơ quan') ||
        w.includes('vừa chủ trì vừa được nêu là cơ quan phối hợp') ||
        w.includes('là nhiều cơ quan, không có trong danh mục');
      if (aboutLead) return r.lead === r.parsedLead;
      const readAs = READ_AS.exec(w);
      if (readAs) {
        const named = r.source?.agencies.filter((a) => a.phrase === readAs[1]) ?? [];
        return named.some((a) => a.code === r.lead || r.support.includes(a.code));
      }
      // Every other warning about an item is about its deadline (item-warnings.ts).
      return !deadlineEdited(r);
    })
    .map(curlyQuotes);
}

/**
 * A lead chosen in place of the parsed one while the item's text still names the parsed one as
 * lead ("Sở Tài chính chủ trì …"): the agency would be assigned a text that names another; the
 * secretariat may want to edit it. `nameOf` gives the directory's name of a code.
 */
export function leadRenameWarning(r: IntakeRow, nameOf: (code: string) => string): string | null {
  if (!r.source || !r.parsedLead || !r.lead || r.lead === r.parsedLead) return null;
  const phrases = r.source.agencies.filter((a) => a.code === r.parsedLead).map((a) => a.phrase);
  const named = [...phrases, nameOf(r.parsedLead)].find((p) => p && r.text.includes(p));
  if (!named) return null;
  return `${r.code ? `Mục ${r.code}` : 'Nhiệm vụ'}: nội dung nhiệm vụ vẫn ghi “${named}”, nhưng cơ quan chủ trì đã đổi thành ${nameOf(r.lead)}; hãy sửa nội dung nếu cần.`;
}

/** The parsed deadline's note under the editor, while the kind of deadline is still the parsed one. */
export function shownDeadlineNote(r: IntakeRow): string | null {
  return r.source && r.mode === modeOf(r.parsed) ? deadlineNote(r.parsed) : null;
}

/**
 * What a past deadline sets off at once (the workflow's owed escalation, DESIGN.md's default
 * policy): the mail of the level already reached, not one a day later.
 */
const LATE_AT_ONCE =
  'Thư báo quá hạn gửi ngay theo mức đã đến: quá 1–2 ngày làm việc, đến lãnh đạo cơ quan và Văn phòng; quá từ 3 ngày làm việc, đến Trưởng Ban Chỉ đạo.';

/** A date deadline already past (`today`: YYYY-MM-DD in UTC+7), named like the parser's warnings. */
export function pastDueWarning(r: IntakeRow, today: string): string | null {
  return r.mode === 'date' && r.due && r.due < today
    ? `${r.code ? `Mục ${r.code}` : 'Nhiệm vụ mới'}: hạn ${formatDate(r.due)} đã qua; nhiệm vụ sẽ quá hạn ngay khi giao. ${LATE_AT_ONCE}`
    : null;
}

/**
 * A recurring row's rhythm as the item page will say it ("Định kỳ: hằng tháng, ngày 25"): the
 * parsed deadline's while unchanged (it may say "6 tháng một lần"), else the one chosen.
 */
export function recurrenceText(r: IntakeRow): string | null {
  if (r.mode !== 'recurring') return null;
  const label = recurrenceLabel(
    r.parsed.kind === 'recurring' && !deadlineEdited(r)
      ? r.parsed
      : { kind: 'recurring', ...r.recurrence },
  );
  return label && `Định kỳ: ${label}`;
}

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The count of rows whose date is past, in one sentence that agrees with the count. */
export function pastDueSummary(count: number): string {
  const them = count === 1 ? 'nhiệm vụ này' : 'các nhiệm vụ này';
  return `${count} nhiệm vụ có hạn đã qua: ${them} sẽ quá hạn ngay khi giao, và thư báo quá hạn (đến Trưởng Ban Chỉ đạo nếu đã quá 3 ngày làm việc) gửi ngay. Hãy kiểm tra hạn trước khi xác nhận.`;
}

/** The preview's warnings about the whole notice (not about one item), quotes as shown. */
export const noticeWarnings = (preview: NoticePreview): string[] =>
  preview.warnings.filter((w) => !/^Mục [^:]*:/.test(w) && w !== NO_ITEMS_PARSED).map(curlyQuotes);

/** The parser's warning for a text without items: the screen says more (EMPTY_PREVIEW). */
const NO_ITEMS_PARSED = 'Không tìm thấy nhiệm vụ nào trong văn bản.';

export const EMPTY_PREVIEW =
  'Không tìm thấy nhiệm vụ nào trong văn bản; hãy kiểm tra văn bản dán vào hoặc thêm nhiệm vụ bằng tay.';

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  yearly: 'Hằng năm',
};

export const WEEKDAY_LABELS: readonly string[] = [
  'Thứ Hai',
  'Thứ Ba',
  'Thứ Tư',
  'Thứ Năm',
  'Thứ Sáu',
  'Thứ Bảy',
  'Chủ nhật',
];

/** The parsed deadline in words, when it is not a plain date. */
export function deadlineNote(d: Deadline): string | null {
  if (d.kind === 'recurring') {
    // "định kỳ hằng tháng…" already says it is recurring: not "định kỳ “định kỳ …”".
    const phrase = d.phrase ?? '';
    return /^định kỳ/iu.test(phrase)
      ? `Theo văn bản: “${phrase}”`
      : `Theo văn bản: định kỳ “${phrase}”`;
  }
  if (d.kind === 'relative') return `Tính từ mốc: “${d.phrase ?? ''}”`;
  if (d.kind === 'none') return d.phrase ? `Không có hạn cụ thể: “${d.phrase}”` : 'Không nêu hạn';
  return d.phrase ? `Theo văn bản: “${d.phrase}”` : null;
}
