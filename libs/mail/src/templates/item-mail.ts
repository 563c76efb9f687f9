import type { ItemMailKind } from '../../../contracts/src';
import type { ItemMailData } from './item-mail-data';
import {
  assignmentFactsOf,
  closedFactsOf,
  dueLabel,
  dueShort,
  factsOf,
  reassignedFactsOf,
  itemLabel,
  itemUrl,
  lateNotice,
  MAIL_KIND_NAMES,
  officeOf,
  remainingLabel,
  whatToDo,
} from './item-mail-labels';
import { toHtml, toText, type Block } from './mail-layout';
import { vnDateTime } from '../vn-format';

export type { ItemMailData, ItemMailKind };
export { dueLabel, remainingLabel };
export { isLateMail, MAIL_LATE_AFTER_MS } from './late-mail';

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * What the assignment rests on: the notice when there is one; an item the secretariat entered on
 * its own (POST /api/items, no notice) only on the committee's direction (blind check).
 */
function assignmentBasis(d: ItemMailData): string {
  return d.noticeTitle || d.noticeNumber || d.noticeIssuedOn
    ? 'Theo Thông báo kết luận của Ban Chỉ đạo'
    : 'Theo chỉ đạo của Ban Chỉ đạo';
}

function compose(d: ItemMailData): { subject: string; blocks: Block[] } {
  const label = itemLabel(d);
  const due = d.due ? dueShort(d.due) : null;
  const remaining = remainingLabel(d);
  const office = officeOf(d);
  switch (d.kind) {
    case 'assigned':
      return {
        subject: `[Đôn Đốc] Giao nhiệm vụ: ${label}${due ? ` (hạn ${due})` : ''}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          {
            p: `${assignmentBasis(d)}, ${d.leadName} được giao chủ trì thực hiện nhiệm vụ dưới đây.`,
            strong: true,
          },
          assignmentFactsOf(d),
          ...(d.due
            ? []
            : [
                {
                  p: 'Nhiệm vụ không có thời hạn nên hệ thống không gửi thư nhắc hạn; Quý cơ quan vẫn báo cáo tiến độ và kết quả thực hiện.',
                },
              ]),
          ...whatToDo(d),
        ],
      };
    case 'assigned_copy':
      return {
        subject: `[Đôn Đốc] Giao nhiệm vụ (phối hợp): ${label}${due ? ` (hạn ${due})` : ''}`,
        blocks: [
          // One mail to each co-ordinating agency: addressed to the one reading it.
          { p: `Kính gửi: ${d.addresseeName ?? 'Quý cơ quan phối hợp thực hiện nhiệm vụ'},` },
          {
            p: `${assignmentBasis(d)}, ${d.leadName} được giao chủ trì thực hiện nhiệm vụ dưới đây; Quý cơ quan được giao phối hợp.`,
            strong: true,
          },
          assignmentFactsOf(d),
          {
            p: `Thư này gửi để Quý cơ quan biết và phối hợp với ${d.leadName}; cơ quan chủ trì báo cáo tiến độ và kết quả thực hiện.`,
          },
          { p: `Xem nhiệm vụ (đăng nhập hệ thống Đôn Đốc): ${itemUrl(d)}` },
        ],
      };
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
            // The rule, not a promise: an item entered late is escalated in the same hour (issue 8
            // blind check read "sẽ báo cáo lãnh đạo" beside the escalation already sent).
            p: `Theo quy chế, nhiệm vụ quá hạn chưa được báo cáo hoàn thành được báo cáo Thủ trưởng ${d.leadName} và lãnh đạo Ban Chỉ đạo.`,
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
              : `Kính gửi: Thủ trưởng ${d.leadName}; ${office},`,
          },
          {
            // No escalation level: the blind check read "(báo cáo cấp 2)" as jargon; whom the
            // mail addresses says it.
            p: `Nhiệm vụ dưới đây ${remaining} nhưng ${d.leadName} chưa báo cáo hoàn thành.`,
            strong: true,
          },
          factsOf(d),
          {
            p: toCommittee
              ? 'Kính đề nghị Trưởng Ban Chỉ đạo xem xét, chỉ đạo.'
              : `Đề nghị Thủ trưởng ${d.leadName} chỉ đạo hoàn thành ngay và báo cáo kết quả; ${office} theo dõi, đôn đốc.`,
          },
          ...(d.urgingLetterAttached
            ? [
                {
                  p: `Kèm theo thư này: dự thảo công văn đôn đốc gửi Thủ trưởng ${d.leadName} (tệp Word), để ${office} hoàn thiện, trình ký ban hành.`,
                },
              ]
            : []),
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
          { p: `${office} trả lại báo cáo hoàn thành của Quý cơ quan.`, strong: true },
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
          {
            p:
              d.requestedDue && d.due && d.requestedDue.at !== d.due.at
                ? `${office} đồng ý gia hạn thực hiện nhiệm vụ, đến ${dueLabel(d.due)} (Quý cơ quan đề nghị đến ${dueLabel(d.requestedDue)}).`
                : `${office} đồng ý gia hạn thực hiện nhiệm vụ.`,
            strong: true,
          },
          ...(d.previousDue
            ? [{ p: `Thời hạn trước khi gia hạn: ${dueLabel(d.previousDue)}.` }]
            : []),
          ...(d.reason ? [{ p: 'Ý kiến:' }, { quote: d.reason }] : []),
          factsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'deadline_changed':
      return {
        subject: `[Đôn Đốc] Thay đổi thời hạn: ${label}${due ? ` — hạn mới ${due}` : ''}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          {
            p: d.due
              ? `${office} điều chỉnh thời hạn thực hiện nhiệm vụ dưới đây: hạn mới ${dueLabel(d.due)}.`
              : `${office} điều chỉnh thời hạn thực hiện nhiệm vụ dưới đây.`,
            strong: true,
          },
          ...(d.previousDue ? [{ p: `Thời hạn trước đây: ${dueLabel(d.previousDue)}.` }] : []),
          ...(d.reason ? [{ p: 'Lý do:' }, { quote: d.reason }] : []),
          factsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'deadline_copy':
      if (d.nextPeriod) {
        return {
          subject: `[Đôn Đốc] Kỳ mới của nhiệm vụ định kỳ (phối hợp): ${label}${due ? ` (hạn ${due})` : ''}`,
          blocks: [
            { p: `Kính gửi: ${d.addresseeName ?? 'Quý cơ quan phối hợp thực hiện nhiệm vụ'},` },
            {
              p: `Nhiệm vụ định kỳ dưới đây do ${d.leadName} chủ trì, Quý cơ quan phối hợp, bắt đầu kỳ mới${d.due ? `, hạn ${dueLabel(d.due)}` : ''}.`,
              strong: true,
            },
            ...(d.previousDue
              ? [
                  {
                    p: `Kỳ trước (hạn ${dueLabel(d.previousDue)}) đã được ${office} xác nhận hoàn thành.`,
                  },
                ]
              : []),
            factsOf(d),
            {
              p: 'Hạn của kỳ mới được đưa vào lịch của Quý cơ quan (tệp lịch kèm theo), thay cho hạn kỳ trước.',
            },
            { p: `Xem nhiệm vụ (đăng nhập hệ thống Đôn Đốc): ${itemUrl(d)}` },
          ],
        };
      }
      return {
        subject: `[Đôn Đốc] Thời hạn mới (phối hợp): ${label}${due ? ` — hạn mới ${due}` : ''}`,
        blocks: [
          // One mail to each co-ordinating agency, as the assignment's copy.
          { p: `Kính gửi: ${d.addresseeName ?? 'Quý cơ quan phối hợp thực hiện nhiệm vụ'},` },
          {
            p: d.due
              ? `Nhiệm vụ dưới đây do ${d.leadName} chủ trì, Quý cơ quan phối hợp, có thời hạn mới: ${dueLabel(d.due)}.`
              : `Nhiệm vụ dưới đây do ${d.leadName} chủ trì, Quý cơ quan phối hợp, được điều chỉnh thời hạn.`,
            strong: true,
          },
          ...(d.previousDue ? [{ p: `Thời hạn trước đây: ${dueLabel(d.previousDue)}.` }] : []),
          factsOf(d),
          { p: `Xem nhiệm vụ (đăng nhập hệ thống Đôn Đốc): ${itemUrl(d)}` },
        ],
      };
    case 'period_opened':
      return {
        subject: `[Đôn Đốc] Kỳ mới của nhiệm vụ định kỳ: ${label}${due ? ` (hạn ${due})` : ''}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          {
            p: `${office} đã xác nhận hoàn thành ${d.previousDue ? `kỳ có hạn ${dueLabel(d.previousDue)}` : 'kỳ vừa qua'}. Nhiệm vụ định kỳ tiếp tục với kỳ mới${d.due ? `, hạn ${dueLabel(d.due)}` : ''}.`,
            strong: true,
          },
          ...(d.completedLate === false ? [{ p: 'Kỳ vừa qua hoàn thành đúng hạn.' }] : []),
          ...(d.completedLate === true ? [{ p: 'Kỳ vừa qua hoàn thành sau thời hạn.' }] : []),
          ...(d.reason ? [{ p: 'Ý kiến của Văn phòng:' }, { quote: d.reason }] : []),
          factsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'submitted':
      return {
        subject: `[Đôn Đốc] Báo cáo hoàn thành${typeof d.returnedFor === 'string' ? ' (báo cáo lại)' : ''}: ${label} (${d.leadName})`,
        blocks: [
          { p: `Kính gửi: ${office},` },
          {
            p:
              typeof d.returnedFor === 'string'
                ? `${d.leadName} báo cáo lại kết quả hoàn thành nhiệm vụ dưới đây, sau khi Văn phòng trả lại báo cáo trước.`
                : `${d.leadName} báo cáo đã hoàn thành nhiệm vụ dưới đây.`,
            strong: true,
          },
          ...(d.returnedFor ? [{ p: `Lý do trả lại lần trước: ${d.returnedFor}` }] : []),
          ...(d.reason ? [{ p: 'Kết quả thực hiện:' }, { quote: d.reason }] : []),
          factsOf(d),
          {
            p: `Đề nghị xem xét, xác nhận hoàn thành hoặc trả lại kèm lý do (đăng nhập hệ thống Đôn Đốc): ${itemUrl(d)}`,
          },
        ],
      };
    case 'extension_rejected':
      return {
        subject: `[Đôn Đốc] Không đồng ý gia hạn: ${label}${due ? ` — giữ hạn ${due}` : ''}`,
        blocks: [
          { p: `Kính gửi: ${d.leadName},` },
          {
            p: `${office} không đồng ý đề nghị gia hạn; thời hạn thực hiện giữ nguyên.`,
            strong: true,
          },
          ...(d.reason ? [{ p: 'Lý do:' }, { quote: d.reason }] : []),
          factsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'extension_requested':
      return {
        subject: `[Đôn Đốc] Đề nghị gia hạn: ${label} (${d.leadName})${d.requestedDue ? ` — đến ${dueShort(d.requestedDue)}` : ''}`,
        blocks: [
          { p: `Kính gửi: ${office},` },
          {
            p: d.requestedDue
              ? `${d.leadName} đề nghị gia hạn thực hiện nhiệm vụ dưới đây đến ${dueLabel(d.requestedDue)}.`
              : `${d.leadName} đề nghị gia hạn thực hiện nhiệm vụ dưới đây.`,
            strong: true,
          },
          ...(d.reason ? [{ p: 'Lý do:' }, { quote: d.reason }] : []),
          factsOf(d),
          {
            p: `Đề nghị xem xét, quyết định đồng ý hoặc không đồng ý gia hạn (đăng nhập hệ thống Đôn Đốc): ${itemUrl(d)}`,
          },
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
          reassignedFactsOf(d),
          ...whatToDo(d),
        ],
      };
    case 'reassigned_away':
      return {
        subject: `[Đôn Đốc] Chuyển nhiệm vụ sang ${d.leadName} chủ trì: ${label}`,
        blocks: [
          { p: `Kính gửi: ${d.previousLeadName ?? 'Quý cơ quan'},` },
          {
            p: `Nhiệm vụ dưới đây được chuyển từ ${d.previousLeadName ?? 'Quý cơ quan'} sang ${d.leadName} chủ trì thực hiện; Quý cơ quan không tiếp tục chủ trì nhiệm vụ này.`,
            strong: true,
          },
          ...(d.reason ? [{ p: 'Lý do:' }, { quote: d.reason }] : []),
          factsOf(d),
          {
            p: 'Hệ thống thôi gửi thư nhắc hạn về nhiệm vụ này cho Quý cơ quan; hạn nhiệm vụ được gỡ khỏi lịch của Quý cơ quan (tệp lịch kèm theo). Đề nghị bàn giao cho cơ quan chủ trì mới hồ sơ, kết quả đã thực hiện (nếu có).',
          },
        ],
      };
    case 'completed':
    case 'cancelled': {
      const done = d.kind === 'completed';
      const supports = (d.supportNames ?? []).length > 0;
      return {
        subject: `[Đôn Đốc] ${done ? 'Nhiệm vụ đã hoàn thành' : 'Hủy nhiệm vụ'}: ${label}`,
        blocks: [
          {
            p: supports
              ? `Kính gửi: ${d.leadName} và Quý cơ quan phối hợp thực hiện nhiệm vụ,`
              : `Kính gửi: ${d.leadName},`,
          },
          {
            p: done
              ? `${office} đã xác nhận nhiệm vụ dưới đây, do ${d.leadName} chủ trì, hoàn thành.`
              : `Nhiệm vụ dưới đây, do ${d.leadName} chủ trì, đã được hủy; không tiếp tục thực hiện.`,
            strong: true,
          },
          ...(done && d.completedLate === false ? [{ p: 'Nhiệm vụ hoàn thành đúng hạn.' }] : []),
          ...(done && d.completedLate === true ? [{ p: 'Nhiệm vụ hoàn thành sau thời hạn.' }] : []),
          ...(d.reason
            ? [{ p: done ? 'Ý kiến của Văn phòng:' : 'Lý do:' }, { quote: d.reason }]
            : []),
          closedFactsOf(d),
          {
            p: 'Hệ thống thôi gửi thư nhắc hạn về nhiệm vụ này; hạn nhiệm vụ được gỡ khỏi lịch của Quý cơ quan (tệp lịch kèm theo).',
          },
          { p: `Xem nhiệm vụ và lịch sử xử lý: ${itemUrl(d)}` },
        ],
      };
    }
    case 'delivery_failed': {
      const what = d.undelivered ? MAIL_KIND_NAMES[d.undelivered.kind] : 'thư';
      const failed = d.undelivered?.failed ?? [];
      return {
        subject: `[Đôn Đốc] Không gửi được ${what}: ${label} (${d.leadName})`,
        blocks: [
          { p: `Kính gửi: ${office},` },
          {
            p: `Hệ thống Đôn Đốc không gửi được ${what} về nhiệm vụ dưới đây: máy chủ thư của người nhận đã từ chối hẳn các địa chỉ sau.`,
            strong: true,
          },
          { list: failed.map((f) => `${f.recipient} (${f.error})`) },
          ...(d.undelivered
            ? [{ p: `Thư lẽ ra được gửi lúc ${vnDateTime(d.undelivered.stepAtMs)}.` }]
            : []),
          factsOf(d),
          {
            p: 'Đề nghị kiểm tra lại địa chỉ thư điện tử của cơ quan, đơn vị nhận thư và thông báo trực tiếp nội dung nhiệm vụ cho họ. Lịch sử của nhiệm vụ ghi nhận thư không gửi được.',
          },
          { p: `Chi tiết và lịch sử xử lý: ${itemUrl(d)}` },
        ],
      };
    }
  }
}

/** Renders one item mail (Vietnamese, HTML + plain text with the same content). */
export function renderItemMail(d: ItemMailData): RenderedMail {
  const composed = compose(d);
  const late = lateNotice(d);
  const subject =
    late.length > 0
      ? composed.subject.replace('[Đôn Đốc] ', '[Đôn Đốc] (Gửi muộn) ')
      : composed.subject;
  // The salutation first, then the notice that the mail is late.
  const blocks = [...composed.blocks.slice(0, 1), ...late, ...composed.blocks.slice(1)];
  return { subject, text: toText(blocks), html: toHtml(subject, blocks) };
}
