import { amendmentReference } from './amendments';

describe('amendmentReference (notice lineage, issue 12)', () => {
  it('reads the item, the notice, its date and a deadline change', () => {
    expect(
      amendmentReference(
        'Điều chỉnh thời hạn thực hiện nhiệm vụ tại mục 2.g.1 Thông báo số 15/TB-UBND ngày 20/01/2026: Sở Tài chính hoàn thành chậm nhất ngày 28/02/2026.',
      ),
    ).toEqual({
      kind: 'deadline',
      itemCode: '2.g.1',
      noticeNumber: '15/TB-UBND',
      noticeDate: '2026-01-20',
      phrase: 'mục 2.g.1 Thông báo số 15/TB-UBND ngày 20/01/2026',
    });
  });

  it('"tiếp tục thực hiện" continues; "không thực hiện" and "không tiếp tục thực hiện" stop', () => {
    expect(
      amendmentReference(
        'Sở Tài chính tiếp tục thực hiện nội dung tại điểm 2.g.2 Thông báo kết luận số 15/TB-UBND.',
      ),
    ).toMatchObject({ kind: 'continue', itemCode: '2.g.2', noticeDate: null });
    expect(
      amendmentReference('Không thực hiện nội dung tại mục 2.g.5 Thông báo số 15/TB-UBND.'),
    ).toMatchObject({ kind: 'cancel', itemCode: '2.g.5' });
    expect(
      amendmentReference(
        'Không tiếp tục thực hiện nhiệm vụ tại mục 2.g.5 Thông báo số 15/TB-UBND ngày 20 tháng 01 năm 2026.',
      ),
    ).toMatchObject({ kind: 'cancel', itemCode: '2.g.5', noticeDate: '2026-01-20' });
  });

  it('reads a position written out: "gạch đầu dòng thứ hai, điểm g mục 2"', () => {
    expect(
      amendmentReference(
        'Gia hạn thời gian thực hiện nhiệm vụ tại gạch đầu dòng thứ hai, điểm g mục 2 Thông báo số 15/TB-UBND đến ngày 31/03/2026.',
      ),
    ).toMatchObject({ kind: 'deadline', itemCode: '2.g.2' });
    expect(
      amendmentReference('Sửa đổi nội dung tại điểm đ khoản 2 Thông báo số 45/TB-BCĐ như sau: …'),
    ).toMatchObject({ kind: 'replace', itemCode: '2.đ', noticeNumber: '45/TB-BCĐ' });
  });

  it('a reference without action words repeats the item: it continues', () => {
    expect(
      amendmentReference('Thực hiện nhiệm vụ tại mục 3 Thông báo số 112/TB-VPUBND.'),
    ).toMatchObject({ kind: 'continue', itemCode: '3', noticeNumber: '112/TB-VPUBND' });
  });

  it('the notice without an item is still a reference (the reviewer picks the item)', () => {
    expect(
      amendmentReference('Tiếp tục triển khai các nhiệm vụ theo Thông báo số 15/TB-UBND.'),
    ).toMatchObject({ kind: 'continue', itemCode: null, phrase: 'Thông báo số 15/TB-UBND' });
  });

  it('no earlier notice named: not an amendment, "tiếp tục" or not', () => {
    expect(amendmentReference('Tiếp tục củng cố, hỗ trợ các hợp tác xã mới thành lập.')).toBeNull();
    expect(amendmentReference('Sở Tài chính báo cáo UBND tỉnh trước ngày 22/01/2026.')).toBeNull();
  });

  it('reads NFD text and an impossible date as no date', () => {
    expect(
      amendmentReference(
        'Điều chỉnh thời hạn tại mục 2.g.1 Thông báo số 15/TB-UBND ngày 31/02/2026.'.normalize(
          'NFD',
        ),
      ),
    ).toMatchObject({ kind: 'deadline', itemCode: '2.g.1', noticeDate: null });
  });
});
