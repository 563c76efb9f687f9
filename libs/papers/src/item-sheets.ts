import { civilDateAt, isCivilDate, ITEM_STATUS_LABELS, statusShown } from '../../domain/src';
import {
  withRates,
  type CompletionCounts,
  type CompletionRow,
  type ItemRecord,
} from '../../persistence/src';
import { int, percent, text, type Cell, type Column } from './xlsx-table';

/** A due as the list shows it: the date named, or the exact instant with its time. */
function dueCell(due: string | null, dueAt: string | null): Cell {
  if (due && isCivilDate(due)) return { kind: 'date', value: due };
  const at = dueAt ?? due;
  if (!at) return null;
  const epochMs = Date.parse(at);
  return Number.isFinite(epochMs) ? { kind: 'dateTime', epochMs } : text(at);
}

function resultOf(item: ItemRecord): string | null {
  if (item.status !== 'completed') return null;
  return item.completedLate ? 'Hoàn thành trễ hạn' : 'Hoàn thành đúng hạn';
}

/** The columns of a list of items, as the web list and the notice's table name them. */
export const ITEM_COLUMNS: readonly Column<ItemRecord>[] = [
  { header: 'STT', width: 6, cell: (_, i) => int(i + 1) },
  { header: 'Mã', width: 9, cell: (r) => text(r.code) },
  { header: 'Nội dung', width: 60, wrap: true, cell: (r) => text(r.text) },
  {
    header: 'Thông báo',
    width: 18,
    wrap: true,
    cell: (r) => text(r.noticeNumber ?? r.noticeTitle),
  },
  { header: 'Cơ quan chủ trì', width: 26, wrap: true, cell: (r) => text(r.leadName ?? r.lead) },
  {
    header: 'Cơ quan phối hợp',
    width: 30,
    wrap: true,
    cell: (r) => text(r.supportNames.join('; ')),
  },
  { header: 'Hạn hoàn thành', width: 17, cell: (r) => dueCell(r.due, r.dueAt) },
  { header: 'Hạn ban đầu', width: 17, cell: (r) => dueCell(r.originalDue, r.originalDueAt) },
  {
    header: 'Trạng thái',
    width: 18,
    wrap: true,
    cell: (r) => text(ITEM_STATUS_LABELS[statusShown(r)]),
  },
  {
    header: 'Số ngày làm việc quá hạn',
    width: 12,
    cell: (r) => (r.overdue ? int(r.daysOverdue) : null),
  },
  { header: 'Tiến độ (%)', width: 10, cell: (r) => int(r.progressPercent) },
  { header: 'Kết quả', width: 20, cell: (r) => text(resultOf(r)) },
  {
    header: 'Ngày hoàn thành',
    width: 14,
    cell: (r) =>
      r.status === 'completed' && r.closedAt
        ? { kind: 'date', value: civilDateAt(Date.parse(r.closedAt)) }
        : null,
  },
];

/**
 * The item list's columns; an agency's own list (what it leads or co-ordinates) has one more at
 * the end, its role in each item.
 */
export function itemColumns(ownAgencyCode: string | null): readonly Column<ItemRecord>[] {
  if (!ownAgencyCode) return ITEM_COLUMNS;
  return [
    ...ITEM_COLUMNS,
    {
      header: 'Vai trò',
      width: 11,
      cell: (r) => text(r.lead === ownAgencyCode ? 'Chủ trì' : 'Phối hợp'),
    },
  ];
}

/** The code of a tally's last row, "Tổng cộng" (no agency's code is empty). */
const TOTAL_CODE = '';

/** The columns of a tally by agency (the completion report's counts and rates). */
export const AGENCY_TALLY_COLUMNS: readonly Column<CompletionRow>[] = [
  { header: 'STT', width: 6, cell: (r, i) => (r.code === TOTAL_CODE ? null : int(i + 1)) },
  { header: 'Cơ quan chủ trì', width: 34, wrap: true, cell: (r) => text(r.name) },
  { header: 'Tổng số nhiệm vụ', width: 11, cell: (r) => int(r.total) },
  { header: 'Đang thực hiện (trong hạn)', width: 13, cell: (r) => int(r.open) },
  { header: 'Quá hạn', width: 10, cell: (r) => int(r.overdue) },
  { header: 'Chờ xác nhận hoàn thành', width: 13, cell: (r) => int(r.submitted) },
  { header: 'Đã hoàn thành', width: 11, cell: (r) => int(r.completed) },
  { header: 'Hoàn thành đúng hạn', width: 12, cell: (r) => int(r.completedOnTime) },
  { header: 'Hoàn thành trễ hạn', width: 12, cell: (r) => int(r.completedLate) },
  { header: 'Đã hủy', width: 8, cell: (r) => int(r.cancelled) },
  { header: 'Tỷ lệ hoàn thành', width: 11, cell: (r) => percent(r.completionRate) },
  { header: 'Tỷ lệ đúng hạn', width: 11, cell: (r) => percent(r.onTimeRate) },
];

const ZERO: CompletionCounts = {
  total: 0,
  open: 0,
  overdue: 0,
  submitted: 0,
  completed: 0,
  completedOnTime: 0,
  completedLate: 0,
  completedAfterOriginalDue: 0,
  cancelled: 0,
};

function countsOf(items: readonly ItemRecord[]): CompletionCounts {
  const c = { ...ZERO };
  for (const item of items) {
    c.total += 1;
    if (item.status === 'completed') {
      c.completed += 1;
      if (item.completedLate) c.completedLate += 1;
      else c.completedOnTime += 1;
      const original = item.originalDueAt ? Date.parse(item.originalDueAt) : null;
      const closed = item.closedAt ? Date.parse(item.closedAt) : null;
      const afterOriginal =
        original !== null && closed !== null ? closed > original : item.completedLate === true;
      if (afterOriginal) c.completedAfterOriginalDue += 1;
    } else if (item.status === 'cancelled') c.cancelled += 1;
    else if (item.overdue) c.overdue += 1;
    else if (item.status === 'submitted') c.submitted += 1;
    else c.open += 1;
  }
  return c;
}

/**
 * The listed items tallied by lead agency (most overdue first, then by name), with a last row
 * "Tổng cộng": the summary sheet of an item export counts exactly the rows of its list.
 */
export function tallyByLead(items: readonly ItemRecord[]): CompletionRow[] {
  const byLead = new Map<string, ItemRecord[]>();
  for (const item of items) byLead.set(item.lead, [...(byLead.get(item.lead) ?? []), item]);
  const rows = [...byLead.values()].map((own) => {
    const first = own[0] as ItemRecord;
    return { code: first.lead, name: first.leadName ?? first.lead, ...withRates(countsOf(own)) };
  });
  rows.sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'vi'));
  return [...rows, totalRow(withRates(countsOf(items)))];
}

/** The report's totals as the last row of a tally. */
export const totalRow = (totals: Omit<CompletionRow, 'code' | 'name'>): CompletionRow => ({
  ...totals,
  code: TOTAL_CODE,
  name: 'Tổng cộng',
});
