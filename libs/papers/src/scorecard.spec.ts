import { vnPublicSectorCalendar, instantAt, endOfDay } from '../../domain/src';
import { yearFacts, type CompletionRow } from '../../persistence/src';
import { scorecardRows } from './scorecard';

const row = (code: string, over: Partial<CompletionRow>): CompletionRow => ({
  code,
  name: code,
  total: 1,
  open: 0,
  overdue: 0,
  submitted: 0,
  completed: 0,
  completedOnTime: 0,
  completedLate: 0,
  completedAfterOriginalDue: 0,
  cancelled: 0,
  completionRate: 0,
  onTimeRate: null,
  ...over,
});

describe('yearFacts', () => {
  it('counts lateness in working days: due Friday, accepted the next Tuesday is 2 days', () => {
    // Friday 16/10/2026 ends at 17/10 00:00 (+07:00); Monday 19 and Tuesday 20 are working days.
    const due = endOfDay('2026-10-16');
    const facts = yearFacts(
      [
        { lead: 'STC', due_ms: due, done_ms: instantAt('2026-10-20', 9) },
        { lead: 'STC', due_ms: String(due), done_ms: String(instantAt('2026-10-19', 9)) },
        { lead: 'SXD', due_ms: null, done_ms: 1 },
      ],
      [{ lead: 'SXD', asked: '2', granted: '1' }],
      vnPublicSectorCalendar,
    );
    expect(facts.get('STC')).toEqual({
      lateDays: [2, 1],
      extensionsAsked: 0,
      extensionsGranted: 0,
    });
    expect(facts.get('SXD')).toEqual({ lateDays: [], extensionsAsked: 2, extensionsGranted: 1 });
  });
});

describe('scorecardRows', () => {
  it('ranks by on-time rate (none completed last), then completion rate, overdue, name', () => {
    const rows = scorecardRows(
      [
        row('C', { onTimeRate: null, overdue: 2 }),
        row('B', { onTimeRate: 0.5, completionRate: 0.5 }),
        row('A', { onTimeRate: 0.5, completionRate: 1 }),
        row('D', { onTimeRate: null, overdue: 1 }),
        row('E', { onTimeRate: 1 }),
      ],
      row('', { total: 5 }),
      new Map([
        ['B', { lateDays: [1, 4], extensionsAsked: 1, extensionsGranted: 0 }],
        ['C', { lateDays: [3], extensionsAsked: 2, extensionsGranted: 2 }],
      ]),
    );
    expect(rows.map((r) => r.code)).toEqual(['E', 'A', 'B', 'D', 'C', '']);
    expect(rows.find((r) => r.code === 'B')?.meanLateDays).toBe(2.5);
    expect(rows.find((r) => r.code === 'E')?.meanLateDays).toBeNull();
    const total = rows.at(-1);
    expect([
      total?.name,
      total?.meanLateDays,
      total?.extensionsAsked,
      total?.extensionsGranted,
    ]).toEqual(['Tổng cộng', 8 / 3, 3, 2]);
  });
});
