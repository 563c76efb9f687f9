import type { AgencyDirectory, AgencyMention } from './agencies';
import { listAt } from './agency-lists';

const REPORT_TARGET =
  '(Thường trực Tỉnh ủy|Thường trực Tỉnh uỷ|Ban Thường vụ Tỉnh ủy|Ban Thường vụ Tỉnh uỷ|Tỉnh ủy|Tỉnh uỷ|Thường trực HĐND tỉnh|HĐND tỉnh|Hội đồng nhân dân tỉnh|Thường trực (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh|Chủ tịch (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh|Phó Chủ tịch (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh(?: phụ trách(?: lĩnh vực)?)?|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh|Trưởng [Bb]an [Cc]hỉ đạo|Phó Trưởng [Bb]an [Cc]hỉ đạo|Ban [Cc]hỉ đạo|Bộ [\\p{Lu}][\\p{L}]*(?: [\\p{L}]+){0,4}|Chính phủ|Thủ tướng Chính phủ)';
const REPORT_TO = new RegExp(
  `(?<![\\p{L}])(?:báo cáo|trình|xin ý kiến)\\s+(?:kết quả\\s+)?(?:(?:thực hiện|triển khai)\\s+)?(?:về\\s+)?(?:cho\\s+)?(?:đồng chí\\s+)?${REPORT_TARGET}(?![\\p{L}])`,
  'u',
);
/** "gửi Sở Tài chính", "gửi báo cáo về Sở Nội vụ", "báo cáo kết quả cho Sở Y tế". */
const REPORT_TO_AGENCY =
  /(?<![\p{L}])(?:báo cáo|gửi(?:\s+báo\s+cáo)?)(?:\s+(?:kết quả|tiến độ|tình hình|số liệu)(?:\s+thực hiện)?)?\s+(?:(?:về|cho|đến)\s+)?/giu;

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
export function reportToOf(
  text: string,
  mentions: readonly AgencyMention[],
  directory: AgencyDirectory,
): string | null {
  const r = REPORT_TO.exec(text);
  let best: { at: number; name: string } | null = r
    ? { at: r.index, name: canonicalReportTo(r[1]!) }
    : null;
  // The first recipient is where the report goes; "… để tổng hợp, báo cáo UBND tỉnh" is theirs.
  for (const m of text.matchAll(REPORT_TO_AGENCY)) {
    if (best && m.index >= best.at) break;
    const listed = listAt(text, m.index + m[0].length, mentions, directory, false).found[0];
    if (listed) {
      best = { at: m.index, name: listed.name };
      break;
    }
  }
  return best?.name ?? null;
}
