import type { AgencyYearFacts, CompletionRow } from '../../persistence/src';
import { decimal, int, percent, text, type Column } from './xlsx-table';

/** One agency's year: the completion report's counts for the periods due in it, and its facts. */
export interface ScorecardRow extends CompletionRow {
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
 * The agencies' year for the emulation ranking: best on-time rate first, then completion rate,
 * fewer overdue, then name; the last row the province's total.
 */
export function scorecardRows(
  agencies: readonly CompletionRow[],
  totals: Omit<CompletionRow, 'code' | 'name'>,
  facts: ReadonlyMap<string, AgencyYearFacts>,
): ScorecardRow[] {
  const rows = agencies.map((a): ScorecardRow => {
    const f = facts.get(a.code) ?? NO_FACTS;
    return {
      ...a,
      meanLateDays: mean(f.lateDays),
      extensionsAsked: f.extensionsAsked,
      extensionsGranted: f.extensionsGranted,
    };
  });
  rows.sort(
    (a, b) =>
      byRate(a.onTimeRate, b.onTimeRate) ||
      byRate(a.completionRate, b.completionRate) ||
      a.overdue - b.overdue ||
      a.name.localeCompare(b.name, 'vi'),
  );
  const all = [...facts.values()];
  const total: ScorecardRow = {
    ...totals,
    code: '',
    name: 'Tổng cộng',
    meanLateDays: mean(all.flatMap((f) => f.lateDays)),
    extensionsAsked: all.reduce((n, f) => n + f.extensionsAsked, 0),
    extensionsGranted: all.reduce((n, f) => n + f.extensionsGranted, 0),
  };
  return [...rows, total];
}

export const SCORECARD_COLUMNS: readonly Column<ScorecardRow>[] = [
  { header: 'Xếp thứ', width: 7, cell: (r, i) => (r.code === '' ? null : int(i + 1)) },
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
