import type { AgencyDirectory } from './agencies';
import { COMMUNES, GENERIC, ROLE, unknownAgencyAt } from './agency-lists';
import { parseDeadline, type DeadlineContext } from './deadlines';
import { collapse } from './normalize';
import type { Block } from './structure';

const ACKNOWLEDGEMENT =
  /^(?:cơ bản\s+)?(?:thống nhất|đồng ý|nhất trí|ghi nhận|biểu dương|hoan nghênh|khen ngợi|đánh giá cao|đánh giá tốt)(?![\p{L}])/iu;
const NARRATIVE =
  /^(?:đánh giá|kết quả|tình hình|nhận xét|ưu điểm|tồn tại|hạn chế|bối cảnh|thực trạng|khái quát|tóm tắt)/iu;

/**
 * "1. Đánh giá chung": findings, not directives. "2. Đánh giá cao Sở Y tế; giao …" is an
 * acknowledgement, judged like one at any level (isDecisionOnly).
 */
export function isNarrative(section: Block): boolean {
  const heading = collapse(section.heading).replace(/^về\s+/iu, '');
  return (
    NARRATIVE.test(heading) &&
    !ACKNOWLEDGEMENT.test(heading) &&
    !/nhiệm vụ|giải pháp|phương hướng/iu.test(heading.slice(0, 80))
  );
}

const ASSIGNING = /(?<![\p{L}])(?:giao|yêu cầu|đề nghị|chủ trì|phối hợp|khẩn trương)(?![\p{L}])/iu;
const IMPERATIVE =
  /^(?:tập trung|tiếp tục|khẩn trương|chỉ đạo|rà soát|triển khai|đẩy mạnh|đẩy nhanh|tăng cường|hoàn thiện|hoàn thành|xây dựng|tổ chức|chủ động|nghiên cứu|thực hiện|bảo đảm|đảm bảo|kiểm tra|hướng dẫn|quan tâm|nâng cao|củng cố|duy trì|phát huy|thường xuyên|kịp thời|sớm|nghiêm túc|quyết liệt|tiến hành|đôn đốc|theo dõi|tham mưu|cập nhật|báo cáo|trình|rút kinh nghiệm|đề xuất|lựa chọn|bố trí|ưu tiên|giải quyết|xử lý|khắc phục|chấn chỉnh|tuyên truyền|phổ biến|ban hành|sửa đổi|bổ sung|lập|thẩm định|phê duyệt|giao|yêu cầu|đề nghị)(?![\p{L}])/iu;

const ASSIGN_VERB =
  /(?<![\p{L}])(?:giao(?:\s+(?:nhiệm\s+vụ|trách\s+nhiệm))?(?:\s+cho)?|yêu cầu|đề nghị|chỉ đạo|phân công)\s+/giu;
/** "Sở X chủ trì", "Sở X tỉnh Lạng Sơn làm chủ trì": what follows an agency that leads. */
const LEADS = /^\s*(?:tỉnh(?:\s+\p{Lu}\p{Ll}*){0,2})?\s*,?\s*(?:làm\s+)?chủ\s+trì(?![\p{L}])/u;

/** An agency (or a group of them) is named at `pos`, possibly behind a title. */
function addresseeAt(text: string, pos: number, directory: AgencyDirectory): boolean {
  const rest = text.slice(pos).replace(ROLE, '');
  return (
    directory.mentions(rest)[0]?.start === 0 ||
    GENERIC.test(rest) ||
    COMMUNES.test(rest) ||
    unknownAgencyAt(rest, 0) !== null
  );
}

/** Verbs that open a clause directing work without naming anyone: "…; đề nghị tiếp tục rà soát". */
const DIRECTS = /^(?:giao|yêu cầu|đề nghị|chỉ đạo|phân công)(?:\s+cho)?\s+/iu;
const CONTINUES = /^(?:chủ trì|phối hợp|khẩn trương|tiếp tục)\s+/iu;
const BOUNDARY = /(?:,\s*đồng thời\s*,?|[;:.,])\s+/gu;
const PAST = /(?<![\p{L}])đã(?![\p{L}])/iu;

