import type { DueSpec, ItemMailKind, RecurrenceSpec } from '../../../contracts/src';
import { capitalised, dueDayOf, formatVnDate, strictBeforeWords } from '../../../domain/src';
import { vnDateTime, vnDuration } from '../vn-format';
import type { Block } from './mail-layout';
import type { ItemMailData } from './item-mail-data';

const DAY_MS = 86_400_000;

/** The secretariat's name when the deployment names none (OFFICE_NAME; DESIGN.md, roles). */
export const DEFAULT_OFFICE_NAME = 'Văn phòng UBND tỉnh';

/** Who follows the items up, as the mails name it (issue 8 blind check: a Ban's own office). */
export const officeOf = (d: Pick<ItemMailData, 'officeName'>): string =>
  d.officeName?.trim() || DEFAULT_OFFICE_NAME;

/** A text on one line, at most `max` characters: cut at a word where it can be, with an ellipsis. */
function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}

/**
 * "Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ" or the first words of the text, for subjects. A notice
 * without a number is named by the start of its title: "2.a" of two such notices look alike.
 */
export function itemLabel(d: ItemMailData): string {
  // "Nhiệm vụ 2.a" alone does not say which notice: an agency follows items of many.
  if (d.code) {
    const notice = noticeRef(d.noticeNumber, d.noticeTitle);
    return `Nhiệm vụ ${d.code}${notice ? `, ${notice}` : ''}`;
  }
  return oneLine(d.text, 60);
}

/** "TB số 12/TB-BCĐ", or "TB “<start of its title>”" for a notice without a number; null: none. */
export function noticeRef(number: string | null, title: string | null): string | null {
  if (number) return `TB số ${number}`;
  return title ? `TB “${oneLine(title, 40)}”` : null;
}

function noticeLabel(d: ItemMailData): string | null {
  const issued = d.noticeIssuedOn ? `ngày ${formatVnDate(d.noticeIssuedOn)}` : null;
  const ref = [d.noticeNumber ? `số ${d.noticeNumber}` : null, issued].filter(Boolean).join(', ');
  if (d.noticeTitle) return ref ? `${d.noticeTitle} (${ref})` : d.noticeTitle;
  return ref ? `Thông báo ${ref.replace(', ', ' ')}` : null;
}

/** The due date as people read it: dd/mm/yyyy, with HH:mm for an exact instant. */
export function dueLabel(due: DueSpec): string {
  if (due.date === null) return `${vnDateTime(due.at)} (giờ Việt Nam)`;
  const legalDate = dueDayOf(due.at);
  const literal = `ngày ${formatVnDate(due.date)}`;
  if (legalDate === due.date) return literal;
  return `${literal} (trùng ngày nghỉ, hạn được tính đến hết ngày ${formatVnDate(legalDate)})`;
}

/** Short due for subjects: dd/mm/yyyy or HH:mm dd/mm/yyyy. */
export function dueShort(due: DueSpec): string {
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

/**
 * The item's page in the web app (`<PUBLIC_BASE_URL>/items/<id>`), with the signed token as `t`
 * when the mail carries one: the page then offers the agency's actions without a login.
 */
export function itemUrl(d: ItemMailData): string {
  return itemPageUrl(d.publicBaseUrl, d.itemId, d.linkToken ?? null);
}

/** The item's page, with the signed token when there is one (mails and calendar invites). */
export function itemPageUrl(publicBaseUrl: string, itemId: string, token: string | null): string {
  const page = `${publicBaseUrl.replace(/\/+$/, '')}/items/${encodeURIComponent(itemId)}`;
  return token ? `${page}?t=${encodeURIComponent(token)}` : page;
}

/** The rows every item mail's facts begin with: code, text, notice, lead agency. */
function itemRows(d: ItemMailData): [string, string][] {
  const rows: [string, string][] = [];
  if (d.code) rows.push(['Nhiệm vụ', d.code]);
  rows.push(['Nội dung', d.text]);
  const notice = noticeLabel(d);
  if (notice) rows.push(['Thông báo kết luận', notice]);
  rows.push(['Cơ quan chủ trì', d.leadName]);
  return rows;
}

const WEEKDAYS = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];

/** "hằng tháng, ngày 25", "hằng năm, tháng 3, ngày 31", "hằng tuần, thứ Sáu". */
export function recurrenceText(r: RecurrenceSpec): string {
  if (r.frequency === 'weekly') return `hằng tuần, ${WEEKDAYS[r.day ?? 5] ?? 'thứ Sáu'}`;
  if (r.frequency === 'quarterly' && !r.months?.length) {
    // A quarter's period ends in its last month (domain: months 3, 6, 9, 12).
    return r.day ? `hằng quý, ngày ${r.day} của tháng cuối quý` : 'hằng quý, ngày cuối quý';
  }
  const every = { monthly: 'hằng tháng', quarterly: 'hằng quý', yearly: 'hằng năm' }[r.frequency];
  const months = r.months?.length ? `, tháng ${r.months.join(', ')}` : '';
  return `${every}${months}, ${r.day ? `ngày ${r.day}` : 'ngày cuối tháng'}`;
}

/**
 * The deadline row of an assignment: the due date, a recurring item's recurrence and first
 * period, or that the item has no deadline.
 */
export function assignedDueLabel(d: ItemMailData): string {
  if (d.recurrence) {
    const first = d.due ? `; kỳ đầu tiên: ${dueLabel(d.due)}` : '';
    return `Định kỳ ${recurrenceText(d.recurrence)}${first}`;
  }
  if (!d.due) return 'Không có hạn';
  const words = d.due.date ? strictBeforeWords(d.deadlinePhrase, d.due.date) : null;
  return words ? `${dueLabel(d.due)} (Thông báo ghi “${words}”)` : dueLabel(d.due);
}

