import { vnPublicSectorCalendar, type WorkingCalendar } from '../calendar/working-calendar';
import { type CivilDate, formatVnDate, makeCivilDate } from '../time/civil-date';
import { AgencyDirectory, type AgencyMention } from './agencies';
import { parseDeadline, type DeadlineContext } from './deadlines';
import { cleanLines, normalizeUnicode } from './normalize';
import { type Block, layoutOf } from './structure';
import type { ParsedItem, ParsedNotice } from './types';

export interface ParseOptions {
  readonly directory?: AgencyDirectory;
  readonly calendar?: WorkingCalendar;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Parses the text of a Thông báo kết luận into its items (contracts/parsed-notice.md). Pure and
 * total: any string gives a ParsedNotice; what a human should check goes to `warnings`.
 */
export function parseNotice(text: string, options: ParseOptions = {}): ParsedNotice {
  const directory = options.directory ?? defaultDirectory();
  const calendar = options.calendar ?? vnPublicSectorCalendar;
  const layout = layoutOf(text);
  const notice = headerOf(text, layout.header);
  const ctx: DeadlineContext = {
    reference: notice.meetingDate ?? notice.issuedOn,
    issuedOn: notice.issuedOn,
    calendar,
  };
  const warnings: string[] = [];
  const items: ParsedItem[] = [];

  const emit = (block: Block, inheritedLead: string[], inheritedText: string | null): void => {
    const itemText = collapse(block.text);
    if (itemText === '') return;
    const agencies = agenciesOf(itemText, directory, inheritedLead);
    let { deadline, vague } = parseDeadline(itemText, ctx);
    if (deadline.kind === 'none' && inheritedText) {
      const inherited = parseDeadline(inheritedText, ctx);
      if (inherited.deadline.kind !== 'none') ({ deadline, vague } = inherited);
    }
    const item: ParsedItem = {
      code: block.code,
      text: itemText,
      lead: agencies.lead,
      support: agencies.support,
      deadline,
    };
    if (agencies.reportTo) item.reportTo = agencies.reportTo;
    items.push(item);
    warnings.push(...warningsOf(item, vague, agencies.unknown, ctx, calendar));
  };

  const walk = (
    block: Block,
    inheritedLead: string[],
    inheritedText: string | null,
    inTasks: boolean,
  ): void => {
    if (block.children.length === 0) {
      if (isDecisionOnly(block.text)) return;
      if (block.kind !== 'section' || looksLikeDirective(block.text, directory)) {
        emit(block, inheritedLead, inheritedText);
      }
      return;
    }
    // A block with children is a heading ("g) Sở Tài chính:"): its agency and date pass down.
    // A section heading passes an agency down only when it is addressed to one ("3. Sở Tài chính:").
    const heading = collapse(block.text);
    const own =
      block.kind === 'section'
        ? addressedTo(heading, directory)
        : agenciesOf(heading, directory, inheritedLead).lead;
    const lead = own.length > 0 ? own : inheritedLead;
    const context = block.kind === 'section' ? inheritedText : collapse(block.text);
    for (const child of block.children) walk(child, lead, context, inTasks);
  };

  if (layout.structured) {
    for (const section of layout.sections) {
      if (isNarrative(section)) continue;
      walk(section, [], null, true);
    }
  } else {
    for (const [i, sentence] of directiveSentences(layout.body, directory).entries()) {
      emit({ kind: 'sentence', code: String(i + 1), text: sentence, children: [] }, [], null);
    }
  }
  return { notice, items, warnings };
}

let cachedDefault: AgencyDirectory | undefined;
function defaultDirectory(): AgencyDirectory {
  cachedDefault ??= AgencyDirectory.default();
  return cachedDefault;
}

// ------------------------------------------------------------------------------------- header

const DATE_NUM = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(20\d\d)/u;
const DATE_WORDS = /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(20\d\d)/u;
const NAME = '(\\p{Lu}[\\p{Ll}]*(?:\\s+\\p{Lu}[\\p{Ll}]*){1,4})';

function civil(y: string, m: string, d: string): CivilDate | null {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  try {
    return makeCivilDate(yy, mm, dd);
  } catch {
    return null;
  }
}

function headerOf(text: string, header: readonly string[]): ParsedNotice['notice'] {
  const head = header.join('\n');
  const number = /\bSố\s*:\s*([\p{L}\d][\p{L}\d/.-]*)/u.exec(head)?.[1] ?? null;
  const issued =
    new RegExp(`,\\s*ngày\\s+${DATE_WORDS.source}`, 'u').exec(head) ??
    new RegExp(`,\\s*ngày\\s+${DATE_NUM.source}`, 'u').exec(head);
  const issuedOn = issued ? civil(issued[3]!, issued[2]!, issued[1]!) : null;

  const opening = new RegExp(
    `(?:^|\\n)\\s*(?:(?:Sáng|Chiều|Tối)\\s+(?:[Nn]gày\\s+)?|[Nn]gày\\s+)(?:${DATE_NUM.source}|${DATE_WORDS.source})\\s*,?\\s*(?:tại[^,]*,\\s*)?(?:đồng chí|đ/c|ông|bà)\\s+${NAME}`,
    'u',
  ).exec(head);
  let meetingDate: CivilDate | null = null;
  let chair: string | null = null;
  if (opening) {
    meetingDate = opening[1]
      ? civil(opening[3]!, opening[2]!, opening[1])
      : civil(opening[6]!, opening[5]!, opening[4]!);
    chair = opening[7] ?? null;
  }
  const title = titleOf(text);
  if (!chair && title) {
    chair = new RegExp(`của\\s+(?:đồng chí|đ/c|ông|bà)\\s+${NAME}`, 'u').exec(title)?.[1] ?? null;
  }
  return { title, number, issuedOn, meetingDate, chair };
}

/** "Kết luận của đồng chí …" up to the opening paragraph, whitespace collapsed. */
function titleOf(text: string): string | null {
  const raw = normalizeUnicode(text).split('\n');
  const start = raw.findIndex((l) =>
    /^\s*(?:Kết luận|Ý kiến kết luận|Thông báo kết luận|KẾT LUẬN)\b/u.test(l),
  );
  if (start < 0) return null;
  const parts: string[] = [];
  let blanks = 0;
  for (const line of raw.slice(start)) {
    if (line.trim() === '') {
      if (++blanks >= 2 && parts.length > 0) break;
      continue;
    }
    if (
      parts.length > 0 &&
      /^\s*(?:Sáng|Chiều|Tối|Ngày|Vừa qua|Sau khi|Tham dự|Thực hiện|Căn cứ|\d+\.)\s/u.test(line)
    ) {
      break;
    }
    blanks = 0;
    parts.push(line.trim());
    if (parts.length > 8) break;
  }
  return parts.length > 0 ? collapse(parts.join(' ')) : null;
}

// ---------------------------------------------------------------------------------- sections

const NARRATIVE =
  /^(?:đánh giá|kết quả|tình hình|nhận xét|ưu điểm|tồn tại|hạn chế|bối cảnh|thực trạng)/iu;

/** "1. Đánh giá chung": findings, not directives. */
function isNarrative(section: Block): boolean {
  const heading = collapse(section.text).replace(/^về\s+/iu, '');
  return NARRATIVE.test(heading) && !/nhiệm vụ|giải pháp|phương hướng/iu.test(heading.slice(0, 80));
}

const DIRECTIVE_VERB =
  /(?<![\p{L}])(?:giao|yêu cầu|đề nghị|chủ trì|phối hợp|khẩn trương|tham mưu|trình|báo cáo|hoàn thành|triển khai|chỉ đạo|rà soát|xây dựng|tổ chức)(?![\p{L}])/iu;

/** "Thống nhất …", "Ghi nhận …": a decision or an acknowledgement, not a task, unless it also assigns one. */
function isDecisionOnly(text: string): boolean {
  return (
    /^(?:thống nhất|đồng ý|ghi nhận|biểu dương|hoan nghênh|đánh giá cao|cơ bản thống nhất)(?![\p{L}])/iu.test(
      text.trim(),
    ) &&
    !/(?<![\p{L}])(?:giao|yêu cầu|đề nghị|chủ trì|khẩn trương|hoàn thành)(?![\p{L}])/iu.test(text)
  );
}

/** A section without sub-items is itself an item only when it reads like one. */
function looksLikeDirective(text: string, directory: AgencyDirectory): boolean {
  const t = collapse(text);
  return (
    t.length > 40 &&
    DIRECTIVE_VERB.test(t) &&
    (directory.mentions(t).length > 0 || /\d{1,2}\/\d{1,2}|tháng|quý|năm\s+20\d\d/u.test(t))
  );
}

/** Free prose (a news article): sentences where someone is told to do something. */
function directiveSentences(body: string, directory: AgencyDirectory): string[] {
  const out: string[] = [];
  for (const sentence of body.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
    const m = /(?:^|\s)(?:yêu cầu|giao|đề nghị|chỉ đạo)\s+(?:cho\s+)?/iu.exec(sentence);
    if (!m) continue;
    const rest = sentence.slice(m.index + m[0].length);
    const first = directory.mentions(rest)[0];
    if (first && first.start === 0) out.push(collapse(rest));
  }
  return out;
}

// ---------------------------------------------------------------------------------- agencies

const LEAD_IN =
  /^(?:(?:đồng thời|đồng ý|thống nhất)\s+)?(?:giao(?:\s+cho)?|yêu cầu|đề nghị|chỉ đạo|phân công)\s+/iu;
const GENERIC =
  /^(?:các|những|toàn bộ)\s+(?:cơ quan|đơn vị|sở|ban|ngành|địa phương|tổ chức|doanh nghiệp|thành viên|cấp)(?:[\s,]+(?:cơ quan|đơn vị|sở|ban|ngành|địa phương|tổ chức|đoàn thể))*(?:\s+(?:chuyên môn|thành viên(?:\s+Ban\s+Chỉ\s+đạo)?))?(?:\s+(?:có\s+)?liên\s+quan)?(?:\s+(?:khác|của\s+tỉnh|trên\s+địa\s+bàn(?:\s+tỉnh)?))?/iu;
const SEPARATOR = /^\s*(?:,|;|và|cùng|&)\s*/iu;
const TAIL = /^\s*tỉnh(?:\s+Lạng\s+Sơn)?(?![\p{L}])/u;

interface Agencies {
  lead: string[];
  support: string[];
  reportTo: string | null;
  unknown: string[];
}

/** Agencies listed from `pos` on ("Sở A, Sở B và các cơ quan liên quan"); generic groups skipped. */
function listAt(
  text: string,
  pos: number,
  mentions: readonly AgencyMention[],
): { found: AgencyMention[]; end: number } {
  const found: AgencyMention[] = [];
  let p = pos;
  for (;;) {
    while (text[p] === ' ') p++;
    const m = mentions.find((x) => x.start === p);
    if (m) {
      found.push(m);
      p = m.end;
      const tail = TAIL.exec(text.slice(p));
      if (tail) p += tail[0].length;
    } else {
      const g = GENERIC.exec(text.slice(p));
      if (!g) break;
      p += g[0].length;
    }
    const sep = SEPARATOR.exec(text.slice(p));
    if (!sep) break;
    p += sep[0].length;
  }
  return { found, end: p };
}

const REPORT_TO =
  /(?<![\p{L}])(?:báo cáo|trình|xin ý kiến)\s+(?:kết quả\s+)?(?:về\s+)?(?:cho\s+)?(Thường trực Tỉnh ủy|Ban Thường vụ Tỉnh ủy|Tỉnh ủy|Thường trực HĐND tỉnh|HĐND tỉnh|Chủ tịch (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh|Trưởng Ban Chỉ đạo|Ban Chỉ đạo|Phó Chủ tịch (?:UBND|Ủy ban nhân dân) tỉnh)/u;

/** The agencies a text starts with ("Sở Tài chính:", "Giao Sở Y tế, Sở Nội vụ …"). */
function addressedTo(text: string, directory: AgencyDirectory): string[] {
  const mentions = directory.mentions(text);
  const leadIn = LEAD_IN.exec(text);
  return [
    ...new Set(listAt(text, leadIn ? leadIn[0].length : 0, mentions).found.map((m) => m.name)),
  ];
}

export function agenciesOf(
  text: string,
  directory: AgencyDirectory,
  inherited: readonly string[],
): Agencies {
  const mentions = directory.mentions(text);
  const names = (ms: readonly AgencyMention[]): string[] => [...new Set(ms.map((m) => m.name))];

  const leadIn = LEAD_IN.exec(text);
  let lead = names(listAt(text, leadIn ? leadIn[0].length : 0, mentions).found);
  if (lead.length === 0 && inherited.length > 0) lead = [...inherited];
  if (lead.length === 0) {
    for (const m of text.matchAll(
      /(?<![\p{L}])(?:giao(?:\s+cho)?|yêu cầu|đề nghị|phân công)\s+/giu,
    )) {
      lead = names(listAt(text, m.index + m[0].length, mentions).found);
      if (lead.length > 0) break;
    }
  }
  if (lead.length === 0) {
    for (const m of text.matchAll(/\s*(?:làm\s+)?chủ\s+trì/giu)) {
      const before = mentions.filter(
        (x) =>
          x.end <= m.index &&
          /^\s*(?:tỉnh(?:\s+Lạng\s+Sơn)?)?\s*$/u.test(text.slice(x.end, m.index)),
      );
      if (before.length > 0) {
        lead = [before.at(-1)!.name];
        break;
      }
    }
  }

  const support: string[] = [];
  for (const m of text.matchAll(/phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?\s*/giu)) {
    for (const name of names(listAt(text, m.index + m[0].length, mentions).found)) {
      if (!lead.includes(name) && !support.includes(name)) support.push(name);
    }
  }
  const r = REPORT_TO.exec(text)?.[1];
  const reportTo = r ? r.replace(/(?:Ủy|Uỷ) ban nhân dân tỉnh/u, 'UBND tỉnh') : null;
  const unknown = mentions
    .filter((m) => !m.known && (lead.includes(m.name) || support.includes(m.name)))
    .map((m) => m.name);
  return { lead, support, reportTo, unknown: [...new Set(unknown)] };
}

// ---------------------------------------------------------------------------------- warnings

function warningsOf(
  item: ParsedItem,
  vague: boolean,
  unknown: readonly string[],
  ctx: DeadlineContext,
  calendar: WorkingCalendar,
): string[] {
  const at = `Mục ${item.code}`;
  const out: string[] = [];
  if (item.lead.length === 0) {
    out.push(`${at}: chưa xác định được cơ quan chủ trì; cần giao trước khi xác nhận.`);
  }
  for (const name of unknown) out.push(`${at}: "${name}" không có trong danh mục cơ quan.`);
  const d = item.deadline;
  if (d.kind === 'date') {
    if (!calendar.isWorkingDay(d.due)) {
      out.push(
        `${at}: hạn ${formatVnDate(d.due)} rơi vào ngày nghỉ; theo luật hạn chuyển sang hết ngày ${formatVnDate(calendar.legalDueDate(d.due))}.`,
      );
    }
    if (ctx.reference && d.due < ctx.reference) {
      out.push(`${at}: hạn ${formatVnDate(d.due)} trước ngày họp/ban hành; cần kiểm tra.`);
    }
    if (vague) out.push(`${at}: "${d.phrase}" là mục tiêu phấn đấu; cần xác nhận hạn.`);
  } else if (d.kind === 'none' && vague) {
    out.push(`${at}: yêu cầu khẩn trương nhưng không nêu thời hạn; cần xác định hạn.`);
  } else if (d.kind === 'relative') {
    out.push(`${at}: thời hạn tính từ "${d.from}" (chưa có ngày cụ thể); cần nhập hạn.`);
  } else if (d.kind === 'recurring') {
    out.push(`${at}: nhiệm vụ định kỳ (${d.phrase}); cần xác nhận lịch báo cáo.`);
  }
  return out;
}

/** Lines as the parser sees them (for diagnostics and the CLI's --debug). */
export function debugLines(text: string): string[] {
  return cleanLines(text);
}
