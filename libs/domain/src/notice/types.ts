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
      day?: number;
      phrase: string;
    }
  | { kind: 'relative'; days: number; workingDays: boolean; from: string; phrase: string }
  | { kind: 'none'; phrase?: string };

export interface ParsedItem {
  code: string;
  text: string;
  lead: string[];
  support: string[];
  reportTo?: string;
  deadline: ParsedDeadline;
}
