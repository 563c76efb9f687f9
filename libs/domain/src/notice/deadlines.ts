import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  addDays,
  compareCivil,
  type CivilDate,
  dayOfWeek,
  formatVnDate,
  civilDateOrNull,
  lastDayOfMonth,
  makeCivilDate,
} from '../time/civil-date';
import type { ParsedDeadline } from './types';

export interface DeadlineContext {
  /** The meeting date, else the issue date: a year-less date is the first such date not before it. */
  readonly reference: CivilDate | null;
  /** Anchor of "N ngày (làm việc) kể từ ngày ban hành/ký", "trong tuần này", "trong tháng này". */
  readonly issuedOn: CivilDate | null;
  readonly calendar: WorkingCalendar;
}

export interface DeadlineResult {
  readonly deadline: ParsedDeadline;
  /** A soft target ("phấn đấu") or urgency without a date ("khẩn trương"): a human should look. */
  readonly vague: boolean;
  /** How the deadline was read, when a human should know (year inferred, "trước ngày" …). */
  readonly notes: string[];
  /** "trước kỳ họp HĐND tỉnh": the deadline hangs on an event with no date. */
  readonly event: string | null;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly due: CivilDate;
  /** A word that says "finish by" stands right before it. */
  readonly cued: boolean;
  readonly note: string | null;
}

/** A date or period named in the text: its first and last day. */
interface Period {
  readonly first: CivilDate;
  readonly last: CivilDate;
  readonly note?: string;
}

const QUARTER: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

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

/** A date a notice could plausibly name as a deadline (2000–2100), or null. */
function validDate(y: number, m: number, d: number): CivilDate | null {
  return y < 2000 || y > 2100 ? null : civilDateOrNull(y, m, d);
}

const day = (d: CivilDate | null): Period | null => (d ? { first: d, last: d } : null);

function month(y: number, m: number): Period | null {
  const first = validDate(y, m, 1);
  return first ? { first, last: makeCivilDate(y, m, lastDayOfMonth(y, m)) } : null;
}

function quarter(y: number, q: number): Period | null {
  const first = validDate(y, q * 3 - 2, 1);
  const last = month(y, q * 3);
  return first && last ? { first, last: last.last } : null;
}

function year(y: number): Period | null {
  const first = validDate(y, 1, 1);
  return first ? { first, last: makeCivilDate(y, 12, 31) } : null;
}

const yearOf = (d: CivilDate): number => Number(d.slice(0, 4));

/**
 * A period named without its year ("30/6", "tháng 3", "quý I"): the first one whose last day is not
 * before the reference (the meeting), rolling over into the next year.
 */
function inferred(ref: CivilDate | null, make: (y: number) => Period | null): Period | null {
  if (!ref) return null;
  const y = yearOf(ref);
  const same = make(y);
  const chosen = same && compareCivil(same.last, ref) >= 0 ? same : make(y + 1);
  return chosen ? { ...chosen, note: `không ghi năm; hiểu là năm ${yearOf(chosen.last)}` } : null;
}

/** The Vietnamese lunar new year (mùng 1 Tết), 2024–2040. */
const TET: Record<number, string> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
  2036: '2036-01-28',
  2037: '2037-02-15',
  2038: '2038-02-04',
  2039: '2039-01-24',
  2040: '2040-02-12',
};

/** "trước Tết (Nguyên đán)": the last working day before the Tết break that follows the reference. */
function beforeTet(ctx: DeadlineContext, lunar: boolean): CivilDate | null {
  const ref = ctx.reference ?? ctx.issuedOn;
  if (!ref) return null;
  for (const y of [yearOf(ref), yearOf(ref) + 1]) {
    const tet = lunar ? TET[y] : makeCivilDate(y, 1, 1);
    if (!tet || compareCivil(tet, ref) < 0) continue;
    let d = addDays(tet, -1);
    for (let i = 0; i < 30 && !ctx.calendar.isWorkingDay(d); i++) d = addDays(d, -1);
    return d;
  }
  return null;
}

