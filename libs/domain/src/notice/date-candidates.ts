import {
  addDays,
  compareCivil,
  type CivilDate,
  formatVnDate,
  makeCivilDate,
} from '../time/civil-date';
import type { DeadlineContext } from './deadline-context';
import {
  beforeTet,
  day,
  fridayOf,
  inferred,
  month,
  type Period,
  QUARTER,
  quarter,
  validDate,
  year,
  yearOf,
  y2k,
} from './periods';

/** The note of a strict "trước ngày X": due at the end of the day before X. */
export const strictBeforeNote = (due: CivilDate): string =>
  `"trước" hiểu là hết ngày ${formatVnDate(due)}.`;

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly due: CivilDate;
  /** A word that says "finish by" stands right before it. */
  readonly cued: boolean;
  readonly note: string | null;
}

/**
 * Dates of documents ("Kế hoạch số 197/KH-UBND ngày 22/7/2025", "Quyết định số 53/QĐ-BCĐ ngày …",
 * "Nghị quyết số 68-NQ/TW, ngày 04/5/2025"): never deadlines.
 */
const REFERENCE_BEFORE =
  /(?:(?<![\p{L}])số\s+[\p{L}\d][\p{L}\d/.-]*|\d+[/-][\p{Lu}Đ][\p{L}\d&/-]*)\s*,?\s*(?:ban hành\s+|ký\s+)?(?:ngày\s*)?$|(?:nghị quyết|nghị định|kế hoạch|quyết định|thông báo|công văn|văn bản|chỉ thị|thông tư|luật|tờ trình|hướng dẫn|chương trình hành động|kết luận)(?:\s+của\s+[^,;()\d]{0,40})?\s*,?\s*(?:ban hành\s+|ký\s+)?ngày\s*$/iu;

/** Dates that say when something started or was counted, not when it is due. */
const NOT_A_DEADLINE_BEFORE =
  /(?:(?<![\p{L}])từ|kể từ|tính từ|(?:tính|số liệu|cập nhật)\s+đến|cuộc họp|phiên họp|hội nghị|buổi làm việc|ban hành|đã|được)\s*(?:ngày\s*)?$/iu;

/** Words that mark the date a directive must be finished by. */
const CUE =
  /(?:chậm nhất|trước|hạn|hoàn thành|xong|đến hết|đến|tới|không muộn hơn|hạn chót|trong|trình|báo cáo|vào|gửi|nộp)\s*:?\s*(?:là\s+)?(?:vào\s+)?(?:ngày\s*)?$/iu;

/** "báo cáo UBND tỉnh cuối tháng 7/2026", "trình Chủ tịch UBND tỉnh trong tháng 3". */
const RECIPIENT_CUE =
  /(?:báo cáo|trình|gửi)\s+(?:kết quả\s+)?(?:về\s+)?(?:UBND|Ủy ban|Uỷ ban|Chủ tịch|Phó Chủ tịch|Thường trực|Ban|Trưởng|Sở|HĐND|Tỉnh|Văn phòng)[^,;.]{0,40}$/iu;

const YEAR = '(20\\d\\d)(?!\\d)';
const D = '(\\d{1,2})';

/** "trước ngày X" is read strictly: finished by the end of the day before X (docs/adr/0004). */
const isBefore = (prefix: string): boolean =>
  /(?<![\p{L}])trước\s*(?:ngày\s*)?$/iu.test(prefix) && !/chậm nhất\s*$/iu.test(prefix);

