import type { RecurrenceFrequency } from '../reminders/recurrence';
import type { DeadlineResult } from './deadline-context';

const RECURRING: [RegExp, RecurrenceFrequency, number?][] = [
  [/(?:hằng|hàng|mỗi)\s+tuần|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?tuần/iu, 'weekly'],
  [/(?:hằng|hàng|mỗi)\s+tháng|định\s+kỳ\s+tháng/iu, 'monthly'],
  [/(?:hằng|hàng|mỗi)\s+quý|định\s+kỳ\s+quý|tháng\s+(?:cuối|đầu)\s+(?:mỗi\s+)?quý/iu, 'quarterly'],
  [
    /định\s+kỳ\s+(?:06|6|sáu)\s+tháng|(?:06|6|sáu)\s+tháng\s+(?:một|1)\s+lần|báo\s+cáo\s+(?:định\s+kỳ\s+)?(?:06|6|sáu)\s+tháng(?!\s*(?:đầu|cuối|năm|\/|-|\d))/iu,
    'monthly',
    6,
  ],
  [/(?:hằng|hàng|mỗi)\s+năm|định\s+kỳ\s+năm/iu, 'yearly'],
];
const WEEKDAY: Record<string, number> = { hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6 };
const QUARTER_FIRST_MONTH = /tháng\s+(?:đầu|thứ\s+nhất)(?:\s+tiên)?\s+(?:của\s+)?(?:mỗi\s+)?quý/iu;
/**
 * The months in which a period ends when they differ from the frequency's own (Recurrence.months);
 * undefined for the default, so that such deadlines are stored as before months existed.
 */
function monthsOf(
  text: string,
  frequency: RecurrenceFrequency,
  interval: number | undefined,
  yearlyMonth: number | undefined,
  dated: readonly number[] | undefined,
): number[] | undefined {
  if (dated !== undefined) {
    return frequency === 'quarterly' && dated.join() === '3,6,9,12' ? undefined : [...dated];
  }
  if (frequency === 'monthly' && interval === 6) return [6, 12];
  if (frequency === 'quarterly' && QUARTER_FIRST_MONTH.test(text)) return [1, 4, 7, 10];
  if (frequency === 'yearly' && yearlyMonth !== undefined && yearlyMonth !== 12) {
    return [yearlyMonth];
  }
  return undefined;
}

/** "trước ngày 15/6 và 15/12": one day in each period's month, read strictly like other dates. */
const PERIOD_DATES =
  /(trước\s+)?(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}(?![\d/])(?:\s*(?:,|và)\s*(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}(?![\d/]))+/iu;

/** The day and months of a half-yearly or quarterly report dated in each period, or null. */
function periodDates(
  text: string,
  periods: number,
): { day: number; months: number[]; at: number; end: number } | null {
  const m = PERIOD_DATES.exec(text);
  if (!m) return null;
  const dates = [...m[0].matchAll(/(\d{1,2})\s*\/\s*(\d{1,2})/gu)].map((d) => {
    const day = Number(d[1]) - (m[1] ? 1 : 0);
    const month = Number(d[2]);
    // "trước ngày 1/7" is the end of June, as for a yearly date.
    return day === 0 ? { day: 31, month: month === 1 ? 12 : month - 1 } : { day, month };
  });
  const months = [...new Set(dates.map((d) => d.month))].sort((a, b) => a - b);
  const day = dates[0]!.day;
  const valid =
    dates.every((d) => d.day === day && d.month >= 1 && d.month <= 12) &&
    day >= 1 &&
    day <= 31 &&
    months.length === periods;
  return valid ? { day, months, at: m.index, end: m.index + m[0].length } : null;
}

export function recurring(text: string, preferDate: boolean): DeadlineResult | null {
  for (const [re, frequency, interval] of RECURRING) {
    const m = re.exec(text);
    if (!m) continue;
    // "kế hoạch hằng năm … trình trước 31/3/2026": a dated task that mentions a period.
    const periodic =
      /định\s+kỳ/iu.test(text.slice(Math.max(0, m.index - 20), m.index + m[0].length)) ||
      /(?:báo cáo|giao ban|họp|tổng hợp|cập nhật)[^,;.]{0,30}$/iu.test(text.slice(0, m.index)) ||
      /^\s*,?\s*(?:báo cáo|tổng hợp)/iu.test(text.slice(m.index + m[0].length)) ||
      // "trước ngày 31/3 hằng năm": the date is the recurrence's own.
      /(?:ngày|hạn)\s+\d{1,2}(?:\s*\/\s*\d{1,2})?\s*$/iu.test(text.slice(0, m.index));
    if (preferDate && !periodic) return null;
    const dayMatch =
      /(trước\s+)?(?:ngày|hạn)\s+(\d{1,2})(?!\s*[/.-]\s*\d)(?!\s+tháng\s+\d)(?![\d])/iu.exec(text);
    const weekday = /thứ\s+(hai|ba|tư|năm|sáu|bảy)/iu.exec(text);
    const yearlyDate = /(trước\s+)?(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/iu.exec(text);
    const dated =
      interval === 6
        ? periodDates(text, 2)
        : frequency === 'quarterly'
          ? periodDates(text, 4)
          : null;
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
      monthNo = Number(yearlyDate[3]);
      // "trước ngày 1/4" is the end of March; a day past the month's end is capped by the engine.
      if (d === 0) monthNo = monthNo === 1 ? 12 : monthNo - 1;
      dayNo = d === 0 ? 31 : d;
      phraseStart = Math.min(phraseStart, yearlyDate.index);
      phraseEnd = Math.max(phraseEnd, yearlyDate.index + yearlyDate[0].length);
    } else if (dated) {
      dayNo = dated.day;
      phraseStart = Math.min(phraseStart, dated.at);
      phraseEnd = Math.max(phraseEnd, dated.end);
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
    const validMonth = monthNo !== undefined && monthNo >= 1 && monthNo <= 12 ? monthNo : undefined;
    const months = monthsOf(text, frequency, interval, validMonth, dated?.months);
    return {
      deadline: {
        kind: 'recurring',
        frequency,
        ...(dayNo !== undefined ? { day: dayNo } : {}),
        ...(validMonth !== undefined ? { month: validMonth } : {}),
        ...(interval !== undefined ? { interval } : {}),
        ...(months !== undefined ? { months } : {}),
        phrase,
      },
      vague: false,
      notes: [],
      event: null,
    };
  }
  return null;
}
