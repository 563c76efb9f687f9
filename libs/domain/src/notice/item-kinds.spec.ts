import { parseNotice } from './parse-notice';

const body = (...lines: string[]): string =>
  ['Số: 1/TB-VP', 'Lạng Sơn, ngày 20 tháng 01 năm 2026', 'THÔNG BÁO', ...lines].join('\n');
const codes = (...lines: string[]): string[] =>
  parseNotice(body(...lines)).items.map((i) => i.code);

describe('assessment paragraphs are not items, wherever they stand', () => {
  it.each([
    [
      'an acknowledgement that mentions finishing',
      [
        '1. Nhiệm vụ',
        'a) Ghi nhận sự cố gắng của Sở Nội vụ trong việc hoàn thành sắp xếp bộ máy.',
        'b) Sở Y tế rà soát trang thiết bị.',
      ],
      ['1.b'],
    ],
    [
      'praise that mentions urgency',
      [
        '1. Biểu dương Công an tỉnh đã khẩn trương triển khai phương án.',
        '2. Sở Y tế rà soát trang thiết bị.',
      ],
      ['2'],
    ],
    [
      'high appreciation under a task heading',
      [
        '1. Nhiệm vụ',
        '- Đánh giá cao sự chủ động của Sở Xây dựng và các đơn vị phối hợp trong việc hoàn thành dự án.',
        '- Sở Y tế rà soát trang thiết bị.',
      ],
      ['1.2'],
    ],
    [
      'agreement with a proposal ("đề nghị" as a noun)',
      [
        '1. Nhiệm vụ',
        'a) Đồng ý với đề nghị của Sở Tài chính về việc phân bổ vốn để hoàn thành dự án.',
        'b) Thống nhất chủ trương do Sở Xây dựng đề xuất, yêu cầu cao về chất lượng.',
        'c) Sở Y tế rà soát trang thiết bị.',
      ],
      ['1.c'],
    ],
    [
      'a decision that also assigns work',
      [
        '1. Thống nhất chủ trương đầu tư dự án đường tỉnh 226; giao Sở Tài chính chủ trì, phối hợp Sở Xây dựng hoàn thiện hồ sơ trong tháng 3/2026.',
        '2. Ghi nhận, đánh giá cao nỗ lực của các sở; yêu cầu Sở Tài chính tiếp tục rà soát.',
      ],
      ['1', '2'],
    ],
    [
      'a decision whose second clause is addressed to an agency',
      [
        '1. Nhiệm vụ',
        'a) Đồng ý chủ trương sắp xếp trụ sở; Sở Tài chính chủ trì rà soát, báo cáo UBND tỉnh.',
        'b) Thống nhất đề xuất của Sở Xây dựng, đồng thời yêu cầu các sở, ngành liên quan phối hợp thực hiện.',
      ],
      ['1.a', '1.b'],
    ],
    [
      'a decision naming who leads it',
      [
        '1. Nhiệm vụ',
        'a) Thống nhất chủ trương đầu tư, giao cho Sở Xây dựng làm chủ đầu tư.',
        'b) Đồng ý phương án do Sở Nông nghiệp và Môi trường chủ trì thực hiện trong quý II/2026.',
      ],
      ['1.a', '1.b'],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(codes(...lines)).toEqual(expected);
  });
});

const item2 = (line: string, marker = '2. ') =>
  parseNotice(
    body(
      marker === '2. ' ? '1. Về y tế' : '1. Nhiệm vụ',
      `${marker}${line}`,
      `${marker === '2. ' ? '3.' : 'b)'} Sở Tài chính bố trí kinh phí trong tháng 7/2026.`,
    ),
  ).items.map((i) => ({
    code: i.code,
    lead: i.lead,
    due: i.deadline.kind === 'date' ? i.deadline.due : i.deadline.kind,
  }))[0];

describe('an assessment that then assigns work is an item, whatever its marker', () => {
  it.each([
    [
      'Đánh giá cao Sở Y tế; giao Sở Y tế chủ trì rà soát, hoàn thành chậm nhất ngày 15/7/2026.',
      ['Sở Y tế'],
      '2026-07-15',
    ],
    [
      'Đánh giá cao Sở Y tế. Giao Sở Y tế chủ trì rà soát, hoàn thành trong Quý III/2026.',
      ['Sở Y tế'],
      '2026-09-30',
    ],
    [
      'Đánh giá cao sự chủ động của Sở Y tế; giao Sở Y tế chủ trì rà soát, hoàn thành trong Quý III/2026.',
      ['Sở Y tế'],
      '2026-09-30',
    ],
    [
      'Đánh giá cao Ngân hàng Nhà nước chi nhánh khu vực; đề nghị tiếp tục chỉ đạo các tổ chức tín dụng, báo cáo kết quả trước ngày 15/7/2026.',
      ['Ngân hàng Nhà nước chi nhánh khu vực'],
      '2026-07-14',
    ],
    [
      'Ghi nhận sự cố gắng của Sở Y tế; đề nghị tiếp tục rà soát đối tượng, hoàn thành trong Quý III/2026.',
      ['Sở Y tế'],
      '2026-09-30',
    ],
    [
      'Thống nhất chủ trương xây dựng bệnh viện; đề nghị khẩn trương hoàn thiện hồ sơ, trình UBND tỉnh trong Quý III/2026.',
      [],
      '2026-09-30',
    ],
    [
      'Đánh giá cao Bảo hiểm xã hội tỉnh; đề nghị tiếp tục rà soát đối tượng tham gia bảo hiểm, hoàn thành trong Quý III/2026.',
      ['Bảo hiểm xã hội tỉnh'],
      '2026-09-30',
    ],
    [
      'Ghi nhận sự cố gắng của Sở Tài chính, Sở Y tế; đề nghị tiếp tục rà soát đối tượng, hoàn thành trong Quý III/2026.',
      [],
      '2026-09-30',
    ],
    ['Thống nhất chủ trương xây dựng bệnh viện, hoàn thành trong Quý III/2026.', [], '2026-09-30'],
    [
      'Ghi nhận sự cố gắng của Sở Xây dựng; đề nghị các sở, ngành tiếp tục phối hợp, hoàn thành trong Quý III/2026.',
      [],
      '2026-09-30',
    ],
  ])('%s → lead %j', (line, lead, due) => {
    expect(item2(line)).toEqual({ code: '2', lead, due });
    expect(item2(line, 'a) ')).toEqual({ code: '1.a', lead, due });
  });

  it.each([
    'Ghi nhận sự cố gắng của các sở, ngành.',
    'Đánh giá cao kết quả đạt được của Sở Y tế trong năm 2025.',
    'Thống nhất chủ trương đầu tư dự án X.',
    'Đồng ý với đề xuất của Sở Tài chính về phương án phân bổ.',
    'Thống nhất với đề nghị bổ sung kinh phí của Sở Tài chính.',
    'Ghi nhận sự cố gắng của Sở Nội vụ, hoàn thành sắp xếp bộ máy trong năm 2025.',
    'Biểu dương Sở Y tế, hoàn thành vượt kế hoạch năm 2025.',
    'Thống nhất chủ trương đầu tư dự án X, Y trong năm 2026.',
    'Thống nhất chủ trương do Sở Xây dựng đề xuất, yêu cầu cao về chất lượng.',
  ])('a pure assessment is not: %s', (line) => {
    expect(item2(line)).toMatchObject({ code: '3' });
    expect(item2(line, 'a) ')).toMatchObject({ code: '1.b' });
  });
});

describe('a section title on its own line is a heading; the paragraph under it is the item', () => {
  it.each([
    [
      [
        'III. TỔ CHỨC THỰC HIỆN',
        'Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện các nhiệm vụ.',
      ],
      'III',
      'Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện các nhiệm vụ.',
    ],
    [
      [
        '3. Tổ chức thực hiện',
        'Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện các nhiệm vụ.',
      ],
      '3',
      'Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện các nhiệm vụ.',
    ],
    [
      ['3. Sở Y tế chủ trì, phối hợp với', 'Sở Tài chính rà soát trang thiết bị y tế.'],
      '3',
      'Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát trang thiết bị y tế.',
    ],
    [
      [
        '3. Khẩn trương hoàn thiện hồ sơ đề nghị công nhận',
        'Khu du lịch quốc gia, trình UBND tỉnh.',
      ],
      '3',
      'Khẩn trương hoàn thiện hồ sơ đề nghị công nhận Khu du lịch quốc gia, trình UBND tỉnh.',
    ],
  ])('%j', (lines, code, text) => {
    const before = lines[0]!.startsWith('III')
      ? ['I. Nhiệm vụ', 'II. Nhiệm vụ khác']
      : ['1. A', '2. B'];
    const got = parseNotice(body(...before, ...lines)).items;
    expect(got.map((i) => [i.code, i.text])).toEqual([[code, text]]);
  });
});
