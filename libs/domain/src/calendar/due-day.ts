import { civilParts, dayOfWeek, formatVnDate, type CivilDate } from '../time/civil-date';
import { unknownHolidaysNote, type WorkingCalendar } from './working-calendar';
import { capitalised } from '../text/capitalised';

/** A date someone chose as a deadline, as the law reads it. */
export interface DueDay {
  readonly date: CivilDate;
  /** The working day it is legally due at the end of: `date`, or the next working day. */
  readonly legalDate: CivilDate;
  readonly dayOff: boolean;
  /** One sentence for the person who chose it; null when there is nothing to say. */
  readonly note: string | null;
}

// dayOfWeek: 0 = Sunday … 6 = Saturday.
const DAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "Chủ nhật 20/12/2026", "thứ Hai 21/12/2026". */
export const namedVnDay = (d: CivilDate): string => `${DAY_NAMES[dayOfWeek(d)]} ${formatVnDate(d)}`;

/**
 * A chosen due date on a day off is legally due at the end of the next working day (DESIGN.md):
 * say so where the date is chosen, so the field and the deadline the item gets never seem to
 * disagree. A year without the official holidays is said too.
 */
export function chosenDueDay(calendar: WorkingCalendar, date: CivilDate): DueDay {
  const legalDate = calendar.legalDueDate(date);
  const dayOff = legalDate !== date;
  const notes: string[] = [];
  if (dayOff) {
    notes.push(`${namedVnDay(date)} là ngày nghỉ: hạn tính đến hết ${namedVnDay(legalDate)}.`);
  }
  const unknown = unknownHolidaysNote(calendar, civilParts(date).year);
  if (unknown) notes.push(unknown);
  return { date, legalDate, dayOff, note: notes.length ? notes.map(capitalised).join(' ') : null };
}
