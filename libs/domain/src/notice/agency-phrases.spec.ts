import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from './normalize';
import { parseNotice } from './parse-notice';
import type { ParsedItem } from './types';

/** agencyPhrases (ADR 0014): the words that named each agency of an item, as written. */

const fixtures = join(__dirname, 'fixtures');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
const item = (text: string, code: string): ParsedItem => {
  const found = parseNotice(text).items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
};

describe('agencyPhrases', () => {
  it('gives the alias as written, under the canonical name', () => {
    const abbreviations = fixture('extra-abbreviations-plus.txt');
    expect(item(abbreviations, '2.1.1')).toMatchObject({
      lead: ['Sở Khoa học và Công nghệ'],
      support: ['Sở Tài chính', 'Công an tỉnh'],
      agencyPhrases: [
        { name: 'Sở Tài chính', phrase: 'Sở TC' },
        { name: 'Công an tỉnh', phrase: 'Công an tỉnh' },
        { name: 'Sở Khoa học và Công nghệ', phrase: 'Sở KH&CN' },
      ],
    });
    expect(item(fixture('corpus-e1-e10.txt'), '2.i').agencyPhrases).toEqual([
      { name: 'Sở Công Thương', phrase: 'Sở Công thương' },
    ]);
  });

  it("gives a heading's words to the items that inherit its agency, through nested headings", () => {
    const seed = fixture('000_948b8539ce48aaaf.txt');
    expect(item(seed, '2.g.1').agencyPhrases).toEqual([
      { name: 'Sở Tài chính', phrase: 'Sở Tài chính' },
    ]);
    expect(item(seed, '2.g.4').agencyPhrases).toEqual([
      { name: 'Thuế tỉnh', phrase: 'Thuế tỉnh' },
      { name: 'UBND các xã, phường', phrase: 'UBND các xã, phường' },
      { name: 'Sở Tài chính', phrase: 'Sở Tài chính' },
    ]);
    // "2.1. Sở KH&CN:" → "- Hướng dẫn …:" → "+ …": two levels down.
    expect(item(fixture('extra-abbreviations-plus.txt'), '2.1.2.1').agencyPhrases).toEqual([
      { name: 'Sở Khoa học và Công nghệ', phrase: 'Sở KH&CN' },
    ]);
  });

  it('is empty for an item that names no agency', () => {
    expect(item(fixture('000_948b8539ce48aaaf.txt'), '2.a')).toMatchObject({
      lead: [],
      support: [],
      agencyPhrases: [],
    });
  });

  it('takes the words after a title and the words of an agency the directory does not know', () => {
    const text = [
      'Ngày 15/01/2026, đồng chí Nguyễn Văn A chủ trì cuộc họp, kết luận như sau:',
      '1. Giám đốc Sở Tài chính chỉ đạo hoàn thiện dự toán, trình UBND tỉnh trước ngày 22/12/2026.',
      '2. Hội Nông dân tỉnh chủ trì, phối hợp với Sở Y tế tuyên truyền trong tháng 3/2026.',
    ].join('\n');
    expect(item(text, '1').agencyPhrases).toEqual([
      { name: 'Sở Tài chính', phrase: 'Sở Tài chính' },
    ]);
    expect(item(text, '2').agencyPhrases).toEqual([
      { name: 'Hội Nông dân tỉnh', phrase: 'Hội Nông dân tỉnh' },
      { name: 'Sở Y tế', phrase: 'Sở Y tế' },
    ]);
  });

  describe.each(readdirSync(fixtures).filter((f) => f.endsWith('.txt')))('in %s', (name) => {
    const text = fixture(name);
    const items = parseNotice(text).items;
    const source = fold(text);

    it('names every agency of lead and support, and only those', () => {
      for (const i of items) {
        const agencies = [...i.lead, ...i.support];
        const named = (i.agencyPhrases ?? []).map((p) => p.name);
        expect({ code: i.code, named: [...new Set(named)].sort() }).toEqual({
          code: i.code,
          named: [...new Set(agencies)].sort(),
        });
      }
    });

    it('gives words that are in the notice (outside appendix tables, whose cells wrap)', () => {
      for (const i of items.filter((x) => !x.code.startsWith('PL.'))) {
        for (const p of i.agencyPhrases ?? []) {
          expect({
            code: i.code,
            phrase: p.phrase,
            found: source.includes(fold(p.phrase)),
          }).toEqual({ code: i.code, phrase: p.phrase, found: true });
        }
      }
    });
  });
});
