import { addDays, type CivilDate, formatVnDate } from '../time/civil-date';
import type { DeadlineContext, DeadlineResult } from './deadline-context';
import { addMonths, validDate, yearOf } from './periods';

/** "trong thời hạn 10 ngày làm việc kể từ ngày …": the count, then what it counts from. */
const RELATIVE =
  /(?:(?:trong(?:\s+(?:thời\s+hạn|thời\s+gian|vòng))?|chậm\s+nhất|không\s+quá|sau)\s+)?(\d{1,3})\s+(ngày|tháng)(\s+làm\s+việc)?\s*,?\s*(?:(?:kể|tính)\s+từ|sau)\s+(?:khi\s+)?(?:ngày\s+)?/iu;
const RELATIVE_BARE =
  /(?:trong(?:\s+(?:thời\s+hạn|thời\s+gian|vòng))?|chậm\s+nhất(?:\s+trong)?)\s+(\d{1,3})\s+ngày(\s+làm\s+việc)?(?![\p{L}\d]*\s*(?:\/|kể|tính|sau))/iu;
/**
 * The notice itself: "ký (ban hành) Thông báo này", "ban hành", "nhận được văn bản này"; not
 * another document ("ban hành văn bản số 12/UBND").
 */
const FROM_ISSUE =
  /^(?:(?:ký\s+)?(?:ban\s+hành|ký|phát\s+hành|nhận\s+được)(?:\s+(?:thông\s+báo|văn\s+bản|kết\s+luận)(?:\s+(?:kết\s+luận|này))*(?!\s+số(?![\p{L}]))|(?=\s*(?:[,;.()]|$)))|(?:thông\s+báo|văn\s+bản|kết\s+luận)\s+này(?![\p{L}]))/iu;
const START_DATE =
  /^(?:(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(20\d\d))?|(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(20\d\d))?)(?!\d|[/.-]\d)/iu;

type Anchor =
  | { kind: 'date'; date: CivilDate; text: string; note: string | null }
  | { kind: 'issue'; text: string }
  | { kind: 'event'; text: string };

/** What "kể từ ngày …" names: a date, the notice, or an event with no date. */
function anchorOf(rest: string, ctx: DeadlineContext): Anchor | null {
  const d = START_DATE.exec(rest);
  if (d) {
    const [dd, mm, yy] = d[1] ? [d[1], d[3], d[4]] : [d[5], d[6], d[7]];
    // A start without its year is in the year of the meeting: starts lie behind, not ahead.
    const y = yy ? Number(yy) : ctx.reference ? yearOf(ctx.reference) : null;
    const date = y === null ? null : validDate(y, Number(mm), Number(dd));
    if (!date) return null;
    const note = yy ? null : `mốc "${d[0]}" không ghi năm; hiểu là năm ${y}`;
    return { kind: 'date', date, text: d[0], note };
  }
  const issue = FROM_ISSUE.exec(rest);
  if (issue) return { kind: 'issue', text: issue[0].trim() };
  return { kind: 'event', text: (/^[^,;.]*/u.exec(rest)?.[0] ?? '').trim() };
}

type Unit = 'days' | 'working-days' | 'months';

/** N days, working days (the N-th working day after `start`) or months from `start`. */
function countFrom(ctx: DeadlineContext, start: CivilDate, count: number, unit: Unit): CivilDate {
  if (unit === 'months') return addMonths(start, count);
  return unit === 'working-days'
    ? ctx.calendar.addWorkingDays(start, count)
    : addDays(start, count);
}

export function relative(text: string, ctx: DeadlineContext): DeadlineResult | null {
  const rel = RELATIVE.exec(text);
  const anchor = rel ? anchorOf(text.slice(rel.index + rel[0].length), ctx) : null;
  if (rel && anchor) {
    const count = Number(rel[1]);
    const months = rel[2]!.toLowerCase() === 'tháng';
    const workingDays = rel[3] !== undefined;
    const unit: Unit = months ? 'months' : workingDays ? 'working-days' : 'days';
    const phrase = `${rel[0]}${anchor.text}`.replace(/\s+/g, ' ').trim();
    const start =
      anchor.kind === 'date' ? anchor.date : anchor.kind === 'issue' ? ctx.issuedOn : null;
    if (start) {
      const notes =
        anchor.kind === 'date'
          ? anchor.note
            ? [anchor.note]
            : []
          : /nhận\s+được/iu.test(anchor.text)
            ? [`ngày nhận văn bản chưa biết; tạm tính từ ngày ban hành ${formatVnDate(start)}`]
            : [];
      return {
        deadline: { kind: 'date', due: countFrom(ctx, start, count, unit), phrase },
        vague: false,
        notes,
        event: null,
        countedFrom: start,
      };
    }
    return {
      deadline: {
        kind: 'relative',
        days: months ? count * 30 : count,
        workingDays,
        from: anchor.text || 'ngày ban hành',
        phrase,
      },
      vague: false,
      notes:
        anchor.kind === 'issue'
          ? [`thông báo không ghi ngày ban hành nên chưa tính được hạn "${phrase}"; cần nhập hạn.`]
          : [],
      event: null,
    };
  }
  const bare = RELATIVE_BARE.exec(text);
  if (bare) {
    const count = Number(bare[1]);
    const workingDays = bare[2] !== undefined;
    const phrase = bare[0].trim();
    if (ctx.issuedOn) {
      const due = countFrom(ctx, ctx.issuedOn, count, workingDays ? 'working-days' : 'days');
      return {
        deadline: { kind: 'date', due, phrase },
        vague: false,
        notes: [`"${phrase}" không nêu mốc; tính từ ngày ban hành ${formatVnDate(ctx.issuedOn)}`],
        event: null,
        countedFrom: ctx.issuedOn,
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
