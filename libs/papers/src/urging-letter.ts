import { civilDateAt, formatVnDate, statusShown, type CivilDate } from '../../domain/src';
import type { ItemRecord } from '../../persistence/src';
import { AlignmentType, Paragraph } from 'docx';
import { bodyParagraph, run, type OfficialDocument } from './docx-layout';
import { dateText, issuerOf, placeOf, type ReportNotice } from './notice-report';
import { withoutFinalStop } from './wording';

/** The last progress the lead agency reported, if any. */
export interface ReportedProgress {
  readonly at: number;
  readonly percent: number | null;
  readonly note: string;
}

/** The agency's last completion report, which the Văn phòng returned, and why. */
export interface ReturnedReport {
  readonly submittedAt: number;
  readonly note: string;
  readonly returnedAt: number;
  readonly reason: string;
}

export interface UrgingLetterInput {
  readonly item: ItemRecord;
  readonly notice: ReportNotice | null;
  readonly lastProgress: ReportedProgress | null;
  /** Absent or null: no completion report was returned. */
  readonly lastReturned?: ReturnedReport | null;
  /** The date by which the agency is to report. */
  readonly reportBy: CivilDate;
  readonly nowMs: number;
}

/**
 * Whom a letter to an agency is addressed to: its head, by the title that kind of body gives its
 * head ("Giám đốc Sở Tài chính", "Trưởng Ban Quản lý Khu kinh tế", "Chủ tịch UBND xã …").
 */
export function headOf(agencyName: string): string {
  // A name's first words, then a space or its end (\b is ASCII-only: "Sở" ends in a non-word letter).
  const rules: readonly [readonly string[], string][] = [
    [['Sở', 'Công an', 'Kho bạc', 'Bảo hiểm xã hội', 'Ngân hàng', 'Trung tâm', 'Đài'], 'Giám đốc'],
    [['Ban', 'Thuế', 'Cục'], 'Trưởng'],
    [['Ủy ban', 'Uỷ ban', 'UBND', 'Hội', 'Liên minh'], 'Chủ tịch'],
    [['Văn phòng', 'Thanh tra'], 'Chánh'],
    [['Bộ Chỉ huy'], 'Chỉ huy trưởng'],
  ];
  const starts = (word: string) => agencyName === word || agencyName.startsWith(`${word} `);
  const title = rules.find(([words]) => words.some(starts))?.[1];
  return title ? `${title} ${agencyName}` : `Thủ trưởng ${agencyName}`;
}

function noticeRef(notice: ReportNotice | null): string | null {
  if (!notice) return null;
  const parts = [
    notice.number ? `số ${notice.number}` : null,
    notice.issuedOn ? `ngày ${formatVnDate(notice.issuedOn)}` : null,
  ].filter(Boolean);
  return `Thông báo kết luận${parts.length ? ` ${parts.join(' ')}` : ''}`;
}

/**
 * A draft công văn đôn đốc to an item's lead agency: what was assigned and when it was due, how
 * late it is, what the agency reported so far, and a date by which to report; to edit and sign.
 */
export function urgingLetter(input: UrgingLetterInput): OfficialDocument {
  const { item, notice, lastProgress, reportBy, nowMs } = input;
  const returned = input.lastReturned ?? null;
  const agency = item.leadName ?? item.lead;
  const label = item.code ? `nhiệm vụ ${item.code}` : 'nhiệm vụ';
  const ref = noticeRef(notice);
  const today = formatVnDate(civilDateAt(nowMs));
  const due = dateText(item.due, item.dueAt);
  const standing =
    statusShown(item) === 'overdue'
      ? `Đến ngày ${today}, nhiệm vụ đã quá hạn ${item.daysOverdue} ngày làm việc.`
      : `Đến ngày ${today}, nhiệm vụ chưa hoàn thành.`;
  const day = (ms: number): string => formatVnDate(civilDateAt(ms));
  const progress =
    lastProgress && (!returned || lastProgress.at > returned.submittedAt)
      ? `Theo báo cáo ngày ${day(lastProgress.at)} của ${agency}` +
        (lastProgress.percent !== null ? `, nhiệm vụ đạt khoảng ${lastProgress.percent}%` : '') +
        `: “${withoutFinalStop(lastProgress.note)}”.`
      : null;
  // A completion report returned is no silence (issue 8 blind check: the letter said the agency
  // had not reported at all).
  const returnedText = returned
    ? `Ngày ${day(returned.submittedAt)}, ${agency} đã báo cáo hoàn thành nhiệm vụ` +
      (returned.note ? ` (“${withoutFinalStop(returned.note)}”)` : '') +
      `; ngày ${day(returned.returnedAt)}, Văn phòng đã trả lại báo cáo` +
      (returned.reason ? ` (lý do: “${withoutFinalStop(returned.reason)}”)` : '') +
      '; đến nay chưa nhận được báo cáo hoàn thành bổ sung.'
    : null;
  const reported =
    [returnedText, progress].filter((s): s is string => s !== null).join(' ') ||
    `Đến nay, ${agency} chưa báo cáo tiến độ thực hiện nhiệm vụ.`;
  return {
    issuer: issuerOf(notice?.text ?? ''),
    place: placeOf(notice?.text ?? ''),
    numberLine: 'Số:        /BCĐ-VP',
    kind: null,
    about: `đôn đốc thực hiện ${label}${ref ? ` tại ${ref}` : ''}`,
    body: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [run('Kính gửi: '), run(headOf(agency), { bold: true })],
      }),
      bodyParagraph(
        `${ref ? `Tại ${ref}, ` : ''}Ban Chỉ đạo giao ${agency} chủ trì thực hiện ${label}: ` +
          `“${withoutFinalStop(item.text.trim())}”, thời hạn hoàn thành ${due}.`,
      ),
      bodyParagraph(`${standing} ${reported}`),
      bodyParagraph(
        [
          run(
            `Ban Chỉ đạo đề nghị ${headOf(agency)} chỉ đạo khẩn trương hoàn thành nhiệm vụ trên, `,
          ),
          run(
            `báo cáo kết quả về Ban Chỉ đạo (qua Văn phòng) trước ngày ${formatVnDate(reportBy)}`,
            {
              bold: true,
            },
          ),
          run('; trường hợp không thể hoàn thành, báo cáo rõ lý do và đề xuất thời hạn mới.'),
        ],
        { keepNext: true },
      ),
    ],
    recipients: ['- Như trên;', '- Trưởng Ban Chỉ đạo (để báo cáo);', '- Lưu: VT.'],
    signer: ['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG'],
  };
}

/** "cong-van-don-doc-nhiem-vu-2-c-2026-12-03.docx": the item's code (or id) and the day. */
export function urgingLetterFileName(
  item: Pick<ItemRecord, 'code' | 'id'>,
  day: CivilDate,
): string {
  const label = fileSafe(item.code ?? item.id.slice(0, 8));
  return `cong-van-don-doc-nhiem-vu-${label}-${day}.docx`;
}

/** "45/TB-BCĐ" → "45-TB-BCD": a file name in ASCII letters, digits and dashes. */
export const fileSafe = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
