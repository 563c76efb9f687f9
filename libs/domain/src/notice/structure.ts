import { PAGE_BREAK, linesWithBreaks } from './normalize';

export type BlockKind = 'section' | 'numbered' | 'letter' | 'dash' | 'plus' | 'sentence';

/** One list entry of the notice body: its marker, its joined text and its children. */
export interface Block {
  readonly kind: BlockKind;
  /** Position code: "2", "2.1", "II.1", "2.g", "2.g.1" … */
  readonly code: string;
  text: string;
  /** The text on the marker's own line: a section's title when more lines follow. */
  readonly heading: string;
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

/** "2." (Arabic sections take a full stop; "2)" is a sub-item), "II." or "II)", "B. NHIỆM VỤ". */
const SECTION =
  /^(?:(?:Phần|PHẦN|Mục|MỤC)\s+)?([IVX]{1,5}(?=[.)])|[A-H](?=\.\s+\p{Lu})|\d{1,2}(?=\.))[.)]\s*(.*)$/u;
/** How top-level sections are numbered: "1.", "I." or "A.". */
type SectionStyle = 'arabic' | 'roman' | 'letter';
const styleOf = (label: string): SectionStyle =>
  /^\d+$/u.test(label) ? 'arabic' : /^[IVX]+$/u.test(label) ? 'roman' : 'letter';
