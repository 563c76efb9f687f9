import type { CivilDate } from '../time/civil-date';

export type CalendarYearStatus = 'official' | 'provisional';

/** One year of a working calendar: days off besides weekends, and Saturdays that are working days. */
export interface CalendarYear {
  year: number;
  status: CalendarYearStatus;
  /** Public holidays, compensatory and swapped days off (weekend days may be listed; harmless). */
  daysOff: CivilDate[];
  /** Saturdays (or Sundays) that are working days (làm bù). */
  makeUpWorkingDays: CivilDate[];
  /** Where the data comes from. */
  source?: string;
}

export interface CalendarData {
  /** Bump when any year changes, so stored decisions can say which calendar they used. */
  version: string;
  name: string;
  years: CalendarYear[];
}

function range(from: CivilDate, to: CivilDate): CivilDate[] {
  // Ranges here never cross a month end except where spelled out explicitly below.
  const [y, m, d1] = from.split('-');
  const d2 = Number(to.split('-')[2]);
  const out: CivilDate[] = [];
  for (let d = Number(d1); d <= d2; d++) out.push(`${y}-${m}-${String(d).padStart(2, '0')}`);
  return out;
}

/**
 * Vietnamese public sector (cán bộ, công chức, viên chức), 5-day week, Saturday and Sunday off.
 * 2026: as announced (VB 12729/VPCP-KGVX; TB 9441/TB-BNV). 2027: statutory rules only, Tết days
 * estimated (mùng 1 = Sat 06/02/2027); replace with the official schedule when it is published.
 */
export const VN_PUBLIC_SECTOR_CALENDAR_DATA: CalendarData = {
  version: '2026.1',
  name: 'vn-public-sector',
  years: [
    {
      year: 2026,
      status: 'official',
      daysOff: [
        ...range('2026-01-01', '2026-01-04'),
        ...range('2026-02-14', '2026-02-22'),
        ...range('2026-04-25', '2026-04-27'),
        '2026-04-30',
        ...range('2026-05-01', '2026-05-03'),
        ...range('2026-08-29', '2026-08-31'),
        ...range('2026-09-01', '2026-09-02'),
      ],
      makeUpWorkingDays: ['2026-01-10', '2026-08-22'],
      source: 'VB 12729/VPCP-KGVX 25/12/2025; TB 9441/TB-BNV 16/10/2025',
    },
    {
      year: 2027,
      status: 'provisional',
      daysOff: [
        '2027-01-01',
        ...range('2027-02-04', '2027-02-10'),
        '2027-04-16',
        '2027-04-30',
        '2027-05-01',
        '2027-05-03', // compensatory for Sat 01/05
        ...range('2027-09-02', '2027-09-03'),
      ],
      makeUpWorkingDays: [],
      source: 'Bộ luật Lao động 2019 Điều 111–112; Tết estimated, not yet announced',
    },
  ],
};
