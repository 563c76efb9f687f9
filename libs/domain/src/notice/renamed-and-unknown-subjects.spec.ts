import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAnotherName } from './agencies';
import defaults from './default-agencies.json';
import { parseNotice } from './parse-notice';

/** A notice as a clerk pasted it (issue 8's blind check): nine numbered directives, old names. */
const NOTICE = readFileSync(join(__dirname, 'fixtures', 'extra-district-names.txt'), 'utf8');

const warningsAbout = (warnings: readonly string[], code: string): string[] =>
  warnings.filter((w) => w.startsWith(`Mục ${code}:`));

describe('a numbered directive whose subject the directory does not know', () => {
  const got = parseNotice(NOTICE);

  it('keeps every numbered directive, in order', () => {
    expect(got.items.map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('reads the abolished districts as the communes, and says so on the row', () => {
    const three = got.items.find((i) => i.code === '3');
    expect(three).toMatchObject({
      lead: ['UBND các xã, phường'],
      support: [],
      deadline: { kind: 'recurring', frequency: 'monthly', day: 24 },
    });
    expect(warningsAbout(got.warnings, '3')).toContain(
      'Mục 3: "UBND các huyện, thành phố" được hiểu là "UBND các xã, phường"; cần kiểm tra lại.',
    );
  });

  it('keeps an item with no agency it can name, without a lead and with a warning', () => {
    const seven = got.items.find((i) => i.code === '7');
    expect(seven).toMatchObject({ lead: [], support: [], deadline: { kind: 'recurring' } });
    expect(warningsAbout(got.warnings, '7')).toContain(
      'Mục 7: chưa xác định cơ quan chủ trì; cần giao trước khi xác nhận.',
    );
  });

  it('keeps one with no deadline either', () => {
    const notice = parseNotice(
      NOTICE.replace(
        '7. Các phòng chuyên môn định kỳ 6 tháng báo cáo kết quả về Sở Nội vụ.',
        '7. Các phòng chuyên môn tăng cường kiểm tra việc niêm yết thủ tục hành chính tại bộ phận một cửa.',
      ),
    );
    expect(notice.items.find((i) => i.code === '7')).toMatchObject({
      lead: [],
      deadline: { kind: 'none' },
    });
  });

  it('still takes findings for findings, not for directives', () => {
    const notice = parseNotice(
      NOTICE.replace(
        '7. Các phòng chuyên môn định kỳ 6 tháng báo cáo kết quả về Sở Nội vụ.',
        '7. Một số cơ quan, đơn vị chưa chủ động triển khai, việc số hóa hồ sơ còn chậm.',
      ).replace(
        '5. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện các nhiệm vụ tại Thông báo này.',
        '5. Các sở, ngành đã cơ bản hoàn thành việc rà soát thủ tục hành chính năm 2025.',
      ),
    );
    expect(notice.items.map((i) => i.code)).toEqual(['1', '2', '3', '4', '6', '8', '9']);
  });
});

describe('an agency named by a merged or former name', () => {
  const got = parseNotice(NOTICE);

  it('warns on the row where it co-ordinates', () => {
    expect(got.items.find((i) => i.code === '1')?.support).toEqual(['UBND các xã, phường']);
    expect(warningsAbout(got.warnings, '1')).toContain(
      'Mục 1: "UBND các huyện" được hiểu là "UBND các xã, phường"; cần kiểm tra lại.',
    );
  });

  it('warns for a former department, not for its own name or abbreviation', () => {
    const notice = parseNotice(
      NOTICE.replace('2. Sở Tài chính chủ trì', '2. Sở Kế hoạch và Đầu tư chủ trì').replace(
        '6. Sở Y tế chủ trì',
        '6. Sở YT chủ trì',
      ),
    );
    expect(warningsAbout(notice.warnings, '2')).toContain(
      'Mục 2: "Sở Kế hoạch và Đầu tư" được hiểu là "Sở Tài chính"; cần kiểm tra lại.',
    );
    expect(notice.warnings.filter((w) => w.includes('được hiểu là'))).toHaveLength(3);
  });

  it('tells, among the default aliases, exactly the former names from the spellings', () => {
    const former = defaults.agencies.flatMap((a) =>
      a.aliases.filter((alias) => isAnotherName(alias, a.name)),
    );
    expect(former).toEqual([
      'Sở Lao động - Thương binh và Xã hội',
      'Sở LĐ-TB&XH',
      'Sở Kế hoạch và Đầu tư',
      'Sở KH&ĐT',
      'Sở Giao thông vận tải',
      'Sở GTVT',
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở NN&PTNT',
      'Sở Tài nguyên và Môi trường',
      'Sở TN&MT',
      'Sở Thông tin và Truyền thông',
      'Sở TT&TT',
      'Ban Dân tộc tỉnh',
    ]);
  });

  it.each([
    ['các xã, phường', 'UBND các xã, phường'],
    ['UBND các xã có liên quan', 'UBND các xã, phường'],
    ['Ủy ban nhân dân cấp xã', 'UBND các xã, phường'],
    ['Sở Tài chính tỉnh Lạng Sơn', 'Sở Tài chính'],
    ['Bộ CHQS tỉnh', 'Bộ Chỉ huy Quân sự tỉnh'],
  ])('"%s" is "%s" by its own words', (phrase, name) => {
    expect(isAnotherName(phrase, name)).toBe(false);
  });
});