const SECTION_LETTERS = 'ABCDEFGH';
const NUMBERED = /^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(.*)$/u;
const LETTER = /^([a-zđăâêôơư])\)\s*(.*)$/u;
const DASH = /^(?:[-*]|\(\d{1,2}\)|\d{1,2}\))\s*(?=\p{L}|\(|")(.*)$/u;
const PLUS = /^\+\s*(?=\p{L}|\(|")(.*)$/u;
/** "1 Trong năm 2025, …": a footnote's text, flattened to the page bottom. */
const FOOTNOTE = /^(\d{1,2})\s+\p{Lu}/u;
/** The closing sentence and what follows (distribution list, signature): no items there. */
const CLOSING =
  /^(?:Nơi nhận|Nơi gửi)(?![\p{L}])|^(?:Trên đây là\b|(?:Văn phòng|VP|UBND|Ủy ban nhân dân|Uỷ ban nhân dân)[^.;]{0,60}\bthông báo(?:\s+(?:để|cho|đến|tới|ý kiến|kết luận)|\s*[./]*\s*$))|\.\/\.\s*$/iu;
/** Any list marker at the start of a line. */
const MARKER = /^(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2}){0,2}\.?\s|[a-zđ]\)|[-+*]\s)\s*/u;
/** Signature block lines, for notices that have no "./." and no "Nơi nhận". */
const SIGNATURE = /^(?:TL\.|KT\.|TM\.)\s*(?:CHỦ TỊCH|CHÁNH VĂN PHÒNG|ỦY BAN|UỶ BAN)/u;

/** Vietnamese letter order of "điểm" markers: a b c d đ e g h i k l m n o p q r s t u ư v x y. */
const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
/** The sequence notices actually use (no ă â ê ô ơ): "đ" after "d", "g" right after "e". */
const MAIN_LETTERS = 'abcdđeghiklmnopqrstuưvxy';

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };
/** The value of a Roman numeral (IV = 4, XII = 12), of an Arabic one or of a letter (B = 2). */
export function sectionNumber(label: string): number {
  if (/^\d+$/u.test(label)) return Number(label);
  if (styleOf(label) === 'letter') return SECTION_LETTERS.indexOf(label) + 1;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const v = ROMAN[label[i]!] ?? 0;
    const next = ROMAN[label[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** "Tổ chức thực hiện", "VỀ AN NINH", "Về công tác cán bộ": a title, not a sentence. */
function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  return (
    t === t.toUpperCase() ||
    /^Về\s/u.test(t) ||
    (t.length < 60 && !/[.;,]\s*$/u.test(t) && !/(?:chủ trì|phối hợp|giao|hoàn thành)/iu.test(t))
  );
}

export interface NoticeLayout {
  /** Lines before the first section or list marker (heading, title, opening paragraph). */
  readonly header: string[];
  readonly sections: Block[];
  /** True when the text had list markers at all (a notice), false for free prose (an article). */
  readonly structured: boolean;
  /** Every line of the body, joined, for the free-prose fallback. */
  readonly body: string;
}

/** Whether `letter` may follow `previous` in one list ("đ" after "d", "g" after "e" …). */
function followsLetter(letter: string, previous: string): boolean {
  if (previous === '') return letter === 'a';
  const a = LETTERS.indexOf(previous);
  const b = LETTERS.indexOf(letter);
  return b > a && b - a <= 4;
}

/**
 * Splits the notice into header and a tree of blocks (sections > 2.1 > a) > - > +). A marker only
 * counts at the start of a line and in sequence, so a wrapped line that happens to start with "c)"
 * or "- 2030" stays part of the sentence it continues.
 */
export function layoutOf(text: string): NoticeLayout {
  const lines = linesWithBreaks(text);
  const header: string[] = [];
  const roots: Block[] = [];
  const stack: Block[] = [];
  let current: Block | null = null;
  let inFootnote = false;
  let footnoteEnded = false;
  let footnoteLine = '';
  let nextFootnote = 1;
  let started = false;
  /** The numbering style of top-level sections: once Roman or lettered, "1." is a clause below it. */
  let sectionStyle: SectionStyle = 'arabic';
  let lastSection = 0;
  const lastChild = new Map<Block | null, number>();
  const lastLetter = new Map<Block | null, string>();
  const counters = new Map<Block | null, number>();
  const body: string[] = [];

  /** "2.1.1" sits below "2.1": numbered items nest by their number of parts. */
  const levelOf = (kind: BlockKind, label: string | null): number =>
    kind === 'numbered' && label?.includes('.')
      ? LEVEL.numbered + (label.split('.').length - 2) * 0.25
      : LEVEL[kind];
  const levels = new Map<Block, number>();
  const parentFor = (kind: BlockKind): Block | null => {
    for (let i = stack.length - 1; i >= 0; i--) {
      if ((levels.get(stack[i]!) ?? 0) < LEVEL[kind]) return stack[i]!;
    }
    return null;
  };

  const open = (kind: BlockKind, label: string | null, text: string): void => {
    const level = levelOf(kind, label);
    while (stack.length > 0 && (levels.get(stack.at(-1)!) ?? 0) >= level) stack.pop();
    const parent = stack.at(-1) ?? null;
    let code: string;
    if (kind === 'section') code = label!;
    else if (kind === 'numbered') {
      code = label!.includes('.') || !parent ? label! : `${parent.code}.${label!}`;
    } else if (kind === 'letter') code = parent ? `${parent.code}.${label!}` : label!;
    else {
      const n = (counters.get(parent) ?? 0) + 1;
      counters.set(parent, n);
      code = parent ? `${parent.code}.${n}` : String(n);
    }
    const block: Block = { kind, code, text, heading: text, children: [] };
    levels.set(block, level);
    (parent ? parent.children : roots).push(block);
    stack.push(block);
    current = block;
    inFootnote = false;
    footnoteEnded = false;
  };

  const append = (line: string): void => {
    if (!current) return;
    // A date broken after its separator ("30/6/⏎2026") joins without a space.
    const glue = /\d[/.-]$/u.test(current.text) && /^\d/u.test(line) ? '' : ' ';
    current.text = `${current.text}${glue}${line}`.trim();
  };
  const currentEnds = (re: RegExp): boolean => current !== null && re.test(current.text);

  let stop = false;
  for (const raw of lines) {
    if (stop) break;
    if (raw === PAGE_BREAK) {
      if (inFootnote) footnoteEnded = true;
      continue;
    }
    let line = raw;
    const content = line.replace(MARKER, '');
    if (started && [line, content].some((l) => CLOSING.test(l) || SIGNATURE.test(l))) {
      // "3. Văn phòng UBND tỉnh theo dõi, đôn đốc./.": the last item, then the end of the body.
      // "7. Văn phòng UBND tỉnh thông báo để …" is the closing sentence itself.
      const item = content.replace(/\.\/\.\s*$/u, '.');
      if (!MARKER.test(line) || CLOSING.test(item) || SIGNATURE.test(item)) break;
      line = line.replace(/\.\/\.\s*$/u, '.');
      stop = true;
    }
    body.push(line);
    let m: RegExpExecArray | null;
    if ((m = NUMBERED.exec(line)) && (started || /^[1I]\./u.test(line))) {
      started = true;
      open('numbered', m[1]!, m[2]!);
      continue;
    }
    m = SECTION.exec(line);
    if (m && !/^\d{1,2}\.\d/u.test(line)) {
      const label = m[1]!;
      const style = styleOf(label);
      const n = sectionNumber(label);
      if (!started && n >= 1 && n <= (style === 'letter' ? 1 : 3)) {
        started = true;
        sectionStyle = style;
        lastSection = n;
        open('section', label, m[2]!);
        continue;
      }
      const parent = parentFor('numbered');
      const prev = lastChild.get(parent) ?? 0;
      // Arabic numbering restarted inside an Arabic section ("2. Nhiệm vụ" then "1.", "2." …):
      // clauses, until a line that reads like the next section's heading.
      const clauses = sectionStyle === 'arabic' && style === 'arabic' && prev > 0;
      const nextSection =
        started &&
        style === sectionStyle &&
        n > lastSection &&
        n <= lastSection + 2 &&
        (!clauses || n !== prev + 1 || looksLikeHeading(m[2]!));
      if (nextSection) {
        lastSection = n;
        lastLetter.clear();
        open('section', label, m[2]!);
        continue;
      }
      const nested = sectionStyle !== 'arabic' || (n === 1 && !clauses) || clauses;
      if (started && style === 'arabic' && nested) {
        // "1.", "2." inside "II." or "B." (or restarted inside "2."): clauses of the section.
        if (n === 1 || (n > prev && n <= prev + 2)) {
          lastChild.set(parent, n);
          open('numbered', label, m[2]!);
          continue;
        }
      }
    }
    if ((m = LETTER.exec(line))) {
      // OCR reads "đ)" as "d)": a second "d" after "d" is "đ".
      const parent = parentFor('letter');
      const previous = lastLetter.get(parent) ?? '';
      let letter = m[1]!;
      if (letter === 'd' && previous === 'd') letter = 'đ';
      // A skipped letter is an OCR loss only when the item starts like an item (capital letter);
      // "c) khoản 2 Điều 5" wrapped from "… tại điểm" is not one.
      const exact =
        previous === ''
          ? letter === 'a'
          : previous === 'y' ||
            [LETTERS, MAIN_LETTERS].some(
              (seq) => seq.includes(previous) && seq.indexOf(letter) === seq.indexOf(previous) + 1,
            );
      if (
        exact ||
        (followsLetter(letter, previous) && /^\P{Ll}/u.test(m[2]!)) ||
        (!started && letter === 'a')
      ) {
        started = true;
        lastLetter.set(parent, letter);
        open('letter', letter, m[2]!);
        continue;
      }
    }
    const opensList = /(?:kết luận|như sau|chỉ đạo|nhiệm vụ sau)[^:]{0,40}:\s*$/iu.test(
      header.at(-1) ?? '',
    );
    // "- 2030", "- xã hội", "+ DDCI" after a line that does not end a clause: a wrapped sentence.
    const wrapped =
      current !== null && /^[-*+]\s*\p{Ll}/u.test(line) && !currentEnds(/[:;.!?]\s*$/u);
    if ((started || opensList) && !wrapped && (m = DASH.exec(line))) {
      started = true;
      open('dash', null, m[1]!);
      continue;
    }
    if (started && !wrapped && (m = PLUS.exec(line))) {
      open('plus', null, m[1]!);
      continue;
    }
    // Footnotes are numbered 1, 2, 3 … in order: "98 Doanh nghiệp …" wrapped from a sentence is not one.
    const footnote = FOOTNOTE.exec(line);
    if (footnote && Number(footnote[1]) === nextFootnote && (started || header.length > 3)) {
      nextFootnote++;
      inFootnote = true;
      footnoteEnded = false;
      footnoteLine = line;
      continue;
    }
    if (!started) {
      header.push(line);
    } else if (inFootnote) {
      // The body resumes on the next page: after a page break, or with a lower-case word once the
      // footnote's sentence has ended.
      if (footnoteEnded || (/[.;]\s*$/u.test(footnoteLine) && /^\p{Ll}/u.test(line))) {
        inFootnote = false;
        append(line);
      } else {
        footnoteLine = line;
      }
    } else {
      append(line);
    }
  }
  return { header, sections: roots, structured: started, body: body.join(' ') };
}
