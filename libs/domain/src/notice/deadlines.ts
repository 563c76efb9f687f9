import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  addDays,
  compareCivil,
  type CivilDate,
  lastDayOfMonth,
  makeCivilDate,
} from '../time/civil-date';
import type { ParsedDeadline } from './types';

export interface DeadlineContext {
  /** The meeting date, else the issue date: a year-less date is the first such date not before it. */
  readonly reference: CivilDate | null;
  /** Anchor of "N ngày (làm việc) kể từ ngày ban hành/ký". */
  readonly issuedOn: CivilDate | null;
  readonly calendar: WorkingCalendar;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly due: CivilDate;
  /** A word that says "finish by" stands right before it. */
  readonly cued: boolean;
}

const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

/** "Kế hoạch số 197/KH-UBND ngày 22/7/2025", "Quyết định số 53/QĐ-BCĐ ngày …": a document's date. */
const REFERENCE_BEFORE =
  /(?:\bsố\s+[\p{L}\d][\p{L}\d/.-]*|\d+[/-][\p{Lu}Đ][\p{L}\d&/-]*|(?:nghị quyết|nghị định|kế hoạch|quyết định|thông báo|công văn|văn bản|chỉ thị|thông tư|luật|tờ trình|báo cáo số|hướng dẫn))\s*,?\s*(?:ban hành\s+)?(?:ngày\s*)?$/iu;

/** Words that mark the date a directive must be finished by. */
const CUE =
  /(?:chậm nhất|trước|hạn|hoàn thành|xong|đến hết|không muộn hơn|hạn chót|trong|trình|báo cáo|vào)\s*(?:vào\s+)?(?:ngày\s*)?$/iu;

const YEAR = '(20\\d\\d)(?!\\d)';
const D = '(\\d{1,2})';

function validDate(y: number, m: number, d: number): CivilDate | null {
  if (m < 1 || m > 12 || d < 1 || y < 2000 || y > 2100 || d > lastDayOfMonth(y, m)) return null;
  return makeCivilDate(y, m, d);
}

/** The year of a year-less day/month: the first such date not before the reference. */
function inferYear(m: number, d: number, ref: CivilDate | null): CivilDate | null {
  if (!ref) return null;
  const y = Number(ref.slice(0, 4));
  const same = validDate(y, m, d);
  if (same && compareCivil(same, ref) >= 0) return same;
  return validDate(y + 1, m, d);
}

function monthEnd(y: number, m: number): CivilDate | null {
  return m >= 1 && m <= 12 ? makeCivilDate(y, m, lastDayOfMonth(y, m)) : null;
}

function inferMonthYear(m: number, ref: CivilDate | null): number | null {
  if (!ref) return null;
  const y = Number(ref.slice(0, 4));
  return m >= Number(ref.slice(5, 7)) ? y : y + 1;
}

/** "trước ngày X" is read strictly: finished by the end of the day before X (docs/adr/0004). */
const isBefore = (prefix: string): boolean =>
  /\btrước\s*(?:ngày\s*)?$/iu.test(prefix) && !/chậm nhất\s*$/iu.test(prefix);

