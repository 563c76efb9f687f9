import type { AgencyDirectory, AgencyMention } from './agencies';
import { collapse } from './normalize';

export const LEAD_IN =
  /^(?:(?:đồng thời|đồng ý|thống nhất|trên cơ sở đó)\s*,?\s+)?(?:giao(?:\s+(?:nhiệm\s+vụ|trách\s+nhiệm))?(?:\s+cho)?|yêu cầu|đề nghị|chỉ đạo|phân công)\s+/iu;
/** "Để kịp thời tháo gỡ khó khăn, Sở Xây dựng …": an introductory clause before the subject. */
export const INTRO =
  /^(?:để|trên cơ sở|căn cứ|đối với|về|theo|nhằm|sau khi|trong|trường hợp|từ nay)(?![\p{L}])[^,:;]{0,160}[,:]\s*/iu;
/** Titles in front of an agency: "Giám đốc Sở Tài chính", "Chủ tịch UBND các xã, phường". */
export const ROLE =
  /^(?:(?:đồng chí|đ\/c)\s+)?(?:Giám đốc|Phó Giám đốc|Thủ trưởng|Lãnh đạo|Chủ tịch|Chánh Văn phòng|Chánh|Người đứng đầu|Trưởng ban|Chỉ huy trưởng|Cục trưởng|Chi cục trưởng)\s+/iu;
const GROUP_NOUN =
  '(?:cơ quan|đơn vị|sở|ban|ngành|địa phương|tổ chức|doanh nghiệp|thành viên|cấp|chủ đầu tư|nhà đầu tư|hợp tác xã|đoàn thể|hội|cơ sở|trường|ngân hàng(?:\\s+thương\\s+mại)?|tổ công tác|lực lượng)';
export const GENERIC = new RegExp(
  `^(?:(?:các|những|toàn bộ|mọi)\\s+${GROUP_NOUN}(?:\\s*(?:,|và)\\s*(?:các\\s+)?${GROUP_NOUN})*(?:\\s+(?:chuyên môn|chức năng|thành viên(?:\\s+Ban\\s+Chỉ\\s+đạo)?))?(?:\\s+(?:thuộc|trực thuộc)\\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+tỉnh)?(?:\\s+(?:có\\s+)?liên\\s+quan)?(?:\\s+(?:khác|của\\s+tỉnh|trên\\s+địa\\s+bàn(?:\\s+tỉnh)?))?|đơn vị tư vấn)`,
  'iu',
);
const SEPARATOR = /^\s*(?:,|;|và|cùng|&|\/)\s*(?:với\s+)?/iu;
/** What may follow a directory name: " tỉnh Lạng Sơn", a region number ("khu vực VII", "khu vực 6"). */
const TAIL =
  /^(?:\s*tỉnh(?:\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)?)?(?![\p{L}])|\s+(?:[IVXL]{1,5}|\d{1,2})(?![\p{L}\d]))/u;
/** "các xã, phường" is how notices name UBND các xã, phường in lists. */
export const COMMUNES =
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

export interface Listed {
  readonly name: string;
  readonly known: boolean;
  /** The words that named it, as written (an alias, "UBND các xã, phường" …), spacing collapsed. */
  readonly phrase: string;
}

/**
 * Agencies listed from `pos` on ("Sở A, Sở B và các cơ quan liên quan"); generic groups skipped.
 * `leadingGroup`: a group the list opens with ("Các sở, ban, ngành và UBND các huyện"), which
 * addresses many agencies no directory entry stands for ("… liên quan" excepted).
 */
export function listAt(
  text: string,
  pos: number,
  mentions: readonly AgencyMention[],
  directory: AgencyDirectory,
  allowUnknown: boolean,
): { found: Listed[]; end: number; leadingGroup: string | null } {
  const found: Listed[] = [];
  let leadingGroup: string | null = null;
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
      const phrase = collapse(text.slice(q, end));
      found.push({ name: end === m.end ? m.name : phrase, known: m.known, phrase });
      p = end;
      const tail = TAIL.exec(text.slice(p));
      if (tail) p += tail[0].length;
    } else if (communes && communeName) {
      found.push({
        name: communeName,
        known: true,
        phrase: collapse(text.slice(q, q + communes[0].length)),
      });
      p = q + communes[0].length;
    } else {
      const g = GENERIC.exec(text.slice(q));
      if (g) {
        if (found.length === 0 && leadingGroup === null && !/liên\s+quan$/iu.test(g[0])) {
          leadingGroup = collapse(g[0]);
        }
        p = q + g[0].length;
      } else {
        const end = allowUnknown ? unknownAgencyAt(text, q) : null;
        if (end === null) break;
        const name = collapse(text.slice(q, end));
        found.push({ name: directory.canonical(name) ?? name, known: false, phrase: name });
        p = end;
      }
    }
    const sep = SEPARATOR.exec(text.slice(p));
    if (!sep) break;
    p += sep[0].length;
  }
  return { found, end: p, leadingGroup };
}
