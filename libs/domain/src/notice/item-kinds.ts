import type { AgencyDirectory } from './agencies';
import { COMMUNES, GENERIC, ROLE, unknownAgencyAt } from './agency-lists';
import { collapse } from './normalize';
import type { Block } from './structure';

const NARRATIVE =
  /^(?:đánh giá|kết quả|tình hình|nhận xét|ưu điểm|tồn tại|hạn chế|bối cảnh|thực trạng|khái quát|tóm tắt)/iu;

/** "1. Đánh giá chung": findings, not directives. */
export function isNarrative(section: Block): boolean {
  const heading = collapse(section.heading).replace(/^về\s+/iu, '');
  return NARRATIVE.test(heading) && !/nhiệm vụ|giải pháp|phương hướng/iu.test(heading.slice(0, 80));
}

const ASSIGNING = /(?<![\p{L}])(?:giao|yêu cầu|đề nghị|chủ trì|phối hợp|khẩn trương)(?![\p{L}])/iu;
const IMPERATIVE =
  /^(?:tập trung|tiếp tục|khẩn trương|chỉ đạo|rà soát|triển khai|đẩy mạnh|đẩy nhanh|tăng cường|hoàn thiện|hoàn thành|xây dựng|tổ chức|chủ động|nghiên cứu|thực hiện|bảo đảm|đảm bảo|kiểm tra|hướng dẫn|quan tâm|nâng cao|củng cố|duy trì|phát huy|thường xuyên|kịp thời|sớm|nghiêm túc|quyết liệt|tiến hành|đôn đốc|theo dõi|tham mưu|cập nhật|báo cáo|trình|rút kinh nghiệm|đề xuất|lựa chọn|bố trí|ưu tiên|giải quyết|xử lý|khắc phục|chấn chỉnh|tuyên truyền|phổ biến|ban hành|sửa đổi|bổ sung|lập|thẩm định|phê duyệt|giao|yêu cầu|đề nghị)(?![\p{L}])/iu;

const ACKNOWLEDGEMENT =
  /^(?:cơ bản\s+)?(?:thống nhất|đồng ý|nhất trí|ghi nhận|biểu dương|hoan nghênh|khen ngợi|đánh giá cao|đánh giá tốt)(?![\p{L}])/iu;
const ASSIGN_VERB =
  /(?<![\p{L}])(?:giao(?:\s+(?:nhiệm\s+vụ|trách\s+nhiệm))?(?:\s+cho)?|yêu cầu|đề nghị|chỉ đạo|phân công)\s+/giu;
const CLAUSE_START = /(?:[;:.]|,\s*đồng thời\s*,?)\s+/gu;
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

/**
 * The text gives someone work: "giao/yêu cầu/đề nghị <agency>", "<agency> chủ trì", or a clause
 * that opens with an agency ("…; Sở Tài chính rà soát …"). "Đề nghị của Sở X", "yêu cầu cao",
 * "hoàn thành", "khẩn trương" alone assign nothing.
 */
function assignsWork(text: string, directory: AgencyDirectory): boolean {
  for (const m of text.matchAll(ASSIGN_VERB)) {
    if (addresseeAt(text, m.index + m[0].length, directory)) return true;
  }
  if (directory.mentions(text).some((m) => LEADS.test(text.slice(m.end)))) return true;
  for (const m of text.matchAll(CLAUSE_START)) {
    const at = m.index + m[0].length;
    const clause = text.slice(at).split(/[;.]/u)[0] ?? '';
    const past = /(?<![\p{L}])đã(?![\p{L}])/iu.test(clause);
    if (!past && addresseeAt(text, at, directory)) return true;
  }
  return false;
}

/**
 * "Thống nhất …", "Ghi nhận …", "Đánh giá cao …": a decision or an acknowledgement, not a task,
 * unless it also assigns one ("Thống nhất chủ trương …; giao Sở Tài chính chủ trì …").
 */
export function isDecisionOnly(text: string, directory: AgencyDirectory): boolean {
  return ACKNOWLEDGEMENT.test(text.trim()) && !assignsWork(text, directory);
}

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
  const first = directory.mentions(body)[0];
  return (
    (first !== undefined && first.start === 0) ||
    GENERIC.test(body) ||
    unknownAgencyAt(body, 0) !== null
  );
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
