import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitAppendix } from './appendix';
import { parseNotice } from './parse-notice';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('an appendix table of tasks, as a PDF-to-text tool renders it', () => {
  it('reads columns aligned by runs of spaces, with cells wrapped over several lines', () => {
    const { rows } = splitAppendix(fixture('extra-appendix-spaces.txt'));
    expect(rows.slice(0, 3)).toEqual([
      {
        code: 'PL.1',
        content:
          'Rà soát, tổng hợp nhu cầu kinh phí chuyển đổi số năm 2027 của các cơ quan, đơn vị',
        lead: 'Sở Tài chính',
        support: 'Sở Khoa học và Công nghệ, UBND các xã, phường',
        due: '30/6/2026',
      },
      {
        code: 'PL.2',
        content:
          'Xây dựng Kế hoạch chuyển đổi số năm 2026 (thay thế Kế hoạch số 197/KH-UBND ngày 22/7/2025)',
        lead: 'Sở Khoa học và Công nghệ',
        support: 'Các sở, ban, ngành',
        due: 'Tháng 4/2026',
      },
      {
        code: 'PL.3',
        content: 'Báo cáo tình hình giải quyết thủ tục hành chính trên Cổng dịch vụ công',
        lead: 'Văn phòng UBND tỉnh',
        support: 'Sở Nội vụ',
        due: 'Hằng tháng',
      },
    ]);
    expect(rows.map((r) => r.code)).toEqual(['PL.1', 'PL.2', 'PL.3', 'PL.4', 'PL.5', 'PL.6']);
  });

  it('reads columns separated by "|", with group rows and a separator line', () => {
    const { rows } = splitAppendix(fixture('extra-appendix-pipes.txt'));
    expect(rows[1]).toEqual({
      code: 'PL.I.2',
      content:
        'Báo cáo tình hình thu, chi ngân sách, gửi Sở Tài chính trước ngày 05 hằng tháng để tổng hợp, báo cáo UBND tỉnh',
      lead: 'Kho bạc Nhà nước khu vực',
      support: '',
      due: 'Hằng tháng',
    });
    expect(rows.map((r) => r.code)).toEqual([
      'PL.I.1',
      'PL.I.2',
      'PL.II.3',
      'PL.II.4',
      'PL.II.5',
      'PL.II.6',
    ]);
  });

  it('reads "|" without a border, an empty first cell and a notes column', () => {
    const text = [
      'Danh mục nhiệm vụ',
      'STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn | Ghi chú',
      '1 | Tổ chức hội nghị | Sở Nội vụ | Sở Tư pháp | 15/7/2026 |',
      ' | xúc tiến đầu tư |  |  |  | đã có kế hoạch',
    ].join('\n');
    expect(splitAppendix(text).rows).toEqual([
      {
        code: 'PL.1',
        content: 'Tổ chức hội nghị xúc tiến đầu tư',
        lead: 'Sở Nội vụ',
        support: 'Sở Tư pháp',
        due: '15/7/2026',
      },
    ]);
  });

  it('reads "TT", "1." and a header repeated after a page break', () => {
    const text = [
      'PHỤ LỤC',
      'TT    Nhiệm vụ                     Đơn vị chủ trì     Đơn vị phối hợp    Thời gian hoàn thành',
      '1.    Xây dựng đề án phát triển    Sở Xây dựng        Sở Tài chính       Quý III/2026',
      '      đô thị',
      '                                                  - 2 -',
      'TT    Nhiệm vụ                     Đơn vị chủ trì     Đơn vị phối hợp    Thời gian hoàn thành',
      '2.    Rà soát quy hoạch            Sở Nông nghiệp     UBND các xã,       Tháng 9/2026',
      '                                   và Môi trường      phường',
      '                                             KT. CHỦ TỊCH',
    ].join('\n');
    expect(splitAppendix(text).rows).toEqual([
      {
        code: 'PL.1',
        content: 'Xây dựng đề án phát triển đô thị',
        lead: 'Sở Xây dựng',
        support: 'Sở Tài chính',
        due: 'Quý III/2026',
      },
      {
        code: 'PL.2',
        content: 'Rà soát quy hoạch',
        lead: 'Sở Nông nghiệp và Môi trường',
        support: 'UBND các xã, phường',
        due: 'Tháng 9/2026',
      },
    ]);
  });

  it('does not read a table of figures as tasks', () => {
    const text = [
      '1. Đánh giá chung',
      'STT | Nội dung | Đơn vị | Kế hoạch | Thực hiện',
      '1 | Thu ngân sách | tỷ đồng | 5.000 | 4.200',
      '2 | Giải ngân vốn đầu tư | % | 100 | 85',
    ].join('\n');
    expect(splitAppendix(text)).toEqual({ body: text, rows: [] });
  });

  it('cuts the body at the appendix title, however the lines are spaced', () => {
    for (const gap of ['\n', '\n\n']) {
      const { body } = splitAppendix(fixture('extra-appendix-pipes.txt').replace(/\n/gu, gap));
      expect(body.trimEnd().endsWith('Đoàn Thanh Sơn')).toBe(true);
    }
  });

  it('keeps the body that follows a table inside it', () => {
    const got = parseNotice(
      [
        'Lạng Sơn, ngày 20 tháng 01 năm 2026',
        'THÔNG BÁO',
        '1. Giao Sở Y tế rà soát trang thiết bị, hoàn thành trong tháng 3/2026.',
        '2. Giao các cơ quan thực hiện các nhiệm vụ sau:',
        'STT   Nội dung                Cơ quan chủ trì    Thời hạn',
        '1     Lập báo cáo quý         Sở Tài chính       Quý I/2026',
        '2     Cập nhật dữ liệu        Công an tỉnh       Thường xuyên',
        '3. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.',
      ].join('\n'),
    );
    expect(got.items.map((i) => [i.code, i.lead.join(';')])).toEqual([
      ['1', 'Sở Y tế'],
      ['2', ''],
      ['3', 'Văn phòng UBND tỉnh'],
      ['PL.1', 'Sở Tài chính'],
      ['PL.2', 'Công an tỉnh'],
    ]);
  });

  it('numbers sub-rows "1.1" after their row', () => {
    const text = [
      'STT | Nội dung | Cơ quan chủ trì | Thời hạn',
      '1 | Chuyển đổi số | Sở Khoa học và Công nghệ | Năm 2026',
      '1.1 | Số hóa hồ sơ | Sở Nội vụ | Quý II/2026',
    ].join('\n');
    expect(splitAppendix(text).rows.map((r) => [r.code, r.lead])).toEqual([
      ['PL.1', 'Sở Khoa học và Công nghệ'],
      ['PL.1.1', 'Sở Nội vụ'],
    ]);
  });

  it('leaves a notice without a table as it is', () => {
    const text = 'THÔNG BÁO\n1. Giao Sở Tài chính rà soát.\nPHỤ LỤC\nSở Tài chính    Sở Y tế';
    expect(splitAppendix(text)).toEqual({ body: text, rows: [] });
  });

  it.each([
    ['STT | Nội dung | Cơ quan chủ trì | Thời hạn', '1 | Lập báo cáo | Sở Y tế | Quý II/2026'],
    [
      'STT    Nội dung         Cơ quan chủ trì    Thời hạn',
      '1      Lập báo cáo      Sở Y tế            Quý II/2026',
    ],
  ])('works without a support column: %s', (header, row) => {
    expect(splitAppendix(`PHỤ LỤC\n${header}\n${row}`).rows).toEqual([
      { code: 'PL.1', content: 'Lập báo cáo', lead: 'Sở Y tế', support: '', due: 'Quý II/2026' },
    ]);
  });
});

