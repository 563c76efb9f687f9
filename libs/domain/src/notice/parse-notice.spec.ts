import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeNoticeText } from './normalize';
import { NOT_A_NOTICE, parseNotice } from './parse-notice';
import type { ParsedItem, ParsedNotice } from './types';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();
const brief = (p: ParsedNotice) =>
  p.items.map((i) => ({
    code: i.code,
    lead: i.lead,
    support: i.support,
    reportTo: i.reportTo,
    deadline: i.deadline,
  }));

describe('the seed notice (Lạng Sơn, 15/01/2026)', () => {
  const got = parseNotice(fixture('000_948b8539ce48aaaf.txt'));
  const expected = JSON.parse(fixture('000_948b8539ce48aaaf.expected.json')) as ParsedNotice;

  it('gives exactly the expected notice and items (text compared after whitespace folding)', () => {
    // The contract's fields; agencyPhrases is an extra field (agency-phrases.spec.ts).
    const contract = ({ agencyPhrases: _, ...i }: ParsedItem) => ({ ...i, text: ws(i.text) });
    expect(got.notice).toEqual(expected.notice);
    expect(got.items.map(contract)).toEqual(expected.items.map(contract));
  });

  it('warns about the items without an agency and the deadlines on days off', () => {
    expect(got.warnings.filter((w) => w.includes('chủ trì'))).toHaveLength(4);
    expect(got.warnings.some((w) => w.startsWith('Mục 2.g.2') && w.includes('26/01/2026'))).toBe(
      true,
    );
  });

  it('reads the same from NFD text with CRLF, PDF spacing and page numbers', () => {
    const hostile = fixture('000_948b8539ce48aaaf.txt')
      .normalize('NFD')
      .replace(/\n/g, '\r\n\r\n')
      .replace('g) Sở Tài chính:', '7\r\ng) Sở Tài chính:');
    expect(brief(parseNotice(hostile))).toEqual(brief(got));
  });
});

describe('a news article', () => {
  const got = parseNotice(fixture('002_dee96f9c2a9cdedd.txt'));

  it('parses without inventing deadlines and keeps its one clear directive', () => {
    expect(got.items.every((i) => i.deadline.kind === 'none')).toBe(true);
    expect(got.items).toEqual([
      expect.objectContaining({
        lead: ['Sở Tài chính'],
        text: expect.stringContaining('rà soát các nội dung') as unknown,
      }),
    ]);
  });

  it('is said not to look like a notice (no number, no summary), unlike a notice', () => {
    expect(got.warnings).toContain(NOT_A_NOTICE);
    expect(parseNotice(fixture('000_948b8539ce48aaaf.txt')).warnings).not.toContain(NOT_A_NOTICE);
  });
});

describe('the grammar corpus E1–E10 (notice of 20/01/2026, meeting 15/01/2026)', () => {
  const got = parseNotice(fixture('corpus-e1-e10.txt'));

  it('reads the header', () => {
    expect(got.notice).toEqual({
      title:
        'Kết luận của đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh tại cuộc họp về cải cách hành chính',
      number: '25/TB-VP',
      issuedOn: '2026-01-20',
      meetingDate: '2026-01-15',
      chair: 'Nguyễn Văn A',
    });
  });

  it.each([
    ['2.a', ['Sở Tài chính'], ['Sở Nội vụ'], 'UBND tỉnh', '2026-01-30'],
    ['2.b', ['Sở Xây dựng'], [], 'UBND tỉnh', '2026-02-14'],
    ['2.c', ['Sở Nông nghiệp và Môi trường'], ['UBND các xã, phường'], undefined, '2026-03-31'],
    ['2.d', ['Công an tỉnh', 'Thuế tỉnh'], [], undefined, null],
    ['2.đ.1', ['Sở Khoa học và Công nghệ'], ['Sở Tài chính'], 'UBND tỉnh', '2026-03-06'],
    ['2.đ.2', ['Sở Khoa học và Công nghệ'], [], 'UBND tỉnh', 'recurring'],
    // "tham mưu UBND tỉnh ban hành …": the draft goes to UBND tỉnh (ADR 0004).
    ['2.e', ['Sở Y tế'], ['Sở Nội vụ'], 'UBND tỉnh', '2026-06-30'],
    ['2.g', ['Sở Tư pháp'], [], undefined, '2026-02-03'],
    [
      '2.h',
      ['Sở Văn hóa, Thể thao và Du lịch'],
      ['Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch'],
      undefined,
      '2026-12-31',
    ],
    ['2.i', ['Sở Công Thương'], [], 'Trưởng Ban Chỉ đạo', '2026-03-31'],
    ['2.k', ['UBND các xã, phường'], [], undefined, '2026-06-29'],
  ] as const)(
    '%s: lead %j, support %j, report to %s, due %s',
    (code, lead, support, reportTo, due) => {
      const item = got.items.find((i) => i.code === code);
      expect(item).toBeDefined();
      expect(item!.lead).toEqual(lead);
      expect(item!.support).toEqual(support);
      expect(item!.reportTo).toEqual(reportTo);
      const d = item!.deadline;
      expect(d.kind === 'date' ? d.due : d.kind === 'recurring' ? 'recurring' : null).toEqual(due);
    },
  );

  it('has exactly the eleven items, and the same under every PDF/Unicode artefact', () => {
    expect(got.items).toHaveLength(11);
    const variant = fixture('corpus-e1-e10.txt')
      .replace('chậm nhất ngày 30/01/2026', 'chậm nhất ngày 30/01/\n2026')
      .replace('Sở Nông nghiệp và Môi trường chủ trì', 'Sở Nông nghiệp và\nMôi trường chủ trì')
      .replace('đ) Sở Khoa học', 'ð) Sở Khoa học')
      .replace('- Chủ trì, phối hợp với Sở Tài chính', '– Chủ trì, phối hợp với Sở Tài chính')
      .replace('- Định kỳ', '— Định kỳ')
      .replace('tổng hợp nhu cầu kinh phí', 'tổng hợp nhu cầu\n\n3\n\nkinh phí')
      .replace('Công an tỉnh, Thuế tỉnh theo', 'Công an tỉnh, Thuế tỉnh2 theo')
      .replace('Văn hóa, Thể thao', 'Văn hoá, Thể thao')
      .normalize('NFD')
      .replace(/\n/g, '\r\n');
    expect(brief(parseNotice(variant))).toEqual(brief(got));
    // The date broken over two lines reads whole again in the item text.
    expect(parseNotice(variant).items[0]!.text).toContain('chậm nhất ngày 30/01/2026');
  });
});

