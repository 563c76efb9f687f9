import { addDays } from '../time/civil-date';
import { isDigestDay } from './digest-days';
import { vnPublicSectorCalendar as calendar } from './working-calendar';

/** The days of a week (Monday first) on which each digest goes out. */
const week = (monday: string, kind: 'secretariat' | 'head' | 'agencies') =>
  Array.from({ length: 7 }, (_, i) => addDays(monday, i)).filter((d) =>
    isDigestDay(kind, d, calendar),
  );

describe('isDigestDay', () => {
  it('the National Day week (Mon 31/08 to Wed 02/09/2026 off): Thursday and Friday only, no Monday digest', () => {
    expect(week('2026-08-31', 'secretariat')).toEqual(['2026-09-03', '2026-09-04']);
    expect(week('2026-08-31', 'head')).toEqual([]);
  });

  it("a make-up Saturday (22/08/2026) has the secretariat's digest", () => {
    expect(week('2026-08-17', 'secretariat')).toEqual([
      '2026-08-17',
      '2026-08-18',
      '2026-08-19',
      '2026-08-20',
      '2026-08-21',
      '2026-08-22',
    ]);
  });

  it('an ordinary week: the secretariat five days, the head and the agencies on Monday', () => {
    expect(week('2026-12-07', 'secretariat')).toHaveLength(5);
    expect(week('2026-12-07', 'agencies')).toEqual(['2026-12-07']);
  });

  it('no Monday digest when the Monday is a day off', () => {
    // Tết 2027 (estimated): Thursday 04 to Wednesday 10/02/2027, Monday 08/02 off.
    expect(week('2027-02-08', 'head')).toEqual([]);
    expect(week('2027-02-08', 'secretariat')).toEqual(['2027-02-11', '2027-02-12']);
  });
});
