/**
 * Finding the parser's words in the notice as the secretariat pasted it (ADR 0014). The parser
 * reads a normalised copy (NFC, LF, spacing collapsed, lines joined, page numbers and footnote
 * digits dropped); the screen shows the pasted text. Both sides are folded to a key without
 * whitespace, each key character remembering where it came from in the pasted text.
 */

/** [start, end) in the pasted text (UTF-16 offsets). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface SourceIndex {
  readonly text: string;
  /** The folded text: NFC, lower case, no whitespace or invisible characters, dashes unified. */
  readonly key: string;
  /** For each code unit of `key`, the span of `text` it came from. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** A character with its combining marks (NFD input keeps them apart). */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
/** What the parser drops: whitespace, soft hyphens, zero-width characters, superscript digits. */
const DROPPED = /^(?:\s|[\u00AD\u200B-\u200D\uFEFF\u00B9\u00B2\u00B3\u2070-\u2079])+$/u;
const DASH = /^[\u2010-\u2015\u2212\u2022\u00B7]$/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;

function foldCluster(c: string): string {
  if (DROPPED.test(c)) return '';
  if (DASH.test(c)) return '-';
  return c
    .normalize('NFC')
    .replace(/\u00D0/g, 'Đ')
    .replace(/\u00F0/g, 'đ')
    .toLowerCase();
}

export function indexSource(text: string): SourceIndex {
  let key = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(CLUSTER)) {
    const folded = foldCluster(m[0]);
    for (let i = 0; i < folded.length; i++) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    key += folded;
  }
  return { text, key, starts, ends };
}

/** The key of a phrase, folded as the source is. */
export function keyOf(phrase: string): string {
  let key = '';
  for (const m of phrase.matchAll(CLUSTER)) key += foldCluster(m[0]);
  return key;
}

/** The first key position whose source character starts at or after `offset`. */
function keyAt(index: SourceIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((index.starts[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function spanOf(index: SourceIndex, from: number, to: number): Span {
  return { start: index.starts[from] ?? 0, end: index.ends[to - 1] ?? 0 };
}

/** Not inside a word: "Sở Y tế" is not found in "Sở Y tếp", "STC" not in "ASTCO". */
function standsAlone(index: SourceIndex, span: Span, phraseKey: string): boolean {
  const before = index.text.slice(Math.max(0, span.start - 2), span.start);
  const after = index.text.slice(span.end, span.end + 1);
  const startsWord = WORD.test(phraseKey.slice(0, 1));
  const endsWord = WORD.test(phraseKey.slice(-1));
  return (
    (!startsWord || !WORD.test(Array.from(before).at(-1) ?? '')) && (!endsWord || !WORD.test(after))
  );
}

/** Every place the phrase stands in the source, in order. */
export function findAll(index: SourceIndex, phrase: string): Span[] {
  const k = keyOf(phrase);
  if (k === '') return [];
  const found: Span[] = [];
  for (let at = index.key.indexOf(k); at >= 0; at = index.key.indexOf(k, at + 1)) {
    const span = spanOf(index, at, at + k.length);
    if (standsAlone(index, span, k)) found.push(span);
  }
  return found;
}

/**
 * Where a short phrase (a deadline, an agency) is, near an item's passage: inside it first, else
 * the nearest one before it (the heading an item inherits its agency or deadline from), else the
 * first one anywhere. Null when the source does not contain it.
 */
export function findPhrase(index: SourceIndex, phrase: string, near: Span | null): Span | null {
  const all = findAll(index, phrase);
  if (near) {
    const inside = all.find((s) => s.start >= near.start && s.end <= near.end);
    if (inside) return inside;
    const before = all.filter((s) => s.end <= near.start).at(-1);
    if (before) return before;
  }
  return all[0] ?? null;
}

/** The first piece of a passage must be this long (or the whole passage) to count as found. */
const MIN_FIRST_PIECE = 12;
/** How far (in key characters) a passage may jump over a footnote or a page number. */
const MAX_GAP = 2000;
const MAX_SKIPPED = 20;

/** The longest prefix of `needle` found in the key at or after `from` (within `limit`). */
function longestPrefix(
  key: string,
  needle: string,
  from: number,
  limit: number,
): { at: number; length: number } | null {
  // Only the window where a match may start is searched: a long notice stays cheap.
  const window = key.slice(from, limit + needle.length);
  const within = (length: number): number => {
    const at = window.indexOf(needle.slice(0, length));
    return at >= 0 && from + at <= limit ? from + at : -1;
  };
  // A prefix found implies every shorter prefix is found at the same place or before.
  let lo = 0;
  let hi = needle.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (within(mid) >= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? null : { at: within(lo), length: lo };
}

/**
 * Where a long passage (an item's directive) is, from `from` on, as pieces: the parser joined its
 * lines and dropped page numbers and footnote digits between them, so the passage may be in the
 * source with gaps. Empty when its beginning is not found.
 */
export function findPassage(index: SourceIndex, passage: string, from = 0): Span[] {
  const needle = keyOf(passage);
  if (needle === '') return [];
  const { key } = index;
  const first = longestPrefix(key, needle, keyAt(index, from), key.length);
  if (!first || first.length < Math.min(needle.length, MIN_FIRST_PIECE)) return [];
  const pieces: Span[] = [spanOf(index, first.at, first.at + first.length)];
  let pos = first.length;
  let cursor = first.at + first.length;
  let skipped = 0;
  while (pos < needle.length && skipped <= MAX_SKIPPED) {
    const next = longestPrefix(key, needle.slice(pos), cursor, cursor + MAX_GAP);
    if (!next) {
      // A character the source does not have here: skip it.
      pos++;
      skipped++;
      continue;
    }
    const span = spanOf(index, next.at, next.at + next.length);
    const last = pieces[pieces.length - 1];
    if (last && next.at === cursor) {
      pieces[pieces.length - 1] = { start: last.start, end: span.end };
    } else pieces.push(span);
    pos += next.length;
    cursor = next.at + next.length;
  }
  return pieces;
}

export type HighlightKind = 'directive' | 'deadline' | 'lead' | 'support';

export interface Highlight extends Span {
  readonly kind: HighlightKind;
}

/** A run of the source with the strongest highlight over it (none: plain text). */
export interface Segment {
  readonly text: string;
  readonly kind: HighlightKind | null;
}

const STRENGTH: Record<HighlightKind, number> = { directive: 1, support: 2, lead: 3, deadline: 4 };

/** The source cut where highlights start and end, each piece with its strongest highlight. */
export function segmentsOf(text: string, highlights: readonly Highlight[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const h of highlights) {
    cuts.add(Math.max(0, Math.min(text.length, h.start)));
    cuts.add(Math.max(0, Math.min(text.length, h.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    let kind: HighlightKind | null = null;
    for (const h of highlights) {
      if (h.start <= start && h.end >= end && (!kind || STRENGTH[h.kind] > STRENGTH[kind])) {
        kind = h.kind;
      }
    }
    const prev = out[out.length - 1];
    if (prev && prev.kind === kind) {
      out[out.length - 1] = { text: prev.text + text.slice(start, end), kind };
    } else out.push({ text: text.slice(start, end), kind });
  }
  return out;
}
