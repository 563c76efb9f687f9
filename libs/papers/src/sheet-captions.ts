import {
  civilDateAt,
  formatVnDate,
  ITEM_STATUS_LABELS,
  toVnIso,
  type CivilDate,
  type ItemStatus,
} from '../../domain/src';
import { capitalised } from './wording';

/** "Tính đến 10:05 ngày 03/12/2026": when a sheet's figures were read (UTC+7). */
export const asOfLine = (nowMs: number): string =>
  `Tính đến ${toVnIso(nowMs).slice(11, 16)} ngày ${formatVnDate(civilDateAt(nowMs))}`;

/** What `filtersLine` says of a list without a filter. */
export const ALL_ITEMS = 'Tất cả nhiệm vụ';

/** The filters of an item list, names already looked up (agency names, the notice's number). */
export interface ListFilters {
  /** The agency whose own list it is (an agency's export): what it leads or co-ordinates. */
  readonly ownAgency?: string | null;
  readonly status?: ItemStatus;
  readonly overdue?: boolean;
  readonly pendingExtension?: boolean;
  readonly lead?: string | null;
  readonly support?: string | null;
  readonly notice?: string | null;
  readonly q?: string;
  readonly dueFrom?: CivilDate;
  readonly dueTo?: CivilDate;
}

/**
 * What a list holds, in words ("Thông báo số 45/TB-BCĐ; cơ quan chủ trì: Sở Tài chính; hạn từ
 * 01/10/2026 đến 31/12/2026"), so a printed or forwarded file is not taken for the whole list.
 */
export function filtersLine(f: ListFilters): string {
  const parts = [
    f.ownAgency ? `Nhiệm vụ do ${f.ownAgency} chủ trì hoặc phối hợp` : null,
    f.notice ? `Thông báo ${f.notice}` : null,
    f.lead ? `cơ quan chủ trì: ${f.lead}` : null,
    f.support ? `cơ quan phối hợp: ${f.support}` : null,
    f.status ? `trạng thái: ${ITEM_STATUS_LABELS[f.status]}` : null,
    f.overdue === true ? 'chỉ nhiệm vụ quá hạn' : null,
    f.overdue === false ? 'không tính nhiệm vụ quá hạn' : null,
    f.pendingExtension ? 'có đề nghị gia hạn chờ quyết định' : null,
    f.q ? `có từ “${f.q}”` : null,
    dueRange(f.dueFrom, f.dueTo),
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return ALL_ITEMS;
  const [first, ...rest] = parts;
  return [capitalised(first as string), ...rest].join('; ');
}

function dueRange(from: CivilDate | undefined, to: CivilDate | undefined): string | null {
  if (from && to) return `hạn từ ${formatVnDate(from)} đến ${formatVnDate(to)}`;
  if (from) return `hạn từ ${formatVnDate(from)}`;
  if (to) return `hạn đến ${formatVnDate(to)}`;
  return null;
}
