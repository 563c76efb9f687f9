import { civilDateOrNull, type CivilDate } from '../time/civil-date';
import { collapse, fold } from './normalize';

/**
 * What a follow-up notice's item does to an item of an earlier notice (issue 12, notice lineage):
 * move its deadline, replace its text, keep it going unchanged, or stop it.
 */
export type AmendmentKind = 'deadline' | 'replace' | 'continue' | 'cancel';

/** An item's reference to an item of an earlier notice, as the text words it. */
export interface AmendmentReference {
  readonly kind: AmendmentKind;
  /** The earlier item's position, "2.g.1"; null when only the notice is named. */
  readonly itemCode: string | null;
  /** The earlier notice's number as written, "15/TB-UBND". */
  readonly noticeNumber: string;
  /** Its date, when given ("ngày 20/01/2026" or "ngày 20 tháng 01 năm 2026"). */
  readonly noticeDate: CivilDate | null;
  /** The words that refer to it, for the reviewer to see. */
  readonly phrase: string;
}

const NUMBER = String.raw`(\d+\/[A-Za-zĐđ]+(?:-[A-Za-zĐđ]+)*)`;
const DATE = String.raw`(?:,?\s*ngày\s+(\d{1,2})(?:\/|\s+tháng\s+)(\d{1,2})(?:\/|\s+năm\s+)(\d{4}))?`;
/** "Thông báo (kết luận) số 15/TB-UBND (ngày 20/01/2026)": groups number, day, month, year. */
const NOTICE = new RegExp(String.raw`thông báo(?:\s+kết luận)?(?:\s+số)?\s+${NUMBER}${DATE}`, 'iu');
/** "mục 2.g", "điểm 2.g.1", "nội dung số 3": the position written as a code. */
const CODE =
  /(?:mục|điểm|khoản|tiết|nội dung|nhiệm vụ)(?:\s+số)?\s+(\d+(?:\.[0-9a-zđ]+)*)(?![0-9a-zđ])/iu;
/** "(gạch đầu dòng thứ nhất) điểm g mục 2": the position written out. */
const SPELLED =
  /(?:(?:gạch đầu dòng|ý)\s+thứ\s+(nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|\d+)[\s,]+(?:tại\s+|của\s+)?)?điểm\s+([a-zđ])[\s,]+(?:mục|khoản)\s+(\d+)/iu;
const ORDINALS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

/** What the item does, first match wins: "không tiếp tục thực hiện" stops, it does not continue. */
const KINDS: readonly [AmendmentKind, RegExp][] = [
  [
    'cancel',
    /không (?:tiếp tục )?(?:thực hiện|triển khai)|(?:dừng|thôi|ngừng) (?:thực hiện|triển khai)|bãi bỏ|hủy bỏ/u,
  ],
  [
    'deadline',
    /(?:điều chỉnh|thay đổi|lùi|kéo dài) (?:thời hạn|thời gian|hạn)|gia hạn|hoàn thành (?:chậm nhất|trước) ngày .* thay cho/u,
  ],
  ['replace', /điều chỉnh nội dung|sửa đổi|thay thế nội dung|thay thế/u],
  ['continue', /tiếp tục/u],
];

/**
 * The earlier item a directive amends, when it names an earlier notice by number; null when it
 * names none (a "tiếp tục …" with no notice is a new directive, not an amendment). Without action
 * words a reference continues the item: the notice repeats it.
 */
export function amendmentReference(text: string): AmendmentReference | null {
  const flat = collapse(text.normalize('NFC'));
  const notice = NOTICE.exec(flat);
  if (!notice) return null;
  const [, number, day, month, year] = notice;
  const noticeDate =
    day && month && year ? civilDateOrNull(Number(year), Number(month), Number(day)) : null;
  const code = CODE.exec(flat);
  const spelled = SPELLED.exec(flat);
  const itemCode = spelled ? spelledCode(spelled) : (code?.[1]?.toLowerCase() ?? null);
  const folded = fold(flat);
  const kind = KINDS.find(([, words]) => words.test(folded))?.[0] ?? 'continue';
  const where = [notice, spelled ?? code].filter((m): m is RegExpExecArray => m !== null);
  const start = Math.min(...where.map((m) => m.index));
  const end = Math.max(...where.map((m) => m.index + m[0].length));
  return { kind, itemCode, noticeNumber: number!, noticeDate, phrase: flat.slice(start, end) };
}

function spelledCode(m: RegExpExecArray): string {
  const [, dash, letter, section] = m;
  const base = `${section}.${letter!.toLowerCase()}`;
  if (!dash) return base;
  const n = /^\d+$/.test(dash) ? Number(dash) : ORDINALS.indexOf(dash.toLowerCase()) + 1;
  return n > 0 ? `${base}.${n}` : base;
}
