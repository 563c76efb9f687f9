import { vnPublicSectorCalendar, type WorkingCalendar } from '../calendar/working-calendar';
import { type CivilDate, civilDateOrNull, formatVnDate } from '../time/civil-date';
import { AgencyDirectory, type AgencyMention } from './agencies';
import { parseDeadline, type DeadlineContext, type DeadlineResult } from './deadlines';
import { cleanLines } from './normalize';
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
  try {
    return parse(typeof text === 'string' ? text : '', options);
  } catch {
    // A bug or a calendar without working days must not take the caller down.
    return {
      notice: { title: null, number: null, issuedOn: null, meetingDate: null, chair: null },
      items: [],
      warnings: ['Không đọc được văn bản này; cần nhập các nhiệm vụ thủ công.'],
    };
  }
}

function parse(text: string, options: ParseOptions): ParsedNotice {
  const directory = options.directory ?? defaultDirectory();
  const calendar = options.calendar ?? vnPublicSectorCalendar;
  const layout = layoutOf(text);
  const notice = headerOf(layout.header);
  const ctx: DeadlineContext = {
    reference: notice.meetingDate ?? notice.issuedOn,
    issuedOn: notice.issuedOn,
    calendar,
  };
  const warnings: string[] = [];
  const items: ParsedItem[] = [];
  if (!notice.meetingDate && !notice.issuedOn) {
    warnings.push(
      'Không tìm thấy ngày họp và ngày ban hành: ngày không ghi năm và thời hạn tính theo ngày ban hành chưa xác định được.',
    );
  }

  const emit = (block: Block, inherited: Inherited): void => {
    const itemText = collapse(block.text);
    if (itemText === '') return;
    const agencies = agenciesOf(itemText, directory, inherited.lead);
    let result: DeadlineResult = parseDeadline(itemText, ctx);
    // A sub-item that names no deadline at all ("thường xuyên" is one) takes its heading's.
    if (result.deadline.kind === 'none' && !result.deadline.phrase && inherited.text) {
      const fromHeading = parseDeadline(inherited.text, ctx);
      if (fromHeading.deadline.kind !== 'none') result = fromHeading;
    }
    const support =
      agencies.support.length === 0 && agencies.leadInherited
        ? inherited.support.filter((s) => !agencies.lead.includes(s))
        : agencies.support;
    const item: ParsedItem = {
      code: block.code,
      text: itemText,
      lead: agencies.lead,
      support,
      deadline: result.deadline,
    };
    const reportTo = agencies.reportTo ?? (agencies.leadInherited ? inherited.reportTo : null);
    if (reportTo) item.reportTo = reportTo;
    items.push(item);
    warnings.push(...warningsOf(item, result, agencies.unknown, ctx, calendar));
  };

  const walk = (block: Block, inherited: Inherited): void => {
    if (block.children.length === 0) {
      if (isDecisionOnly(block.text)) return;
      if (block.kind !== 'section' || looksLikeDirective(block.text, directory)) {
        emit(block, inherited);
        return;
      }
      // "3. Về quốc phòng, an ninh" then a paragraph: the paragraph is the item.
      const body = collapse(block.text.slice(block.heading.length));
      if (body !== '' && !isDecisionOnly(body) && looksLikeDirective(body, directory)) {
        emit({ ...block, text: body }, inherited);
      }
      return;
    }
    // A block with children is a heading ("g) Sở Tài chính:"): its agencies and date pass down.
    // A section heading passes an agency down only when it is addressed to one ("3. Sở Tài chính:").
    const heading = collapse(block.text);
    const own =
      block.kind === 'section'
        ? { lead: addressedTo(heading, directory), support: [], reportTo: null }
        : agenciesOf(heading, directory, inherited.lead);
    const next: Inherited =
      own.lead.length > 0
        ? {
            lead: own.lead,
            support: own.support,
            reportTo: own.reportTo,
            text: block.kind === 'section' ? inherited.text : heading,
          }
        : { ...inherited, text: block.kind === 'section' ? inherited.text : heading };
    for (const child of block.children) walk(child, next);
  };

  if (layout.structured) {
    for (const section of layout.sections) {
      if (isNarrative(section)) continue;
      walk(section, { lead: [], support: [], reportTo: null, text: null });
    }
  } else {
    for (const [i, sentence] of directiveSentences(layout.body, directory).entries()) {
      emit(
        { kind: 'sentence', code: String(i + 1), text: sentence, heading: sentence, children: [] },
        { lead: [], support: [], reportTo: null, text: null },
      );
    }
  }
  if (items.length === 0) warnings.push('Không tìm thấy nhiệm vụ nào trong văn bản.');
  return { notice, items, warnings };
}