describe('items of an appendix', () => {
  const got = parseNotice(fixture('extra-appendix-pipes.txt'));
  const item = (code: string) => got.items.find((i) => i.code === code);

  it('reads each row as an item: text, agencies from their columns, the deadline column', () => {
    expect(item('PL.I.2')).toEqual({
      code: 'PL.I.2',
      text: 'Báo cáo tình hình thu, chi ngân sách, gửi Sở Tài chính trước ngày 05 hằng tháng để tổng hợp, báo cáo UBND tỉnh',
      lead: ['Kho bạc Nhà nước khu vực'],
      support: [],
      reportTo: 'Sở Tài chính',
      deadline: {
        kind: 'recurring',
        frequency: 'monthly',
        day: 4,
        phrase: 'trước ngày 05 hằng tháng',
      },
      agencyPhrases: [{ name: 'Kho bạc Nhà nước khu vực', phrase: 'Kho bạc Nhà nước khu vực' }],
    });
    expect(item('PL.II.3')?.deadline).toEqual({
      kind: 'date',
      due: '2027-03-31',
      phrase: 'Quý I/2027',
    });
    expect(item('PL.II.5')?.deadline).toEqual({ kind: 'none', phrase: 'thường xuyên' });
  });

  it('skips the body paragraph that only points to the appendix, and warns like the body', () => {
    expect(got.items.map((i) => i.code)).not.toContain('3');
    expect(got.warnings).toContain(
      'Mục PL.II.4: "Ban Quản lý dự án đầu tư xây dựng tỉnh" không có trong danh mục cơ quan; hãy chọn cơ quan chủ trì trong danh mục.',
    );
  });
});

