import { civilDateAt, formatVnDate, isCivilDate, statusShown, toVnIso } from '../../domain/src';
import type { CompletionCounts, ItemRecord } from '../../persistence/src';
import { bodyParagraph, gridTable, heading, run, type OfficialDocument } from './docx-layout';
import { capitalised, withoutFinalStop } from './wording';

export interface ReportNotice {
  readonly number: string | null;
  readonly title: string | null;
  readonly issuedOn: string | null;
  /** The notice as pasted: its first lines name the issuing body. */
  readonly text: string;
}

export interface NoticeReportInput {
  readonly notice: ReportNotice;
  /** Its items in their order in the notice. */
  readonly items: readonly ItemRecord[];
  /** The agency's last completion report ("Báo cáo hoàn thành") of each item, by item id. */
  readonly resultNotes: ReadonlyMap<string, string>;
  /** Why the secretariat cancelled an item, by item id. */
  readonly cancelReasons: ReadonlyMap<string, string>;
  /**
   * The notice's counts as the reports page gives them (ADR 0016): every period of a recurring
   * item counts, each completed period too, so the two papers agree.
   */
  readonly counts: CompletionCounts;
  readonly nowMs: number;
}

const UPPER_LINE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

const NATIONAL_HEADER = /CỘNG H(?:ÒA|OÀ)|Độc lập\s*[-–—]/u;

/**
 * A header line's left column. Notices pasted from Word keep the two-column header on one line
 * ("BAN CHỈ ĐẠO TỈNH<tab>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), sometimes with the gap collapsed to
 * one space: the issuing body is what comes before the second column or the national name. Null
 * when the line starts with the national name, where the issuing body's lines have ended.
 */
function leftColumn(raw: string): string | null {
  const first = raw.trim().split(/\t| {2,}/u)[0] ?? '';
  const national = first.search(NATIONAL_HEADER);
  if (national === 0) return null;
  const left = national > 0 ? first.slice(0, national) : first;
  return left.replace(/\s+/gu, ' ').trim();
}

/**
 * The issuing body as the notice names it: its first lines in capitals before its number or the
 * national name ("UBND TỈNH LẠNG SƠN", "BAN CHỈ ĐẠO"); the report comes from the same body.
 */
export function issuerOf(noticeText: string): string[] {
  const lines: string[] = [];
  for (const raw of noticeText.normalize('NFC').split('\n')) {
    const line = leftColumn(raw);
    if (line === null) break;
    if (line === '') continue;
    if (/^(Số\b|THÔNG BÁO)/u.test(line) || !UPPER_LINE.test(line)) break;
    lines.push(line);
    if (lines.length === 3) break;
  }
  return lines.length > 0 ? lines : ['BAN CHỈ ĐẠO'];
}

/**
 * The place the notice was issued at ("Lạng Sơn, ngày 20 tháng 01 năm 2026" → "Lạng Sơn"), which
 * the office's papers in reply are dated at too; null when the notice does not say.
 */
export function placeOf(noticeText: string): string | null {
  for (const raw of noticeText.normalize('NFC').split('\n').slice(0, 12)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    // The capitalised words right before ", ngày <d>" (after "Số: 45/TB-BCĐ" on the same line).
    const match =
      /(?<![\p{L}\p{M}])((?:\p{Lu}[\p{Ll}\p{M}.]*\s){0,4}\p{Lu}[\p{Ll}\p{M}.]*),\s*ngày\s+\d/u.exec(
        line,
      );
    if (match?.[1]) return match[1];
  }
  return null;
}

/** "Số: ……/BC-BCĐ": the notice's own suffix after its kind ("45/TB-BCĐ" → BCĐ). */
function numberLine(noticeNumber: string | null): string {
  const suffix = noticeNumber ? /\/TB-(.+)$/u.exec(noticeNumber)?.[1] : undefined;
  return `Số:        /BC${suffix ? `-${suffix}` : ''}`;
}

/** A deadline as a letter writes it: dd/mm/yyyy, or HH:mm ngày dd/mm/yyyy for an exact instant. */
export const dateText = (due: string | null, dueAt: string | null): string => {
  if (due && isCivilDate(due)) return formatVnDate(due);
  const at = dueAt ?? due;
  if (!at) return 'Không có thời hạn';
  const ms = Date.parse(at);
  if (!Number.isFinite(ms)) return at;
  return `${toVnIso(ms).slice(11, 16)} ngày ${formatVnDate(civilDateAt(ms))}`;
};

/** The words of a recurring deadline as the notice wrote them ("định kỳ hằng tháng …"). */
function recurrencePhrase(item: ItemRecord): string | null {
  const d = item.deadline;
  if (d?.['kind'] !== 'recurring') return null;
  const phrase = typeof d['phrase'] === 'string' ? d['phrase'].trim() : '';
  const words = phrase === '' ? 'Định kỳ' : capitalised(phrase);
  return /định kỳ|hằng|hàng/iu.test(words) ? words : `Định kỳ: ${words}`;
}

