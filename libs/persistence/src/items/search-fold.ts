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
