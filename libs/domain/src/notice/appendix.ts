import { collapse, normalizeUnicode } from './normalize';

/** One task row of an appendix table ("Phụ lục", "Danh mục nhiệm vụ"), cells joined across lines. */
export interface AppendixRow {
  /** "PL.3"; "PL.II.3" under a group row "II"; "PL2.3" in a second table. */
  readonly code: string;
  readonly content: string;
  readonly lead: string;
  readonly support: string;
  readonly due: string;
}

type Column = 'stt' | 'content' | 'lead' | 'support' | 'due' | 'other';

interface Table {
  readonly pipes: boolean;
  /** "| 1 | … |": a border "|" at both ends, not an empty first cell. */
  readonly border: boolean;
  /** Where each column starts (space layout). */
  readonly starts: readonly number[];
  readonly columns: readonly Column[];
}

const HEADER = /^\|?\s*(?:STT|TT|Số\s+TT)(?:\s|\||$)/iu;
const TITLE = /^(?:PHỤ LỤC|Phụ lục|DANH MỤC|Danh mục)(?![\p{L}])/u;
const END = /^(?:Nơi nhận|Ghi chú|KT\.|TL\.|TM\.|PHỤ LỤC|Phụ lục)(?![\p{L}])/u;
const SEPARATOR = /^[\s|+:=_-]+$/u;
const PAGE_NUMBER = /^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?$/iu;
const ROW_NUMBER = /^(\d{1,3}(?:\.\d{1,2})*)\.?$/u;
const GROUP = /^([IVX]{1,5})\.?$/u;

function columnOf(name: string): Column {
  const n = collapse(name).toLowerCase();
  if (/^(?:stt|tt|số\s*tt)$/u.test(n)) return 'stt';
  if (/nội\s*dung/u.test(n)) return 'content';
  if (/phối\s*hợp/u.test(n)) return 'support';
  // "Đơn vị" alone is a unit of measure, "Thực hiện" alone a figure: not agencies.
  if (/chủ\s*trì|cơ\s*quan|đơn\s*vị\s+\p{L}/u.test(n)) return 'lead';
  if (/thời\s*hạn|thời\s*gian|tiến\s*độ|hoàn\s*thành/u.test(n)) return 'due';
  if (/nhiệm\s*vụ|công\s*việc/u.test(n)) return 'content';
  return 'other';
}

/** Runs of text separated by two or more spaces, with where they start. */
function segments(line: string): { start: number; text: string }[] {
  return [...line.matchAll(/\S+(?: \S+)*/gu)].map((m) => ({ start: m.index, text: m[0] }));
}

/** The cells of a line, by column index; null when the line is not a row of this table. */
function cellsOf(line: string, table: Omit<Table, 'columns'>): string[] | null {
  if (table.pipes) {
    if (!line.includes('|')) return null;
    const t = line.trim();
    return (table.border ? t.replace(/^\|/u, '').replace(/\|$/u, '') : t)
      .split('|')
      .map((c) => c.trim());
  }
  const cells = table.starts.map(() => '');
  for (const s of segments(line)) {
    let best = 0;
    for (let i = 1; i < table.starts.length; i++) {
      if (Math.abs(table.starts[i]! - s.start) < Math.abs(table.starts[best]! - s.start)) best = i;
    }
    cells[best] = `${cells[best]} ${s.text}`.trim();
  }
  return cells;
}

/** A header row "STT | Nội dung | Cơ quan chủ trì …" at `i`, its wrapped lines merged. */
function tableAt(lines: readonly string[], i: number): { table: Table; next: number } | null {
  const first = lines[i]!;
  if (!HEADER.test(first.trim())) return null;
  const pipes = first.includes('|');
  const border = first.trim().startsWith('|');
  const starts = pipes ? [] : segments(first).map((s) => s.start);
  const layout = { pipes, border, starts };
  const names = cellsOf(first, layout) ?? [];
  let next = i + 1;
  for (; next < lines.length && next <= i + 3; next++) {
    const line = lines[next]!;
    if (line.trim() === '' || SEPARATOR.test(line)) continue;
    const cells = cellsOf(line, layout);
    if (!cells || ROW_NUMBER.test(cells[0] ?? '') || GROUP.test(cells[0] ?? '')) break;
    cells.forEach((c, k) => (names[k] = `${names[k] ?? ''} ${c}`));
  }
  const columns: Column[] = [];
  for (const name of names) {
    const c = columnOf(name);
    columns.push(columns.includes(c) ? 'other' : c);
  }
  const usable =
    names.length >= 3 &&
    columns[0] === 'stt' &&
    columns.includes('content') &&
    columns.includes('lead') &&
    columns.includes('due');
  return usable ? { table: { ...layout, columns }, next } : null;
}

