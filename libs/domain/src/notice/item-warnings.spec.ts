import { parseNotice } from './parse-notice';

const notice = (issued: string, ...lines: string[]): ReturnType<typeof parseNotice> =>
  parseNotice(['Số: 1/TB-VP', `Lạng Sơn, ${issued}`, 'THÔNG BÁO', ...lines].join('\n'));
const NO_2028 =
  'Mục 1: chưa có lịch nghỉ lễ chính thức của năm 2028: hạn được tính chỉ theo ngày nghỉ cuối tuần.';

describe('a deadline in a year without official holidays', () => {
  it.each([
    [
      'a date in 2028',
      'ngày 10 tháng 12 năm 2027',
      '1. Giao Sở Tài chính rà soát, hoàn thành chậm nhất ngày 15/01/2028.',
    ],
    [
      'working days counted into 2028',
      'ngày 20 tháng 12 năm 2027',
      '1. Giao Sở Tài chính rà soát trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này.',
    ],
    [
      'a start in 2028',
      'ngày 20 tháng 12 năm 2027',
      '1. Giao Sở Tài chính rà soát trong 10 ngày làm việc kể từ ngày 05/01/2028.',
    ],
    [
      'the year 2028',
      'ngày 20 tháng 12 năm 2027',
      '1. Giao Sở Tài chính rà soát, hoàn thành trong năm 2028.',
    ],
  ])('%s is flagged once', (_name, issued, line) => {
    const got = notice(issued, line);
    expect(got.items).toHaveLength(1);
    expect(got.warnings.filter((w) => w === NO_2028)).toHaveLength(1);
  });

  it.each([
    [
      '2026 (official)',
      'ngày 20 tháng 01 năm 2026',
      '1. Giao Sở Tài chính rà soát, hoàn thành chậm nhất ngày 15/3/2026.',
    ],
    [
      '2027 (provisional)',
      'ngày 20 tháng 01 năm 2027',
      '1. Giao Sở Tài chính rà soát, hoàn thành chậm nhất ngày 15/3/2027.',
    ],
    ['no deadline', 'ngày 20 tháng 01 năm 2028', '1. Giao Sở Tài chính thực hiện thường xuyên.'],
  ])('%s is not', (_name, issued, line) => {
    expect(notice(issued, line).warnings.join('\n')).not.toMatch(/lịch nghỉ lễ/u);
  });
});

describe('a due date on a day off moves into a year without official holidays', () => {
  const note = (year: number) =>
    `Mục 1: chưa có lịch nghỉ lễ chính thức của năm ${year}: hạn được tính chỉ theo ngày nghỉ cuối tuần.`;
  it.each([
    ['the year 2028 (Sunday 31/12)', '1. Sở Xây dựng hoàn thành đầu tư hạ tầng trong năm 2028.'],
    ['Saturday 30/12/2028', '1. Giao Sở Tài chính rà soát, hoàn thành chậm nhất ngày 30/12/2028.'],
  ])('%s: the legal due date is in 2029, so 2029 is flagged too', (_name, line) => {
    const got = notice('ngày 14 tháng 4 năm 2026', line);
    expect(got.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/theo luật hạn chuyển sang hết ngày 01\/01\/2029/u),
        note(2028),
        note(2029),
      ]),
    );
  });

  it('a due date moved within its year flags that year once', () => {
    const got = notice(
      'ngày 14 tháng 4 năm 2026',
      '1. Giao Sở Tài chính rà soát chậm nhất ngày 16/12/2028.',
    );
    expect(got.warnings.filter((w) => w.includes('lịch nghỉ lễ'))).toEqual([note(2028)]);
  });
});

