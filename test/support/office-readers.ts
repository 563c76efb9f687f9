import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A cell as openpyxl reads it: dates as ISO wall-clock strings, with the cell's number format. */
export type ReadCell = {
  type: 'date' | 'number' | 'text';
  value: string | number;
  format: string;
} | null;

export interface ReadSheet {
  name: string;
  /** The first cell below and right of the frozen panes ("A2": the header row frozen). */
  frozen: string | null;
  autoFilter: string | null;
  /** The cells of the table not ruled on all four sides (a printed table is ruled). */
  unruled: string[];
  widths: Record<string, number>;
  /** The lines above the table (its title, as-of and filters), blank ones as "". */
  title: string[];
  /** Each row's height in points from the header row down (null: the reader's default). */
  heights: (number | null)[];
  print: { orientation: string | null; fitToWidth: number | null; titleRows: string | null };
  /** The table: its header row, then its rows. */
  rows: ReadCell[][];
}

let python: string | undefined;

/** Runs a reader of tools/python on the bytes written to a file of that extension; its JSON. */
async function readWith<T>(script: string, bytes: Buffer, ext: string): Promise<T> {
  python ??= execFileSync('bash', [join(ROOT, 'scripts/provision-python.sh'), '--python'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-reader-'));
  try {
    const file = join(dir, `file.${ext}`);
    await writeFile(file, bytes);
    const out = execFileSync(python, [join(ROOT, 'tools/python', script), file], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as T;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * An .xlsx file as openpyxl (a reader the project did not write) reads it:
 * tools/python/read_xlsx.py in the virtualenv of scripts/provision-python.sh.
 */
export async function readXlsx(bytes: Buffer): Promise<ReadSheet[]> {
  return (await readWith<{ sheets: ReadSheet[] }>('read_xlsx.py', bytes, 'xlsx')).sheets;
}

export interface ReadParagraph {
  text: string;
  /** python-docx's name, e.g. "CENTER (1)"; null: inherited (left). */
  alignment: string | null;
  bold: boolean;
  italic: boolean;
  fonts: string[];
  keepWithNext: boolean;
}

export interface ReadDocx {
  /** Millimetres. */
  page: { width: number; height: number; top: number; bottom: number; left: number; right: number };
  paragraphs: ReadParagraph[];
  /** Every table (nested ones after their parent) as rows of cell texts. */
  tables: string[][][];
  /** The paragraphs of each table's cells, row by row, in the order of `tables`. */
  tableParagraphs: ReadParagraph[][];
  /** How many of the body's hyphens are non-breaking (w:noBreakHyphen). */
  noBreakHyphens: number;
}

/** A .docx file as python-docx reads it (tools/python/read_docx.py). */
export function readDocx(bytes: Buffer): Promise<ReadDocx> {
  return readWith<ReadDocx>('read_docx.py', bytes, 'docx');
}

/**
 * A .docx file as LibreOffice prints it: converted to PDF by `soffice --headless` (Debian's
 * libreoffice-writer-nogui, scripts/provision-office.sh), its pages counted by pdfinfo and its
 * text read by pdftotext; the PDF is copied to `keepAs` when given (test artifacts).
 */
export async function printDocx(
  bytes: Buffer,
  keepAs?: string,
): Promise<{ pages: number; text: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-print-'));
  const docx = join(dir, 'file.docx');
  await writeFile(docx, bytes);
  // A profile of its own: two conversions at once would share (and lock) the default one.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = join(dir, 'file.pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  if (keepAs) await copyFile(pdf, keepAs);
  await rm(dir, { recursive: true, force: true });
  return { pages, text };
}

/** A row's values, as a person reads them. */
export const cellValues = (row: readonly ReadCell[]): (string | number | null)[] =>
  row.map((c) => c?.value ?? null);

export interface ReadCalendar {
  method: string;
  events: {
    uid: string;
    sequence: number;
    status: string | null;
    summary: string;
    description: string;
    url: string | null;
    /** 'YYYY-MM-DD' for an all-day event, else UTC ISO. */
    start: string;
    end: string;
    allDay: boolean;
    organizer: string | null;
    attendees: string[];
    /** Each attendee's name (CN), null when it has none. */
    attendeeNames: (string | null)[];
    /** Each alarm's trigger: UTC ISO for an absolute one. */
    alarms: string[];
  }[];
}

/** An .ics file as Python's icalendar reads it (tools/python/read_ics.py). */
export function readIcs(text: string | Buffer): Promise<ReadCalendar> {
  return readWith<ReadCalendar>('read_ics.py', Buffer.from(text), 'ics');
}
