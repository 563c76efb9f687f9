import { compareCivil } from '../time/civil-date';
import { candidates, phraseOf } from './date-candidates';
import type { DeadlineContext, DeadlineResult } from './deadline-context';
import { recurring } from './recurring-deadlines';
import { relative } from './relative-deadlines';

export type { DeadlineContext, DeadlineResult } from './deadline-context';

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
