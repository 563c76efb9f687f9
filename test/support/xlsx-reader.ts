import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
  widths: Record<string, number>;
  /** Each row's height in points (null: the reader's default). */
  heights: (number | null)[];
  print: { orientation: string | null; fitToWidth: number | null; titleRows: string | null };
  rows: ReadCell[][];
}

let python: string | undefined;

/**
 * An .xlsx file as openpyxl (a reader the project did not write) reads it:
 * tools/python/read_xlsx.py in the virtualenv of scripts/provision-python.sh.
 */
export async function readXlsx(bytes: Buffer): Promise<ReadSheet[]> {
  python ??= execFileSync('bash', [join(ROOT, 'scripts/provision-python.sh'), '--python'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-xlsx-'));
  try {
    const file = join(dir, 'file.xlsx');
    await writeFile(file, bytes);
    const out = execFileSync(python, [join(ROOT, 'tools/python/read_xlsx.py'), file], {
      encoding: 'utf8',
    });
    return (JSON.parse(out) as { sheets: ReadSheet[] }).sheets;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A row's values, as a person reads them. */
export const cellValues = (row: readonly ReadCell[]): (string | number | null)[] =>
  row.map((c) => c?.value ?? null);
