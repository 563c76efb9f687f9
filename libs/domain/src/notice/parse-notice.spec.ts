import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vnPublicSectorCalendar } from '../calendar/working-calendar';
import { AgencyDirectory } from './agencies';
import { parseDeadline } from './deadlines';
import { normalizeNoticeText } from './normalize';
import { parseNotice } from './parse-notice';
import type { ParsedNotice } from './types';

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
    expect(got.notice).toEqual(expected.notice);
    expect(got.items.map((i) => ({ ...i, text: ws(i.text) }))).toEqual(
      expected.items.map((i) => ({ ...i, text: ws(i.text) })),
    );
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
    ['2.e', ['Sở Y tế'], ['Sở Nội vụ'], undefined, '2026-06-30'],
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
        reportTo: undefined,
        deadline: { kind: 'recurring', frequency: 'monthly', day: 24, phrase: 'hằng tháng' },
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

describe('deadline phrases (grammar table, meeting 15/01/2026, notice 20/01/2026)', () => {
  const ctx = (issuedOn = '2026-01-20', reference = '2026-01-15') => ({
    reference,
    issuedOn,
    calendar: vnPublicSectorCalendar,
  });
  const dueOf = (text: string, c = ctx()) => {
    const d = parseDeadline(text, c).deadline;
    return d.kind === 'date' ? d.due : d.kind;
  };

  it.each([
    ['hoàn thành chậm nhất ngày 22/01/2026', '2026-01-22'],
    ['không muộn hơn ngày 22-01-2026', '2026-01-22'],
    ['đến hết ngày 31.03.2026', '2026-03-31'],
    ['hoàn thành ngày 22 tháng 01 năm 2026', '2026-01-22'],
    ['trình UBND tỉnh trước ngày 15/02/2026', '2026-02-14'],
    ['hoàn thành trước 30/6', '2026-06-29'],
    ['trình UBND tỉnh trong tháng 01 năm 2026', '2026-01-31'],
    ['trong tháng 02/2026', '2026-02-28'],
    ['báo cáo trong T2/2026', '2026-02-28'],
    ['hoàn thành giữa tháng 3/2026', '2026-03-15'],
    ['hoàn thành đầu tháng 3/2026', '2026-03-01'],
    ['hoàn thành trong tháng 3', '2026-03-31'],
    ['trong quý II năm 2026', '2026-06-30'],
    ['hoàn thành Quý II/2026', '2026-06-30'],
    ['trong quý 1/2026', '2026-03-31'],
    ['hoàn thành trong Q3/2026', '2026-09-30'],
    ['trong 6 tháng đầu năm 2026', '2026-06-30'],
    ['trong 6 tháng cuối năm 2026', '2026-12-31'],
    ['trong 9 tháng đầu năm 2026', '2026-09-30'],
    ['trong năm 2026', '2026-12-31'],
    ['cuối năm 2026', '2026-12-31'],
    ['hoàn thành đầu năm 2027', '2027-01-01'],
    ['trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này', '2026-02-03'],
    ['trong thời hạn 10 ngày kể từ ngày ban hành Thông báo này', '2026-01-30'],
    ['thực hiện thường xuyên', 'none'],
    ['khẩn trương triển khai', 'none'],
    ['tổ chức thực hiện', 'none'],
    ['theo Kế hoạch số 197/KH-UBND ngày 22/7/2025 của UBND tỉnh', 'none'],
    [
      'thay thế Quyết định số 53/QĐ-BCĐ ngày 04/4/2025; trình trong tháng 01 năm 2026',
      '2026-01-31',
    ],
    ['thực hiện Nghị quyết số 68-NQ/TW, ngày 04/5/2025 của Bộ Chính trị', 'none'],
    ['giai đoạn 2026 - 2030', 'none'],
    ['theo Kế hoạch năm 2026', 'none'],
    ['trong 5 ngày làm việc kể từ ngày kết thúc Hội nghị', 'relative'],
    ['định kỳ hằng tháng, trước ngày 20 hằng tháng, báo cáo UBND tỉnh', 'recurring'],
  ])('%s → %s', (text, expected) => {
    expect(dueOf(text)).toBe(expected);
  });

  it.each([
    ['2026-02-10', '2026-03-03'],
    ['2026-08-20', '2026-09-07'],
  ])(
    '10 working days from a notice of %s (Tết, make-up Saturday, National Day) → %s',
    (issuedOn, due) => {
      expect(
        dueOf(
          'trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này',
          ctx(issuedOn, issuedOn),
        ),
      ).toBe(due);
    },
  );

  it('rolls a year-less date or month over into the next year after a December meeting', () => {
    expect(dueOf('trình UBND tỉnh trong tháng 01', ctx('2025-12-10', '2025-12-08'))).toBe(
      '2026-01-31',
    );
    expect(dueOf('hoàn thành trước 15/1', ctx('2025-12-10', '2025-12-08'))).toBe('2026-01-14');
    expect(dueOf('hoàn thành chậm nhất ngày 20/12', ctx('2025-12-10', '2025-12-08'))).toBe(
      '2025-12-20',
    );
  });

  it.each([
    ['định kỳ hằng tháng, trước ngày 20 hằng tháng', { frequency: 'monthly', day: 19 }],
    ['báo cáo hằng quý', { frequency: 'quarterly' }],
    ['báo cáo hàng tuần', { frequency: 'weekly' }],
    ['tổng kết hằng năm', { frequency: 'yearly' }],
  ])('recurring: %s', (text, expected) => {
    expect(parseDeadline(text, ctx()).deadline).toMatchObject({ kind: 'recurring', ...expected });
  });
});