describe('another style: roman sections, numbered items 2.1, "+" bullets, abbreviations, year-less dates', () => {
  const got = parseNotice(fixture('numbered-plus.txt'));

  it('finds every item with its agencies and deadline', () => {
    expect(got.notice).toMatchObject({
      number: '112/TB-UBND',
      issuedOn: '2025-12-05',
      meetingDate: '2025-12-01',
      chair: 'Hồ Tiến Thiệu',
    });
    expect(brief(got)).toEqual([
      {
        code: '2.1',
        lead: ['Sở Khoa học và Công nghệ'],
        support: ['Sở Tài chính', 'Sở Nông nghiệp và Môi trường'],
        reportTo: undefined,
        deadline: { kind: 'date', due: '2026-01-31', phrase: 'trong tháng 01' },
      },
      {
        code: '2.2.1',
        lead: ['Sở Giáo dục và Đào tạo'],
        support: [],
        reportTo: 'UBND tỉnh',
        deadline: { kind: 'date', due: '2025-12-19', phrase: 'trước 20/12' },
      },
      {
        code: '2.2.2',
        lead: ['Sở Giáo dục và Đào tạo'],
        support: [],
        reportTo: 'Sở Khoa học và Công nghệ',
        deadline: {
          kind: 'recurring',
          frequency: 'monthly',
          day: 24,
          phrase: 'Định kỳ hằng tháng, trước ngày 25 hằng tháng',
        },
      },
      {
        code: '2.3',
        lead: ['Văn phòng UBND tỉnh'],
        support: [],
        reportTo: 'Chủ tịch UBND tỉnh',
        deadline: { kind: 'date', due: '2026-03-31', phrase: 'trong quý I/2026' },
      },
      {
        code: '2.4',
        lead: ['Bảo hiểm xã hội tỉnh'],
        support: ['Sở Y tế'],
        reportTo: undefined,
        deadline: {
          kind: 'date',
          due: '2025-12-26',
          phrase: 'trong 15 ngày làm việc kể từ ngày ban hành Thông báo này',
        },
      },
    ]);
  });
});

describe('another style: numbered items as directives, "(1)" sub-items, a decision, year-less dates in December', () => {
  const text = fixture('numbered-direct.txt');
  const got = parseNotice(text);

  it('skips the decision, inherits "3. Sở Tài chính:" and rolls months over into the next year', () => {
    expect(got.notice).toMatchObject({
      number: '318/TB-VPUBND',
      issuedOn: '2026-11-28',
      meetingDate: '2026-11-25',
      chair: 'Trần Thị B',
    });
    const rows = got.items.map((i) => [
      i.code,
      i.lead.join('; '),
      i.deadline.kind === 'date' ? i.deadline.due : i.deadline.kind,
    ]);
    expect(rows).toEqual([
      ['2', 'Sở Xây dựng', '2026-12-30'],
      ['3.1', 'Sở Tài chính', 'recurring'],
      ['3.2', 'Sở Tài chính', '2026-12-31'],
      ['3.3', 'Sở Tài chính', '2027-01-31'],
      ['4', 'Kho bạc Nhà nước khu vực', 'relative'],
      ['5', 'UBND các xã, phường', '2027-03-31'],
      ['6', 'Sở Khoa học và Công nghệ', '2026-12-18'],
    ]);
    expect(got.items[0]!.support).toEqual(['Sở Tài chính', 'Sở Nông nghiệp và Môi trường']);
  });

  it('reads the same from NFD text with CRLF and a "- 2 -" page marker', () => {
    const lines = text.split('\n');
    lines.splice(13, 0, '- 2 -');
    expect(brief(parseNotice(lines.join('\n').normalize('NFD').replace(/\n/g, '\r\n')))).toEqual(
      brief(got),
    );
  });
});

