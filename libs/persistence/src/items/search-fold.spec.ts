import {
  foldForSearch,
  matchesAllTerms,
  matchesSearch,
  searchPattern,
  searchTerms,
} from './search-fold';

/** The reference: Unicode's decomposition without its marks, đ as d, lower case. */
const reference = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** Every Vietnamese letter: 12 vowels with each of the 6 tones, and the 17 consonants, both cases. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LOWER = [
  ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  ...'bcdđghklmnpqrstvx',
];
const ALPHABET = [...LOWER, ...LOWER.map((c) => c.toUpperCase())];

const TEXTS = [
  'Sở Tài chính chủ trì, phối hợp với Sở Xây dựng',
  'ĐẨY NHANH tiến độ giải ngân vốn đầu tư công (đợt 2)',
  'Lập kế hoạch 100% vốn; báo cáo UBND tỉnh [trước 25/3]',
  'Mục PL.12 \\ ghi chú a+b? $x^2 {1} | *',
];
const QUERIES = [
  'so tai chinh',
  'SỞ TÀI',
  'sơ tài',
  'day nhanh',
  'đầu tư công (đợt',
  'dot 2)',
  '100%',
  '%',
  '_',
  '[truoc 25/3]',
  'pl.12',
  'pl_12',
  '\\ ghi',
  'a+b? $x^2 {1} | *',
  'ab',
  'bao cao ubnd',
  'xay dung',
  'xây dưng',
  'tài chánh',
];

describe('foldForSearch', () => {
  it('folds every Vietnamese letter as the reference does', () => {
    expect(ALPHABET).toHaveLength(2 * (72 + 17));
    for (const letter of ALPHABET) {
      expect([letter, foldForSearch(letter)]).toEqual([letter, reference(letter)]);
    }
  });

  it('folds decomposed text ("Unicode tổ hợp") as the precomposed one', () => {
    for (const letter of ALPHABET) {
      expect([letter, foldForSearch(letter.normalize('NFD'))]).toEqual([letter, reference(letter)]);
    }
    expect(foldForSearch(TEXTS[0]!.normalize('NFD'))).toBe(
      'so tai chinh chu tri, phoi hop voi so xay dung',
    );
  });

  it('leaves digits and punctuation alone', () => {
    expect(foldForSearch('100% _ \\ 12/TB-BCĐ')).toBe('100% _ \\ 12/tb-bcd');
  });
});

describe('searchPattern (the regular expression the database runs)', () => {
  const variants = (text: string) => [text, text.normalize('NFD'), text.toUpperCase()];

  it('finds a query in a text exactly when matchesSearch does', () => {
    let found = 0;
    for (const text of TEXTS.flatMap(variants)) {
      for (const query of QUERIES.flatMap(variants)) {
        const regex = new RegExp(searchPattern(query), 'u');
        expect([text, query, regex.test(text)]).toEqual([text, query, matchesSearch(text, query)]);
        if (matchesSearch(text, query)) found++;
      }
    }
    // Both answers occur: the comparison above is not vacuous.
    expect(found).toBeGreaterThan(100);
    expect(found).toBeLessThan(TEXTS.length * QUERIES.length * 9);
  });

  it('matches each letter, in any case and form, by its folded ASCII letter and no other', () => {
    for (const base of 'abcdefghijklmnopqrstuvwxyz') {
      const regex = new RegExp(searchPattern(base), 'u');
      for (const letter of ALPHABET) {
        const expected = reference(letter) === base;
        expect([base, letter, regex.test(letter), regex.test(letter.normalize('NFD'))]).toEqual([
          base,
          letter,
          expected,
          expected,
        ]);
      }
    }
  });
});

describe('searchTerms', () => {
  it('looks for each word anywhere, a quoted phrase whole, punctuation around words aside', () => {
    expect(searchTerms('kinh phí 2026')).toEqual(['kinh', 'phí', '2026']);
    expect(searchTerms('  "kinh phí"   2026, ')).toEqual(['kinh phí', '2026']);
    expect(searchTerms('“Sở Tài chính” chủ trì')).toEqual(['Sở Tài chính', 'chủ', 'trì']);
    expect(searchTerms('pl.12 100% %')).toEqual(['pl.12', '100', '%']);
    expect(searchTerms('a a a')).toEqual(['a']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('finds a text holding every word, in any order and apart', () => {
    const text = 'Sở Tài chính tham mưu bố trí kinh phí năm 2026';
    expect(matchesAllTerms(text, 'kinh phi 2026')).toBe(true);
    expect(matchesAllTerms(text, '2026 tai chinh')).toBe(true);
    expect(matchesAllTerms(text, '"kinh phí 2026"')).toBe(false);
    expect(matchesAllTerms(text, 'kinh phí 2027')).toBe(false);
  });
});
