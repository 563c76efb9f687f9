import { parseNotice } from './parse-notice';

describe('layout', () => {
  const body = (...lines: string[]): string =>
    ['Số: 1/TB-VP', 'Lạng Sơn, ngày 20 tháng 01 năm 2026', 'THÔNG BÁO', ...lines].join('\n');

  it('joins an item across a page break and skips a footnote at the page bottom', () => {
    const got = parseNotice(
      body(
        '1. Nhiệm vụ',
        'a) Sở Tài chính chủ trì rà soát các dự án chậm tiến độ1, hoàn thành',
        '1 Có 12 dự án chậm tiến độ.',
        '- 2 -',
        'chậm nhất ngày 30/01/2026.',
        'b) Sở Y tế thực hiện thường xuyên.',
      ),
    );
    expect(got.items.map((i) => [i.code, i.text])).toEqual([
      [
        '1.a',
        'Sở Tài chính chủ trì rà soát các dự án chậm tiến độ, hoàn thành chậm nhất ngày 30/01/2026.',
      ],
      ['1.b', 'Sở Y tế thực hiện thường xuyên.'],
    ]);
    expect(got.items[0]!.deadline).toMatchObject({ due: '2026-01-30' });
  });

  it('does not take a wrapped line for a marker', () => {
    const got = parseNotice(
      body(
        '1. Nhiệm vụ',
        'a) Sở Công Thương xây dựng Chương trình xúc tiến thương mại giai đoạn 2026',
        '- 2030, trình UBND tỉnh trong quý I/2026; quy định tại điểm',
        'c) khoản 2 Điều 5 Nghị định.',
        'b) Sở Y tế thực hiện thường xuyên.',
      ),
    );
    expect(got.items.map((i) => i.code)).toEqual(['1.a', '1.b']);
    expect(got.items[0]!.deadline).toMatchObject({ due: '2026-03-31' });
  });

  it('reads "1.", "2." restarted inside a section as its clauses', () => {
    const got = parseNotice(
      body(
        '1. Đánh giá chung',
        'Các sở đã cố gắng.',
        '2. Nhiệm vụ thời gian tới',
        '1. Sở Tài chính chủ trì rà soát, hoàn thành trong tháng 3/2026.',
        '2. Sở Xây dựng chủ trì thẩm định dự án.',
        '3. Sở Y tế bảo đảm thuốc, vật tư y tế.',
        '3. Tổ chức thực hiện',
        'Giao Văn phòng UBND tỉnh theo dõi, đôn đốc.',
      ),
    );
    expect(got.items.map((i) => [i.code, i.lead.join()])).toEqual([
      ['2.1', 'Sở Tài chính'],
      ['2.2', 'Sở Xây dựng'],
      ['2.3', 'Sở Y tế'],
      ['3', 'Văn phòng UBND tỉnh'],
    ]);
  });

  it('reads OCR "d)" twice as "đ)", and en/em dashes as dashes', () => {
    const got = parseNotice(
      body(
        '1. Nhiệm vụ',
        'a) Sở Tài chính thực hiện nhiệm vụ A.',
        'b) Sở Tài chính thực hiện nhiệm vụ B.',
        'c) Sở Tài chính thực hiện nhiệm vụ C.',
        'd) Sở Tài chính thực hiện nhiệm vụ D.',
        'd) Sở Y tế:',
        '– Thực hiện nhiệm vụ Đ1.',
        '— Thực hiện nhiệm vụ Đ2.',
        'e) Sở Nội vụ thực hiện nhiệm vụ E.',
      ),
    );
    expect(got.items.map((i) => i.code)).toEqual([
      '1.a',
      '1.b',
      '1.c',
      '1.d',
      '1.đ.1',
      '1.đ.2',
      '1.e',
    ]);
    expect(got.items[4]!.lead).toEqual(['Sở Y tế']);
  });

  it('ends at the closing sentence, "./.", "Nơi nhận" or the signature', () => {
    for (const end of [
      'Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.',
      'Nơi nhận:',
      'KT. CHÁNH VĂN PHÒNG',
    ]) {
      const got = parseNotice(
        body(
          '1. Sở Tài chính chủ trì rà soát, báo cáo UBND tỉnh.',
          end,
          '- Sở Y tế;',
          '- Lưu: VT.',
        ),
      );
      expect(got.items.map((i) => i.code)).toEqual(['1']);
    }
    const last = parseNotice(
      body('1. Sở Tài chính chủ trì rà soát.', '2. Văn phòng UBND tỉnh theo dõi, đôn đốc./.'),
    );
    expect(last.items.map((i) => [i.code, i.lead[0]])).toEqual([
      ['1', 'Sở Tài chính'],
      ['2', 'Văn phòng UBND tỉnh'],
    ]);
  });

  it('skips findings, decisions and bare headings', () => {
    const got = parseNotice(
      body(
        '1. Đánh giá chung',
        'Các sở đã hoàn thành nhiều nhiệm vụ; Sở Tài chính đã chủ trì tốt.',
        '2. Thống nhất với đề xuất của Sở Tài chính.',
        '3. Tổ chức thực hiện',
        '4. Về an ninh',
        'Công an tỉnh chủ động nắm chắc tình hình trong năm 2026.',
      ),
    );
    expect(got.items.map((i) => [i.code, i.lead.join(), i.text])).toEqual([
      ['4', 'Công an tỉnh', 'Công an tỉnh chủ động nắm chắc tình hình trong năm 2026.'],
    ]);
  });
});

describe('sections lettered "A.", "B." number their clauses like Roman ones', () => {
  const body = (...lines: string[]): string =>
    ['Số: 1/TB-VP', 'Lạng Sơn, ngày 20 tháng 01 năm 2026', 'THÔNG BÁO', ...lines].join('\n');
  const clauses = [
    '1. Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh đánh giá Chỉ số cải cách hành chính.',
    '2. Sở Tư pháp rà soát văn bản quy phạm pháp luật, hoàn thành trong tháng 12/2026.',
  ];
  it.each([
    [
      ['A. VỀ ĐÁNH GIÁ', 'Đánh giá cao kết quả cải cách hành chính của Sở Tư pháp.', 'B. NHIỆM VỤ'],
      ['B.1', 'B.2'],
    ],
    [
      [
        'I. VỀ ĐÁNH GIÁ',
        'Đánh giá cao kết quả cải cách hành chính của Sở Tư pháp.',
        'II. NHIỆM VỤ',
      ],
      ['II.1', 'II.2'],
    ],
    [['A. NHIỆM VỤ'], ['A.1', 'A.2']],
    [
      ['A. Nhiệm vụ trọng tâm', 'a) Sở Y tế rà soát trang thiết bị y tế.', 'B. Nhiệm vụ khác'],
      ['A.a', 'B.1', 'B.2'],
    ],
  ])('%j', (sections, codes) => {
    expect(parseNotice(body(...sections, ...clauses)).items.map((i) => i.code)).toEqual(codes);
  });

  it('a capital letter and a full stop elsewhere is no section', () => {
    const got = parseNotice(
      body(
        '1. Sở Y tế rà soát trang thiết bị theo hướng dẫn tại điểm',
        'B. Phụ lục kèm theo.',
        clauses[1]!,
      ),
    );
    expect(got.items.map((i) => i.code)).toEqual(['1', '2']);
  });
});