interface Inherited {
  readonly lead: readonly string[];
  readonly support: readonly string[];
  readonly reportTo: string | null;
  /** The heading's text, whose deadline applies to sub-items that name none. */
  readonly text: string | null;
}

let cachedDefault: AgencyDirectory | undefined;
function defaultDirectory(): AgencyDirectory {
  cachedDefault ??= AgencyDirectory.default();
  return cachedDefault;
}

// ------------------------------------------------------------------------------------- header

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

function headerOf(header: readonly string[]): ParsedNotice['notice'] {
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
  if (!chair && title) {
    chair = (PERSON.exec(title.text) ?? PERSON_AFTER_ROLE.exec(title.text))?.[1] ?? null;
  }
  return { title: title?.text ?? null, number, issuedOn, meetingDate, chair };
}

const TITLE_START = /^(?:Kết luận|Ý kiến kết luận|Ý kiến chỉ đạo|Thông báo kết luận|KẾT LUẬN)\b/u;
const TITLE_END =
  /^(?:(?:Vào\s+)?(?:buổi\s+)?(?:Sáng|Chiều|Tối|Trưa)\b|(?:Vào\s+)?Ngày\s+\d|Hôm nay|Vừa qua|Sau khi|Tham dự|Thực hiện|Căn cứ|Theo\s|Kính gửi|[-_*=.]{3,}|\d+\.|[IVX]+\.)/u;

/** "Kết luận của đồng chí …" up to the opening paragraph, whitespace collapsed. */
function titleOf(
  header: readonly string[],
): { text: string; firstLine: string; lines: number } | null {
  const start = header.findIndex((l) => TITLE_START.test(l));
  if (start < 0) return null;
  const parts: string[] = [];
  for (const line of header.slice(start)) {
    if (parts.length > 0 && TITLE_END.test(line)) break;
    parts.push(line);
    if (parts.length >= 6) break;
  }
  return { text: collapse(parts.join(' ')), firstLine: header[start]!, lines: parts.length };
}

// ---------------------------------------------------------------------------------- sections

const NARRATIVE =
  /^(?:đánh giá|kết quả|tình hình|nhận xét|ưu điểm|tồn tại|hạn chế|bối cảnh|thực trạng|khái quát|tóm tắt)/iu;

/** "1. Đánh giá chung": findings, not directives. */
function isNarrative(section: Block): boolean {
  const heading = collapse(section.heading).replace(/^về\s+/iu, '');
  return NARRATIVE.test(heading) && !/nhiệm vụ|giải pháp|phương hướng/iu.test(heading.slice(0, 80));
}

const ASSIGNING = /(?<![\p{L}])(?:giao|yêu cầu|đề nghị|chủ trì|phối hợp|khẩn trương)(?![\p{L}])/iu;
const IMPERATIVE =
  /^(?:tập trung|tiếp tục|khẩn trương|chỉ đạo|rà soát|triển khai|đẩy mạnh|đẩy nhanh|tăng cường|hoàn thiện|hoàn thành|xây dựng|tổ chức|chủ động|nghiên cứu|thực hiện|bảo đảm|đảm bảo|kiểm tra|hướng dẫn|quan tâm|nâng cao|củng cố|duy trì|phát huy|thường xuyên|kịp thời|sớm|nghiêm túc|quyết liệt|tiến hành|đôn đốc|theo dõi|tham mưu|cập nhật|báo cáo|trình|rút kinh nghiệm|đề xuất|lựa chọn|bố trí|ưu tiên|giải quyết|xử lý|khắc phục|chấn chỉnh|tuyên truyền|phổ biến|ban hành|sửa đổi|bổ sung|lập|thẩm định|phê duyệt|giao|yêu cầu|đề nghị)(?![\p{L}])/iu;

