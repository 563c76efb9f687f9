import type { CompletionRow, ItemRecord } from '../../persistence/src';
import { AGENCY_TALLY_COLUMNS, ITEM_COLUMNS, itemColumns, tallyByLead } from './item-sheets';
import { RANKING_RULE, SCORECARD_COLUMNS, type ScorecardRow } from './scorecard';
import { ALL_ITEMS, asOfLine, filtersLine, type ListFilters } from './sheet-captions';
import { sheet, type Sheet } from './xlsx-table';

const SUMMARY_SHEET = 'Tổng hợp theo cơ quan';

/**
 * The item list's workbook: the list (its filters and as-of above it; an agency's own, its role
 * in each item) and a tally of exactly its rows by lead agency.
 */
export function itemListSheets(
  rows: readonly ItemRecord[],
  filters: ListFilters,
  nowMs: number,
  ownAgencyCode: string | null = null,
): Sheet[] {
  const what = filtersLine(filters);
  return [
    sheet({
      sheet: 'Nhiệm vụ',
      title: ['DANH SÁCH NHIỆM VỤ', `${asOfLine(nowMs)}. ${what}.`],
      columns: itemColumns(ownAgencyCode),
      rows,
    }),
    sheet({
      sheet: SUMMARY_SHEET,
      title: [
        'TỔNG HỢP THEO CƠ QUAN CHỦ TRÌ',
        `${asOfLine(nowMs)}. Các nhiệm vụ của danh sách: ${what}.`,
      ],
      columns: AGENCY_TALLY_COLUMNS,
      rows: tallyByLead(rows),
    }),
  ];
}

/**
 * The overdue report's workbook: the overdue items of the period, and the completion report's
 * tally of every item of the period (the rates need them all, which its title says).
 */
export function overdueSheets(
  overdue: readonly ItemRecord[],
  tally: readonly CompletionRow[],
  period: Omit<ListFilters, 'overdue'>,
  nowMs: number,
): Sheet[] {
  const what = filtersLine(period);
  return [
    sheet({
      sheet: 'Nhiệm vụ quá hạn',
      title: ['DANH SÁCH NHIỆM VỤ QUÁ HẠN', `${asOfLine(nowMs)}. ${what}.`],
      columns: ITEM_COLUMNS,
      rows: overdue,
    }),
    sheet({
      sheet: SUMMARY_SHEET,
      title: [
        'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ',
        // Not "…: Tất cả nhiệm vụ." after "Toàn bộ nhiệm vụ" (issue 8 blind check).
        `${asOfLine(nowMs)}. Tính trên toàn bộ nhiệm vụ, không chỉ các nhiệm vụ quá hạn` +
          (what === ALL_ITEMS ? '.' : `. ${what}.`),
      ],
      columns: AGENCY_TALLY_COLUMNS,
      rows: tally,
    }),
  ];
}

/** The year's record of the agencies for the emulation ranking (thi đua). */
export function scorecardSheets(
  rows: readonly ScorecardRow[],
  year: number,
  nowMs: number,
): Sheet[] {
  return [
    sheet({
      sheet: `Năm ${year}`,
      title: [
        `KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM ${year} CỦA CÁC CƠ QUAN`,
        `${asOfLine(nowMs)}. Các nhiệm vụ có thời hạn trong năm ${year}.`,
        `${RANKING_RULE}.`,
      ],
      columns: SCORECARD_COLUMNS,
      rows,
    }),
  ];
}
