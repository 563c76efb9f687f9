import { dayOfWeek, type CivilDate } from '../time/civil-date';
import type { WorkingCalendar } from './working-calendar';

/**
 * Whether a digest goes out on a day (UTC+7): the secretariat's on every working day (a make-up
 * Saturday too, none on a day off), the head's and the agencies' on a Monday that is a working day.
 */
export function isDigestDay(
  kind: 'secretariat' | 'head' | 'agencies',
  day: CivilDate,
  calendar: WorkingCalendar,
): boolean {
  if (!calendar.isWorkingDay(day)) return false;
  return kind === 'secretariat' || dayOfWeek(day) === 1;
}