/** "Thống nhất …", "Ghi nhận …": a decision or an acknowledgement, not a task, unless it also assigns one. */
function isDecisionOnly(text: string): boolean {
  return (
    /^(?:thống nhất|đồng ý|ghi nhận|biểu dương|hoan nghênh|đánh giá cao|cơ bản thống nhất|nhất trí)(?![\p{L}])/iu.test(
      text.trim(),
    ) &&
    !/(?<![\p{L}])(?:giao|yêu cầu|đề nghị|chủ trì|khẩn trương|hoàn thành)(?![\p{L}])/iu.test(text)
  );
}

/**
 * A section without sub-items ("3. Giao Văn phòng UBND tỉnh theo dõi …") is itself an item when it
 * reads like a directive: addressed to an agency, assigning, or opening with an imperative verb.
 * Headings ("3. Tổ chức thực hiện") and findings ("1. Ban Chỉ đạo đã …") are not.
 */
function looksLikeDirective(text: string, directory: AgencyDirectory): boolean {
  const t = collapse(text);
  if (t.length < 25 || (/^về\s/iu.test(t) && !ASSIGNING.test(t))) return false;
  if (/^[^.;:]{0,80}\sđã\s/u.test(t) && !ASSIGNING.test(t)) return false;
  if (ASSIGNING.test(t) || IMPERATIVE.test(t)) return true;
  const body = t.replace(ROLE, '');
  const first = directory.mentions(body)[0];
  return (
    (first !== undefined && first.start === 0) ||
    GENERIC.test(body) ||
    unknownAgencyAt(body, 0) !== null
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
  /^(?:(?:đồng thời|đồng ý|thống nhất|trên cơ sở đó)\s*,?\s+)?(?:giao(?:\s+(?:nhiệm\s+vụ|trách\s+nhiệm))?(?:\s+cho)?|yêu cầu|đề nghị|chỉ đạo|phân công)\s+/iu;
/** "Để kịp thời tháo gỡ khó khăn, Sở Xây dựng …": an introductory clause before the subject. */
const INTRO =
  /^(?:để|trên cơ sở|căn cứ|đối với|về|theo|nhằm|sau khi|trong|trường hợp|từ nay)(?![\p{L}])[^,:;]{0,160}[,:]\s*/iu;
/** Titles in front of an agency: "Giám đốc Sở Tài chính", "Chủ tịch UBND các xã, phường". */
const ROLE =
  /^(?:(?:đồng chí|đ\/c)\s+)?(?:Giám đốc|Phó Giám đốc|Thủ trưởng|Lãnh đạo|Chủ tịch|Chánh Văn phòng|Chánh|Người đứng đầu|Trưởng ban|Chỉ huy trưởng|Cục trưởng|Chi cục trưởng)\s+/iu;
const GROUP_NOUN =
  '(?:cơ quan|đơn vị|sở|ban|ngành|địa phương|tổ chức|doanh nghiệp|thành viên|cấp|chủ đầu tư|nhà đầu tư|hợp tác xã|đoàn thể|hội|cơ sở|trường|ngân hàng(?:\\s+thương\\s+mại)?|tổ công tác|lực lượng)';
const GENERIC = new RegExp(
  `^(?:(?:các|những|toàn bộ|mọi)\\s+${GROUP_NOUN}(?:\\s*(?:,|và)\\s*(?:các\\s+)?${GROUP_NOUN})*(?:\\s+(?:chuyên môn|chức năng|thành viên(?:\\s+Ban\\s+Chỉ\\s+đạo)?))?(?:\\s+(?:thuộc|trực thuộc)\\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+tỉnh)?(?:\\s+(?:có\\s+)?liên\\s+quan)?(?:\\s+(?:khác|của\\s+tỉnh|trên\\s+địa\\s+bàn(?:\\s+tỉnh)?))?|đơn vị tư vấn)`,
  'iu',
);
const SEPARATOR = /^\s*(?:,|;|và|cùng|&|\/)\s*(?:với\s+)?/iu;
/** What may follow a directory name: " tỉnh Lạng Sơn", a region number ("khu vực VII", "khu vực 6"). */
const TAIL =
  /^(?:\s*tỉnh(?:\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)?)?(?![\p{L}])|\s+(?:[IVXL]{1,5}|\d{1,2})(?![\p{L}\d]))/u;
/** "các xã, phường" is how notices name UBND các xã, phường in lists. */
const COMMUNES =
  /^(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(?:các\s+xã(?:,\s*phường)?(?:,\s*(?:đặc khu|thị trấn))?|cấp\s+xã|các\s+huyện(?:,\s*(?:thị xã|thành phố))*)(?![\p{L}])(?:\s+(?:có\s+)?liên\s+quan)?/iu;

/** Words that begin the name of an agency the directory may not know. */
const AGENCY_TYPE =
  /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Công an|Trường|Trạm Y tế)\s+(?:xã|phường|thị trấn|đặc khu|huyện|thành phố|thị xã)\s+(?=\p{Lu})|^(?:Ban|Ủy ban|Uỷ ban|UBND|Trung tâm|Đài|Báo|Hội|Liên đoàn|Liên minh|Đoàn|Cục|Chi cục|Công ty|Tổng công ty|Bệnh viện|Trường|Viện|Quỹ|Ngân hàng|Kho bạc|Thanh tra|Văn phòng|Hải quan|Bảo hiểm|Bộ đội|Bộ Chỉ huy|Bộ Chỉ huy|Công an|Sở|Phòng|Hạt|Vườn|Học viện|Chi nhánh|Tập đoàn|Bưu điện|Viễn thông|Cảng vụ|Mặt trận)\s+(?=\p{Lu}|và\s+\p{Lu})|^(?:Tỉnh đoàn|Điện lực|Đảng ủy|Đảng uỷ|Viettel|VNPT)(?![\p{L}])/u;
/** Where a predicate starts after an unknown agency's name. */
const PREDICATE =
  /^(?:chủ trì|phối hợp|theo chức năng|khẩn trương|tiếp tục|có trách nhiệm|chịu trách nhiệm|thực hiện|tập trung|chỉ đạo|rà soát|hướng dẫn|tổ chức|căn cứ|nghiên cứu|kiểm tra|đôn đốc|tham mưu|chủ động|triển khai|đẩy nhanh|đẩy mạnh|tăng cường|hoàn thiện|hoàn thành|bảo đảm|đảm bảo|cung cấp|báo cáo|trình|khẩn|sớm|kịp thời|thường xuyên|quan tâm|xem xét|giải quyết|là cơ quan|làm|tuyên truyền|vận động|đánh giá|đề xuất|giám sát|xử lý|nâng cao|lập|phải|cần|được|có|đã|sẽ|tiếp nhận|hỗ trợ|vận hành|cập nhật|theo dõi|phổ biến|chuẩn bị|bố trí|ưu tiên|cử|gửi|nắm|khắc phục)(?![\p{L}])/u;

function continuesName(next: string): boolean {
  return (
    /^\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(next) &&
    !AGENCY_TYPE.test(next) &&
    !/^(?:Sở|UBND|Ủy|Uỷ|Công an|Thuế|Kho bạc|Thanh tra|Văn phòng|Trung tâm|Ngân hàng|Bảo hiểm|Bộ|Liên|Hiệp|Ban)(?![\p{L}])/u.test(
      next,
    )
  );
}

/**
 * The end of an agency name the directory does not know, starting at `pos` ("Ban Quản lý dự án đầu
 * tư xây dựng tỉnh chủ trì" → up to "tỉnh"), or null when no agency name starts there.
 */
export function unknownAgencyAt(text: string, pos: number): number | null {
  const rest = text.slice(pos);
  if (!AGENCY_TYPE.test(rest)) return null;
  const words = [...rest.matchAll(/[^\s,;:()]+/gu)];
  let end: number | null = null;
  for (const [i, w] of words.entries()) {
    if (i > 14) break;
    const before = rest.slice(i === 0 ? 0 : words[i - 1]!.index + words[i - 1]![0].length, w.index);
    // A comma ends the name unless a capitalised word that starts no other name follows
    // ("Báo và Phát thanh, Truyền hình Lạng Sơn").
    if (i > 0 && /[;:()]/u.test(before)) break;
    if (i > 0 && before.includes(',') && !continuesName(rest.slice(w.index))) break;
    if (i > 0 && PREDICATE.test(rest.slice(w.index))) break;
    end = w.index + w[0].length;
    if (w[0] === 'tỉnh') {
      const tail = /^(?:\s+\p{Lu}\p{Ll}*){0,2}/u.exec(rest.slice(end));
      const afterTail = end + (tail?.[0].length ?? 0);
      const next = rest.slice(afterTail);
      if (/^\s*(?:[,;:(]|$)/u.test(next) || PREDICATE.test(next.trimStart())) {
        return pos + afterTail;
      }
    }
  }
  if (end === null || words.length === 0) return null;
  const name = rest.slice(0, end);
  if (name.split(/\s+/u).length < 2) return null;
  return pos + end;
}

interface Agencies {
  lead: string[];
  support: string[];
  reportTo: string | null;
  unknown: string[];
  /** No agency of its own: the lead came from the heading. */
  leadInherited: boolean;
}

interface Listed {
  readonly name: string;
  readonly known: boolean;
}

/** Agencies listed from `pos` on ("Sở A, Sở B và các cơ quan liên quan"); generic groups skipped. */
function listAt(
  text: string,
  pos: number,
  mentions: readonly AgencyMention[],
  directory: AgencyDirectory,
  allowUnknown: boolean,
): { found: Listed[]; end: number } {
  const found: Listed[] = [];
  let p = pos;
  for (let guard = 0; guard < 50; guard++) {
    while (text[p] === ' ') p++;
    const role = ROLE.exec(text.slice(p));
    const q = role ? p + role[0].length : p;
    const m = mentions.find((x) => x.start === q);
    const communes = COMMUNES.exec(text.slice(q));
    const communeName = communes ? directory.canonical('UBND các xã, phường') : null;
    if (m && !(communes && communes[0].length > m.end - m.start)) {
      // An unknown name may run on past what the directory's pattern saw ("Báo và Phát thanh,
      // Truyền hình Lạng Sơn").
      const longer = m.known ? null : unknownAgencyAt(text, q);
      const end = longer !== null && longer > m.end ? longer : m.end;
      const name = end === m.end ? m.name : collapse(text.slice(q, end));
      found.push({ name, known: m.known });
      p = end;
      const tail = TAIL.exec(text.slice(p));
      if (tail) p += tail[0].length;
    } else if (communes && communeName) {
      found.push({ name: communeName, known: true });
      p = q + communes[0].length;
    } else {
      const g = GENERIC.exec(text.slice(q));
      if (g) {
        p = q + g[0].length;
      } else {
        const end = allowUnknown ? unknownAgencyAt(text, q) : null;
        if (end === null) break;
        const name = collapse(text.slice(q, end));
        found.push({ name: directory.canonical(name) ?? name, known: false });
        p = end;
      }
    }
    const sep = SEPARATOR.exec(text.slice(p));
    if (!sep) break;
    p += sep[0].length;
  }
  return { found, end: p };
}

const REPORT_TARGET =
  '(Thường trực Tỉnh ủy|Thường trực Tỉnh uỷ|Ban Thường vụ Tỉnh ủy|Ban Thường vụ Tỉnh uỷ|Tỉnh ủy|Tỉnh uỷ|Thường trực HĐND tỉnh|HĐND tỉnh|Hội đồng nhân dân tỉnh|Thường trực (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh|Chủ tịch (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh|Phó Chủ tịch (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh(?: phụ trách(?: lĩnh vực)?)?|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh|Trưởng [Bb]an [Cc]hỉ đạo|Phó Trưởng [Bb]an [Cc]hỉ đạo|Ban [Cc]hỉ đạo|Bộ [\\p{Lu}][\\p{L}]*(?: [\\p{L}]+){0,4}|Chính phủ|Thủ tướng Chính phủ)';
const REPORT_TO = new RegExp(
  `(?<![\\p{L}])(?:báo cáo|trình|xin ý kiến)\\s+(?:kết quả\\s+)?(?:(?:thực hiện|triển khai)\\s+)?(?:về\\s+)?(?:cho\\s+)?(?:đồng chí\\s+)?${REPORT_TARGET}(?![\\p{L}])`,
  'u',
);
const REPORT_TO_AGENCY =
  /(?<![\p{L}])(?:báo cáo|gửi)(?:\s+(?:kết quả|tiến độ|tình hình|số liệu)(?:\s+thực hiện)?)?\s+(?:về|cho|đến)\s+/giu;

function canonicalReportTo(raw: string): string {
  return raw
    .replace(/(?:Ủy|Uỷ) ban nhân dân tỉnh/u, 'UBND tỉnh')
    .replace(/Hội đồng nhân dân tỉnh/u, 'HĐND tỉnh')
    .replace(/uỷ/gu, 'ủy')
    .replace(/Trưởng [Bb]an [Cc]hỉ đạo/u, 'Trưởng Ban Chỉ đạo')
    .replace(/^Ban [Cc]hỉ đạo/u, 'Ban Chỉ đạo')
    .replace(/ phụ trách(?: lĩnh vực)?$/u, '');
}

/** Whom the item reports or submits to: "báo cáo UBND tỉnh", "trình Trưởng Ban Chỉ đạo" … */
function reportToOf(
  text: string,
  mentions: readonly AgencyMention[],
  directory: AgencyDirectory,
): string | null {
  const r = REPORT_TO.exec(text);
  let best: { at: number; name: string } | null = r
    ? { at: r.index, name: canonicalReportTo(r[1]!) }
    : null;
  for (const m of text.matchAll(REPORT_TO_AGENCY)) {
    const listed = listAt(text, m.index + m[0].length, mentions, directory, false).found[0];
    if (listed && (!best || m.index < best.at)) best = { at: m.index, name: listed.name };
    break;
  }
  return best?.name ?? null;
}

/** The agencies a text starts with ("Sở Tài chính:", "Giao Sở Y tế, Sở Nội vụ …"). */
function addressedTo(text: string, directory: AgencyDirectory): string[] {
  const mentions = directory.mentions(text);
  const leadIn = LEAD_IN.exec(text);
  return unique(
    listAt(text, leadIn ? leadIn[0].length : 0, mentions, directory, true).found.map((m) => m.name),
  );
}

const unique = (names: readonly string[]): string[] => [...new Set(names)];

export function agenciesOf(
  text: string,
  directory: AgencyDirectory,
  inherited: readonly string[],
): Agencies {
  const mentions = directory.mentions(text);
  const listed: Listed[] = [];
  const list = (pos: number, allowUnknown: boolean): Listed[] => {
    const found = listAt(text, pos, mentions, directory, allowUnknown).found;
    listed.push(...found);
    return found;
  };
  const names = (ls: readonly Listed[]): string[] => unique(ls.map((l) => l.name));

  const leadIn = LEAD_IN.exec(text);
  let lead = names(list(leadIn ? leadIn[0].length : 0, true));
  let leadInherited = false;
  if (lead.length === 0 && inherited.length > 0) {
    lead = [...inherited];
    leadInherited = true;
  }
  const intro = lead.length === 0 ? INTRO.exec(text) : null;
  if (intro) {
    const after = text.slice(intro[0].length);
    const leadInAfter = LEAD_IN.exec(after);
    lead = names(list(intro[0].length + (leadInAfter?.[0].length ?? 0), true));
  }
  if (lead.length === 0) {
    for (const m of text.matchAll(
      /(?<![\p{L}])(?:giao(?:\s+(?:nhiệm\s+vụ|trách\s+nhiệm))?(?:\s+cho)?|yêu cầu|đề nghị|phân công)\s+/giu,
    )) {
      lead = names(list(m.index + m[0].length, true));
      if (lead.length > 0) break;
    }
  }
  if (lead.length === 0) {
    for (const m of text.matchAll(/\s*(?:làm\s+)?chủ\s+trì/giu)) {
      const before = mentions.filter(
        (x) =>
          x.end <= m.index &&
          /^\s*(?:tỉnh(?:\s+\p{Lu}\p{Ll}*){0,2})?\s*(?:\([^)]*\))?\s*,?\s*$/u.test(
            text.slice(x.end, m.index),
          ),
      );
      if (before.length > 0) {
        lead = [before.at(-1)!.name];
        break;
      }
    }
  }

  const support: string[] = [];
  for (const m of text.matchAll(/phối\s+hợp(?:\s+(?:chặt\s+chẽ|tốt))?(?:\s+với)?\s*/giu)) {
    for (const name of names(list(m.index + m[0].length, true))) {
      if (!lead.includes(name) && !support.includes(name)) support.push(name);
    }
  }
  const unknown = listed
    .filter((l) => !l.known && (lead.includes(l.name) || support.includes(l.name)))
    .map((l) => l.name);
  return {
    lead,
    support,
    reportTo: reportToOf(text, mentions, directory),
    unknown: unique(unknown),
    leadInherited,
  };
}

// ---------------------------------------------------------------------------------- warnings

function warningsOf(
  item: ParsedItem,
  result: DeadlineResult,
  unknown: readonly string[],
  ctx: DeadlineContext,
  calendar: WorkingCalendar,
): string[] {
  const at = `Mục ${item.code}`;
  const out: string[] = [];
  if (item.lead.length === 0) {
    out.push(`${at}: chưa xác định cơ quan chủ trì; cần giao trước khi xác nhận.`);
  }
  for (const name of unknown) out.push(`${at}: "${name}" không có trong danh mục cơ quan.`);
  const d = item.deadline;
  for (const note of result.notes) out.push(`${at}: ${note}`);
  if (d.kind === 'date') {
    if (!calendar.isWorkingDay(d.due)) {
      out.push(
        `${at}: hạn ${formatVnDate(d.due)} rơi vào ngày nghỉ; theo luật hạn chuyển sang hết ngày ${formatVnDate(calendar.legalDueDate(d.due))}.`,
      );
    }
    if (ctx.issuedOn && d.due < ctx.issuedOn) {
      out.push(`${at}: hạn ${formatVnDate(d.due)} trước ngày ban hành thông báo; cần kiểm tra.`);
    } else if (ctx.reference && d.due < ctx.reference) {
      out.push(`${at}: hạn ${formatVnDate(d.due)} trước ngày họp; cần kiểm tra.`);
    }
    if (result.vague) out.push(`${at}: "${d.phrase}" là mục tiêu phấn đấu; cần xác nhận hạn.`);
  } else if (d.kind === 'none' && result.vague) {
    out.push(`${at}: yêu cầu khẩn trương nhưng không nêu thời hạn; cần xác định hạn.`);
  } else if (d.kind === 'none' && result.event) {
    out.push(`${at}: thời hạn gắn với sự kiện "${result.event}" chưa có ngày; cần nhập hạn.`);
  } else if (d.kind === 'relative') {
    out.push(`${at}: thời hạn tính từ "${d.from}" (chưa có ngày cụ thể); cần nhập hạn.`);
  } else if (d.kind === 'recurring') {
    out.push(`${at}: nhiệm vụ định kỳ (${d.phrase}); cần xác nhận lịch báo cáo.`);
  }
  return out;
}

/** Lines as the parser sees them (for diagnostics). */
export function debugLines(text: string): string[] {
  return cleanLines(text);
}