describe('agency directory', () => {
  const dir = AgencyDirectory.default();

  it.each([
    ['Sở KH&CN', 'SKHCN'],
    ['Sở KH & CN', 'SKHCN'],
    ['sở tài chính', 'STC'],
    ['Sở Công thương', 'SCT'],
    ['Sở Văn hoá, Thể thao và Du lịch', 'SVHTTDL'],
    ['Uỷ ban nhân dân các xã, phường', 'UBNDXP'],
    ['STC', 'STC'],
    ['Sở Ngoại giao Mặt Trăng', null],
  ])('%s → %s', (name, code) => {
    expect(dir.codeOf(name)).toBe(code);
  });

  it.each([
    [
      'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì vận động',
      ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'],
    ],
    [
      'Hội Nông dân tỉnh phối hợp với Liên đoàn Lao động tỉnh và Sở Du lịch',
      ['Hội Nông dân tỉnh', 'Liên đoàn Lao động tỉnh', 'Sở Du lịch'],
    ],
    [
      'Đài Phát thanh và Truyền hình tỉnh, Báo Lạng Sơn tuyên truyền',
      ['Đài Phát thanh và Truyền hình tỉnh', 'Báo Lạng Sơn'],
    ],
    ['Sở Du lịch và Sở Ngoại vụ chủ trì', ['Sở Du lịch', 'Sở Ngoại vụ']],
    ['báo cáo Trưởng Ban Chỉ đạo', []],
  ])('names organisations it does not know as written: %s', (text, names) => {
    expect(dir.mentions(text).map((m) => m.name)).toEqual(names);
  });

  it('is data: a province adds its own agencies and aliases', () => {
    const custom = AgencyDirectory.fromEntries([
      { code: 'SDL', name: 'Sở Du lịch', aliases: ['Sở DL'] },
    ]);
    const parsed = parseNotice(
      '2. Nhiệm vụ\na) Sở DL chủ trì xây dựng kế hoạch, hoàn thành trong tháng 3/2026.',
      { directory: custom },
    );
    expect(parsed.items[0]).toMatchObject({
      lead: ['Sở Du lịch'],
      deadline: { due: '2026-03-31' },
    });
  });
});

describe('properties', () => {
  const tokens = fc.constantFrom(
    'a) ',
    'đ) ',
    '- ',
    '+ ',
    '2. ',
    'II. ',
    '\n',
    '\r\n',
    ' ',
    'Sở Tài chính ',
    'chủ trì, phối hợp với ',
    'Sở Y tế',
    'chậm nhất ngày ',
    'trước ngày ',
    '31/02/2026',
    '22/01/2026',
    '30/6',
    'tháng 13 năm 2026',
    'quý V/2026',
    'trong năm ',
    'Kế hoạch số 1/KH-UBND ngày ',
    '10 ngày làm việc kể từ ngày ký Thông báo này',
    'hằng tháng',
    'Nơi nhận:',
    './.',
    '\u0301',
    '3',
  );

  it('never throws on random or hostile text, and every date deadline is one the item text names', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(tokens, { maxLength: 60 }).map((t) => t.join('')),
        ),
        (text) => {
          const parsed = parseNotice(text);
          for (const item of parsed.items) {
            if (item.deadline.kind !== 'date') continue;
            expect(item.deadline.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(ws(item.text).replace(/\s*([/.-])\s*(?=\d)/g, '$1')).toContain(
              item.deadline.phrase,
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hashes the same notice the same however it was pasted', () => {
    const text = fixture('000_948b8539ce48aaaf.txt');
    expect(normalizeNoticeText(text.normalize('NFD').replace(/\n/g, '\r\n'))).toBe(
      normalizeNoticeText(text),
    );
  });
});
