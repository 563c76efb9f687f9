import { addDays, civilDateOrNull, formatVnDate, type CivilDate } from '../time/civil-date';

const NUMERIC = /trước\s+ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
const SPELLED = /trước\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

/**
 * Why a deadline is the day before the date its notice names: "trước ngày 15/01/2027" is read as
 * finished by the end of 14/01/2027 (ADR 0004), which a reader of "hạn 14/01/2027" alone cannot
 * tell (issue 8 blind check). The notice's words when `due` is that day before, else null (a
 * deadline since moved, or a phrase that says something else).
 */
export function strictBeforeWords(
  phrase: string | null | undefined,
  due: CivilDate,
): string | null {
  if (!phrase) return null;
  const text = phrase.normalize('NFC');
  const match = NUMERIC.exec(text) ?? SPELLED.exec(text);
  if (!match) return null;
  const named = civilDateOrNull(Number(match[3]), Number(match[2]), Number(match[1]));
  return named !== null && addDays(named, -1) === due ? `trước ngày ${formatVnDate(named)}` : null;
}