function deadlineText(item: ItemRecord): string {
  const recurring = recurrencePhrase(item);
  if (recurring) return `${recurring}\n(kỳ này: ${dateText(item.due, item.dueAt)})`;
  const now = dateText(item.due, item.dueAt);
  if (!item.originalDue && !item.originalDueAt) return now;
  const original = dateText(item.originalDue, item.originalDueAt);
  return original === now ? now : `${now}\n(gia hạn từ ${original})`;
}

function progressText(
  item: ItemRecord,
  resultNote: string | undefined,
  cancelReason: string | undefined,
): string {
  const note = resultNote ? `\nKết quả: ${resultNote}` : '';
  const progress = item.progressPercent !== null ? `; tiến độ ${item.progressPercent}%` : '';
  switch (statusShown(item)) {
    case 'completed': {
      const on = item.closedAt
        ? ` ngày ${formatVnDate(civilDateAt(Date.parse(item.closedAt)))}`
        : '';
      return `Đã hoàn thành${on} (${item.completedLate ? 'trễ hạn' : 'đúng hạn'})${note}`;
    }
    case 'submitted':
      return `Đã báo cáo hoàn thành, chờ xác nhận${note}`;
    case 'overdue':
      return `Quá hạn ${item.daysOverdue} ngày làm việc${progress}`;
    case 'cancelled':
      return `Đã hủy${cancelReason ? ` (lý do: ${withoutFinalStop(cancelReason)})` : ''}`;
    case 'open':
      return `Đang thực hiện, trong hạn${progress}`;
  }
}

const namesOf = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} và ${names.at(-1)}`;

/**
 * "Báo cáo tình hình thực hiện Thông báo kết luận …": the overall result, a table of the items
 * (lead, deadline, how each stands) and a draft of what to propose, ready to edit and sign.
 */
export function noticeReport(input: NoticeReportInput): OfficialDocument {
  const { notice, items, resultNotes, cancelReasons, counts: t, nowMs } = input;
  const ref = [
    notice.number ? `số ${notice.number}` : null,
    notice.issuedOn ? `ngày ${formatVnDate(notice.issuedOn)}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const noticeName = `Thông báo kết luận${ref ? ` ${ref}` : ''}`;
  const overdueItems = items.filter((i) => statusShown(i) === 'overdue');
  const overdueCount = overdueItems.length;
  const overdueLeads = [...new Set(overdueItems.map((i) => i.leadName ?? i.lead))];
  const rows = items.map((item, index) => [
    item.code ?? String(index + 1),
    item.text,
    item.leadName ?? item.lead,
    deadlineText(item),
    progressText(item, resultNotes.get(item.id), cancelReasons.get(item.id)),
  ]);
  return {
    issuer: issuerOf(notice.text),
    place: placeOf(notice.text),
    numberLine: numberLine(notice.number),
    kind: 'BÁO CÁO',
    about: `Tình hình thực hiện ${noticeName}`,
    body: [
      bodyParagraph(
        `Thực hiện ${noticeName}${notice.title ? ` (${notice.title})` : ''}, tính đến ngày ` +
          `${formatVnDate(civilDateAt(nowMs))}, tình hình thực hiện các nhiệm vụ như sau:`,
      ),
      heading('I. KẾT QUẢ CHUNG'),
      bodyParagraph([
        run(
          t.total > items.length
            ? `Tổng số nhiệm vụ: ${items.length} (${t.total} lượt thực hiện, tính cả từng kỳ của nhiệm vụ định kỳ); trong đó đã hoàn thành ${t.completed} `
            : `Tổng số nhiệm vụ: ${t.total}; trong đó đã hoàn thành ${t.completed} `,
        ),
        run(`(đúng hạn ${t.completedOnTime}, trễ hạn ${t.completedLate}); `),
        run(`chờ xác nhận hoàn thành ${t.submitted}; đang thực hiện trong hạn ${t.open}; `),
        run(`quá hạn ${t.overdue}`, { bold: t.overdue > 0 }),
        run(`${t.cancelled ? `; đã hủy ${t.cancelled}` : ''}.`),
      ]),
      heading('II. TÌNH HÌNH THỰC HIỆN TỪNG NHIỆM VỤ'),
      gridTable(
        ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Tình hình thực hiện'],
        rows,
        [0.07, 0.36, 0.16, 0.14, 0.27],
      ),
      heading('III. ĐỀ XUẤT, KIẾN NGHỊ'),
      bodyParagraph(
        overdueLeads.length > 0
          ? `Đề nghị ${namesOf(overdueLeads)} khẩn trương hoàn thành ${overdueCount > 1 ? 'các nhiệm vụ' : 'nhiệm vụ'} đã quá hạn, ` +
              'báo cáo kết quả về Ban Chỉ đạo (qua Văn phòng).'
          : 'Đề nghị các cơ quan tiếp tục thực hiện các nhiệm vụ còn lại, bảo đảm đúng thời hạn.',
        { keepNext: true },
      ),
    ],
    // Numbered in the Ban's name (BC-BCĐ), so signed for its head (issue 8 blind check).
    recipients: [
      '- Trưởng Ban, các Phó Trưởng Ban Chỉ đạo (để báo cáo);',
      '- Các cơ quan chủ trì;',
      '- Lưu: VT.',
    ],
    signer: ['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG'],
  };
}
