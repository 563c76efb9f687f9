import { formatVnDate, isCivilDate, statusShown } from '../../../domain/src';
import {
  legalDueDate,
  type AgencyDigest,
  type HeadDigest,
  type SecretariatDigest,
} from '../../../papers/src';
import type { ItemRecord } from '../../../persistence/src';
import { DEFAULT_OFFICE_NAME, noticeRef } from './item-mail-labels';
import { toHtml, toText, type Block, type ListEntry } from './mail-layout';

export interface RenderedDigest {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Subjects begin as the item mails' do, so that a mail filter catches every mail of Đôn Đốc. */
const render = (gist: string, blocks: readonly Block[]): RenderedDigest => {
  const subject = `[Đôn Đốc] ${gist}`;
  return { subject, text: toText(blocks), html: toHtml(subject, blocks) };
};

/** The address of an item's page: behind the login, or a signed link (the agency's digest). */
export type ItemLink = (item: ItemRecord) => string;

const short = (text: string): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 90 ? `${one.slice(0, 87).trimEnd()}…` : one;
};

/**
 * An item's due as the web app and the item mails give it: the date named, and the working day it
 * runs to when that date is a day off; an exact instant by its day.
 */
function dueText(i: ItemRecord): string {
  const legal = legalDueDate(i);
  if (!legal) return 'không có thời hạn';
  if (!i.due || !isCivilDate(i.due) || i.due === legal) return `hạn ${formatVnDate(legal)}`;
  return `hạn ${formatVnDate(i.due)} (trùng ngày nghỉ, tính đến hết ngày ${formatVnDate(legal)})`;
}

/** One item as a line of a digest: code, words, lead, due, lateness, and its page. */
function line(i: ItemRecord, link: ItemLink, withLead = true, label = 'Xem nhiệm vụ'): ListEntry {
  // Which notice: "2.a" of two notices look alike.
  const notice = i.code ? noticeRef(i.noticeNumber, i.noticeTitle) : null;
  const parts = [
    `${i.code ? `Nhiệm vụ ${i.code}${notice ? ` (${notice})` : ''}: ` : ''}${short(i.text)}`,
    withLead ? (i.leadName ?? i.lead) : null,
    dueText(i),
    statusShown(i) === 'overdue' ? `quá hạn ${i.daysOverdue} ngày làm việc` : null,
  ].filter((p): p is string => p !== null);
  return { text: parts.join(' · '), link: { label, url: link(i) } };
}

const pageOf =
  (baseUrl: string): ItemLink =>
  (i) =>
    `${baseUrl}/items/${i.id}`;

function section(title: string, items: readonly ItemRecord[], baseUrl: string): Block[] {
  if (items.length === 0) return [];
  return [
    { p: `${title} (${items.length}):`, strong: true },
    { list: items.map((i) => line(i, pageOf(baseUrl))) },
  ];
}

const count = (n: number, what: string): string | null => (n > 0 ? `${n} ${what}` : null);

/** The secretariat's morning digest of a working day. */
export function renderSecretariatDigest(
  d: SecretariatDigest,
  baseUrl: string,
  officeName: string = DEFAULT_OFFICE_NAME,
): RenderedDigest {
  const decisions = d.submitted.length + d.extensionRequests.length;
  const gist = [
    count(d.dueToday.length, 'đến hạn hôm nay'),
    count(d.becameOverdue.length, 'mới quá hạn'),
    count(decisions, 'chờ Văn phòng xử lý'),
    count(d.dueThisWeek.length, 'đến hạn trong tuần'),
  ].filter((p): p is string => p !== null);
  const subject = `Tổng hợp ngày ${formatVnDate(d.date)}: ${gist.join(', ')}`;
  return render(subject, [
    // Addressed as the item mails address the secretariat.
    { p: `Kính gửi: ${officeName},` },
    { p: `Tình hình các nhiệm vụ đến sáng ngày ${formatVnDate(d.date)}:` },
    ...section('Đến hạn hôm nay', d.dueToday, baseUrl),
    ...section('Mới quá hạn (kể cả nhiệm vụ mới nhập đã quá hạn)', d.becameOverdue, baseUrl),
    ...section('Đã báo cáo hoàn thành, chờ xác nhận', d.submitted, baseUrl),
    ...section('Đề nghị gia hạn chờ quyết định', d.extensionRequests, baseUrl),
    ...section('Đến hạn trong tuần này', d.dueThisWeek, baseUrl),
  ]);
}

