import { type CivilDate, civilDateOrNull } from '../time/civil-date';
import { collapse } from './normalize';
import type { ParsedNotice } from './types';

const DATE_NUM = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(20\d\d)/u;
const DATE_WORDS = /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(20\d\d)/u;
const ANY_DATE = new RegExp(`(?:${DATE_NUM.source}|${DATE_WORDS.source})`, 'u');
/** A person's name: 2–5 capitalised syllables, not a title ("Phó Chủ tịch", "Giám đốc"). */
const NAME =
  '((?!(?:Phó|Chủ|Trưởng|Giám|Bí|Chánh|Ủy|Uỷ|Thành|Thường|Lãnh|Đại|Tổng)\\s)\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,4})';
const PERSON = new RegExp(`(?:đồng chí|đ/c|Đồng chí|ông|bà|Ông|Bà)\\s+${NAME}`, 'u');

/** "đồng chí Phó Chủ tịch UBND tỉnh Nguyễn Cảnh Toàn". */
const PERSON_AFTER_ROLE = new RegExp(
  `(?:đồng chí|Đồng chí)\\s+(?:Phó\\s+)?Chủ tịch\\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+tỉnh\\s+${NAME}`,
  'u',
);

const civil = (y: string, m: string, d: string): CivilDate | null =>
  civilDateOrNull(Number(y), Number(m), Number(d));

function dateOf(m: RegExpExecArray | null): CivilDate | null {
  if (!m) return null;
  return m[1] ? civil(m[3]!, m[2]!, m[1]) : civil(m[6]!, m[5]!, m[4]!);
}

export function headerOf(header: readonly string[]): ParsedNotice['notice'] {
  const head = header.join('\n');
  const number =
    /(?<![\p{L}])Số\s*:?\s*(\d+\s*\/\s*[\p{L}\d][\p{L}\d/.-]*)/u
      .exec(head)?.[1]
      ?.replace(/\s+/g, '') ??
    /(?<![\p{L}])Số\s*:\s*([\p{L}\d][\p{L}\d/.-]*)/u.exec(head)?.[1] ??
    null;
  const issuedOn = dateOf(
    new RegExp(`,\\s*ngày\\s+(?:${DATE_NUM.source}|${DATE_WORDS.source})`, 'u').exec(head),
  );
  const title = titleOf(header);

  // The opening paragraph: "Ngày 15/01/2026, đồng chí … chủ trì …", "Chiều 25/11/2026, tại …",
  // "Ngày 15 tháng 12 năm 2026, UBND tỉnh tổ chức … do đồng chí … chủ trì".
  let meetingDate: CivilDate | null = null;
  let chair: string | null = null;
  const lines = header.slice(title ? header.indexOf(title.firstLine) + title.lines : 0);
  const openingAt = lines.findIndex((l) =>
    new RegExp(
      `^(?:(?:Vào\\s+)?(?:buổi\\s+)?(?:sáng|chiều|tối|trưa)\\s+(?:ngày\\s+)?|(?:Vào\\s+)?ngày\\s+|Hôm nay,?\\s+(?:ngày\\s+)?)${ANY_DATE.source}`,
      'iu',
    ).test(l),
  );
  if (openingAt >= 0) meetingDate = dateOf(ANY_DATE.exec(lines.slice(openingAt).join(' ')));
  const opening = lines.slice(Math.max(0, openingAt)).join(' ');
  const beforeConclusion = opening.split(/kết luận/iu)[0] ?? opening;
  chair = (PERSON.exec(beforeConclusion) ?? PERSON_AFTER_ROLE.exec(beforeConclusion))?.[1] ?? null;
  if (!meetingDate && title) {
    meetingDate = dateOf(new RegExp(`ngày\\s+${ANY_DATE.source}`, 'u').exec(title.text));
  }
  // "Vừa qua, ngày 11/02/2027, Ban Chỉ đạo tổ chức cuộc họp …": a date in the opening sentence.
  if (!meetingDate && title && lines[0]) {
    const sentence = lines[0].split(/(?<=\.)\s/u)[0] ?? lines[0];
    meetingDate = dateOf(new RegExp(`ngày\\s+${ANY_DATE.source}`, 'u').exec(sentence));
  }
  if (!chair && title) {
    chair = (PERSON.exec(title.text) ?? PERSON_AFTER_ROLE.exec(title.text))?.[1] ?? null;
  }
  chair ??= CHAIR_ROLE.exec(beforeConclusion)?.[1] ?? null;
  return { title: title?.text ?? null, number, issuedOn, meetingDate, chair };
}

const TITLE_START = /^(?:Kết luận|Ý kiến kết luận|Ý kiến chỉ đạo|Thông báo kết luận|KẾT LUẬN)\b/u;
/** The heading a notice's summary (trích yếu) follows when it starts otherwise ("Về việc …"). */
const NOTICE_HEADING = /^THÔNG\s+BÁO(?:\s+(KẾT\s+LUẬN))?\s*$/u;
/** A chair named by office only: "Trưởng Ban Chỉ đạo chủ trì …". */
const CHAIR_ROLE =
  /((?:Phó\s+)?(?:Trưởng\s+Ban\s+Chỉ\s+đạo|Chủ\s+tịch\s+(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+tỉnh))\s+chủ\s+trì/u;
/**
 * Where a summary stops: an opening paragraph, a rule, a numbered item, or the place-and-date
 * line alone ("Lạng Sơn, ngày 20 tháng 11 năm 2026"), which some notices put under the summary.
 */
const TITLE_END =
  /^(?:(?:Vào\s+)?(?:buổi\s+)?(?:Sáng|Chiều|Tối|Trưa)\b|(?:Vào\s+)?Ngày\s+\d|Hôm nay|Vừa qua|Sau khi|Tham dự|Thực hiện|Căn cứ|Theo\s|Tại\s|Kính gửi|[-_*=.]{3,}|\d+\.|[IVX]+\.)|^\s*[\p{L}][\p{L} .-]{1,40},\s*ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*$/u;

/**
 * "Kết luận của đồng chí …" (or whatever the line under "THÔNG BÁO" says) up to the opening
 * paragraph, whitespace collapsed.
 */
function titleOf(
  header: readonly string[],
): { text: string; firstLine: string; lines: number } | null {
  const known = header.findIndex((l) => TITLE_START.test(l));
  // Else the lines under "THÔNG BÁO" ("Về việc …", "Kết quả cuộc họp …"), unless an opening.
  const heading = header.findIndex((l) => NOTICE_HEADING.test(l));
  const next = heading >= 0 ? header[heading + 1] : undefined;
  const start = known >= 0 ? known : next && !TITLE_END.test(next) ? heading + 1 : -1;
  if (start < 0) return null;
  // "THÔNG BÁO KẾT LUẬN" over "của Trưởng Ban Chỉ đạo tại …": the heading begins the summary.
  const lead =
    known < 0 && NOTICE_HEADING.exec(header[heading] ?? '')?.[1] && /^\p{Ll}/u.test(next ?? '')
      ? 'Kết luận '
      : '';
  const parts: string[] = [];
  for (const line of header.slice(start)) {
    // A line ending "…kết luận như sau:" opens the body: a summary never ends in a colon.
    if (parts.length > 0 && (TITLE_END.test(line) || /:\s*$/u.test(line))) break;
    parts.push(line);
    if (parts.length >= 6) break;
  }
  return {
    text: lead + collapse(parts.join(' ')),
    firstLine: header[start]!,
    lines: parts.length,
  };
}