/** What an assignment mail says about the item: its facts, the co-ordinating agencies included. */
export function assignmentFactsOf(d: ItemMailData): Block {
  const rows = itemRows(d);
  const support = d.supportNames ?? [];
  if (support.length > 0) rows.push(['Cơ quan phối hợp', support.join('; ')]);
  rows.push(['Thời hạn', assignedDueLabel(d)]);
  if (d.due) rows.push(['Tình trạng', remainingLabel(d)]);
  return { facts: rows };
}

/** A running item's deadline rows: a recurring item's recurrence, the due date, what is left. */
function deadlineRows(d: ItemMailData): [string, string][] {
  const rows: [string, string][] = [];
  if (d.recurrence) rows.push(['Định kỳ', capitalised(recurrenceText(d.recurrence))]);
  if (d.due) {
    rows.push([d.recurrence ? 'Thời hạn kỳ này' : 'Thời hạn', dueLabel(d.due)]);
    rows.push(['Tình trạng', remainingLabel(d)]);
  }
  return rows;
}

export function factsOf(d: ItemMailData): Block {
  return { facts: [...itemRows(d), ...deadlineRows(d)] };
}

/** A reassigned item's facts for its new lead: the co-ordinating agencies it now leads too. */
export function reassignedFactsOf(d: ItemMailData): Block {
  const support = d.supportNames ?? [];
  const supportRow: [string, string][] =
    support.length > 0 ? [['Cơ quan phối hợp', support.join('; ')]] : [];
  return { facts: [...itemRows(d), ...supportRow, ...deadlineRows(d)] };
}

/** A closed item's facts: its deadline, without the days left (nothing is left to do). */
export function closedFactsOf(d: ItemMailData): Block {
  const rows = itemRows(d);
  if (d.due) rows.push(['Thời hạn', dueLabel(d.due)]);
  return { facts: rows };
}

export function whatToDo(d: ItemMailData): Block[] {
  const url = itemUrl(d);
  if (d.reportWaiting) {
    return [
      {
        p: `Báo cáo hoàn thành của Quý cơ quan đang chờ ${officeOf(d)} xem xét, xác nhận; Quý cơ quan không cần báo cáo lại.`,
      },
      { button: 'Xem nhiệm vụ', url },
    ];
  }
  return [
    {
      p: d.linkToken
        ? 'Đề nghị Quý cơ quan bấm nút “Xem và xử lý nhiệm vụ” dưới đây (không cần đăng nhập; liên kết có hiệu lực 30 ngày, chỉ dùng cho nhiệm vụ này) để:'
        : 'Đề nghị Quý cơ quan đăng nhập hệ thống Đôn Đốc tại địa chỉ dưới đây để:',
    },
    {
      // An item without a deadline has nothing to extend: the mail does not offer it.
      list: d.due
        ? [
            'Báo cáo tiến độ (nội dung và tỷ lệ % hoàn thành);',
            'Báo cáo hoàn thành kèm kết quả;',
            'Nếu cần thêm thời gian, đề nghị gia hạn (thời hạn mới và lý do).',
          ]
        : ['Báo cáo tiến độ (nội dung và tỷ lệ % hoàn thành);', 'Báo cáo hoàn thành kèm kết quả.'],
    },
    { button: 'Xem và xử lý nhiệm vụ', url },
  ];
}

/** What each mail is called in another mail (the secretariat's delivery_failed notice). */
export const MAIL_KIND_NAMES: Readonly<Record<ItemMailKind, string>> = {
  assigned: 'thư giao nhiệm vụ',
  assigned_copy: 'thư giao nhiệm vụ gửi cơ quan phối hợp',
  reminder: 'thư nhắc hạn',
  overdue: 'thư thông báo quá hạn',
  escalation: 'thư báo cáo lãnh đạo về nhiệm vụ quá hạn',
  weekly_overdue: 'thư nhắc hằng tuần về nhiệm vụ quá hạn',
  returned: 'thư trả lại báo cáo hoàn thành',
  extension_approved: 'thư đồng ý gia hạn',
  extension_rejected: 'thư không đồng ý gia hạn',
  extension_requested: 'thư báo đề nghị gia hạn',
  reassigned: 'thư giao chủ trì nhiệm vụ',
  reassigned_away: 'thư báo chuyển nhiệm vụ sang cơ quan khác chủ trì',
  delivery_failed: 'thư báo không gửi được thư',
  completed: 'thư báo nhiệm vụ hoàn thành',
  cancelled: 'thư báo hủy nhiệm vụ',
  deadline_changed: 'thư báo thay đổi thời hạn',
  submitted: 'thư báo cơ quan báo cáo hoàn thành',
  deadline_copy: 'thư báo thời hạn mới gửi cơ quan phối hợp',
  period_opened: 'thư báo kỳ mới của nhiệm vụ định kỳ',
};

/** The first block of a late mail: when it was meant to go out and why it comes now. */
export function lateNotice(d: ItemMailData): Block[] {
  if (d.lateFromMs === undefined || d.lateFromMs === null) return [];
  return [
    {
      p: `Lưu ý: thư này lẽ ra được gửi lúc ${vnDateTime(d.lateFromMs)} nhưng đến ${vnDateTime(d.nowMs)} mới gửi được do sự cố của hệ thống thư điện tử. Tình trạng nêu trong thư tính đến thời điểm gửi.`,
      strong: true,
    },
  ];
}
