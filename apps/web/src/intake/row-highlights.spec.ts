import { describe, expect, it } from '@jest/globals';
import { emptyRow, type IntakeRow } from './intake-rows';
import { highlightsOf, passagesOf } from './row-highlights';
import { indexSource, type Highlight } from './source-text';

const TEXT = [
  'g) Sở Tài chính:',
  '- Tiếp thu ý kiến tại cuộc họp, hoàn thành',
  'chậm nhất ngày 22/01/2026.',
  '- Chủ trì, phối hợp với Thuế tỉnh, UBND các xã, phường xây dựng Kế hoạch tuyên truyền;',
  'hoàn thành trong tháng 01 năm 2026.',
]
  .join('\r\n')
  .normalize('NFD');

const row = (
  key: string,
  text: string,
  deadlinePhrase: string,
  agencies: { code: string; phrase: string }[],
  support: string[] = [],
): IntakeRow => ({
  ...emptyRow(0),
  key,
  code: key,
  text,
  lead: 'STC',
  support,
  source: { text, deadlinePhrase, agencies },
});

const first = row(
  '2.g.1',
  'Tiếp thu ý kiến tại cuộc họp, hoàn thành chậm nhất ngày 22/01/2026.',
  'chậm nhất ngày 22/01/2026',
  [{ code: 'STC', phrase: 'Sở Tài chính' }],
);
const second = row(
  '2.g.4',
  'Chủ trì, phối hợp với Thuế tỉnh, UBND các xã, phường xây dựng Kế hoạch tuyên truyền; hoàn thành trong tháng 01 năm 2026.',
  'trong tháng 01 năm 2026',
  [
    { code: 'THUE', phrase: 'Thuế tỉnh' },
    { code: 'UBNDXP', phrase: 'UBND các xã, phường' },
    { code: 'STC', phrase: 'Sở Tài chính' },
  ],
  ['THUE', 'UBNDXP'],
);

const shown = (h: Highlight): [string, string] => [
  h.kind,
  TEXT.slice(h.start, h.end).normalize('NFC').replace(/\s+/g, ' '),
];

describe('row highlights', () => {
  const index = indexSource(TEXT);
  const passages = passagesOf(index, [first, second]);

  it("marks the directive, its deadline's words and the words that named its agencies", () => {
    const got = highlightsOf(index, second, passages.get('2.g.4') ?? []);
    expect(got.notFound).toEqual([]);
    expect(got.highlights.map(shown)).toEqual([
      [
        'directive',
        'Chủ trì, phối hợp với Thuế tỉnh, UBND các xã, phường xây dựng Kế hoạch tuyên truyền; hoàn thành trong tháng 01 năm 2026.',
      ],
      ['deadline', 'trong tháng 01 năm 2026'],
      ['support', 'Thuế tỉnh'],
      ['support', 'UBND các xã, phường'],
      // Inherited from the heading "g) Sở Tài chính:" above.
      ['lead', 'Sở Tài chính'],
    ]);
  });

  it('shows only the agencies still chosen, and says what it could not find', () => {
    const changed: IntakeRow = { ...second, lead: 'SYT', support: ['THUE'] };
    const got = highlightsOf(index, changed, passages.get('2.g.4') ?? []);
    expect(got.highlights.map(shown).filter(([kind]) => kind !== 'directive')).toEqual([
      ['deadline', 'trong tháng 01 năm 2026'],
      ['support', 'Thuế tỉnh'],
    ]);
    const elsewhere = row('x', 'Tổ chức hội nghị tổng kết năm 2025.', 'trước ngày 30/6', []);
    expect(highlightsOf(index, elsewhere, []).notFound).toEqual([
      'nội dung nhiệm vụ',
      'hạn “trước ngày 30/6”',
    ]);
    expect(highlightsOf(index, emptyRow(1), [])).toEqual({ highlights: [], notFound: [] });
  });
});