/** Whether the clause at `at` (after `boundary`) directs work. */
function directsAt(
  text: string,
  at: number,
  boundary: string,
  directory: AgencyDirectory,
  workAhead: (clause: string) => boolean,
): boolean {
  const rest = text.slice(at);
  if (PAST.test(rest.split(/[;.]/u)[0] ?? '')) return false;
  const strong = /[;:.]|đồng thời/u.test(boundary);
  if (strong && addresseeAt(text, at, directory)) return true;
  const verb = DIRECTS.exec(rest) ?? (strong ? CONTINUES.exec(rest) : null);
  if (verb && IMPERATIVE.test(rest.slice(verb[0].length))) return true;
  // "…, hoàn thành trong Quý III/2026": work with a deadline still ahead.
  return IMPERATIVE.test(rest) && workAhead(rest);
}

/** The clause has a deadline still to meet: a date not before the meeting, a recurrence, a count. */
const deadlineAhead =
  (ctx: DeadlineContext) =>
  (clause: string): boolean => {
    const d = parseDeadline(clause, ctx).deadline;
    if (d.kind === 'recurring' || d.kind === 'relative') return true;
    return d.kind === 'date' && (ctx.reference === null || d.due >= ctx.reference);
  };

/**
 * Where the text first gives someone work, or null: "giao/yêu cầu/đề nghị <agency>", "<agency> chủ
 * trì", a clause that opens with an agency ("…; Sở Tài chính rà soát …"), with a directive verb and
 * a work verb ("…; đề nghị tiếp tục rà soát …") or with work that has a deadline still ahead
 * ("…, hoàn thành trong Quý III/2026", as `workAhead` judges). "Đề nghị của Sở X", "yêu cầu cao",
 * "hoàn thành", "khẩn trương" inside the acknowledgement assign nothing.
 */
function directiveAt(
  text: string,
  directory: AgencyDirectory,
  workAhead: (clause: string) => boolean,
): number | null {
  const found: number[] = [];
  for (const m of text.matchAll(ASSIGN_VERB)) {
    if (addresseeAt(text, m.index + m[0].length, directory)) found.push(m.index);
  }
  const leading = directory.mentions(text).find((m) => LEADS.test(text.slice(m.end)));
  if (leading) found.push(leading.start);
  for (const m of text.matchAll(BOUNDARY)) {
    const at = m.index + m[0].length;
    if (directsAt(text, at, m[0], directory, workAhead)) found.push(at);
  }
  return found.length > 0 ? Math.min(...found) : null;
}

/**
 * "Thống nhất …", "Ghi nhận …", "Đánh giá cao …": a decision or an acknowledgement, not a task,
 * unless it also assigns one ("Thống nhất chủ trương …; giao Sở Tài chính chủ trì …").
 */
export function isDecisionOnly(
  text: string,
  directory: AgencyDirectory,
  ctx: DeadlineContext | null = null,
): boolean {
  const workAhead = ctx ? deadlineAhead(ctx) : () => false;
  return ACKNOWLEDGEMENT.test(text.trim()) && directiveAt(text, directory, workAhead) === null;
}

/**
 * "Đánh giá cao Sở Y tế; đề nghị tiếp tục rà soát …": the acknowledgement before its directive and
 * whether that directive names whom it addresses; null when the text is no acknowledgement.
 */
export function acknowledgementOf(
  text: string,
  directory: AgencyDirectory,
): { clause: string; addressed: boolean } | null {
  if (!ACKNOWLEDGEMENT.test(text.trim())) return null;
  // Only items get here: any clause of work is the directive.
  const at = directiveAt(text, directory, () => true);
  if (at === null) return null;
  const clause = text.slice(0, at);
  const verb = new RegExp(ASSIGN_VERB.source, 'iuy');
  verb.lastIndex = at;
  const addressed = addresseeAt(text, verb.test(text) ? verb.lastIndex : at, directory);
  return { clause, addressed };
}

