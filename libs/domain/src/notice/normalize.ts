/**
 * Text as PDF extraction leaves it → clean lines: NFC, LF, no blank lines (PDF double spacing), no
 * page-number lines, unified dashes and đ, footnote digits unglued from words.
 */

const DASHES = /[\u2010-\u2015\u2212\u2022\u00B7]/g;

/** Lines that are a bare page number or a "Trang N" running footer. */
const PAGE_NUMBER = /^\s*(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?\s*$/i;

/** Stands for a page-number line in `linesWithBreaks` (a footnote ends at a page break). */
export const PAGE_BREAK = '\f';

export function normalizeUnicode(text: string): string {
  return text
    .replace(/[\u00B9\u00B2\u00B3\u2070-\u2079]/g, '')
    .replace(/\u00AD/g, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00D0]/g, 'Đ')
    .replace(/[\u00F0]/g, 'đ')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(DASHES, '-');
}

/**
 * Footnote markers flattened into digits: "kết quả1," → "kết quả,". Only one or two digits glued
 * to a lower-case letter (or to an upper-case abbreviation like "UBND2") before punctuation or a
 * space; "Q1/2026", "T2/2026" (followed by "/") and "năm 2025" (a space before) are left alone.
 */
export function stripFootnoteDigits(line: string): string {
  return line
    .replace(/([a-zà-ỹđ])\d{1,2}(?=[\s,.;:)]|$)/gu, '$1')
    .replace(/(\p{Lu}{2,})\d{1,2}(?=[\s,.;:)]|$)/gu, '$1')
    .replace(/\b(năm\s+20\d\d)\d(?=[\s,.;:)]|$)/gu, '$1');
}

/** Normalised, non-empty, trimmed lines; each page-number line becomes one PAGE_BREAK line. */
export function linesWithBreaks(text: string): string[] {
  return normalizeUnicode(text)
    .replace(/\f/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '' && !/^[-_=*.…·~]{3,}$/u.test(l))
    .map((l) => (PAGE_NUMBER.test(l) ? PAGE_BREAK : stripFootnoteDigits(l)));
}

/** Normalised, non-empty, trimmed lines (page numbers dropped). */
export function cleanLines(text: string): string[] {
  return linesWithBreaks(text).filter((l) => l !== PAGE_BREAK);
}

/** The canonical text of a notice, for hashing: the same notice pasted twice gives the same string. */
export function normalizeNoticeText(text: string): string {
  return cleanLines(text).join('\n');
}

/**
 * Folds text for matching: NFC, lower case, old/new tone placement ("hoà" = "hòa", "uỷ" = "ủy"),
 * "&" spacing, whitespace collapsed.
 */
export function fold(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/o([àáảãạ])/g, (_, a: string) => `${moveTone(a, 'o')}a`)
    .replace(/o([èéẻẽẹ])/g, (_, e: string) => `${moveTone(e, 'o')}e`)
    .replace(/u([ỳýỷỹỵ])/g, (_, y: string) => `${moveTone(y, 'u')}y`)
    .replace(/\s*&\s*/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const TONES: Record<string, number> = {};
for (const [i, set] of ['àèỳ', 'áéý', 'ảẻỷ', 'ãẽỹ', 'ạẹỵ'].entries()) {
  for (const c of set) TONES[c] = i;
}
const TONED: Record<string, string> = { o: 'òóỏõọ', u: 'ùúủũụ' };

/** The tone of `marked` put on `base` ("à" on "o" → "ò"). */
function moveTone(marked: string, base: 'o' | 'u'): string {
  const tone = TONES[marked];
  return tone === undefined ? `${base}${marked}` : (TONED[base]?.[tone] ?? base);
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
