import ExcelJS from 'exceljs';
import { instantAt, VN_OFFSET_MS, type CivilDate } from '../../domain/src';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A cell as Excel stores it. Dates are Excel dates (numbers with a date format), never text, so a
 * reader can sort and filter them; `percent` is a fraction (0.75 shows as 75%).
 */
export type Cell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'decimal'; readonly value: number }
  | { readonly kind: 'date'; readonly value: CivilDate }
  | { readonly kind: 'dateTime'; readonly epochMs: number }
  | null;

export interface Column<R> {
  readonly header: string;
  /** Characters, as Excel counts a column's width. */
  readonly width: number;
  /** Long text wraps inside the column instead of widening it. */
  readonly wrap?: boolean;
  readonly cell: (row: R, index: number) => Cell;
}

export interface Table<R> {
  /** The sheet's tab (at most 31 characters, Excel's limit). */
  readonly sheet: string;
  /**
   * Lines above the table, as an office heads a printed list: what it is (bold), then as of when
   * and what it holds (the filters); a blank row follows them.
   */
  readonly title?: readonly string[];
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
}

const FORMATS = {
  text: '@',
  int: '0',
  percent: '0%',
  decimal: '0.0',
  date: 'dd/mm/yyyy',
  dateTime: 'dd/mm/yyyy hh:mm',
} as const;

export const text = (value: string | null | undefined): Cell =>
  value ? { kind: 'text', value } : null;
export const int = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? null : { kind: 'int', value };
export const percent = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? null : { kind: 'percent', value };
/** A number shown with one decimal (e.g. a mean of days). */
export const decimal = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? null : { kind: 'decimal', value };

/**
 * Excel has no time zones: a date is a day count read as wall-clock time. The Date handed to
 * ExcelJS (which counts in UTC) is therefore the Vietnamese wall clock written as UTC.
 */
function excelValue(cell: Cell): string | number | Date | null {
  if (cell === null) return null;
  if (cell.kind === 'date') return new Date(instantAt(cell.value) + VN_OFFSET_MS);
  if (cell.kind === 'dateTime') return new Date(cell.epochMs + VN_OFFSET_MS);
  return cell.value;
}

const FONT = { name: 'Calibri', size: 11 } as const;
/** Points a line of 11-point text takes. */
const LINE_HEIGHT = 15;
/** Bold headers fit fewer characters a line. */
const BOLD_FIT = 0.8;
/** Every cell of the table ruled, as a printed table is (gridlines do not print). */
const THIN = { style: 'thin' } as const;
const RULED: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Lines a text takes in a column of that width. Readers do not all fit a row's height to wrapped
 * text when they open a file (LibreOffice does not), so the file says it; a little generous, as
 * a proportional font fits more characters than the width counts.
 */
function linesOf(text: string, width: number, fit = 1.1): number {
  const perLine = Math.max(1, Math.floor(width * fit));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function rowLines<R>(columns: readonly Column<R>[], cells: readonly Cell[]): number {
  const lines = cells.map((cell, i) => {
    const column = columns[i];
    return column?.wrap && cell?.kind === 'text' ? linesOf(cell.value, column.width) : 1;
  });
  return Math.max(1, ...lines);
}

function addTitle(ws: ExcelJS.Worksheet, lines: readonly string[], columns: number): void {
  lines.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = line;
    ws.mergeCells(i + 1, 1, i + 1, columns);
    row.font = i === 0 ? { ...FONT, size: 14, bold: true } : { ...FONT, italic: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const width = ws.columns.reduce((sum, c) => sum + (c.width ?? 10), 0);
    row.height = (i === 0 ? 20 : LINE_HEIGHT) * linesOf(line, width);
  });
}

function addSheet<R>(wb: ExcelJS.Workbook, table: Table<R>): void {
  const title = table.title ?? [];
  // The header's row: below the title and its blank row.
  const top = title.length > 0 ? title.length + 2 : 1;
  const ws = wb.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', ySplit: top }],
    // Printed as offices print a list: A4 across, every column on the page, the header on each.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${top}:${top}`,
    },
  });
  ws.columns = table.columns.map((c) => ({ width: c.width }));
  addTitle(ws, title, table.columns.length);
  const header = ws.getRow(top);
  table.columns.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  header.font = { ...FONT, bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height =
    LINE_HEIGHT * Math.max(...table.columns.map((c) => linesOf(c.header, c.width, BOLD_FIT)));
  table.columns.forEach((_, i) => (header.getCell(i + 1).border = RULED));
  table.rows.forEach((row, index) => {
    const cells = table.columns.map((c) => c.cell(row, index));
    const added = ws.getRow(top + 1 + index);
    cells.forEach((cell, i) => {
      const target = added.getCell(i + 1);
      target.value = excelValue(cell);
      if (cell) target.numFmt = FORMATS[cell.kind];
      target.alignment = { vertical: 'top', wrapText: table.columns[i]?.wrap === true };
      target.border = RULED;
    });
    added.font = FONT;
    added.height = LINE_HEIGHT * rowLines(table.columns, cells);
  });
  ws.autoFilter = { from: { row: top, column: 1 }, to: { row: top, column: table.columns.length } };
}

/** A table ready to be written as a sheet (its row type erased, so tables of rows of several types make one workbook). */
export type Sheet = (wb: ExcelJS.Workbook) => void;

export const sheet =
  <R>(table: Table<R>): Sheet =>
  (wb) =>
    addSheet(wb, table);

/** A workbook of the sheets, in order, as the bytes of an .xlsx file. */
export async function xlsxOf(sheets: readonly Sheet[], createdAtMs: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đôn Đốc';
  wb.created = new Date(createdAtMs);
  for (const write of sheets) write(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
