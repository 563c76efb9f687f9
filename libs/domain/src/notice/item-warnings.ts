import { unknownHolidaysNote, type WorkingCalendar } from '../calendar/working-calendar';
import { isAnotherName } from './agencies';
import { civilParts, formatVnDate } from '../time/civil-date';
import { strictBeforeNote } from './date-candidates';
import type { DeadlineContext, DeadlineResult } from './deadline-context';
import type { ParsedItem } from './types';

export function warningsOf(
  item: ParsedItem,
  result: DeadlineResult,
  unknown: readonly string[],
  ctx: DeadlineContext,
  calendar: WorkingCalendar,
  alsoLead: readonly string[] = [],
  leadGroup: string | null = null,
): string[] {
  const at = `Mục ${item.code}`;
  const out: string[] = [];
  if (item.lead.length === 0) {
    out.push(`${at}: chưa xác định cơ quan chủ trì; cần giao trước khi xác nhận.`);
  }
  for (const name of unknown) {
    // An unknown lead leaves the item without one: say what to do.
    const todo = item.lead.includes(name) ? '; hãy chọn cơ quan chủ trì trong danh mục' : '';
    out.push(`${at}: "${name}" không có trong danh mục cơ quan${todo}.`);
  }
  for (const name of alsoLead) {
    out.push(
      `${at}: "${name}" vừa chủ trì vừa được nêu là cơ quan phối hợp; chỉ giữ vai trò chủ trì.`,
    );
  }
  if (leadGroup !== null && item.lead.length > 0) {
    out.push(
      `${at}: "${leadGroup}" là nhiều cơ quan, không có trong danh mục nên chưa được giao; chỉ giao cho ${item.lead.join(', ')}. Một nhiệm vụ có một cơ quan chủ trì: để giao cả các cơ quan này, hãy thêm nhiệm vụ cho từng cơ quan (nút “Thêm nhiệm vụ”).`,
    );
  }
  // A merged or renamed agency ("UBND các huyện" read as "UBND các xã, phường"): say so.
  for (const { name, phrase } of item.agencyPhrases ?? []) {
    if (!unknown.includes(name) && isAnotherName(phrase, name)) {
      out.push(`${at}: "${phrase}" được hiểu là "${name}"; cần kiểm tra lại.`);
    }
  }
  const d = item.deadline;
  const legal = d.kind === 'date' ? calendar.legalDueDate(d.due) : null;
  // "trước ngày 15/3" read as the end of the 14th, a day off: one note that says both, not two
  // that seem to disagree (the 14th, then the 16th).
  const strict = d.kind === 'date' ? strictBeforeNote(d.due) : null;
  const movedStrict = legal !== null && d.kind === 'date' && legal !== d.due;
  for (const note of result.notes) {
    if (movedStrict && note === strict) continue;
    out.push(`${at}: ${note}`);
  }
  if (d.kind === 'date' && legal !== null) {
    if (legal !== d.due) {
      out.push(
        result.notes.includes(strict ?? '')
          ? `${at}: "trước" hiểu là hết ngày ${formatVnDate(d.due)}, là ngày nghỉ; theo luật hạn chuyển sang hết ngày làm việc kế tiếp, ${formatVnDate(legal)}.`
          : `${at}: hạn ${formatVnDate(d.due)} rơi vào ngày nghỉ; theo luật hạn chuyển sang hết ngày ${formatVnDate(legal)}.`,
      );
    }
    if (ctx.issuedOn && d.due < ctx.issuedOn) {
      out.push(`${at}: hạn ${formatVnDate(d.due)} trước ngày ban hành thông báo; cần kiểm tra.`);
    } else if (ctx.reference && d.due < ctx.reference) {
      out.push(`${at}: hạn ${formatVnDate(d.due)} trước ngày họp; cần kiểm tra.`);
    }
    if (result.vague) out.push(`${at}: "${d.phrase}" là mục tiêu phấn đấu; cần xác nhận hạn.`);
    // The literal date, the legal one (31/12/2028 moves into 2029) and the start counted from.
    const dates = [d.due, legal, result.countedFrom];
    const years = new Set(dates.map((x) => (x ? civilParts(x).year : 0)));
    for (const year of years) {
      const note = year > 0 ? unknownHolidaysNote(calendar, year) : null;
      if (note) out.push(`${at}: ${note}`);
    }
  } else if (d.kind === 'none' && result.vague) {
    out.push(`${at}: yêu cầu khẩn trương nhưng không nêu thời hạn; cần xác định hạn.`);
  } else if (d.kind === 'none' && result.event) {
    out.push(`${at}: thời hạn gắn với sự kiện "${result.event}" chưa có ngày; cần nhập hạn.`);
  } else if (d.kind === 'relative' && result.notes.length === 0) {
    out.push(`${at}: thời hạn tính từ "${d.from}" (chưa có ngày cụ thể); cần nhập hạn.`);
  } else if (d.kind === 'recurring') {
    out.push(`${at}: nhiệm vụ định kỳ (${d.phrase}); cần xác nhận lịch báo cáo.`);
  }
  return out;
}