describe('the deadline column', () => {
  const deadlineOf = (cell: string) =>
    parseNotice(
      [
        'Lạng Sơn, ngày 20 tháng 01 năm 2026',
        'PHỤ LỤC',
        'STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn',
        `1 | Rà soát các dự án | Sở Tài chính | Sở Xây dựng | ${cell}`,
      ].join('\n'),
    ).items[0]?.deadline;

  it.each([
    ['30/6/2026', { kind: 'date', due: '2026-06-30' }],
    ['Tháng 6/2026', { kind: 'date', due: '2026-06-30' }],
    ['Quý II/2026', { kind: 'date', due: '2026-06-30' }],
    ['6 tháng đầu năm 2026', { kind: 'date', due: '2026-06-30' }],
    ['Năm 2026', { kind: 'date', due: '2026-12-31', phrase: 'Năm 2026' }],
    ['Trước ngày 15/3/2026', { kind: 'date', due: '2026-03-14' }],
    ['Thường xuyên', { kind: 'none', phrase: 'thường xuyên' }],
    ['Hằng tháng', { kind: 'recurring', frequency: 'monthly' }],
    ['Hằng quý', { kind: 'recurring', frequency: 'quarterly' }],
    ['', { kind: 'none' }],
  ])('"%s" → %j', (cell, expected) => {
    expect(deadlineOf(cell)).toMatchObject(expected);
  });
});

describe('tables, whatever their lines', () => {
  const lines = fc.constantFrom(
    'PHỤ LỤC',
    'STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn',
    'STT   Nội dung        Cơ quan chủ trì    Thời hạn',
    '| STT | Nội dung | Cơ quan chủ trì | Thời hạn |',
    '|---|---|---|---|',
    '1 | Rà soát | Sở Tài chính | Sở Y tế | 30/6/2026',
    '| 2 | Báo cáo | Sở Y tế | Hằng tháng |',
    ' | tiếp theo | | | Quý II/2026',
    'II | LĨNH VỰC | | |',
    '3     Lập kế hoạch    Sở Nội vụ          Năm 2026',
    '      tiếp            và                 2027',
    '- 2 -',
    '12',
    'KT. CHỦ TỊCH',
    '3. Giao Văn phòng UBND tỉnh theo dõi.',
    '',
    '\t|\t',
  );
  it('never throw, and every row is an item of the appendix', () => {
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 30 }), (ls) => {
        const text = ls.join('\n');
        const { rows } = splitAppendix(text);
        const parsed = parseNotice(text);
        expect(parsed.warnings).not.toContain(
          'Không đọc được văn bản này; cần nhập các nhiệm vụ thủ công.',
        );
        for (const r of rows) expect(r.code).toMatch(/^PL\d*\./u);
        const codes = parsed.items.map((i) => i.code).filter((c) => c.startsWith('PL'));
        expect(codes).toEqual(rows.filter((r) => r.content !== '').map((r) => r.code));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a row reads like the body: whom it reports to, the paragraph that points to it', () => {
  const table = [
    'STT   Nội dung                           Cơ quan chủ trì      Thời hạn',
    '1     Rà soát, đánh giá tiến độ thu      Thuế tỉnh            Hằng tháng',
    '      tiền sử dụng đất, báo cáo UBND',
    '      thành phố',
    '2     Kiểm tra việc sử dụng kinh phí,    Thanh tra tỉnh       Tháng 6/2026',
    '      báo cáo UBND tỉnh',
  ];
  const notice = (pointer: string) =>
    parseNotice(
      [
        'Lạng Sơn, ngày 20 tháng 01 năm 2026',
        'THÔNG BÁO',
        '1. Sở Tài chính chủ trì rà soát các dự án.',
        `2. ${pointer}`,
        'DANH MỤC NHIỆM VỤ',
        ...table,
      ].join('\n'),
    );

  it.each([
    'Giao các cơ quan thực hiện các nhiệm vụ tại Phụ lục kèm theo.',
    'Các nhiệm vụ cụ thể giao tại bảng dưới đây.',
    'Các nhiệm vụ cụ thể theo bảng sau.',
  ])('%s', (pointer) => {
    const got = notice(pointer);
    expect(got.items.map((i) => [i.code, i.reportTo])).toEqual([
      ['1', undefined],
      ['PL.1', 'UBND thành phố'],
      ['PL.2', 'UBND tỉnh'],
    ]);
  });
});
