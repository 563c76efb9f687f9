import { AgencyDirectory } from './agencies';
import defaults from './default-agencies.json';
import { fold } from './normalize';
import { parseNotice } from './parse-notice';

describe('agency directory', () => {
  const dir = AgencyDirectory.default();

  it('maps every canonical name and alias of the default directory back to its code', () => {
    for (const row of defaults.agencies) {
      expect([row.name, dir.codeOf(row.name)]).toEqual([row.name, row.code]);
      expect(dir.canonical(row.name)).toBe(row.name);
      for (const alias of row.aliases) {
        expect([alias, dir.codeOf(alias)]).toEqual([alias, row.code]);
      }
    }
  });

  it.each([
    ['Sở KH&CN', 'SKHCN'],
    ['Sở KH & CN', 'SKHCN'],
    ['Sở KHCN', 'SKHCN'],
    ['sở tài chính', 'STC'],
    ['SỞ TÀI CHÍNH', 'STC'],
    ['Sở Công thương', 'SCT'],
    ['Sở NN&MT', 'SNNMT'],
    ['Sở GD&ĐT', 'SGDDT'],
    ['Sở VHTTDL', 'SVHTTDL'],
    ['Sở Văn hoá, Thể thao và Du lịch', 'SVHTTDL'],
    ['Uỷ ban nhân dân các xã, phường', 'UBNDXP'],
    ['Văn phòng Uỷ ban nhân dân tỉnh', 'VPUB'],
    ['Sở Tài chính tỉnh Lạng Sơn', 'STC'],
    ['Sở Tài chính'.normalize('NFD'), 'STC'],
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

  it('folds old and new tone placement the same way', () => {
    expect(fold('hoà thuỷ Uỷ khoẻ')).toBe(fold('hòa thủy Ủy khỏe'));
  });

  it('is data: a province adds its own agencies and aliases', () => {
    const custom = AgencyDirectory.fromEntries([
      { code: 'SDL', name: 'Sở Du lịch', aliases: ['Sở DL'] },
    ]);
    expect(custom.codeOf('Sở Du lịch')).toBe('SDL');
    const parsed = parseNotice(
      '2. Nhiệm vụ\na) Sở DL chủ trì xây dựng kế hoạch, hoàn thành trong tháng 3/2026.',
      { directory: custom },
    );
    expect(parsed.items[0]).toMatchObject({
      lead: ['Sở Du lịch'],
      deadline: { due: '2026-03-31' },
    });
  });

  it('returns agencies it does not know as written', () => {
    const parsed = parseNotice(
      [
        'kết luận như sau:',
        '1. Nhiệm vụ',
        'a) Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì, phối hợp với Sở XD triển khai dự án.',
        'b) UBND xã Hữu Lũng chủ trì bàn giao mặt bằng.',
        'c) Sở Du lịch chủ trì tổ chức lễ hội.',
      ].join('\n'),
    );
    expect(parsed.items.map((i) => [i.lead, i.support])).toEqual([
      [['Ban Quản lý dự án đầu tư xây dựng tỉnh'], ['Sở Xây dựng']],
      [['UBND xã Hữu Lũng'], []],
      [['Sở Du lịch'], []],
    ]);
    expect(parsed.warnings.filter((w) => w.includes('không có trong danh mục'))).toHaveLength(3);
  });
});
