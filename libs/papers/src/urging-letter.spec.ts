import type { ItemRecord } from '../../persistence/src';
import { headOf, urgingLetter } from './urging-letter';

describe('headOf', () => {
  it.each([
    ['Sở Tài chính', 'Giám đốc Sở Tài chính'],
    ['Công an tỉnh', 'Giám đốc Công an tỉnh'],
    ['Ban Quản lý Khu kinh tế', 'Trưởng Ban Quản lý Khu kinh tế'],
    ['Ủy ban nhân dân xã Tân Lập', 'Chủ tịch Ủy ban nhân dân xã Tân Lập'],
    ['Văn phòng UBND tỉnh', 'Chánh Văn phòng UBND tỉnh'],
    ['Thanh tra tỉnh', 'Chánh Thanh tra tỉnh'],
    ['Bộ Chỉ huy Quân sự tỉnh', 'Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh'],
    ['Sởi', 'Thủ trưởng Sởi'],
    ['Trường Cao đẳng Y tế', 'Thủ trưởng Trường Cao đẳng Y tế'],
  ])('%s → %s', (name, head) => {
    expect(headOf(name)).toBe(head);
  });
});

describe('urgingLetter', () => {
  it('says when nothing was reported, and that an item not yet overdue is not done', () => {
    const letter = urgingLetter({
      item: {
        code: null,
        text: 'Rà soát danh mục dự án',
        lead: 'SXD',
        leadName: 'Sở Xây dựng',
        due: '2026-12-20',
        dueAt: '2026-12-21T00:00:00+07:00',
        status: 'open',
        overdue: false,
        daysOverdue: 0,
      } as ItemRecord,
      notice: null,
      lastProgress: null,
      reportBy: '2026-12-10',
      nowMs: Date.parse('2026-12-03T03:00:00Z'),
    });
    expect(letter.about).toBe('đôn đốc thực hiện nhiệm vụ');
    expect(letter.issuer).toEqual(['BAN CHỈ ĐẠO']);
    const json = JSON.stringify(letter.body);
    expect(json).toContain('Ban Chỉ đạo giao Sở Xây dựng chủ trì thực hiện nhiệm vụ: “Rà soát');
    expect(json).toContain('Đến ngày 03/12/2026, nhiệm vụ chưa hoàn thành.');
    expect(json).toContain('Sở Xây dựng chưa báo cáo tiến độ thực hiện nhiệm vụ.');
    expect(json).toContain('trước ngày 10/12/2026');
  });

  it('a returned completion report is told, not "chưa báo cáo" (issue 8 blind check)', () => {
    const letter = urgingLetter({
      item: {
        code: '7',
        text: 'Tổ chức tập huấn về chữ ký số.',
        lead: 'STP',
        leadName: 'Sở Tư pháp',
        due: '2026-11-19',
        dueAt: '2026-11-20T00:00:00+07:00',
        status: 'overdue',
        overdue: true,
        daysOverdue: 11,
      } as ItemRecord,
      notice: null,
      lastProgress: {
        at: Date.parse('2026-11-25T03:00:00Z'),
        percent: 60,
        note: 'Đã tổ chức 01 lớp.',
      },
      lastReturned: {
        submittedAt: Date.parse('2026-12-01T03:00:00Z'),
        note: 'Đã tổ chức 02 lớp tập huấn.',
        returnedAt: Date.parse('2026-12-02T03:00:00Z'),
        reason: 'Đề nghị gửi kèm danh sách học viên.',
      },
      reportBy: '2026-12-10',
      nowMs: Date.parse('2026-12-04T03:00:00Z'),
    });
    const json = JSON.stringify(letter.body);
    expect(json).toContain(
      'Ngày 01/12/2026, Sở Tư pháp đã báo cáo hoàn thành nhiệm vụ (“Đã tổ chức 02 lớp tập huấn”); ngày 02/12/2026, Văn phòng đã trả lại báo cáo (lý do: “Đề nghị gửi kèm danh sách học viên”); đến nay chưa nhận được báo cáo hoàn thành bổ sung.',
    );
    // The progress before the completion report is superseded by it.
    expect(json).not.toContain('60%');
    expect(json).not.toContain('chưa báo cáo tiến độ');
    // The item's text quoted without its own full stop before the comma.
    expect(json).toContain('“Tổ chức tập huấn về chữ ký số”, thời hạn hoàn thành 19/11/2026.');
  });
});