interface OpenRow {
  readonly code: string;
  readonly cells: string[][];
}

/** The rows of one table, from the line after its header to its end. */
function rowsOf(
  lines: readonly string[],
  from: number,
  table: Table,
  prefix: string,
): { rows: AppendixRow[]; end: number } {
  const open: OpenRow[] = [];
  let group: string | null = null;
  let current: OpenRow | null = null;
  let inRepeatedHeader = false;
  let j = from;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    const trimmed = line.trim().replace(/^\|\s*/u, '');
    if (trimmed === '' || SEPARATOR.test(line) || PAGE_NUMBER.test(line.trim())) continue;
    if (END.test(trimmed)) break;
    if (HEADER.test(line.trim())) {
      inRepeatedHeader = true; // a header repeated on the next page
      continue;
    }
    const cells = cellsOf(line, table);
    if (!cells) break;
    const stt = cells[0] ?? '';
    const number = ROW_NUMBER.exec(stt);
    const groupLabel = GROUP.exec(stt);
    if (number) {
      const code = `${prefix}.${group ? `${group}.` : ''}${number[1]}`;
      current = { code, cells: table.columns.map(() => []) };
      open.push(current);
      inRepeatedHeader = false;
    } else if (groupLabel) {
      group = groupLabel[1]!;
      current = null;
      inRepeatedHeader = false;
      continue;
    } else if (inRepeatedHeader) {
      continue;
    } else if (stt.length > 4) {
      break; // text in the STT column: the body goes on after the table
    }
    if (!current) continue;
    const row = current;
    cells.forEach((c, k) => {
      if (c !== '' && k > 0 && k < table.columns.length) row.cells[k]!.push(c);
    });
  }
  const cell = (r: OpenRow, c: Column): string => {
    const k = table.columns.indexOf(c);
    // A date broken after its separator ("30/6/⏎2026") joins without a space.
    return k < 0 ? '' : collapse(r.cells[k]!.join(' ').replace(/(\d[/.-]) (?=\d)/gu, '$1'));
  };
  const rows = open.map((r) => ({
    code: r.code,
    content: cell(r, 'content'),
    lead: cell(r, 'lead'),
    support: cell(r, 'support'),
    due: cell(r, 'due'),
  }));
  return { rows, end: j };
}

/**
 * Where the appendix that holds the table at `header` starts: its topmost "PHỤ LỤC" / "DANH MỤC"
 * title over blank, upper-case and "(Kèm theo …)" lines, else the header itself.
 */
function titleAbove(lines: readonly string[], header: number): number {
  let top = header;
  for (let k = header - 1; k >= 0 && k >= header - 12; k--) {
    const t = lines[k]!.trim();
    if (TITLE.test(t)) top = k;
    else if (t !== '' && !/^\(.*\)$/u.test(t) && t !== t.toUpperCase()) break;
  }
  return top;
}

/**
 * Splits a notice into its body and the task rows of its appendix tables (columns STT, Nội dung,
 * Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn), as PDF-to-text renders them: columns separated by
 * runs of spaces (aligned under the header) or by "|", wrapped cells continued on lines with an
 * empty STT. A text without such a table is returned as it is.
 */
export function splitAppendix(text: string): { body: string; rows: AppendixRow[] } {
  const lines = normalizeUnicode(text.replace(/\t/gu, '    ')).split('\n');
  const rows: AppendixRow[] = [];
  /** The lines of each appendix, from its title to the end of its table. */
  const taken: [number, number][] = [];
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    const found = tableAt(lines, i);
    if (!found) continue;
    const prefix = tables === 0 ? 'PL' : `PL${tables + 1}`;
    const read = rowsOf(lines, found.next, found.table, prefix);
    if (read.rows.length === 0) continue;
    tables++;
    taken.push([titleAbove(lines, i), read.end]);
    rows.push(...read.rows);
    i = read.end - 1;
  }
  if (taken.length === 0) return { body: text, rows: [] };
  const body = lines.filter((_, k) => !taken.some(([from, to]) => k >= from && k < to));
  return { body: body.join('\n'), rows };
}
