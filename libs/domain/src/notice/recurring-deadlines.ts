import type { DeadlineResult } from './deadline-context';

type Frequency = 'weekly' | 'monthly' | 'quarterly' | 'yearly';
const RECURRING: [RegExp, Frequency, number?][] = [
  [/(?:hằng|hàng|mỗi)\s+tuần|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?tuần/iu, 'weekly'],
  [/(?:hằng|hàng|mỗi)\s+tháng|định\s+kỳ\s+tháng/iu, 'monthly'],
  [/(?:hằng|hàng|mỗi)\s+quý|định\s+kỳ\s+quý|tháng\s+(?:cuối|đầu)\s+(?:mỗi\s+)?quý/iu, 'quarterly'],
  [/định\s+kỳ\s+(?:06|6)\s+tháng|(?:06|6)\s+tháng\s+(?:một|1)\s+lần/iu, 'monthly', 6],
  [/(?:hằng|hàng|mỗi)\s+năm|định\s+kỳ\s+năm/iu, 'yearly'],
];
const WEEKDAY: Record<string, number> = { hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6 };

export function recurring(text: string, preferDate: boolean): DeadlineResult | null {
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
