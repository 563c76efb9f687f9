import { vnPublicSectorCalendar } from '../calendar/working-calendar';
import { resolveDue } from '../reminders/schedule';
import { endOfDay, instantAt } from '../time/civil-date';
import { workingDaysLeft as left } from './overdue';

/** A deadline as the workflow carries it ({date, at}); the count reads its legal due instant. */
const workingDaysLeft = (
  due: { readonly date: string | null; readonly at: number },
  nowMs: number,
): number => left(due.at, nowMs, vnPublicSectorCalendar);

const at8 = (d: string) => instantAt(d, 8);
const dueOn = (date: string) => ({ date, at: resolveDue(date, vnPublicSectorCalendar).dueAt });

describe('workingDaysLeft', () => {
  it('counts working days to the due date: positive before, 0 on the day, negative after', () => {
    // Thu 22/01/2026, an ordinary week.
    const due = dueOn('2026-01-22');
    expect(workingDaysLeft(due, at8('2026-01-19'))).toBe(3);
    expect(workingDaysLeft(due, at8('2026-01-21'))).toBe(1);
    expect(workingDaysLeft(due, at8('2026-01-22'))).toBe(0);
    expect(workingDaysLeft(due, due.at - 1)).toBe(0); // 23:59:59.999+07 on the due day
    expect(workingDaysLeft(due, due.at)).toBe(-1); // Fri 00:00+07
    expect(workingDaysLeft(due, at8('2026-01-24'))).toBe(-1); // Saturday does not count
    expect(workingDaysLeft(due, at8('2026-01-26'))).toBe(-2);
  });

  it('skips Tết 2026 (14–22/02): due Wed 25/02', () => {
    const due = dueOn('2026-02-25');
    expect(workingDaysLeft(due, at8('2026-02-09'))).toBe(7);
    expect(workingDaysLeft(due, at8('2026-02-13'))).toBe(3);
    expect(workingDaysLeft(due, at8('2026-02-17'))).toBe(3); // inside the break: 23, 24, 25/02
    expect(workingDaysLeft(due, at8('2026-02-24'))).toBe(1);
    expect(workingDaysLeft(due, at8('2026-02-25'))).toBe(0);
    expect(workingDaysLeft(due, at8('2026-03-02'))).toBe(-3);
  });

  it('counts to the legal due date: Sunday 25/01/2026 ends with Monday 26/01', () => {
    const due = dueOn('2026-01-25');
    expect(due.at).toBe(endOfDay('2026-01-26'));
    expect(workingDaysLeft(due, at8('2026-01-15'))).toBe(7);
    // Friday: the merged P1D/P0D reminder says one working day is left, not "today".
    expect(workingDaysLeft(due, at8('2026-01-23'))).toBe(1);
    expect(workingDaysLeft(due, at8('2026-01-25'))).toBe(1);
    expect(workingDaysLeft(due, at8('2026-01-26'))).toBe(0);
    expect(workingDaysLeft(due, at8('2026-01-27'))).toBe(-1);
  });

  it('reads today in Asia/Ho_Chi_Minh, whatever the host time zone', () => {
    const due = dueOn('2026-01-22');
    // 16:59:59Z on Wed 21/01 is 23:59:59+07 that day; 17:00Z is already Thursday.
    expect(workingDaysLeft(due, Date.parse('2026-01-21T16:59:59Z'))).toBe(1);
    expect(workingDaysLeft(due, Date.parse('2026-01-21T17:00:00Z'))).toBe(0);
  });

  it('an exact instant counts to its local date (an instant at 00:00 ends the day before)', () => {
    expect(
      workingDaysLeft({ date: null, at: Date.parse('2026-01-22T03:00:00Z') }, at8('2026-01-20')),
    ).toBe(2);
    expect(workingDaysLeft({ date: null, at: endOfDay('2026-01-22') }, at8('2026-01-20'))).toBe(2);
  });
});
