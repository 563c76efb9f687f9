import { vnPublicSectorCalendar as cal } from '../calendar/working-calendar';
import { resolveDue } from '../reminders/schedule';
import { endOfDay, instantAt } from '../time/civil-date';
import { ITEM_STATUSES, type ItemStatus } from './item-status';
import { isOverdue, isPastDue, workingDaysOverdue } from './overdue';

const NOW = Date.parse('2026-03-10T03:00:00Z');

describe('isPastDue', () => {
  it.each([
    ['no deadline', null, false],
    ['due an hour ago', NOW - 3_600_000, true],
    ['due this very instant (the bound is exclusive)', NOW, true],
    ['due in a millisecond', NOW + 1, false],
  ])('%s → %s', (_label, dueAtMs, expected) => {
    expect(isPastDue(dueAtMs, NOW)).toBe(expected);
  });
});

describe('isOverdue', () => {
  const dues: [string, number | null][] = [
    ['before now', NOW - 1],
    ['at now', NOW],
    ['after now', NOW + 1],
    ['none', null],
  ];
  /** Expected per status for [before, at, after, none]. */
  const expected: Record<ItemStatus, [boolean, boolean, boolean, boolean]> = {
    open: [true, true, false, false],
    overdue: [true, true, true, true],
    submitted: [false, false, false, false],
    completed: [false, false, false, false],
    cancelled: [false, false, false, false],
  };
  const table = ITEM_STATUSES.flatMap((status) =>
    dues.map(([when, dueAtMs], i) => [status, when, dueAtMs, expected[status][i]] as const),
  );

  it.each(table)('%s, due %s → %s', (status, _when, dueAtMs, overdue) => {
    expect(isOverdue({ status, dueAtMs }, NOW)).toBe(overdue);
  });
});

describe('workingDaysOverdue', () => {
  const at8 = (d: string) => instantAt(d, 8);
  const due = (d: string) => resolveDue(d, cal).dueAt;

  it('counts working days from the legal due date, 0 until the due instant', () => {
    // Due Thursday 22/01/2026, an ordinary week.
    const dueAt = due('2026-01-22');
    expect(workingDaysOverdue(dueAt, at8('2026-01-22'), cal)).toBe(0);
    expect(workingDaysOverdue(dueAt, dueAt - 1, cal)).toBe(0);
    expect(workingDaysOverdue(dueAt, dueAt, cal)).toBe(1); // Friday 00:00+07
    expect(workingDaysOverdue(dueAt, at8('2026-01-24'), cal)).toBe(1); // Saturday does not count
    expect(workingDaysOverdue(dueAt, at8('2026-01-26'), cal)).toBe(2);
  });

  it('counts from the legal due date: due Sunday 25/01/2026 ends with Monday 26/01', () => {
    const dueAt = due('2026-01-25');
    expect(dueAt).toBe(endOfDay('2026-01-26'));
    expect(workingDaysOverdue(dueAt, at8('2026-01-26'), cal)).toBe(0);
    expect(workingDaysOverdue(dueAt, at8('2026-01-27'), cal)).toBe(1);
  });

  it('skips Tết 2026 (14–22/02): due Friday 13/02, Monday 23/02 is one working day late', () => {
    const dueAt = due('2026-02-13');
    expect(workingDaysOverdue(dueAt, at8('2026-02-18'), cal)).toBe(0);
    expect(workingDaysOverdue(dueAt, at8('2026-02-23'), cal)).toBe(1);
    expect(workingDaysOverdue(dueAt, at8('2026-02-27'), cal)).toBe(5);
  });

  it('an exact instant: late the same day is 0 working days, the next working day 1', () => {
    const dueAt = Date.parse('2026-01-22T10:00:00+07:00');
    expect(workingDaysOverdue(dueAt, Date.parse('2026-01-22T17:00:00+07:00'), cal)).toBe(0);
    expect(workingDaysOverdue(dueAt, at8('2026-01-23'), cal)).toBe(1);
  });

  it('no deadline: never overdue', () => {
    expect(workingDaysOverdue(null, NOW, cal)).toBe(0);
  });
});
