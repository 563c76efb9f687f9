import type { IntakeRow } from './intake-rows';
import {
  findPassage,
  findPhrase,
  type Highlight,
  type HighlightKind,
  type SourceIndex,
  type Span,
} from './source-text';

/** Where each row's directive is in the source, looked for in document order (by row key). */
export function passagesOf(index: SourceIndex, rows: readonly IntakeRow[]): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  let from = 0;
  for (const row of rows) {
    if (!row.source) continue;
    let spans = findPassage(index, row.source.text, from);
    // An appendix row or an item out of order: anywhere in the text.
    if (spans.length === 0 && from > 0) spans = findPassage(index, row.source.text, 0);
    out.set(row.key, spans);
    if (spans[0] && spans[0].start >= from) from = spans[0].start;
  }
  return out;
}

export interface RowHighlights {
  readonly highlights: Highlight[];
  /** What the parser read for this row that the source does not show, in words. */
  readonly notFound: string[];
}

const KIND_WORDS: Record<Exclude<HighlightKind, 'directive'>, string> = {
  deadline: 'hạn',
  lead: 'cơ quan chủ trì',
  support: 'cơ quan phối hợp',
};

/**
 * The highlights of one row: its directive, the words of its deadline and those that named its
 * current lead and co-ordinating agencies (an agency picked by hand has no words to show).
 */
export function highlightsOf(
  index: SourceIndex,
  row: IntakeRow,
  passage: readonly Span[],
): RowHighlights {
  const source = row.source;
  if (!source) return { highlights: [], notFound: [] };
  const highlights: Highlight[] = passage.map((s) => ({ ...s, kind: 'directive' }));
  const notFound: string[] = passage.length === 0 ? ['nội dung nhiệm vụ'] : [];
  const first = passage[0];
  const last = passage[passage.length - 1];
  const near = first && last ? { start: first.start, end: last.end } : null;
  const look = (phrase: string, kind: Exclude<HighlightKind, 'directive'>): void => {
    const span = findPhrase(index, phrase, near);
    if (span) highlights.push({ ...span, kind });
    else notFound.push(`${KIND_WORDS[kind]} “${phrase}”`);
  };
  if (source.deadlinePhrase) look(source.deadlinePhrase, 'deadline');
  for (const a of source.agencies) {
    if (a.code === row.lead) look(a.phrase, 'lead');
    else if (row.support.includes(a.code)) look(a.phrase, 'support');
  }
  return { highlights, notFound };
}
