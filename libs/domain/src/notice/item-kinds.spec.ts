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
