import type { AgencyYearFacts, CompletionRow } from '../../persistence/src';
import { decimal, int, percent, text, type Column } from './xlsx-table';

/** One agency's year: the completion report's counts for the periods due in it, and its facts. */
export interface ScorecardRow extends CompletionRow {
  /** Its place in the ranking, shared by agencies with the same figures; null on the total row. */
  readonly rank: number | null;
  /** Mean working days late of the periods completed late; null when none was. */
  readonly meanLateDays: number | null;
  readonly extensionsAsked: number;
  readonly extensionsGranted: number;
}

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

const NO_FACTS: AgencyYearFacts = { lateDays: [], extensionsAsked: 0, extensionsGranted: 0 };

const byRate = (a: number | null, b: number | null): number => (b ?? -1) - (a ?? -1);

/**
 * Of the items assigned (less the cancelled), the share completed on time: what the ranking
 * weighs first. Not the on-time rate of the completed ones, which puts an agency that completed
 * one item of ten, on time, above one that completed nine on time and one late.
 */
const onTimeShare = (r: CompletionRow): number | null => {
  const counted = r.total - r.cancelled;
  return counted > 0 ? r.completedOnTime / counted : null;
};

/** How the ranking reads, for the sheet's heading. */
export const RANKING_RULE =
  'Xếp thứ theo tỷ lệ nhiệm vụ hoàn thành đúng hạn trên số nhiệm vụ được giao (không tính ' +
  'nhiệm vụ đã hủy), rồi tỷ lệ hoàn thành, số nhiệm vụ còn quá hạn (ít hơn xếp trên), số ngày ' +
  'làm việc trễ bình quân (ít hơn xếp trên); các cơ quan bằng nhau ở mọi tiêu chí thì đồng hạng';

/** Negative when `a` ranks above `b`, 0 when they tie on every criterion. */
function compareRank(a: ScorecardRow, b: ScorecardRow): number {
  return (
    byRate(onTimeShare(a), onTimeShare(b)) ||
    byRate(a.completionRate, b.completionRate) ||
    a.overdue - b.overdue ||
    (a.meanLateDays ?? 0) - (b.meanLateDays ?? 0)
  );
}

/**
 * The agencies' year for the emulation ranking (RANKING_RULE), ties sharing a place (1, 2, 2, 4)
 * and listed by name; the last row the province's total.
 */
export function scorecardRows(
  agencies: readonly CompletionRow[],
  totals: Omit<CompletionRow, 'code' | 'name'>,
  facts: ReadonlyMap<string, AgencyYearFacts>,
): ScorecardRow[] {
  const unranked = agencies.map((a): ScorecardRow => {
    const f = facts.get(a.code) ?? NO_FACTS;
    return {
      ...a,
      rank: null,
      meanLateDays: mean(f.lateDays),
      extensionsAsked: f.extensionsAsked,
      extensionsGranted: f.extensionsGranted,
    };
  });
  unranked.sort((a, b) => compareRank(a, b) || a.name.localeCompare(b.name, 'vi'));
  const rows = unranked.map((r) => ({
    ...r,
    rank: 1 + unranked.filter((other) => compareRank(other, r) < 0).length,
  }));
  const all = [...facts.values()];
  const total: ScorecardRow = {
    ...totals,
    code: '',
    name: 'Tổng cộng',
    rank: null,
    meanLateDays: mean(all.flatMap((f) => f.lateDays)),
    extensionsAsked: all.reduce((n, f) => n + f.extensionsAsked, 0),
    extensionsGranted: all.reduce((n, f) => n + f.extensionsGranted, 0),
  };
  return [...rows, total];
}

export const SCORECARD_COLUMNS: readonly Column<ScorecardRow>[] = [
  { header: 'Xếp thứ', width: 7, cell: (r) => int(r.rank) },
  { header: 'Cơ quan chủ trì', width: 34, wrap: true, cell: (r) => text(r.name) },
  { header: 'Nhiệm vụ được giao', width: 11, cell: (r) => int(r.total) },
  { header: 'Hoàn thành đúng hạn', width: 12, cell: (r) => int(r.completedOnTime) },
  { header: 'Hoàn thành trễ hạn', width: 12, cell: (r) => int(r.completedLate) },
  { header: 'Còn quá hạn', width: 10, cell: (r) => int(r.overdue) },
  { header: 'Đang thực hiện (trong hạn)', width: 13, cell: (r) => int(r.open) },
  { header: 'Chờ xác nhận hoàn thành', width: 13, cell: (r) => int(r.submitted) },
  { header: 'Đã hủy', width: 8, cell: (r) => int(r.cancelled) },
  { header: 'Tỷ lệ hoàn thành', width: 11, cell: (r) => percent(r.completionRate) },
  { header: 'Tỷ lệ đúng hạn', width: 11, cell: (r) => percent(r.onTimeRate) },
  {
    header: 'Số ngày làm việc trễ bình quân',
    width: 14,
    cell: (r) => decimal(r.meanLateDays),
  },
  { header: 'Số lần đề nghị gia hạn', width: 12, cell: (r) => int(r.extensionsAsked) },
  { header: 'Số lần được gia hạn', width: 12, cell: (r) => int(r.extensionsGranted) },
];
