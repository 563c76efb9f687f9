/** The parser's output: contracts/parsed-notice.md (version 1). */
export interface ParsedNotice {
  notice: {
    title: string | null;
    number: string | null;
    issuedOn: string | null;
    meetingDate: string | null;
    chair: string | null;
  };
  items: ParsedItem[];
  warnings: string[];
}

export type ParsedDeadline =
  | { kind: 'date'; due: string; phrase: string }
  | {
      kind: 'recurring';
      frequency: 'weekly' | 'monthly' | 'quarterly' | 'yearly';
      /** Day of the month (monthly, quarterly, yearly) or ISO weekday 1–7 (weekly). */
      day?: number;
      /**
       * Months of the year in which a period ends (Recurrence.months): what the engine reads.
       * "định kỳ 6 tháng" → monthly, [6, 12]; "trước ngày 31/3 hằng năm" → yearly, [3].
       */
      months?: number[];
      /** Descriptive only: month of a yearly date ("trước ngày 15/12 hằng năm": day 14, month 12). */
      month?: number;
      /** Descriptive only: months between occurrences ("định kỳ 6 tháng": 6). */
      interval?: number;
      phrase: string;
    }
  | { kind: 'relative'; days: number; workingDays: boolean; from: string; phrase: string }
  | { kind: 'none'; phrase?: string };

/** An agency of an item and the words of the notice that named it ("STC" for "Sở Tài chính"). */
export interface AgencyPhrase {
  /** As in `lead` or `support`: the canonical name, or the name as written when unknown. */
  name: string;
  /** The words as written (NFC, spacing collapsed), in the item's text or in its heading's. */
  phrase: string;
}

export interface ParsedItem {
  code: string;
  text: string;
  lead: string[];
  support: string[];
  reportTo?: string;
  deadline: ParsedDeadline;
  /**
   * Not in contract version 1 (extra fields are allowed): for each agency of `lead` and `support`
   * the words that named it, so a reader can find them in the source; ADR 0014. An agency named
   * by no words of the notice (assigned later) has none.
   */
  agencyPhrases?: AgencyPhrase[];
}
