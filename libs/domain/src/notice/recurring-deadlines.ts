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
): number[] | undefined {
  if (frequency === 'monthly' && interval === 6) return [6, 12];
  if (frequency === 'quarterly' && QUARTER_FIRST_MONTH.test(text)) return [1, 4, 7, 10];
  if (frequency === 'yearly' && yearlyMonth !== undefined && yearlyMonth !== 12) {
    return [yearlyMonth];
  }
  return undefined;
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
    const months = monthsOf(text, frequency, interval, validMonth);
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