describe('blind check: notes that must not contradict each other', () => {
  it('"trước ngày 15/3" on a Sunday: one note, the 14th a day off, due at the end of the 16th', () => {
    const parsed = notice(
      'ngày 05 tháng 01 năm 2026',
      '1. Sở Tài chính rà soát các khoản chi, hoàn thành trước ngày 15/3/2026.',
    );
    expect(parsed.items[0]?.deadline).toMatchObject({ kind: 'date', due: '2026-03-14' });
    expect(parsed.warnings.filter((w) => w.startsWith('Mục 1:'))).toEqual([
      'Mục 1: "trước" hiểu là hết ngày 14/03/2026, là ngày nghỉ; theo luật hạn chuyển sang hết ngày làm việc kế tiếp, 16/03/2026.',
    ]);
  });

  it('"trước ngày 15/4" on a working day keeps its one note', () => {
    const parsed = notice(
      'ngày 05 tháng 01 năm 2026',
      '1. Sở Tài chính rà soát các khoản chi, hoàn thành trước ngày 15/4/2026.',
    );
    expect(parsed.warnings).toEqual(['Mục 1: "trước" hiểu là hết ngày 14/04/2026.']);
  });

  it('a co-ordinating agency that is the lead is kept as lead only, and the reader is told', () => {
    const parsed = notice(
      'ngày 05 tháng 01 năm 2026',
      '1. Sở Tài chính chủ trì, phối hợp với Sở Tài chính và Sở Y tế rà soát các khoản chi, hoàn thành chậm nhất ngày 20/3/2026.',
    );
    expect(parsed.items[0]).toMatchObject({ lead: ['Sở Tài chính'], support: ['Sở Y tế'] });
    expect(parsed.warnings).toContain(
      'Mục 1: "Sở Tài chính" vừa chủ trì vừa được nêu là cơ quan phối hợp; chỉ giữ vai trò chủ trì.',
    );
  });

  it('a lead the directory lacks: the note names it and says to choose one; a co-ordinator only named', () => {
    const parsed = notice(
      'ngày 05 tháng 01 năm 2026',
      '1. Văn phòng Ban Chỉ đạo chủ trì, phối hợp với Sở Tài chính tổng hợp báo cáo, hoàn thành chậm nhất ngày 30/01/2026.',
    );
    expect(parsed.items[0]?.lead).toEqual(['Văn phòng Ban Chỉ đạo']);
    expect(parsed.warnings).toEqual([
      'Mục 1: "Văn phòng Ban Chỉ đạo" không có trong danh mục cơ quan; hãy chọn cơ quan chủ trì trong danh mục.',
    ]);
  });
});

describe('a group of agencies opening the lead', () => {
  const GROUP =
    'Mục 1: "Các sở, ban, ngành" là nhiều cơ quan, không có trong danh mục nên chưa được giao; chỉ giao cho UBND các xã, phường. Một nhiệm vụ có một cơ quan chủ trì: để giao cả các cơ quan này, hãy thêm nhiệm vụ cho từng cơ quan (nút “Thêm nhiệm vụ”).';

  it('beside a named agency is said, not silently dropped (issue 8 blind check)', () => {
    const got = notice(
      'ngày 20 tháng 11 năm 2026',
      '1. Các sở, ban, ngành và UBND các huyện, thành phố rà soát, báo cáo kết quả, hoàn thành trước ngày 20/12/2026.',
    );
    expect(got.items[0]!.lead).toEqual(['UBND các xã, phường']);
    expect(got.warnings).toContain(GROUP);
  });

  it('"Giao các sở, ngành, UBND các huyện …" after a lead-in too', () => {
    const got = notice(
      'ngày 20 tháng 11 năm 2026',
      '1. Giao các sở, ngành, UBND các huyện rà soát, hoàn thành chậm nhất ngày 22/12/2026.',
    );
    expect(got.items[0]!.lead).toEqual(['UBND các xã, phường']);
    expect(got.warnings.some((w) => w.includes('"các sở, ngành" là nhiều cơ quan'))).toBe(true);
  });

  it('is not said of the agencies "liên quan" after the lead, nor of a lead named alone', () => {
    for (const line of [
      '1. Sở Tài chính và các cơ quan liên quan rà soát, hoàn thành chậm nhất ngày 22/12/2026.',
      '1. Giao các cơ quan liên quan và Sở Tài chính rà soát, hoàn thành chậm nhất ngày 22/12/2026.',
      '1. Giao Sở Tài chính rà soát, hoàn thành chậm nhất ngày 22/12/2026.',
    ]) {
      const got = notice('ngày 20 tháng 11 năm 2026', line);
      expect(got.items[0]!.lead).toEqual(['Sở Tài chính']);
      expect(got.warnings.filter((w) => w.includes('là nhiều cơ quan'))).toEqual([]);
    }
  });
});