/** All dates the text names as possible deadlines (document references excluded). */
function candidates(text: string, ctx: DeadlineContext): Candidate[] {
  const out: Candidate[] = [];
  /** Spans already taken (a deadline or a document reference): shorter patterns skip them. */
  const taken: { start: number; end: number }[] = [];
  const add = (start: number, end: number, due: CivilDate | null): void => {
    if (taken.some((c) => c.start < end && start < c.end)) return;
    const before = text.slice(Math.max(0, start - 80), start);
    if (REFERENCE_BEFORE.test(before)) {
      taken.push({ start, end });
      return;
    }
    if (!due) return;
    taken.push({ start, end });
    const adjusted = isBefore(before.slice(-20)) ? addDays(due, -1) : due;
    out.push({ start, end, due: adjusted, cued: CUE.test(before.slice(-30)) });
  };
  const scan = (re: RegExp, toDate: (m: RegExpExecArray) => CivilDate | null): void => {
    for (const m of text.matchAll(new RegExp(re.source, 'giu'))) {
      add(m.index, m.index + m[0].length, toDate(m));
    }
  };
  // Full dates: 22/01/2026, 22-01-2026, 22.01.2026, ngày 22 tháng 01 năm 2026.
  scan(new RegExp(`(?<![\\d/])${D}\\s*[/.-]\\s*${D}\\s*[/.-]\\s*${YEAR}`), (m) =>
    validDate(+m[3]!, +m[2]!, +m[1]!),
  );
  scan(new RegExp(`ngày\\s+${D}\\s+tháng\\s+${D}\\s+năm\\s+${YEAR}`), (m) =>
    validDate(+m[3]!, +m[2]!, +m[1]!),
  );
  // Halves and nine months: "6 tháng đầu năm 2026" → 30/06.
  scan(new RegExp(`\\b(6|9)\\s+tháng\\s+(đầu|cuối)\\s+năm\\s+${YEAR}`), (m) =>
    m[2] === 'cuối' ? validDate(+m[3]!, 12, 31) : validDate(+m[3]!, m[1] === '6' ? 6 : 9, 30),
  );
  // Months: "tháng 02 năm 2026", "tháng 02/2026", "T2/2026", "cuối tháng 3/2026", "giữa tháng 3/2026".
  scan(
    new RegExp(`(?:(đầu|giữa|cuối)\\s+)?(?:tháng|\\bT)\\s*${D}\\s*(?:năm|/|-)\\s*${YEAR}`),
    (m) => {
      const y = +m[3]!;
      const mo = +m[2]!;
      if (m[1] === 'đầu') return validDate(y, mo, 1);
      if (m[1] === 'giữa') return validDate(y, mo, 15);
      return monthEnd(y, mo);
    },
  );
  // Relative years: "tháng 01 năm sau", "trong tháng 12 năm nay".
  scan(new RegExp(`tháng\\s+${D}\\s+(năm\\s+(?:sau|tới|nay))`), (m) => {
    if (!ctx.reference) return null;
    const y = Number(ctx.reference.slice(0, 4)) + (/nay/u.test(m[2]!) ? 0 : 1);
    return monthEnd(y, +m[1]!);
  });
  // Quarters: "quý II năm 2026", "Quý II/2026", "quý 2 năm 2026", "Q2/2026".
  scan(new RegExp(`(?:quý|\\bQ)\\s*(IV|III|II|I|[1-4])\\s*(?:năm|/|-)\\s*${YEAR}`), (m) => {
    const q = ROMAN[m[1]!.toLowerCase()];
    return q ? monthEnd(+m[2]!, q * 3) : null;
  });
  // Years: "trong năm 2026", "cuối năm 2026", "đầu năm 2027" (1 January, soft).
  scan(new RegExp(`(?:(trong|cuối|hết|đầu)\\s+)?năm\\s+${YEAR}`), (m) => {
    if (!m[1]) return null; // a bare "năm 2026" names a period, not a deadline
    return m[1].toLowerCase() === 'đầu' ? validDate(+m[2]!, 1, 1) : validDate(+m[2]!, 12, 31);
  });
  // Year-less dates and months, resolved against the meeting: "trước 30/6", "trong tháng 3".
  scan(new RegExp(`(?<![\\d/.])${D}\\s*/\\s*${D}(?![\\d/])`), (m) =>
    inferYear(+m[2]!, +m[1]!, ctx.reference),
  );
  scan(new RegExp(`(?:(cuối|trong)\\s+)tháng\\s+${D}(?!\\s*(?:năm|/|-|\\d))`), (m) => {
    const y = inferMonthYear(+m[2]!, ctx.reference);
    return y === null ? null : monthEnd(y, +m[2]!);
  });
  return out.sort((a, b) => a.start - b.start);
}

const PHRASE_LEAD =
  /(?:chậm nhất(?:\s+vào)?|không muộn hơn|đến hết|hạn chót(?:\s+là)?|từ nay đến hết|hoàn thành trước|trước|trong|vào|cuối|đầu|giữa)\s+(?:ngày\s+)?$/iu;