const percent = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** The committee head's Monday digest; the overdue spreadsheet travels as an attachment. */
export function renderHeadDigest(
  d: HeadDigest,
  baseUrl: string,
  attachmentName: string | null,
): RenderedDigest {
  const subject = `Báo cáo tuần ${formatVnDate(d.date)}: ${d.totals.overdue} nhiệm vụ quá hạn, tỷ lệ hoàn thành ${percent(d.totals.completionRate)}`;
  const late = d.agencies.filter((a) => a.overdue > 0);
  return render(subject, [
    { p: 'Kính gửi: Trưởng Ban Chỉ đạo,' },
    { p: `Tình hình thực hiện các kết luận của Ban Chỉ đạo đến ngày ${formatVnDate(d.date)}:` },
    {
      facts: [
        ['Tổng số nhiệm vụ', String(d.totals.total)],
        [
          'Đã hoàn thành',
          `${d.totals.completed} (đúng hạn ${d.totals.completedOnTime}, trễ hạn ${d.totals.completedLate})`,
        ],
        ['Đang thực hiện trong hạn', String(d.totals.open)],
        ['Quá hạn', String(d.totals.overdue)],
        // Every part of the total, so the figures add up (issue 8 blind check).
        ['Chờ xác nhận hoàn thành', String(d.totals.submitted)],
        ...(d.totals.cancelled > 0
          ? [['Đã hủy (không tính vào tỷ lệ)', String(d.totals.cancelled)] as const]
          : []),
        ['Tỷ lệ hoàn thành', percent(d.totals.completionRate)],
        ['Tỷ lệ đúng hạn', percent(d.totals.onTimeRate)],
      ],
    },
    ...(late.length > 0
      ? [
          { p: 'Nhiệm vụ quá hạn theo cơ quan chủ trì:', strong: true },
          { list: late.map((a) => `${a.name}: ${a.overdue}`) },
        ]
      : [{ p: 'Không có nhiệm vụ quá hạn.' }]),
    ...section('Các nhiệm vụ quá hạn lâu nhất', d.mostOverdue, baseUrl),
    { p: `Xem báo cáo đầy đủ: ${baseUrl}/bao-cao` },
    ...(attachmentName
      ? [{ p: `Danh sách nhiệm vụ quá hạn kèm theo: tệp ${attachmentName}.` }]
      : []),
  ]);
}

/**
 * An agency's Monday digest of the items it leads. Each item's link is signed for the agency (no
 * login, as in its item mails): `link` signs it.
 */
export function renderAgencyDigest(d: AgencyDigest, link: ItemLink): RenderedDigest {
  const waiting = d.submitted.length;
  const gist =
    `Nhiệm vụ của ${d.name} tuần ${formatVnDate(d.date)}: ` +
    [
      // "cần thực hiện, trong đó … quá hạn": the reports' "Đang thực hiện" leaves overdue ones out.
      `${d.items.length} cần thực hiện${d.overdue > 0 ? `, trong đó ${d.overdue} quá hạn` : ''}`,
      waiting > 0 ? `${waiting} chờ xác nhận hoàn thành` : null,
    ]
      .filter((p): p is string => p !== null)
      .join('; ');
  const todo =
    d.items.length === 0
      ? 'cơ quan không còn nhiệm vụ nào cần thực hiện.'
      : `cơ quan đang chủ trì ${d.items.length} nhiệm vụ cần thực hiện` +
        (d.overdue > 0 ? `, trong đó ${d.overdue} nhiệm vụ đã quá hạn.` : '.');
  const open = (i: ItemRecord) => line(i, link, false, 'Mở nhiệm vụ');
  return render(gist, [
    { p: `Kính gửi: ${d.name},` },
    { p: `Đến ngày ${formatVnDate(d.date)}, ${todo}` },
    ...(d.items.length > 0 ? [{ list: d.items.map(open) }] : []),
    ...(d.items.length > 0
      ? [
          {
            p: 'Bấm “Mở nhiệm vụ” ở từng nhiệm vụ (không cần đăng nhập; liên kết có hiệu lực 30 ngày) để báo cáo tiến độ, báo cáo hoàn thành hoặc đề nghị gia hạn.',
          },
        ]
      : []),
    ...(waiting > 0
      ? [
          {
            p: `Đã báo cáo hoàn thành, chờ Văn phòng xác nhận (${waiting}):`,
            strong: true,
          },
          { list: d.submitted.map(open) },
          { p: 'Các nhiệm vụ này cơ quan không cần làm gì thêm, trừ khi Văn phòng trả lại.' },
        ]
      : []),
  ]);
}
