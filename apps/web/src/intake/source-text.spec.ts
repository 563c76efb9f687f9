import { describe, expect, it } from '@jest/globals';
import {
  findAll,
  findPassage,
  findPhrase,
  indexSource,
  segmentsOf,
  type Span,
} from './source-text';

/** What a span shows, as a reader sees it (NFC, spacing collapsed). */
const shown = (text: string, span: Span | null): string | null =>
  span ? text.slice(span.start, span.end).normalize('NFC').replace(/\s+/g, ' ') : null;

/** Text as a PDF copy leaves it: NFD, CRLF, doubled spaces. */
const hostile = (text: string): string =>
  text.normalize('NFD').replace(/\n/g, '\r\n').replace(/ /g, '  ');

const NOTICE = [
  'g) Sở Tài chính:',
  '- Tiếp thu ý kiến tại cuộc họp, hoàn thiện và ban hành Báo cáo công tác',
  'năm 2025, hoàn thành',
  'chậm nhất ngày 22/01/2026.',
  '- Chủ trì, phối hợp với Sở TC, UBND các xã, phường trình UBND tỉnh trước 30/6/',
  '2026.',
].join('\n');

describe('findPhrase', () => {
  it('finds what the parser read in NFD text with CRLF and doubled spaces, across a line break', () => {
    const text = hostile(NOTICE);
    const index = indexSource(text);
    const span = findPhrase(index, 'chậm nhất ngày 22/01/2026', null);
    expect(shown(text, span)).toBe('chậm nhất ngày 22/01/2026');
    // The span ends on a whole character: its combining marks are inside.
    expect(text.slice(span!.start, span!.end).normalize('NFC')).toMatch(/^chậm\s+nhất/u);
  });

  it('finds a date the parser glued back together ("30/6/⏎2026")', () => {
    const text = hostile(NOTICE);
    expect(shown(text, findPhrase(indexSource(text), 'trước 30/6/2026', null))).toBe(
      'trước 30/6/ 2026',
    );
  });

  it('finds an alias as written, case folded, and never inside a longer word', () => {
    const index = indexSource('Sở TC chủ trì; ASTC và Sở TCX không phải.');
    expect(findAll(index, 'sở tc')).toEqual([{ start: 0, end: 5 }]);
    expect(findAll(index, 'STC')).toEqual([]);
  });

  it('prefers the occurrence inside the passage, then the nearest one before it (a heading)', () => {
    const text = NOTICE;
    const index = indexSource(text);
    const second = text.indexOf('- Chủ trì');
    const passage: Span = { start: second, end: text.length };
    expect(findPhrase(index, 'Sở Tài chính', passage)?.start).toBe(text.indexOf('Sở Tài chính'));
    const first = text.indexOf('- Tiếp thu');
    const inFirst = findPhrase(index, 'UBND', { start: first, end: second });
    expect(inFirst?.start).toBe(text.indexOf('UBND'));
    expect(findPhrase(index, 'Sở Xây dựng', passage)).toBeNull();
  });

  it('finds nothing for an empty phrase', () => {
    expect(findAll(indexSource(NOTICE), '  ')).toEqual([]);
  });
});

describe('findPassage', () => {
  it("finds a directive whose lines the parser joined, in the pasted text's own characters", () => {
    const text = hostile(NOTICE);
    const spans = findPassage(
      indexSource(text),
      'Tiếp thu ý kiến tại cuộc họp, hoàn thiện và ban hành Báo cáo công tác năm 2025, hoàn thành chậm nhất ngày 22/01/2026.',
    );
    expect(spans).toHaveLength(1);
    expect(shown(text, spans[0] ?? null)).toBe(
      'Tiếp thu ý kiến tại cuộc họp, hoàn thiện và ban hành Báo cáo công tác năm 2025, hoàn thành chậm nhất ngày 22/01/2026.',
    );
  });

  it('jumps over a footnote digit, the footnote and a page number the parser dropped', () => {
    const text = [
      'Công tác phát triển doanh nghiệp đạt được nhiều kết quả1,',
      '1 Trong năm 2025, toàn tỉnh thành lập mới 961 doanh nghiệp.',
      '7',
      'đóng góp tích cực cho sự phát triển kinh tế - xã hội của tỉnh.',
    ].join('\n');
    const spans = findPassage(
      indexSource(hostile(text)),
      'Công tác phát triển doanh nghiệp đạt được nhiều kết quả, đóng góp tích cực cho sự phát triển kinh tế - xã hội của tỉnh.',
    );
    expect(spans.map((s) => shown(hostile(text), s))).toEqual([
      'Công tác phát triển doanh nghiệp đạt được nhiều kết quả',
      ',',
      'đóng góp tích cực cho sự phát triển kinh tế - xã hội của tỉnh.',
    ]);
  });

  it('starts looking from a given offset (items come in document order)', () => {
    const text = 'a) Rà soát hồ sơ dự án trọng điểm.\nb) Rà soát hồ sơ dự án trọng điểm.';
    const second = text.indexOf('b)');
    expect(findPassage(indexSource(text), 'Rà soát hồ sơ dự án trọng điểm.', second)).toEqual([
      { start: second + 3, end: text.length },
    ]);
  });

  it('finds nothing when the beginning is not in the source', () => {
    expect(findPassage(indexSource(NOTICE), 'Tổ chức hội nghị tổng kết năm 2025.')).toEqual([]);
  });
});

describe('segmentsOf', () => {
  it('cuts the source where highlights start and end, the strongest one winning', () => {
    const text = 'Giao Sở Y tế hoàn thành trước ngày 15/02/2026. Hết.';
    const at = (s: string): Span => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    expect(
      segmentsOf(text, [
        { ...at('Giao Sở Y tế hoàn thành trước ngày 15/02/2026.'), kind: 'directive' },
        { ...at('trước ngày 15/02/2026'), kind: 'deadline' },
        { ...at('Sở Y tế'), kind: 'lead' },
      ]),
    ).toEqual([
      { text: 'Giao ', kind: 'directive' },
      { text: 'Sở Y tế', kind: 'lead' },
      { text: ' hoàn thành ', kind: 'directive' },
      { text: 'trước ngày 15/02/2026', kind: 'deadline' },
      { text: '.', kind: 'directive' },
      { text: ' Hết.', kind: null },
    ]);
    expect(segmentsOf(text, [])).toEqual([{ text, kind: null }]);
  });
});
