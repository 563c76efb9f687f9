import { cleanLines } from './normalize';

export type BlockKind = 'section' | 'numbered' | 'letter' | 'dash' | 'plus' | 'sentence';

/** One list entry of the notice body: its marker, its joined text and its children. */
export interface Block {
  readonly kind: BlockKind;
  /** Position code: "2", "2.1", "2.g", "2.g.1" … */
  readonly code: string;
  text: string;
  readonly children: Block[];
}

const LEVEL: Record<BlockKind, number> = {
  section: 0,
  numbered: 1,
  letter: 2,
  dash: 3,
  plus: 4,
  sentence: 5,
};

const SECTION = /^(?:(?:Phần|PHẦN|Mục|MỤC)\s+)?([IVX]{1,5}|\d{1,2})[.)]\s*(.*)$/u;
const NUMBERED = /^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(.*)$/u;
const LETTER = /^([a-zđăâêôơư])\)\s*(.*)$/u;
const DASH = /^(?:[-*]|\(\d{1,2}\))\s*(?=\p{L}|\()(.*)$/u;
const PLUS = /^\+\s*(?=\p{L}|\()(.*)$/u;
/** "1 Trong năm 2025, …": a footnote's text, flattened to the page bottom. */
const FOOTNOTE = /^\d{1,2}\s+\p{Lu}/u;
/** The closing sentence and what follows (distribution list, signature): no items there. */
const CLOSING = /^(?:Nơi nhận|Nơi gửi)\b|^(?:Văn phòng|VP)\b.*\bthông báo\b|\.\/\.\s*$/iu;

/** Vietnamese letter order of "điểm" markers: a b c d đ e g h i k l m n o p q r s t u ư v x y. */
const LETTERS = 'abcdđeghiklmnopqrstuưvxy';

export interface NoticeLayout {
  /** Lines before the first section or list marker (heading, title, opening paragraph). */
  readonly header: string[];
  readonly sections: Block[];
  /** True when the text had list markers at all (a notice), false for free prose (an article). */
  readonly structured: boolean;
  /** Every line of the body, joined, for the free-prose fallback. */
  readonly body: string;
}

/** Splits the notice into header and a tree of blocks (sections > 2.1 > a) > - > +). */
export function layoutOf(text: string): NoticeLayout {
  const lines = cleanLines(text);
  const header: string[] = [];
  const roots: Block[] = [];
  const stack: Block[] = [];
  let current: Block | null = null;
  let inFootnote = false;
  let started = false;
  let lastLetter = '';
  const counters = new Map<Block | null, number>();

  const open = (kind: BlockKind, label: string | null, text: string): void => {
    while (stack.length > 0 && LEVEL[stack.at(-1)!.kind] >= LEVEL[kind]) stack.pop();
    const parent = stack.at(-1) ?? null;
    let code: string;
    if (kind === 'section' || kind === 'numbered') code = label!;
    else if (kind === 'letter') code = parent ? `${parent.code}.${label!}` : label!;
    else {
      const n = (counters.get(parent) ?? 0) + 1;
      counters.set(parent, n);
      code = parent ? `${parent.code}.${n}` : String(n);
    }
    const block: Block = { kind, code, text, children: [] };
    (parent ? parent.children : roots).push(block);
    stack.push(block);
    current = block;
  };

  for (const line of lines) {
    if (started && CLOSING.test(line)) break;
    let m: RegExpExecArray | null;
    if ((m = NUMBERED.exec(line))) {
      started = true;
      inFootnote = false;
      open('numbered', m[1]!, m[2]!);
    } else if (
      (m = SECTION.exec(line)) &&
      (started || /^[IVX1]/u.test(m[1]!)) &&
      !/^\d{1,2}\.\d/u.test(line)
    ) {
      started = true;
      inFootnote = false;
      lastLetter = '';
      open('section', m[1]!, m[2]!);
    } else if ((m = LETTER.exec(line))) {
      started = true;
      inFootnote = false;
      // OCR reads "đ)" as "d)": a second "d" after "d" is "đ".
      let letter = m[1]!;
      if (letter === 'd' && lastLetter === 'd') letter = 'đ';
      lastLetter = letter;
      open('letter', letter, m[2]!);
    } else if (started && (m = DASH.exec(line))) {
      inFootnote = false;
      open('dash', null, m[1]!);
    } else if (started && (m = PLUS.exec(line))) {
      inFootnote = false;
      open('plus', null, m[1]!);
    } else if (started && FOOTNOTE.test(line)) {
      inFootnote = true;
    } else if (!started) {
      header.push(line);
    } else if (!inFootnote && current) {
      (current as Block).text = `${(current as Block).text} ${line}`.trim();
    }
  }
  return { header, sections: roots, structured: started, body: lines.join(' ') };
}

/** Whether `letter` may follow `previous` in a list (used to reject stray "x)" inside sentences). */
export function letterIndex(letter: string): number {
  return LETTERS.indexOf(letter);
}
