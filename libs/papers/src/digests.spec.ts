import { endOfDay, vnPublicSectorCalendar } from '../../domain/src';
import type { CompletionRow, ItemRecord } from '../../persistence/src';
import {
  agencyDigests,
  headDigest,
  isEmptyDigest,
  legalDueDate,
  secretariatDigest,
} from './digests';

let n = 0;
/** An item legally due at the end of `due` (UTC+7). */
const item = (due: string | null, over: Partial<ItemRecord> = {}): ItemRecord =>
  ({
    id: `i${++n}`,
    code: `2.${n}`,
    text: `Nhiệm vụ ${n}`,
    lead: 'STC',
    leadName: 'Sở Tài chính',
    due,
    dueAt: due ? new Date(endOfDay(due)).toISOString() : null,
    status: 'open',
    overdue: false,
    daysOverdue: 0,
    pendingExtension: null,
    ...over,
  }) as ItemRecord;

describe('legalDueDate', () => {
  it('is the last day before the due instant, in UTC+7', () => {
    expect(legalDueDate(item('2026-12-04'))).toBe('2026-12-04');
    expect(legalDueDate({ dueAt: '2026-12-04T14:30:00+07:00' })).toBe('2026-12-04');
    expect(legalDueDate({ dueAt: null })).toBeNull();
  });
});

describe('secretariatDigest', () => {
  // Monday 07/12/2026; the previous working day is Friday 04/12.
  const monday = '2026-12-07';

  it('sorts the day: due today, this week, overdue since Friday, waiting for a decision', () => {
    const today = item(monday);
    const thursday = item('2026-12-10');
    const sunday = item('2026-12-13');
    const nextWeek = item('2026-12-14');
    const friday = item('2026-12-04', { status: 'overdue', overdue: true, daysOverdue: 1 });
    const older = item('2026-12-02', { status: 'overdue', overdue: true, daysOverdue: 3 });
    const handedIn = item('2026-12-08', { status: 'submitted' });
    const asking = item('2026-12-20', {
      pendingExtension: {
        id: 'r',
        due: { date: '2027-01-15', at: 0 },
      } as ItemRecord['pendingExtension'],
    });
    const closed = item(monday, { status: 'completed' });
    const d = secretariatDigest(
      [nextWeek, sunday, thursday, today, friday, older, handedIn, asking, closed],
      monday,
      vnPublicSectorCalendar,
    );
    expect(d.dueToday).toEqual([today]);
    // Submitted items are with the secretariat, not due from the agency.
    expect(d.dueThisWeek).toEqual([thursday, sunday]);
    expect(d.becameOverdue).toEqual([friday]);
    expect(d.submitted).toEqual([handedIn]);
    expect(d.extensionRequests).toEqual([asking]);
    expect(isEmptyDigest(d)).toBe(false);
  });

  it('counts an open item past its due as overdue before its workflow marks it', () => {
    const d = secretariatDigest(
      [item('2026-12-04', { overdue: true, daysOverdue: 1 })],
      '2026-12-07',
      vnPublicSectorCalendar,
    );
    expect(d.becameOverdue).toHaveLength(1);
  });

  it('names an item entered since the last digest already overdue (issue 11 blind check)', () => {
    const imported = item('2026-11-20', {
      status: 'overdue',
      overdue: true,
      daysOverdue: 11,
      createdAt: '2026-12-05T09:00:00+07:00', // Saturday, after Friday's digest
    });
    const known = item('2026-11-20', {
      status: 'overdue',
      overdue: true,
      daysOverdue: 11,
      createdAt: '2026-12-03T09:00:00+07:00', // Thursday: in Friday's digest already
    });
    const d = secretariatDigest([imported, known], '2026-12-07', vnPublicSectorCalendar);
    expect(d.becameOverdue).toEqual([imported]);
  });

  it('is empty on a quiet day', () => {
    expect(
      isEmptyDigest(secretariatDigest([item('2027-03-01')], '2026-12-07', vnPublicSectorCalendar)),
    ).toBe(true);
  });
});

describe('headDigest and agencyDigests', () => {
  const row = (name: string, overdue: number) => ({ code: name, name, overdue }) as CompletionRow;

  it('puts the most overdue agencies and items first, ten items at most', () => {
    const overdue = Array.from({ length: 12 }, (_, i) =>
      item('2026-11-01', { status: 'overdue', overdue: true, daysOverdue: i }),
    );
    const d = headDigest(
      { totals: row('', 3), agencies: [row('Sở Y tế', 1), row('Sở Tài chính', 2)] },
      overdue,
      '2026-12-07',
    );
    expect(d.agencies.map((a) => a.name)).toEqual(['Sở Tài chính', 'Sở Y tế']);
    expect(d.mostOverdue.map((i) => i.daysOverdue)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  });

  it('gives each agency its open items, overdue first; none to an agency with nothing open', () => {
    const late = item('2026-11-01', { status: 'overdue', overdue: true, daysOverdue: 20 });
    const soon = item('2026-12-09');
    const done = item('2026-12-01', { lead: 'SYT', leadName: 'Sở Y tế', status: 'completed' });
    const other = item('2026-12-20', { lead: 'SXD', leadName: 'Sở Xây dựng' });
    // Reported complete after its deadline: waiting for the office, not to do nor overdue.
    const reported = item('2026-11-20', { status: 'submitted', overdue: true, daysOverdue: 9 });
    const digests = agencyDigests([soon, done, late, reported, other], '2026-12-07');
    expect(
      digests.map((d) => [
        d.name,
        d.items.map((i) => i.id),
        d.overdue,
        d.submitted.map((i) => i.id),
      ]),
    ).toEqual([
      ['Sở Tài chính', [late.id, soon.id], 1, [reported.id]],
      ['Sở Xây dựng', [other.id], 0, []],
    ]);
  });
});
