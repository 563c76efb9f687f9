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

describe('header, in the styles a blind check used (issue 8)', () => {
  const notice = (title: string, opening: string) =>
    parseNotice(
      [
        'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG',
        'BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ',
        'Số: 05/TB-BCĐ',
        'Cao Bằng, ngày 14 tháng 02 năm 2027',
        'THÔNG BÁO',
        title,
        opening,
        '1. Sở Tài chính chủ trì rà soát, hoàn thành trước ngày 30/3/2027.',
      ].join('\n'),
    ).notice;

  it.each([
    [
      'a summary under "THÔNG BÁO" that starts "Về việc"',
      'Về việc thực hiện kết luận cuộc họp Ban Chỉ đạo ngày 11/02/2027',
      'Ngày 11/02/2027, đồng chí Nguyễn Văn An, Trưởng Ban Chỉ đạo chủ trì cuộc họp.',
    ],
    [
      'a summary that starts "Kết quả"',
      'Kết quả cuộc họp Ban Chỉ đạo chuyển đổi số tỉnh',
      'Chiều ngày 11/02/2027, Ban Chỉ đạo họp dưới sự chủ trì của đồng chí Nguyễn Văn An, Trưởng Ban Chỉ đạo.',
    ],
    [
      'an opening "Vừa qua, ngày …"',
      'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp Ban Chỉ đạo',
      'Vừa qua, ngày 11/02/2027, Ban Chỉ đạo tổ chức cuộc họp dưới sự chủ trì của đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo.',
    ],
  ])(
    '%s: its summary, the meeting day (not the day of issue) and the chair',
    (_, title, opening) => {
      expect(notice(title, opening)).toEqual({
        title,
        number: '05/TB-BCĐ',
        issuedOn: '2027-02-14',
        meetingDate: '2027-02-11',
        chair: 'Nguyễn Văn An',
      });
    },
  );

  it('ends the summary at an opening that ends in a colon, however it begins', () => {
    expect(
      notice(
        'Kết luận của đồng chí Trần Văn B tại buổi làm việc với Sở Xây dựng',
        'Đồng chí Trần Văn B đã nghe báo cáo và kết luận như sau:',
      ).title,
    ).toBe('Kết luận của đồng chí Trần Văn B tại buổi làm việc với Sở Xây dựng');
  });

  it('ends the summary at an opening "Tại cuộc họp, …"', () => {
    expect(
      notice(
        'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp ngày 11/02/2027',
        'Tại cuộc họp, sau khi nghe báo cáo, đồng chí Nguyễn Văn An, Trưởng Ban Chỉ đạo kết luận như sau:',
      ),
    ).toMatchObject({
      title: 'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp ngày 11/02/2027',
      meetingDate: '2027-02-11',
      chair: 'Nguyễn Văn An',
    });
  });
});

describe('a place-and-date line under the summary (issue 8 blind check 3)', () => {
  it('ends the summary; the date is the date of issue', () => {
    expect(
      parseNotice(
        [
          'THÔNG BÁO',
          'Kết luận của đồng chí Nguyễn Văn A về chế độ báo cáo dịch bệnh',
          'Lạng Sơn, ngày 20 tháng 11 năm 2026',
          'Ngày 20/11/2026, đồng chí Nguyễn Văn A chủ trì cuộc họp, kết luận như sau:',
          '1. Sở Y tế tổng hợp tình hình dịch bệnh trên địa bàn, báo cáo UBND tỉnh trong tháng 12/2026.',
        ].join('\n'),
      ).notice,
    ).toMatchObject({
      title: 'Kết luận của đồng chí Nguyễn Văn A về chế độ báo cáo dịch bệnh',
      issuedOn: '2026-11-20',
      meetingDate: '2026-11-20',
    });
  });

  it('a title line naming an office then a date is no place-and-date line', () => {
    expect(
      parseNotice(
        [
          'Số: 05/TB-BCĐ',
          'Cao Bằng, ngày 14 tháng 02 năm 2027',
          'THÔNG BÁO',
          'Kết luận của đồng chí Nguyễn Văn An,',
          'Phó Chủ tịch UBND tỉnh tại cuộc họp ngày 11/02/2027',
          'Tại cuộc họp, đồng chí kết luận như sau:',
          '1. Sở Tài chính chủ trì rà soát, hoàn thành trước ngày 30/3/2027.',
        ].join('\n'),
      ).notice,
    ).toMatchObject({
      issuedOn: '2027-02-14',
      title:
        'Kết luận của đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh tại cuộc họp ngày 11/02/2027',
    });
  });
});

describe('"THÔNG BÁO KẾT LUẬN" over a summary in lower case, a chair named by office (issue 11 blind check)', () => {
  it('reads the summary with its heading and the chair by office', () => {
    expect(
      parseNotice(
        [
          'BAN CHỈ ĐẠO PHÁT TRIỂN KINH TẾ - XÃ HỘI TỈNH BÌNH MINH',
          'Số: 98/TB-BCĐ',
          '                                        Bình Minh, ngày 16 tháng 10 năm 2026',
          '',
          'THÔNG BÁO KẾT LUẬN',
          'của Trưởng Ban Chỉ đạo về công tác cải cách hành chính quý III năm 2026',
          '',
          'Ngày 14/10/2026, Trưởng Ban Chỉ đạo chủ trì họp về công tác cải cách hành chính. Trưởng Ban Chỉ đạo kết luận như sau:',
          '',
          '1. Sở Nội vụ chủ trì rà soát danh mục vị trí việc làm, hoàn thành trước ngày 15/11/2026.',
        ].join('\n'),
      ).notice,
    ).toEqual({
      title: 'Kết luận của Trưởng Ban Chỉ đạo về công tác cải cách hành chính quý III năm 2026',
      number: '98/TB-BCĐ',
      issuedOn: '2026-10-16',
      meetingDate: '2026-10-14',
      chair: 'Trưởng Ban Chỉ đạo',
    });
  });
});
