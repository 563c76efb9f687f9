import type { AgencyDirectory, AgencyMention } from './agencies';
import { listAt } from './agency-lists';

/** The province, or a centrally run city ("UBND thành phố" in Đà Nẵng; not "thành phố Lạng Sơn"). */
const LEVEL = '(?:tỉnh|thành phố(?! \\p{Lu}))';
const PEOPLES = `(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) ${LEVEL}`;
const COUNCIL = `(?:HĐND|Hội đồng nhân dân) ${LEVEL}`;
const PARTY = '(?:Tỉnh|Thành) (?:ủy|uỷ)';
const REPORT_TARGET = `(Thường trực ${PARTY}|Ban Thường vụ ${PARTY}|${PARTY}|Thường trực ${COUNCIL}|${COUNCIL}|Thường trực ${PEOPLES}|Chủ tịch ${PEOPLES}|Phó Chủ tịch ${PEOPLES}(?: phụ trách(?: lĩnh vực)?)?|${PEOPLES}|Trưởng [Bb]an [Cc]hỉ đạo|Phó Trưởng [Bb]an [Cc]hỉ đạo|Ban [Cc]hỉ đạo|Bộ [\\p{Lu}][\\p{L}]*(?: [\\p{L}]+){0,4}|Chính phủ|Thủ tướng Chính phủ)`;
/** "báo cáo/trình X", "tham mưu (cho) X": the result goes to X (ADR 0004). */
const REPORT_TO = new RegExp(
  `(?<![\\p{L}])(?:báo cáo|trình|xin ý kiến|tham mưu(?:,\\s*đề xuất)?)\\s+(?:kết quả\\s+)?(?:(?:thực hiện|triển khai)\\s+)?(?:về\\s+)?(?:cho\\s+)?(?:đồng chí\\s+)?${REPORT_TARGET}(?![\\p{L}])`,
  'u',
);
/** "gửi Sở Tài chính", "gửi báo cáo về Sở Nội vụ", "báo cáo kết quả cho Sở Y tế". */
const REPORT_TO_AGENCY =
  /(?<![\p{L}])(?:báo cáo|gửi(?:\s+báo\s+cáo)?)(?:\s+(?:kết quả|tiến độ|tình hình|số liệu)(?:\s+thực hiện)?)?\s+(?:(?:về|cho|đến)\s+)?/giu;

/** "gửi kết quả triển khai Đề án 06 về Văn phòng UBND tỉnh": what is sent, then where. */
const SENT = /(?<![\p{L}])gửi\s[^,;.]*/giu;
const TO = /\s(?:về|cho|đến|tới)\s+/gu;

interface Target {
  readonly at: number;
  readonly name: string;
}

function canonicalReportTo(raw: string): string {
  return raw
    .replace(/(?:Ủy|Uỷ) ban nhân dân (tỉnh|thành phố)/u, 'UBND $1')
    .replace(/Hội đồng nhân dân (tỉnh|thành phố)/u, 'HĐND $1')
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
  const agencyAt = (pos: number): string | null =>
    listAt(text, pos, mentions, directory, false).found[0]?.name ?? null;
  const found: Target[] = [];
  const r = REPORT_TO.exec(text);
  if (r) found.push({ at: r.index, name: canonicalReportTo(r[1]!) });
  for (const m of text.matchAll(REPORT_TO_AGENCY)) {
    const name = agencyAt(m.index + m[0].length);
    if (name) found.push({ at: m.index, name });
  }
  for (const m of text.matchAll(SENT)) {
    for (const to of m[0].matchAll(TO)) {
      const name = agencyAt(m.index + to.index + to[0].length);
      if (name) found.push({ at: m.index, name });
    }
  }
  // The first recipient is where the report goes; "… để tổng hợp, báo cáo UBND tỉnh" is theirs.
  const first = found.reduce<Target | null>((a, b) => (a && a.at <= b.at ? a : b), null);
  return first?.name ?? null;
}
