import type { Agency } from '../api/client';
import type { components } from '../api/schema';

export type ParsedNotice = components['schemas']['ParsedNoticeResponse'];
type ParsedItem = components['schemas']['ParsedItemResponse'];
type Deadline = components['schemas']['ParsedDeadlineResponse'];
export type ConfirmItem = components['schemas']['ConfirmItemDto'];

/** One item as the secretariat reviews it before confirming. */
export interface IntakeRow {
  readonly key: string;
  readonly code: string;
  readonly text: string;
  /** Agency codes when the directory knows the name, else the name as parsed. */
  readonly lead: string | undefined;
  readonly support: string[];
  readonly reportTo: string | undefined;
  readonly deadline: Deadline;
  /** A date chosen by the secretariat (YYYY-MM-DD), overriding the parsed deadline. */
  readonly due: string | undefined;
  /** The preview's warnings about this item ("Mục 2.a: …"). */
  readonly warnings: string[];
}

const codeOf = (agencies: readonly Agency[], name: string): string =>
  agencies.find((a) => a.name === name || a.code === name)?.code ?? name;

export function rowsOf(parsed: ParsedNotice, agencies: readonly Agency[]): IntakeRow[] {
  return parsed.items.map((i: ParsedItem, n) => ({
    key: `${n}-${i.code}`,
    code: i.code,
    text: i.text,
    lead: i.lead[0] === undefined ? undefined : codeOf(agencies, i.lead[0]),
    support: i.support.map((s) => codeOf(agencies, s)),
    reportTo: i.reportTo,
    deadline: i.deadline,
    due: i.deadline.kind === 'date' ? i.deadline.due : undefined,
    warnings: parsed.warnings.filter((w) => w.startsWith(`Mục ${i.code}:`)),
  }));
}

export function emptyRow(n: number): IntakeRow {
  return {
    key: `new-${n}`,
    code: '',
    text: '',
    lead: undefined,
    support: [],
    reportTo: undefined,
    deadline: { kind: 'none' },
    due: undefined,
    warnings: [],
  };
}

/** What POST /api/notices takes for the reviewed rows. */
export function toConfirmItems(rows: readonly IntakeRow[]): ConfirmItem[] {
  return rows.map((r) => {
    const parsedDue = r.deadline.kind === 'date' ? r.deadline.due : undefined;
    return {
      ...(r.code ? { code: r.code } : {}),
      text: r.text,
      ...(r.lead ? { lead: r.lead } : {}),
      support: r.support,
      ...(r.reportTo ? { reportTo: r.reportTo } : {}),
      deadline: r.deadline,
      ...(r.due && r.due !== parsedDue ? { due: r.due } : {}),
    };
  });
}

/** The parsed deadline in words, when it is not a plain date. */
export function deadlineNote(d: Deadline): string | null {
  if (d.kind === 'recurring') return `Định kỳ: “${d.phrase ?? ''}”`;
  if (d.kind === 'relative') return `Tính từ mốc: “${d.phrase ?? ''}”`;
  if (d.kind === 'none') return d.phrase ? `Không có hạn cụ thể: “${d.phrase}”` : 'Không nêu hạn';
  return d.phrase ? `Theo văn bản: “${d.phrase}”` : null;
}
