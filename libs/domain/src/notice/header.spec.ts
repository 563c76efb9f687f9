import { parseNotice } from './parse-notice';

describe('header', () => {
  it.each([
    [
      'Ngày 15/01/2026, đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp.',
      '2026-01-15',
      'Đoàn Thanh Sơn',
    ],
    [
      'Chiều 25/11/2026, tại trụ sở UBND tỉnh, đồng chí Trần Thị Bình chủ trì.',
      '2026-11-25',
      'Trần Thị Bình',
    ],
    [
      'Sáng ngày 10 tháng 02 năm 2027, đồng chí Hồ Tiến Thiệu chủ trì Hội nghị.',
      '2027-02-10',
      'Hồ Tiến Thiệu',
    ],
    [
      'Ngày 15 tháng 12 năm 2026, UBND tỉnh tổ chức phiên họp do đồng chí Phó Chủ tịch UBND tỉnh Lương Trọng Quỳnh chủ trì.',
      '2026-12-15',
      'Lương Trọng Quỳnh',
    ],
  ])('%s', (opening, meetingDate, chair) => {
    const got = parseNotice(
      [
        'UBND TỈNH LẠNG SƠN',
        'VĂN PHÒNG',
        'Số: 25 /TB-VP',
        'Lạng Sơn, ngày 20 tháng 01 năm 2026',
        'THÔNG BÁO',
        'Kết luận của Phó Chủ tịch UBND tỉnh',
        'tại cuộc họp về cải cách hành chính',
        opening,
        '1. Sở Tài chính chủ trì rà soát.',
      ].join('\n'),
    );
    expect(got.notice).toEqual({
      title: 'Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về cải cách hành chính',
      number: '25/TB-VP',
      issuedOn: '2026-01-20',
      meetingDate,
      chair,
    });
  });
});