/** "trong tuần này/tuần sau": the Friday of that week (the working week ends on Friday). */
function fridayOf(anchor: CivilDate, weeksAhead: number): CivilDate {
  const dow = dayOfWeek(anchor); // 0 = Sunday
  const toFriday = dow === 6 ? 6 : dow === 0 ? 5 : 5 - dow;
  return addDays(anchor, toFriday + 7 * weeksAhead);
}

/** "trước ngày X" is read strictly: finished by the end of the day before X (docs/adr/0004). */
const isBefore = (prefix: string): boolean =>
  /(?<![\p{L}])trước\s*(?:ngày\s*)?$/iu.test(prefix) && !/chậm nhất\s*$/iu.test(prefix);

/** All dates the text names as possible deadlines (document references excluded). */
function candidates(text: string, ctx: DeadlineContext): Candidate[] {
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
    const strictNote =
      strict && !period.note?.includes('trước')
        ? `"trước" hiểu là hết ngày ${formatVnDate(due)}`
        : null;
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

const y2k = (y: number): boolean => y >= 2000 && y <= 2100;

const PHRASE_LEAD =
  /(?:chậm nhất(?:\s+(?:vào|là))?|không muộn hơn|đến hết|hạn chót(?:\s+là)?|từ nay đến hết|hoàn thành trước|trước|trong(?:\s+dịp)?|vào|cuối|đầu|giữa|đến)\s+(?:ngày\s+)?$/iu;

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

type Frequency = 'weekly' | 'monthly' | 'quarterly' | 'yearly';
const RECURRING: [RegExp, Frequency, number?][] = [
  [/(?:hằng|hàng|mỗi)\s+tuần|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?tuần/iu, 'weekly'],
  [/(?:hằng|hàng|mỗi)\s+tháng|định\s+kỳ\s+tháng/iu, 'monthly'],
  [/(?:hằng|hàng|mỗi)\s+quý|định\s+kỳ\s+quý|tháng\s+(?:cuối|đầu)\s+(?:mỗi\s+)?quý/iu, 'quarterly'],
  [/định\s+kỳ\s+(?:06|6)\s+tháng|(?:06|6)\s+tháng\s+(?:một|1)\s+lần/iu, 'monthly', 6],
  [/(?:hằng|hàng|mỗi)\s+năm|định\s+kỳ\s+năm/iu, 'yearly'],
];
const WEEKDAY: Record<string, number> = { hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6 };

function recurring(text: string, preferDate: boolean): DeadlineResult | null {
  for (const [re, frequency, interval] of RECURRING) {
    const m = re.exec(text);
    if (!m) continue;
    // "kế hoạch hằng năm … trình trước 31/3/2026": a dated task that mentions a period.
    const periodic =
      /định\s+kỳ/iu.test(text.slice(Math.max(0, m.index - 20), m.index + m[0].length)) ||
      /(?:báo cáo|giao ban|họp|tổng hợp|cập nhật)[^,;.]{0,30}$/iu.test(text.slice(0, m.index)) ||
      /^\s*,?\s*(?:báo cáo|tổng hợp)/iu.test(text.slice(m.index + m[0].length));
    if (preferDate && !periodic) return null;
    const dayMatch =
      /(trước\s+)?(?:ngày|hạn)\s+(\d{1,2})(?!\s*[/.-]\s*\d)(?!\s+tháng\s+\d)(?![\d])/iu.exec(text);
    const weekday = /thứ\s+(hai|ba|tư|năm|sáu|bảy)/iu.exec(text);
    const yearlyDate = /(trước\s+)?ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/iu.exec(text);
    let dayNo: number | undefined;
    let monthNo: number | undefined;
    let phraseStart = m.index;
    let phraseEnd = m.index + m[0].length;
    if (frequency === 'weekly' && weekday) {
      dayNo = WEEKDAY[weekday[1]!.toLowerCase()];
      phraseStart = Math.min(phraseStart, weekday.index);
      phraseEnd = Math.max(phraseEnd, weekday.index + weekday[0].length);
    } else if (frequency === 'yearly' && yearlyDate) {
      const d = Number(yearlyDate[2]) - (yearlyDate[1] ? 1 : 0);
      if (d >= 1) dayNo = d;
      monthNo = Number(yearlyDate[3]);
      phraseStart = Math.min(phraseStart, yearlyDate.index);
      phraseEnd = Math.max(phraseEnd, yearlyDate.index + yearlyDate[0].length);
    } else if (frequency !== 'weekly' && dayMatch) {
      const d = Number(dayMatch[2]) - (dayMatch[1] ? 1 : 0);
      if (d >= 1 && d <= 31) dayNo = d;
      phraseStart = Math.min(phraseStart, dayMatch.index);
      phraseEnd = Math.max(phraseEnd, dayMatch.index + dayMatch[0].length);
    }
    const lead = /định\s+kỳ\s*,?\s*$/iu.exec(text.slice(0, phraseStart));
    if (lead) phraseStart -= lead[0].length;
    const tail =
      /^\s+(?:(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm)|của\s+tháng\s+(?:cuối|đầu)\s+quý)/iu.exec(
        text.slice(phraseEnd),
      );
    if (tail) phraseEnd += tail[0].length;
    const phrase = text.slice(phraseStart, phraseEnd).replace(/\s+/g, ' ').trim();
    return {
      deadline: {
        kind: 'recurring',
        frequency,
        ...(dayNo !== undefined ? { day: dayNo } : {}),
        ...(monthNo !== undefined && monthNo >= 1 && monthNo <= 12 ? { month: monthNo } : {}),
        ...(interval !== undefined ? { interval } : {}),
        phrase,
      },
      vague: false,
      notes: [],
      event: null,
    };
  }
  return null;
}

const RELATIVE =
  /(?:(?:trong(?:\s+(?:thời\s+hạn|thời\s+gian|vòng))?|chậm\s+nhất|không\s+quá|sau)\s+)?(\d{1,3})\s+(ngày|tháng)(\s+làm\s+việc)?\s*,?\s*(?:(?:kể|tính)\s+từ|sau)\s+(?:khi\s+)?(?:ngày\s+)?([^,;.]*)/iu;
const RELATIVE_BARE =
  /(?:trong(?:\s+(?:thời\s+hạn|thời\s+gian|vòng))?|chậm\s+nhất(?:\s+trong)?)\s+(\d{1,3})\s+ngày(\s+làm\s+việc)?(?![\p{L}\d]*\s*(?:\/|kể|tính|sau))/iu;
const FROM_ISSUE =
  /(?:ban\s+hành|ký|phát\s+hành|nhận\s+được)[^,;.]*(?:thông\s+báo|văn\s+bản|kết\s+luận)|(?:thông\s+báo|văn\s+bản|kết\s+luận)\s+này|^(?:ngày\s+)?(?:ban\s+hành|ký|phát\s+hành)\s*$/iu;

function addMonths(d: CivilDate, months: number): CivilDate {
  const total = yearOf(d) * 12 + Number(d.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return makeCivilDate(y, m, Math.min(Number(d.slice(8, 10)), lastDayOfMonth(y, m)));
}

function relative(text: string, ctx: DeadlineContext): DeadlineResult | null {
  const rel = RELATIVE.exec(text);
  if (rel) {
    const count = Number(rel[1]);
    const months = rel[2]!.toLowerCase() === 'tháng';
    const workingDays = rel[3] !== undefined;
    const from = rel[4]!.trim();
    const phrase = rel[0].trim();
    if (FROM_ISSUE.test(from) && ctx.issuedOn) {
      const due = months
        ? addMonths(ctx.issuedOn, count)
        : workingDays
          ? ctx.calendar.addWorkingDays(ctx.issuedOn, count)
          : addDays(ctx.issuedOn, count);
      const notes = /nhận\s+được/iu.test(from)
        ? [`ngày nhận văn bản chưa biết; tạm tính từ ngày ban hành ${formatVnDate(ctx.issuedOn)}`]
        : [];
      return { deadline: { kind: 'date', due, phrase }, vague: false, notes, event: null };
    }
    return {
      deadline: {
        kind: 'relative',
        days: months ? count * 30 : count,
        workingDays,
        from: from || 'ngày ban hành',
        phrase,
      },
      vague: false,
      notes: [],
      event: null,
    };
  }
  const bare = RELATIVE_BARE.exec(text);
  if (bare) {
    const count = Number(bare[1]);
    const workingDays = bare[2] !== undefined;
    const phrase = bare[0].trim();
    if (ctx.issuedOn) {
      const due = workingDays
        ? ctx.calendar.addWorkingDays(ctx.issuedOn, count)
        : addDays(ctx.issuedOn, count);
      return {
        deadline: { kind: 'date', due, phrase },
        vague: false,
        notes: [`"${phrase}" không nêu mốc; tính từ ngày ban hành ${formatVnDate(ctx.issuedOn)}`],
        event: null,
      };
    }
    return {
      deadline: { kind: 'relative', days: count, workingDays, from: 'ngày ban hành', phrase },
      vague: false,
      notes: [],
      event: null,
    };
  }
  return null;
}

/** "trước kỳ họp HĐND tỉnh", "ngay sau khi Hội nghị kết thúc": no computable date. */
const EVENT =
  /(?:ngay\s+sau\s+khi|sau\s+khi|trước\s+khi|trước(?=\s+(?:kỳ\s+họp|phiên\s+họp|hội\s+nghị|đại\s+hội|lễ|ngày\s+khai|mùa|thời\s+điểm|đợt)))\s+[^,;.]{3,60}?(?=\s*(?:[,;.()]|$)|\s+(?:trước|chậm nhất|trong|hoàn thành|trình|báo cáo|xong|để)\s)/iu;

/** The deadline of one directive: the date it must be finished by, or why there is none. */
export function parseDeadline(text: string, ctx: DeadlineContext): DeadlineResult {
  const event = EVENT.exec(text);
  // "trước kỳ họp thường lệ giữa năm 2026": the date belongs to the event, not to the directive.
  const found = candidates(text, ctx).filter(
    (c) => !event || c.start < event.index || c.start >= event.index + event[0].length,
  );
  const cued = found.filter((c) => c.cued);
  const rec = recurring(text, cued.length > 0);
  if (rec) return rec;

  const rel = relative(text, ctx);
  if (rel && (cued.length === 0 || rel.deadline.kind === 'date')) return rel;

  if (found.length > 0) {
    // Several dates: the directive is finished by the latest "finish by" date.
    // Without a cue, the date nearest the end of the sentence, where Vietnamese puts deadlines.
    const chosen =
      cued.length > 0
        ? cued.reduce((a, b) => (compareCivil(b.due, a.due) >= 0 ? b : a))
        : found.at(-1)!;
    return {
      deadline: { kind: 'date', due: chosen.due, phrase: phraseOf(text, chosen) },
      vague: /phấn đấu/iu.test(text),
      notes: chosen.note ? [chosen.note] : [],
      event: null,
    };
  }
  if (rel) return rel;
  if (event) {
    const phrase = event[0].trim();
    return { deadline: { kind: 'none', phrase }, vague: false, notes: [], event: phrase };
  }
  if (/thường xuyên|liên tục|(?<![\p{L}])duy trì(?![\p{L}])/iu.test(text)) {
    return {
      deadline: { kind: 'none', phrase: 'thường xuyên' },
      vague: false,
      notes: [],
      event: null,
    };
  }
  return {
    deadline: { kind: 'none' },
    vague: /khẩn trương|(?<![\p{L}])ngay(?![\p{L}])/iu.test(text),
    notes: [],
    event: null,
  };
}
