import {
  AlignmentType,
  BorderStyle,
  Document,
  NoBreakHyphen,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The layout of an administrative document by Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins
 * 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman 13–14 pt; the issuing body and
 * the number on the left, the national name, motto and place and date on the right; the title
 * centred; "Nơi nhận" left and the signature right at the end. Sizes here are in twips (1/1440 in)
 * and half-points, as Word counts them.
 */
const MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
/** The width the text may use. */
export const TEXT_WIDTH = Math.round(PAGE.width - MARGIN.left - MARGIN.right);
const FONT = 'Times New Roman';
const SIZE = 28; // 14 pt
const SMALL = 26; // 13 pt
const NOTE = 24; // 12 pt
const RECIPIENTS = 22; // 11 pt

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const INVISIBLE = { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE };

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
  readonly underline?: boolean;
}

/** A document number ("45/TB-BCĐ", "30/2020/NĐ-CP"): a line must not break at its hyphens. */
const DOCUMENT_NUMBER = /\d+\/[\p{L}\d]+(?:[-/][\p{L}\d]+)*-[\p{L}\d]+/gu;

/** The text with the hyphens of its document numbers as Word's non-breaking hyphens. */
function unbroken(text: string): (string | NoBreakHyphen)[] {
  const parts: (string | NoBreakHyphen)[] = [];
  let from = 0;
  for (const m of text.matchAll(DOCUMENT_NUMBER)) {
    parts.push(text.slice(from, m.index));
    m[0].split('-').forEach((piece, i) => {
      if (i > 0) parts.push(new NoBreakHyphen());
      parts.push(piece);
    });
    from = m.index + m[0].length;
  }
  parts.push(text.slice(from));
  return parts.filter((p) => p !== '');
}

export const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({
    children: unbroken(text),
    font: FONT,
    size: style.size ?? SIZE,
    bold: style.bold,
    italics: style.italics,
    ...(style.underline ? { underline: {} } : {}),
  });

const centred = (text: string, style: RunStyle = {}, after = 0, keepNext = false): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    ...(keepNext ? { keepNext } : {}),
    spacing: { after },
    children: [run(text, style)],
  });

/**
 * A paragraph of the body: justified, first line indented, 6 pt after (as offices set it).
 * `keepNext` on the last one: the signature never stands alone at the top of a page.
 */
export const bodyParagraph = (
  children: TextRun[] | string,
  { keepNext = false }: { keepNext?: boolean } = {},
): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    ...(keepNext ? { keepNext } : {}),
    indent: { firstLine: Math.round(10 * MM) },
    spacing: { after: 120, line: 300 },
    children: typeof children === 'string' ? [run(children)] : children,
  });

/** A section heading of the body ("I. KẾT QUẢ CHUNG"). */
export const heading = (text: string): Paragraph =>
  new Paragraph({
    keepNext: true,
    indent: { firstLine: Math.round(10 * MM) },
    spacing: { before: 120, after: 120 },
    children: [run(text, { bold: true })],
  });

const cell = (children: Paragraph[], width: number): TableCell =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });

/**
 * Two columns without borders: what Nghị định 30 sets side by side (header, signature); a row
 * that does not split across pages.
 */
function sideBySide(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: INVISIBLE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(left, leftWidth), cell(right, TEXT_WIDTH - leftWidth)],
      }),
    ],
  });
}

export interface OfficialDocument {
  /** The issuing body, from its parent down ("UBND TỈNH LẠNG SƠN", "BAN CHỈ ĐẠO …"). */
  readonly issuer: readonly string[];
  /** Where it is dated ("Lạng Sơn"), null: left for the office to fill in. The day is left too. */
  readonly place: string | null;
  /** "Số: …/BC-BCĐ": the number is left for the office to give. */
  readonly numberLine: string;
  /** The kind of document ("BÁO CÁO", "CÔNG VĂN" has none: then null) and what it is about. */
  readonly kind: string | null;
  readonly about: string;
  readonly body: readonly (Paragraph | Table)[];
  readonly recipients: readonly string[];
  /** The signer's position, line by line ("TL. TRƯỞNG BAN", "CHÁNH VĂN PHÒNG"); the name is left. */
  readonly signer: readonly string[];
}

/** A ready-to-edit Word document in the layout above, as the bytes of a .docx file. */
export async function docxOf(d: OfficialDocument): Promise<Buffer> {
  // The issuing body in bold under its parent body; a body named alone is the issuer itself.
  const parent = d.issuer.length > 1 ? d.issuer[0] : undefined;
  const own = d.issuer.length > 1 ? d.issuer.slice(1) : d.issuer;
  const header = sideBySide(
    [
      ...(parent ? [centred(parent.toUpperCase(), { size: SMALL })] : []),
      ...own.map((line) => centred(line.toUpperCase(), { size: SMALL, bold: true })),
      centred('───────', { size: SMALL }),
      centred(d.numberLine, { size: SMALL }),
      ...(d.kind ? [] : [centred(`V/v ${d.about}`, { size: NOTE })]),
    ],
    [
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 24, bold: true }),
      centred('Độc lập - Tự do - Hạnh phúc', { size: SIZE, bold: true }),
      centred('───────────────', { size: SMALL }),
      centred(`${d.place ?? '……'}, ngày …… tháng …… năm ……`, { size: SIZE, italics: true }),
    ],
    0.4,
  );
  const title = d.kind
    ? [
        centred(d.kind, { bold: true }, 0),
        centred(d.about, { bold: true }, 0),
        centred('──────', {}, 240),
      ]
    : [new Paragraph({ spacing: { after: 240 }, children: [] })];
  const signature = sideBySide(
    [
      new Paragraph({
        keepNext: true,
        children: [run('Nơi nhận:', { bold: true, italics: true, size: NOTE })],
      }),
      ...d.recipients.map(
        (r) => new Paragraph({ keepNext: true, children: [run(r, { size: RECIPIENTS })] }),
      ),
    ],
    [
      ...d.signer.map((line) => centred(line, { bold: true }, 0, true)),
      centred('(Ký, ghi rõ họ tên)', { italics: true, size: SMALL }, 1400),
    ],
    0.5,
  );
  const doc = new Document({
    creator: 'Đôn Đốc',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: {
              top: Math.round(MARGIN.top),
              bottom: Math.round(MARGIN.bottom),
              left: Math.round(MARGIN.left),
              right: Math.round(MARGIN.right),
            },
          },
        },
        children: [
          header,
          new Paragraph({ children: [] }),
          ...title,
          ...d.body,
          new Paragraph({ keepNext: true, children: [] }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A bordered table: a header row in bold, then the rows; widths are shares of the text width. */
export function gridTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  shares: readonly number[],
): Table {
  const widths = shares.map((s) => Math.round(TEXT_WIDTH * s));
  const line = (texts: readonly string[], bold: boolean): TableRow =>
    new TableRow({
      tableHeader: bold,
      cantSplit: true,
      children: texts.map(
        (t, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            children: t.split('\n').map(
              (part) =>
                new Paragraph({
                  alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
                  children: [run(part, { bold, size: bold ? SMALL : NOTE })],
                }),
            ),
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [line(headers, true), ...rows.map((r) => line(r, false))],
  });
}