/** PDF extraction at its worst: NFD, CRLF, every line double-spaced, a page number at every 12th line. */
const hostile = (text: string): string =>
  text
    .split('\n')
    .map((l, i) => (i > 0 && i % 12 === 0 ? `${l}\n\n${1 + i / 12}\n` : l))
    .join('\n')
    .normalize('NFD')
    .replace(/\n/g, '\r\n\r\n');

describe('notices in other styles (fixtures/extra-*.txt, expectations written before parsing)', () => {
  const names = readdirSync(join(__dirname, 'fixtures'))
    .filter((f) => f.startsWith('extra-') && f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/u, ''));
  const rows = (p: ParsedNotice): string[][] =>
    p.items.map((i) => [
      i.code,
      i.lead.join(';'),
      i.support.join(';'),
      i.deadline.kind === 'date'
        ? i.deadline.due
        : i.deadline.kind === 'recurring'
          ? `recurring:${i.deadline.frequency}`
          : i.deadline.kind,
    ]);

  it('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it.each(names)('%s: every item, with its lead, support and deadline', (name) => {
    const expected = fixture(`${name}.items.tsv`)
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const got = parseNotice(fixture(`${name}.txt`));
    expect(rows(got)).toEqual(expected);
    expect(got.notice.issuedOn).toMatch(/^20\d\d-\d\d-\d\d$/u);
    expect(got.notice.meetingDate).toMatch(/^20\d\d-\d\d-\d\d$/u);
  });

  it.each(names)('%s: the same from NFD, CRLF, double-spaced text with page numbers', (name) => {
    const text = fixture(`${name}.txt`);
    const clean = parseNotice(text);
    const dirty = parseNotice(hostile(text));
    expect(brief(dirty)).toEqual(brief(clean));
    expect(dirty.notice).toEqual(clean.notice);
    expect(dirty.items.map((i) => i.text)).toEqual(clean.items.map((i) => i.text));
  });
});

describe('layout', () => {
  const body = (...lines: string[]): string =>
    ['Số: 1/TB-VP', 'Lạng Sơn, ngày 20 tháng 01 năm 2026', 'THÔNG BÁO', ...lines].join('\n');

  it('inherits a heading agency, support and deadline into its sub-items', () => {
    const got = parseNotice(
      body(
        '1. Nhiệm vụ',
        'a) Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ thực hiện trong tháng 3/2026 các việc sau:',
        '- Rà soát biên chế;',
        '- Giao Sở Y tế tổng hợp nhu cầu, hoàn thành trước ngày 15/3/2026.',
      ),
    );
    expect(brief(got)).toEqual([
      {
        code: '1.a.1',
        lead: ['Sở Tài chính'],
        support: ['Sở Nội vụ'],
        reportTo: undefined,
        deadline: { kind: 'date', due: '2026-03-31', phrase: 'trong tháng 3/2026' },
      },
      {
        code: '1.a.2',
        lead: ['Sở Y tế'],
        support: [],
        reportTo: undefined,
        deadline: { kind: 'date', due: '2026-03-14', phrase: 'hoàn thành trước ngày 15/3/2026' },
      },
    ]);
  });
});

describe('normalisation', () => {
  it('hashes the same notice the same however it was pasted', () => {
    const text = fixture('000_948b8539ce48aaaf.txt');
    expect(normalizeNoticeText(text.normalize('NFD').replace(/\n/g, '\r\n'))).toBe(
      normalizeNoticeText(text),
    );
    expect(normalizeNoticeText(hostile(text))).toBe(normalizeNoticeText(text));
  });

  it('normalises NFD, CRLF, double spacing, page numbers and footnote digits', () => {
    expect(
      normalizeNoticeText(
        'Sở Tài chính\r\n\r\n  Trang 2  \r\n\r\n- 3 -\r\nhoàn thành năm 20251 cho doanh nghiệp1, UBND2.\r\n',
      ),
    ).toBe('Sở Tài chính\nhoàn thành năm 2025 cho doanh nghiệp, UBND.');
    expect(normalizeNoticeText('Thuỷ'.normalize('NFD'))).toBe('Thuỷ'.normalize('NFC'));
  });
});