/** A subject of a few words, then a verb of work: how a directive to anyone reads. */
const SUBJECT_THEN_WORK =
  /^\p{Lu}(?:(?!\s(?:chưa|còn|không|vẫn|đã)\s)[^.;:!?()]){0,100}?\s(?:chủ trì|báo cáo|thực hiện|triển khai|rà soát|tham mưu|khẩn trương|tiếp tục|tập trung|chủ động|hoàn thành|hoàn thiện|xây dựng|tổ chức|kiểm tra|đôn đốc|theo dõi|tăng cường|đẩy mạnh|đẩy nhanh|nghiên cứu|hướng dẫn|cập nhật|đề xuất|có trách nhiệm|chịu trách nhiệm|khắc phục|bảo đảm|đảm bảo|phối hợp)(?![\p{L}])/u;

/**
 * A section without sub-items ("3. Giao Văn phòng UBND tỉnh theo dõi …") is itself an item when it
 * reads like a directive: addressed to an agency, assigning, or opening with an imperative verb.
 * Headings ("3. Tổ chức thực hiện") and findings ("1. Ban Chỉ đạo đã …") are not.
 */
export function looksLikeDirective(text: string, directory: AgencyDirectory): boolean {
  const t = collapse(text);
  if (t.length < 25 || (/^về\s/iu.test(t) && !ASSIGNING.test(t))) return false;
  if (/^[^.;:]{0,80}\sđã\s/u.test(t) && !ASSIGNING.test(t)) return false;
  if (ASSIGNING.test(t) || IMPERATIVE.test(t)) return true;
  const body = t.replace(ROLE, '');
  // "3. UBND các huyện, thành phố định kỳ hằng tháng báo cáo …", "7. Các phòng chuyên môn …":
  // a subject (known or not) then its work; kept, so that no numbered directive is lost.
  if (COMMUNES.test(body) || SUBJECT_THEN_WORK.test(body)) return true;
  const first = directory.mentions(body)[0];
  return (
    (first !== undefined && first.start === 0) ||
    GENERIC.test(body) ||
    unknownAgencyAt(body, 0) !== null
  );
}

/**
 * A title on the marker's own line with the paragraph below it: all capitals ("III. TỔ CHỨC THỰC
 * HIỆN"), a topic ("Về …", "Nhiệm vụ …") or too short to be a directive ("3. Tổ chức thực hiện"),
 * over a paragraph that starts with a capital. A line wrapped inside a sentence is none: it ends
 * on a comma or a joining word ("phối hợp với", "Sở Nông nghiệp và") or starts an agency's name.
 */
function isTitle(heading: string, body: string, directory: AgencyDirectory): boolean {
  const h = collapse(heading);
  const capitals = h === h.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(h);
  const agency = directory.mentions(h)[0]?.start === 0 || unknownAgencyAt(h, 0) !== null;
  return (
    (capitals || TOPIC.test(h) || (h.length < 25 && !agency)) &&
    !/(?:[,;]|\s(?:và|với|của|cho|tại|các|những|về|trong|theo|để))$/iu.test(h) &&
    /^\p{Lu}/u.test(body)
  );
}
const TOPIC = /^(?:về|nhiệm vụ|giải pháp|phương hướng|tổ chức thực hiện)(?![\p{L}])/iu;

/**
 * The text of a block without sub-items that is an item, or null. A section is one when it reads
 * like a directive; under a title ("3. Về an ninh", "III. TỔ CHỨC THỰC HIỆN") the paragraph is.
 */
export function itemTextOf(
  block: Block,
  directory: AgencyDirectory,
  ctx: DeadlineContext,
): string | null {
  // An acknowledgement is an item exactly when it gives work, whatever its marker.
  const directive = (t: string): boolean =>
    ACKNOWLEDGEMENT.test(t.trim())
      ? !isDecisionOnly(t, directory, ctx)
      : block.kind !== 'section' || looksLikeDirective(t, directory);
  const body = collapse(block.text.slice(block.heading.length));
  if (block.kind === 'section' && body !== '' && isTitle(block.heading, body, directory)) {
    return directive(body) ? body : null;
  }
  if (directive(block.text)) return block.text;
  return block.kind === 'section' && body !== '' && directive(body) ? body : null;
}

/** Free prose (a news article): sentences where someone is told to do something. */
export function directiveSentences(body: string, directory: AgencyDirectory): string[] {
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
