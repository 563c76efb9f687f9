import type { AgencyDirectory } from './agencies';
import { GENERIC, ROLE, unknownAgencyAt } from './agency-lists';
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

/** "Thống nhất …", "Ghi nhận …": a decision or an acknowledgement, not a task, unless it also assigns one. */
export function isDecisionOnly(text: string): boolean {
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
