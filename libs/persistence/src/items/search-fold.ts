/**
 * Search ignores Vietnamese diacritics and case ("so tai chinh" finds "Sở Tài chính", "d" finds
 * "Đ"), in any database locale and without an extension: the embedded PostgreSQL runs in the C
 * locale, where lower() and ILIKE fold ASCII only, and `unaccent` may be missing. One table gives
 * both the fold (`foldForSearch`, the definition) and the regular expression the database runs
 * (`searchPattern`); folding every row in SQL with translate() took seconds on 10 000 items
 * (ADR 0017).
 */

/** Each lower-case Vietnamese letter with marks, by the ASCII letter it folds to. */
const VIETNAMESE_LETTERS: Readonly<Record<string, string>> = {
  a: 'àáảãạăằắẳẵặâầấẩẫậ',
  d: 'đ',
  e: 'èéẻẽẹêềếểễệ',
  i: 'ìíỉĩị',
  o: 'òóỏõọôồốổỗộơờớởỡợ',
  u: 'ùúủũụưừứửữự',
  y: 'ỳýỷỹỵ',
};

/**
 * The combining marks of Vietnamese, in text typed decomposed ("Unicode tổ hợp"): ignored.
 * Grave, acute, circumflex, tilde, breve, hook above, horn, dot below.
 */
const VIETNAMESE_MARKS = '\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323';

/** Every character that folds to each ASCII letter: itself, its capital, its marked forms. */
const PREIMAGES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let cp = 0x61; cp <= 0x7a; cp++) {
    const base = String.fromCharCode(cp);
    const marked = VIETNAMESE_LETTERS[base] ?? '';
    map.set(base, base + base.toUpperCase() + marked + marked.toUpperCase());
  }
  return map;
})();

const FOLD: ReadonlyMap<string, string> = new Map([
  ...[...PREIMAGES].flatMap(([base, chars]) => [...chars].map((c) => [c, base] as const)),
  ...[...VIETNAMESE_MARKS].map((mark) => [mark, ''] as const),
]);

/** The text as search compares it: lower-case ASCII letters for Vietnamese ones, marks dropped. */
export function foldForSearch(text: string): string {
  let out = '';
  for (const c of text) out += FOLD.get(c) ?? c;
  return out;
}

/** Whether the text contains the query, diacritics and case aside: what search means. */
export function matchesSearch(text: string, query: string): boolean {
  return foldForSearch(text).includes(foldForSearch(query));
}

/** At most this many words are looked for; a longer query is its first ones. */
const MAX_TERMS = 12;

/**
 * The words a search looks for, each anywhere in the text (issue 8 blind check: a search found
 * only the words typed side by side, "kinh phí 2026" missing "kinh phí năm 2026"). A "quoted
 * phrase" is kept whole; a bare word loses the punctuation around it ("chính," → "chính") unless
 * it is nothing else ("%").
 */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.matchAll(/["“”]([^"“”]*)["“”]?|([^\s"“”]+)/gu)) {
    const phrase = m[1]?.replace(/\s+/gu, ' ').trim();
    const word = m[2];
    const term = phrase ?? (word ? word.replace(/^\p{P}+|\p{P}+$/gu, '') || word : '');
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms.slice(0, MAX_TERMS);
}

/** Whether the text contains every term of the query (`searchTerms`): what a search finds. */
export function matchesAllTerms(text: string, query: string): boolean {
  return searchTerms(query).every((term) => matchesSearch(text, term));
}

const SYNTAX = /[\\^$.|?*+()[\]{}]/;
const MARKS = `[${VIETNAMESE_MARKS}]*`;

/**
 * A regular expression (PostgreSQL's `~`, and JavaScript's with the `u` flag) that finds the query
 * in a text exactly when `matchesSearch` does: each folded character of the query as the class of
 * everything that folds to it, any decomposed marks allowed between them. No ranges, so no locale.
 */
export function searchPattern(query: string): string {
  return [...foldForSearch(query)]
    .map((c) => {
      const chars = PREIMAGES.get(c);
      if (chars) return `[${chars}]`;
      return SYNTAX.test(c) ? `\\${c}` : c;
    })
    .join(MARKS);
}
