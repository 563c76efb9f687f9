import { asOfLine, filtersLine } from './sheet-captions';

describe('asOfLine', () => {
  it('reads the instant in UTC+7', () => {
    expect(asOfLine(Date.parse('2026-12-02T17:30:00Z'))).toBe('Tính đến 00:30 ngày 03/12/2026');
  });
});

describe('filtersLine', () => {
  it('says a list without filters is every item', () => {
    expect(filtersLine({})).toBe('Tất cả nhiệm vụ');
  });

  it('names each filter in words, in a fixed order', () => {
    expect(
      filtersLine({
        notice: 'số 45/TB-BCĐ',
        lead: 'Sở Tài chính',
        status: 'submitted',
        q: 'giải ngân',
        dueFrom: '2026-10-01',
        dueTo: '2026-12-31',
      }),
    ).toBe(
      'Thông báo số 45/TB-BCĐ; cơ quan chủ trì: Sở Tài chính; trạng thái: Chờ xác nhận ' +
        'hoàn thành; có từ “giải ngân”; hạn từ 01/10/2026 đến 31/12/2026',
    );
    expect(filtersLine({ overdue: true, dueTo: '2026-12-31' })).toBe(
      'Chỉ nhiệm vụ quá hạn; hạn đến 31/12/2026',
    );
    expect(filtersLine({ ownAgency: 'Sở Y tế', support: 'Sở Xây dựng' })).toBe(
      'Nhiệm vụ do Sở Y tế chủ trì hoặc phối hợp; cơ quan phối hợp: Sở Xây dựng',
    );
  });
});
