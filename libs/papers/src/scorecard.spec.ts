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
  it('ranks by the share of assigned items done on time, completion rate, overdue, lateness', () => {
    const rows = scorecardRows(
      [
        row('C', { total: 2, overdue: 2 }),
        row('B', { total: 2, completedOnTime: 1, completed: 2, completionRate: 1 }),
        row('A', { total: 2, completedOnTime: 1, completed: 1, completionRate: 0.5 }),
        row('D', { total: 2, overdue: 1, cancelled: 1 }),
        row('E', { total: 1, completedOnTime: 1, completed: 1, completionRate: 1 }),
      ],
      row('', { total: 5 }),
      new Map([
        ['B', { lateDays: [1, 4], extensionsAsked: 1, extensionsGranted: 0 }],
        ['C', { lateDays: [3], extensionsAsked: 2, extensionsGranted: 2 }],
      ]),
    );
    expect(rows.map((r) => [r.code, r.rank])).toEqual([
      ['E', 1],
      ['B', 2],
      ['A', 3],
      ['D', 4],
      ['C', 5],
      ['', null],
    ]);
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

  it('puts one item of ten done on time below nine on time and one late (issue 11 blind check)', () => {
    const rows = scorecardRows(
      [
        row('ONE', { total: 10, completed: 1, completedOnTime: 1, overdue: 9, onTimeRate: 1 }),
        row('NINE', { total: 10, completed: 10, completedOnTime: 9, completedLate: 1 }),
      ],
      row('', { total: 20 }),
      new Map(),
    );
    expect(rows.map((r) => r.code)).toEqual(['NINE', 'ONE', '']);
  });

  it('gives agencies with the same figures the same place, by name', () => {
    const rows = scorecardRows(
      [row('Sở Y tế', { overdue: 1 }), row('Sở Xây dựng', { overdue: 1 }), row('A', {})],
      row('', { total: 3 }),
      new Map(),
    );
    expect(rows.map((r) => [r.name, r.rank])).toEqual([
      ['A', 1],
      ['Sở Xây dựng', 2],
      ['Sở Y tế', 2],
      ['Tổng cộng', null],
    ]);
  });
});