/** The cue and the date as written ("chậm nhất ngày 22/01/2026", "trong tháng 01 năm 2026"). */
function phraseOf(text: string, c: Candidate): string {
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  const lead = PHRASE_LEAD.exec(before);
  const start = lead ? c.start - lead[0].length : c.start;
  return text
    .slice(start, c.end)
    .replace(/\s*([/.-])\s*(?=\d)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const RECURRING: [RegExp, 'weekly' | 'monthly' | 'quarterly' | 'yearly'][] = [
  [/(?:hằng|hàng)\s+tuần|định kỳ\s+tuần/iu, 'weekly'],
  [/(?:hằng|hàng)\s+tháng|định kỳ\s+tháng/iu, 'monthly'],
  [/(?:hằng|hàng)\s+quý|định kỳ\s+quý/iu, 'quarterly'],
  [/(?:hằng|hàng)\s+năm|định kỳ\s+năm/iu, 'yearly'],
];

const RELATIVE =
  /(?:trong(?:\s+thời\s+hạn|\s+vòng)?\s+)?(\d{1,3})\s+ngày(\s+làm\s+việc)?\s*,?\s*(?:kể\s+từ|tính\s+từ|sau)\s+(?:ngày\s+)?([^,;.]*)/iu;
const FROM_ISSUE =
  /(?:ban\s+hành|ký|phát\s+hành)[^,;.]*(?:thông\s+báo|văn\s+bản)|thông\s+báo\s+này/iu;

export interface DeadlineResult {
  readonly deadline: ParsedDeadline;
  /** A date phrase "khẩn trương"/"ngay" without a date, or a soft target: a human should look. */
  readonly vague: boolean;
}

/** The deadline of one directive: the date it must be finished by, or why there is none. */
export function parseDeadline(text: string, ctx: DeadlineContext): DeadlineResult {
  for (const [re, frequency] of RECURRING) {
    const m = re.exec(text);
    if (!m) continue;
    const dayMatch = /(trước\s+)?ngày\s+(\d{1,2})\s+(?:hằng|hàng|của|các)/iu.exec(text);
    const phraseStart = dayMatch && dayMatch.index < m.index ? dayMatch.index : m.index;
    const phraseEnd = Math.max(
      m.index + m[0].length,
      dayMatch ? dayMatch.index + dayMatch[0].length : 0,
    );
    const day = dayMatch ? Number(dayMatch[2]) - (dayMatch[1] ? 1 : 0) : undefined;
    const phrase = text
      .slice(phraseStart, phraseEnd)
      .replace(/\s+(?:hằng|hàng|của|các)$/iu, '')
      .trim();
    return {
      deadline: {
        kind: 'recurring',
        frequency,
        ...(day !== undefined && day >= 1 ? { day } : {}),
        phrase: phraseStart === m.index ? m[0] : `${phrase} ${m[0]}`.replace(/\s+/g, ' '),
      },
      vague: false,
    };
  }

  const rel = RELATIVE.exec(text);
  if (rel) {
    const days = Number(rel[1]);
    const workingDays = rel[2] !== undefined;
    const from = rel[3]!.trim();
    const phrase = rel[0].trim();
    if (FROM_ISSUE.test(from) && ctx.issuedOn) {
      const due = workingDays
        ? ctx.calendar.addWorkingDays(ctx.issuedOn, days)
        : addDays(ctx.issuedOn, days);
      return { deadline: { kind: 'date', due, phrase }, vague: false };
    }
    return {
      deadline: { kind: 'relative', days, workingDays, from: from || 'ngày ban hành', phrase },
      vague: false,
    };
  }

  const found = candidates(text, ctx);
  if (found.length > 0) {
    const cued = found.filter((c) => c.cued);
    const chosen = (cued.length > 0 ? cued : found).at(-1)!;
    return {
      deadline: { kind: 'date', due: chosen.due, phrase: phraseOf(text, chosen) },
      vague: /phấn đấu/iu.test(text),
    };
  }
  if (/thường xuyên|liên tục/iu.test(text)) {
    return { deadline: { kind: 'none', phrase: 'thường xuyên' }, vague: false };
  }
  return { deadline: { kind: 'none' }, vague: /khẩn trương|\bngay\b/iu.test(text) };
}