/** All dates the text names as possible deadlines (document references excluded). */
export function candidates(text: string, ctx: DeadlineContext): Candidate[] {
  const out: Candidate[] = [];
  /** Spans already taken (a deadline or a document reference): shorter patterns skip them. */
  const taken: { start: number; end: number }[] = [];
  const ref = ctx.reference;
  const anchor = ctx.issuedOn ?? ctx.reference;
  const add = (start: number, end: number, period: Period | null): void => {
    if (taken.some((c) => c.start < end && start < c.end)) return;
    const before = text.slice(Math.max(0, start - 80), start);
    if (
      REFERENCE_BEFORE.test(/^ngày\s/iu.test(text.slice(start)) ? `${before}ngày ` : before) ||
      (/[\p{L}\d]$/u.test(before) && /^\d/u.test(text.slice(start)))
    ) {
      taken.push({ start, end });
      return;
    }
    if (!period) return;
    taken.push({ start, end });
    // "trong năm 2025" before a meeting in 2026 names a past period (findings), not a deadline.
    if (ref && period.first !== period.last && compareCivil(period.last, ref) < 0) return;
    if (NOT_A_DEADLINE_BEFORE.test(before.slice(-30))) return;
    const strict = isBefore(before.slice(-20));
    const due = strict ? addDays(period.first, -1) : period.last;
    const strictNote = strict && !period.note?.includes('trước') ? strictBeforeNote(due) : null;
    const notes = [period.note, strictNote];
    out.push({
      start,
      end,
      due,
      cued:
        CUE.test(before.slice(-30)) ||
        RECIPIENT_CUE.test(before.slice(-60)) ||
        /^(?:đầu|giữa|cuối|trong|trước|hết)\s/iu.test(text.slice(start, end)),
      note: notes.filter((n) => n !== null && n !== undefined).join('; ') || null,
    });
  };
  const scan = (re: string, toPeriod: (m: RegExpExecArray) => Period | null): void => {
    for (const m of text.matchAll(new RegExp(re, 'giu'))) {
      add(m.index, m.index + m[0].length, toPeriod(m));
    }
  };
  const n = (m: RegExpExecArray, i: number): number => Number(m[i]);

  // Full dates: 22/01/2026, 22-01-2026, 22.01.2026, ngày 22 tháng 01 năm 2026.
  scan(`(?<![\\d/.-])${D}\\s*([/.-])\\s*${D}\\s*\\2\\s*${YEAR}`, (m) =>
    day(validDate(n(m, 4), n(m, 3), n(m, 1))),
  );
  scan(`ngày\\s+${D}\\s+tháng\\s+${D}\\s+năm\\s+${YEAR}`, (m) =>
    day(validDate(n(m, 3), n(m, 2), n(m, 1))),
  );
  // Halves and nine months: "6 tháng đầu năm 2026" → 30/06.
  const half = (part: string, months: number, y: number): Period | null => {
    if (part.toLowerCase() === 'cuối') {
      return { first: makeCivilDate(y, 7, 1), last: makeCivilDate(y, 12, 31) };
    }
    const last = month(y, months === 6 ? 6 : 9);
    return last ? { first: makeCivilDate(y, 1, 1), last: last.last } : null;
  };
  scan(`(?<![\\d])(6|9)\\s+tháng\\s+(đầu|cuối)\\s+năm\\s+${YEAR}`, (m) =>
    y2k(n(m, 3)) ? half(m[2]!, n(m, 1), n(m, 3)) : null,
  );
  scan(`(?<![\\d])(6|9)\\s+tháng\\s+(đầu|cuối)\\s+năm(?!\\s*(?:\\d|nay|sau|tới))`, (m) =>
    inferred(ref, (y) => half(m[2]!, n(m, 1), y)),
  );
  // Months: "tháng 02 năm 2026", "tháng 02/2026", "T2/2026", "cuối tháng 3/2026", "giữa tháng 3/2026".
  const inMonth = (part: string | undefined, y: number, mo: number): Period | null => {
    const p = month(y, mo);
    if (!p) return null;
    const which = part?.toLowerCase();
    if (which === 'đầu') return day(p.first);
    if (which === 'giữa') return day(makeCivilDate(y, mo, 15));
    return p;
  };
  scan(`(?:(đầu|giữa|cuối)\\s+)?(?:tháng|(?<![\\p{L}])T)\\s*${D}\\s*(?:năm|/|-)\\s*${YEAR}`, (m) =>
    inMonth(m[1], n(m, 3), n(m, 2)),
  );
  // Relative months and years: "tháng 01 năm sau", "trong tháng này", "trong năm nay".
  scan(`tháng\\s+${D}\\s+năm\\s+(sau|tới|nay)`, (m) =>
    ref ? month(yearOf(ref) + (m[2]!.toLowerCase() === 'nay' ? 0 : 1), n(m, 1)) : null,
  );
  scan(`(?:(đầu|giữa|cuối)\\s+)?tháng\\s+(này|tới|sau)`, (m) => {
    if (!anchor) return null;
    const first = addDays(month(yearOf(anchor), Number(anchor.slice(5, 7)))!.last, 1);
    const target = m[2]!.toLowerCase() === 'này' ? anchor : first;
    return inMonth(m[1], yearOf(target), Number(target.slice(5, 7)));
  });
  scan(`(?:(trong|cuối|hết|đầu)\\s+)năm\\s+(nay|sau|tới)`, (m) => {
    if (!anchor) return null;
    const y = yearOf(anchor) + (m[2]!.toLowerCase() === 'nay' ? 0 : 1);
    return m[1]!.toLowerCase() === 'đầu' ? day(makeCivilDate(y, 1, 1)) : year(y);
  });
  // Quarters: "quý II năm 2026", "Quý II/2026", "quý 2 năm 2026", "Q2/2026"; "quý I" (year inferred).
  scan(`(?:quý|(?<![\\p{L}])Q)\\s*(IV|III|II|I|[1-4])\\s*(?:năm|/|-)\\s*${YEAR}`, (m) => {
    const q = QUARTER[m[1]!.toLowerCase()];
    return q ? quarter(n(m, 2), q) : null;
  });
  scan(`(?:quý|(?<![\\p{L}])Q)\\s*(IV|III|II|I|[1-4])(?![\\p{L}\\d/])`, (m) => {
    const q = QUARTER[m[1]!.toLowerCase()];
    return q ? inferred(ref, (y) => quarter(y, q)) : null;
  });
  // Years: "trong năm 2026", "cuối năm 2026", "đầu năm 2027" (1 January, soft); "trước năm 2027".
  scan(`(?:(trong|cuối|hết|đầu|trước|giữa)\\s+)?năm\\s+${YEAR}`, (m) => {
    const which = m[1]?.toLowerCase();
    if (!which) return null; // a bare "năm 2026" names a period, not a deadline
    const y = n(m, 2);
    if (which === 'đầu') return day(validDate(y, 1, 1));
    if (which === 'giữa') return day(validDate(y, 6, 30));
    return year(y);
  });
  // Tết and weeks.
  scan(
    `Tết(?:\\s+(Nguyên\\s+đán|Âm\\s+lịch|Dương\\s+lịch))?(?:\\s+(?:Bính Ngọ|Đinh Mùi|Mậu Thân|Kỷ Dậu|Canh Tuất))?(?![\\p{L}])`,
    (m) => {
      if (!/trước\s*$/iu.test(text.slice(Math.max(0, m.index - 10), m.index))) return null;
      const d = beforeTet(ctx, !/dương/iu.test(m[1] ?? ''));
      return d
        ? {
            first: addDays(d, 1),
            last: d,
            note: `"trước Tết" hiểu là ngày làm việc cuối trước kỳ nghỉ (${formatVnDate(d)})`,
          }
        : null;
    },
  );
  scan(`(?<![\\p{L}])tuần\\s+(này|sau|tới)`, (m) => {
    if (!anchor) return null;
    const f = fridayOf(anchor, m[1]!.toLowerCase() === 'này' ? 0 : 1);
    return { first: f, last: f, note: `"${m[0]}" hiểu là thứ Sáu ${formatVnDate(f)}` };
  });
  // Year-less dates and months, resolved against the meeting: "trước 30/6", "trong tháng 3".
  scan(`(?<![\\d/.])${D}\\s*/\\s*${D}(?![\\d/])`, (m) =>
    inferred(ref, (y) => day(validDate(y, n(m, 2), n(m, 1)))),
  );
  scan(`ngày\\s+${D}\\s+tháng\\s+${D}(?!\\s*(?:năm|/|-|\\d))`, (m) =>
    inferred(ref, (y) => day(validDate(y, n(m, 2), n(m, 1)))),
  );
  scan(`(?:(đầu|giữa|cuối|trong|trước|hết|đến)\\s+)tháng\\s+${D}(?!\\s*(?:năm|/|-|\\d))`, (m) =>
    inferred(ref, (y) => inMonth(m[1], y, n(m, 2))),
  );
  return out.sort((a, b) => a.start - b.start);
}

const PHRASE_LEAD =
  /(?:chậm nhất(?:\s+(?:vào|là))?|không muộn hơn|đến hết|hạn chót(?:\s+là)?|từ nay đến hết|hoàn thành trước|trước|trong(?:\s+dịp)?|vào|cuối|đầu|giữa|đến)\s+(?:ngày\s+)?$/iu;

/** The cue and the date as written ("chậm nhất ngày 22/01/2026", "trong tháng 01 năm 2026"). */
export function phraseOf(text: string, c: Candidate): string {
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  const lead = PHRASE_LEAD.exec(before);
  const start = lead ? c.start - lead[0].length : c.start;
  return text
    .slice(start, c.end)
    .replace(/\s*([/.-])\s*(?=\d)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
