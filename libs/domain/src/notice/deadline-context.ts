import type { WorkingCalendar } from '../calendar/working-calendar';
import type { CivilDate } from '../time/civil-date';
import type { ParsedDeadline } from './types';

export interface DeadlineContext {
  /** The meeting date, else the issue date: a year-less date is the first such date not before it. */
  readonly reference: CivilDate | null;
  /** Anchor of "N ngày (làm việc) kể từ ngày ban hành/ký", "trong tuần này", "trong tháng này". */
  readonly issuedOn: CivilDate | null;
  readonly calendar: WorkingCalendar;
}

export interface DeadlineResult {
  readonly deadline: ParsedDeadline;
  /** A soft target ("phấn đấu") or urgency without a date ("khẩn trương"): a human should look. */
  readonly vague: boolean;
  /** How the deadline was read, when a human should know (year inferred, "trước ngày" …). */
  readonly notes: string[];
  /** "trước kỳ họp HĐND tỉnh": the deadline hangs on an event with no date. */
  readonly event: string | null;
  /** The day a computed deadline was counted from ("10 ngày làm việc kể từ ngày 15/01/2026"). */
  readonly countedFrom?: CivilDate;
}
