import { addDays, formatVnDate } from '../time/civil-date';
import type { DeadlineContext, DeadlineResult } from './deadline-context';
import { addMonths } from './periods';

const RELATIVE =
  /(?:(?:trong(?:\s+(?:thời\s+hạn|thời\s+gian|vòng))?|chậm\s+nhất|không\s+quá|sau)\s+)?(\d{1,3})\s+(ngày|tháng)(\s+làm\s+việc)?\s*,?\s*(?:(?:kể|tính)\s+từ|sau)\s+(?:khi\s+)?(?:ngày\s+)?([^,;.]*)/iu;
const RELATIVE_BARE =
  /(?:trong(?:\s+(?:thời\s+hạn|thời\s+gian|vòng))?|chậm\s+nhất(?:\s+trong)?)\s+(\d{1,3})\s+ngày(\s+làm\s+việc)?(?![\p{L}\d]*\s*(?:\/|kể|tính|sau))/iu;
const FROM_ISSUE =
  /(?:ban\s+hành|ký|phát\s+hành|nhận\s+được)[^,;.]*(?:thông\s+báo|văn\s+bản|kết\s+luận)|(?:thông\s+báo|văn\s+bản|kết\s+luận)\s+này|^(?:ngày\s+)?(?:ban\s+hành|ký|phát\s+hành)\s*$/iu;

export function relative(text: string, ctx: DeadlineContext): DeadlineResult | null {
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
