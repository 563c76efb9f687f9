import { civilDateAt, formatVnDate } from '../../../domain/src';
import { escapeHtml, vnDateTime, vnDuration } from '../vn-format';

/** Which mail; one template each. */
export type ItemMailKind =
  | 'reminder'
  | 'overdue'
  | 'escalation'
  | 'weekly_overdue'
  | 'returned'
  | 'extension_approved'
  | 'extension_rejected'
  | 'reassigned';

export interface MailDue {
  /** Literal civil date 'YYYY-MM-DD' for a whole-day deadline; null for an exact instant. */
  readonly date: string | null;
  /** The instant the item becomes overdue (epoch ms). */
  readonly at: number;
}

export interface ItemMailData {
  readonly kind: ItemMailKind;
  readonly itemId: string;
  /** Position in the notice ("2.g.1"). */
  readonly code: string | null;
  readonly text: string;
  readonly noticeTitle: string | null;
  readonly noticeNumber: string | null;
  /** Name of the lead agency. */
  readonly leadName: string;
  readonly due: MailDue | null;
  /** When the mail is composed (epoch ms): days left / overdue are counted from here. */
  readonly nowMs: number;
  /**
   * Working days from today to the due date (whole-day deadlines, counted by the working
   * calendar): 0 means the due date is today. Omitted or null: shown as an exact duration.
   */
  readonly workingDaysLeft?: number | null;
  /** Escalation level (1: agency head + secretariat, 2+: committee head). */
  readonly level?: number;
  /** Reason given by the secretariat (returned, extension rejected, reassigned). */
  readonly reason?: string | null;
  /** Extension approved: the deadline before the extension. */
  readonly previousDue?: MailDue | null;
  /** Reassigned: the agency that had the item before. */
  readonly previousLeadName?: string | null;
  readonly publicBaseUrl: string;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

type Block =
  | { readonly p: string; readonly strong?: boolean }
  | { readonly facts: readonly (readonly [string, string])[] }
  | { readonly list: readonly string[] }
  | { readonly quote: string };

const DAY_MS = 86_400_000;

/** "Nhiệm vụ 2.g.1" or the first words of the text, for subjects. */
function itemLabel(d: ItemMailData): string {
  if (d.code) return `Nhiệm vụ ${d.code}`;
  const oneLine = d.text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57).trimEnd()}…` : oneLine;
}

function noticeLabel(d: ItemMailData): string | null {
  if (d.noticeNumber && d.noticeTitle) return `${d.noticeTitle} (số ${d.noticeNumber})`;
  if (d.noticeNumber) return `Thông báo số ${d.noticeNumber}`;
  return d.noticeTitle;
}

/** The due date as people read it: dd/mm/yyyy, with HH:mm for an exact instant. */
export function dueLabel(due: MailDue): string {
  if (due.date === null) return `${vnDateTime(due.at)} (giờ Việt Nam)`;
  const legalDate = civilDateAt(due.at - 1);
  const literal = `ngày ${formatVnDate(due.date)}`;
  if (legalDate === due.date) return literal;
  return `${literal} (trùng ngày nghỉ, hạn được tính đến hết ngày ${formatVnDate(legalDate)})`;
}

/** Short due for subjects: dd/mm/yyyy or HH:mm dd/mm/yyyy. */
function dueShort(due: MailDue): string {
  return due.date === null ? vnDateTime(due.at) : formatVnDate(due.date);
}

/**
 * "còn 3 ngày làm việc", "hạn chót là hôm nay", "còn 1 phút 40 giây", "đã hết hạn" (at the due
 * instant), "đã quá hạn 2 ngày làm việc" (a dated item), "đã quá hạn 8 giờ" (an exact instant).
 */
export function remainingLabel(d: Pick<ItemMailData, 'due' | 'nowMs' | 'workingDaysLeft'>): string {
  if (!d.due) return 'không có thời hạn';
  const left = d.due.at - d.nowMs;
  if (left <= 0) {
    const over = -left;
    if (over < 60_000) return 'đã hết hạn';
    if (d.due.date !== null && typeof d.workingDaysLeft === 'number' && d.workingDaysLeft < 0) {
      return `đã quá hạn ${-d.workingDaysLeft} ngày làm việc`;
    }
    return over >= DAY_MS
      ? `đã quá hạn ${Math.floor(over / DAY_MS)} ngày`
      : `đã quá hạn ${vnDuration(over)}`;
  }
  if (d.due.date !== null && typeof d.workingDaysLeft === 'number') {
    return d.workingDaysLeft <= 0
      ? 'hạn chót là hôm nay'
      : `còn ${d.workingDaysLeft} ngày làm việc`;
  }
  return `còn ${vnDuration(left)}`;
}

function itemUrl(d: ItemMailData): string {
  return `${d.publicBaseUrl.replace(/\/+$/, '')}/api/items/${encodeURIComponent(d.itemId)}`;
}

function factsOf(d: ItemMailData): Block {
  const rows: [string, string][] = [];
  if (d.code) rows.push(['Nhiệm vụ', d.code]);
  rows.push(['Nội dung', d.text]);
  const notice = noticeLabel(d);
  if (notice) rows.push(['Thông báo kết luận', notice]);
  rows.push(['Cơ quan chủ trì', d.leadName]);
  if (d.due) {
    rows.push(['Thời hạn', dueLabel(d.due)]);
    rows.push(['Tình trạng', remainingLabel(d)]);
  }
  return { facts: rows };
}

function whatToDo(d: ItemMailData): Block[] {
  const url = itemUrl(d);
  return [
    { p: 'Đề nghị Quý cơ quan:' },
    {
      list: [
        `Xem chi tiết nhiệm vụ: ${url}`,
        `Báo cáo tiến độ (nội dung và tỷ lệ % hoàn thành): ${url}/progress`,
        `Báo cáo hoàn thành kèm kết quả: ${url}/submit`,
        `Nếu cần thêm thời gian, đề nghị gia hạn (thời hạn mới và lý do): ${url}/extension-requests`,
      ],
    },
  ];
}

function compose(d: ItemMailData): { subject: string; blocks: Block[] } {
  const label = itemLabel(d);
  const due = d.due ? dueShort(d.due) : null;
  const remaining = remainingLabel(d);
  switch (d.kind) {
    case 'reminder':
      return {
        subject: `[Đôn Đốc] Nhắc hạn: ${label} — ${remaining}${due ? ` (hạn ${due})` : ''}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          {
            p: `Hệ thống Đôn Đốc nhắc Quý cơ quan về nhiệm vụ sắp đến hạn (${remaining}).`,
            strong: true,
          },
          factsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'overdue':
      return {
        subject: `[Đôn Đốc] Quá hạn: ${label}${due ? ` (hạn ${due})` : ''}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          { p: `Nhiệm vụ dưới đây đã quá thời hạn mà chưa được báo cáo hoàn thành.`, strong: true },
          factsOf(d),
          {
            p: 'Nếu nhiệm vụ vẫn chưa được báo cáo hoàn thành, hệ thống sẽ báo cáo lãnh đạo theo quy chế.',
          },
          ...whatToDo(d),
        ],
      };
    case 'escalation': {
      const level = d.level ?? 1;
      const toCommittee = level >= 2;
      return {
        subject: toCommittee
          ? `[Đôn Đốc] Báo cáo Trưởng Ban Chỉ đạo: nhiệm vụ quá hạn — ${label} (${d.leadName})`
          : `[Đôn Đốc] Nhiệm vụ quá hạn cần chỉ đạo: ${label} (${d.leadName})`,
        blocks: [
          {
            p: toCommittee
              ? 'Kính gửi: Trưởng Ban Chỉ đạo,'
              : `Kính gửi: Thủ trưởng ${d.leadName}; Văn phòng UBND tỉnh,`,
          },
          {
            p: `Nhiệm vụ dưới đây ${remaining} nhưng ${d.leadName} chưa báo cáo hoàn thành (báo cáo cấp ${level}).`,
            strong: true,
          },
          factsOf(d),
          {
            p: toCommittee
              ? 'Kính đề nghị Trưởng Ban Chỉ đạo xem xét, chỉ đạo.'
              : `Đề nghị Thủ trưởng ${d.leadName} chỉ đạo hoàn thành ngay và báo cáo kết quả; Văn phòng UBND tỉnh theo dõi, đôn đốc.`,
          },
          { p: `Chi tiết và lịch sử xử lý: ${itemUrl(d)}` },
        ],
      };
    }
    case 'weekly_overdue':
      return {
        subject: `[Đôn Đốc] Nhắc hằng tuần: nhiệm vụ quá hạn — ${label} (${remaining})`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          {
            p: `Nhiệm vụ dưới đây ${remaining} và vẫn chưa được báo cáo hoàn thành.`,
            strong: true,
          },
          factsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'returned':
      return {
        subject: `[Đôn Đốc] Kết quả chưa được chấp nhận: ${label}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          { p: 'Văn phòng UBND tỉnh trả lại báo cáo hoàn thành của Quý cơ quan.', strong: true },
          ...(d.reason ? [{ p: 'Lý do:' }, { quote: d.reason }] : []),
          factsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'extension_approved':
      return {
        subject: `[Đôn Đốc] Đồng ý gia hạn: ${label}${due ? ` — hạn mới ${due}` : ''}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          { p: 'Văn phòng UBND tỉnh đồng ý gia hạn thực hiện nhiệm vụ.', strong: true },
          ...(d.previousDue
            ? [{ p: `Thời hạn trước khi gia hạn: ${dueLabel(d.previousDue)}.` }]
            : []),
          ...(d.reason ? [{ p: 'Ý kiến:' }, { quote: d.reason }] : []),
          factsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'extension_rejected':
      return {
        subject: `[Đôn Đốc] Không đồng ý gia hạn: ${label}${due ? ` — giữ hạn ${due}` : ''}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          {
            p: 'Văn phòng UBND tỉnh không đồng ý đề nghị gia hạn; thời hạn thực hiện giữ nguyên.',
            strong: true,
          },
          ...(d.reason ? [{ p: 'Lý do:' }, { quote: d.reason }] : []),
          factsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'reassigned':
      return {
        subject: `[Đôn Đốc] Giao chủ trì nhiệm vụ: ${label}${due ? ` (hạn ${due})` : ''}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          {
            p: d.previousLeadName
              ? `Nhiệm vụ dưới đây được chuyển từ ${d.previousLeadName} sang ${d.leadName} chủ trì thực hiện.`
              : `Nhiệm vụ dưới đây được giao ${d.leadName} chủ trì thực hiện.`,
            strong: true,
          },
          ...(d.reason ? [{ p: 'Lý do:' }, { quote: d.reason }] : []),
          factsOf(d),
          ...whatToDo(d),
        ],
      };
  }
}

const FOOTER =
  'Thư này được gửi tự động từ hệ thống Đôn Đốc — theo dõi thực hiện kết luận của Ban Chỉ đạo. Vui lòng không trả lời thư này.';

function toText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if ('p' in b) out.push(b.p);
    else if ('facts' in b) out.push(b.facts.map(([k, v]) => `- ${k}: ${v}`).join('\n'));
    else if ('list' in b) out.push(b.list.map((l) => `  • ${l}`).join('\n'));
    else {
      out.push(
        b.quote
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n'),
      );
    }
  }
  out.push(`--\n${FOOTER}`);
  return `${out.join('\n\n')}\n`;
}

/** Turns URLs in already escaped text into links. */
const linkify = (escaped: string): string =>
  escaped.replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}">${u}</a>`);

function toHtml(subject: string, blocks: readonly Block[]): string {
  const body = blocks
    .map((b) => {
      if ('p' in b) {
        const inner = linkify(escapeHtml(b.p));
        return b.strong ? `<p><strong>${inner}</strong></p>` : `<p>${inner}</p>`;
      }
      if ('facts' in b) {
        const rows = b.facts
          .map(
            ([k, v]) =>
              `<tr><th style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;white-space:nowrap">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`,
          )
          .join('');
        return `<table style="border-collapse:collapse;margin:8px 0">${rows}</table>`;
      }
      if ('list' in b) {
        return `<ul>${b.list.map((l) => `<li>${linkify(escapeHtml(l))}</li>`).join('')}</ul>`;
      }
      return `<blockquote style="border-left:3px solid #ccc;margin:8px 0;padding-left:12px">${escapeHtml(b.quote).replace(/\n/g, '<br>')}</blockquote>`;
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222">',
    body,
    `<hr><p style="color:#777;font-size:12px">${escapeHtml(FOOTER)}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** Renders one item mail (Vietnamese, HTML + plain text with the same content). */
export function renderItemMail(d: ItemMailData): RenderedMail {
  const { subject, blocks } = compose(d);
  return { subject, text: toText(blocks), html: toHtml(subject, blocks) };
}
