import type { ItemRecord } from '../../persistence/src';
import { issuerOf, noticeReport } from './notice-report';

describe('issuerOf', () => {
  it("takes the notice's first lines in capitals, before its number or the national name", () => {
    expect(issuerOf('UBND TỈNH LẠNG SƠN\nBAN CHỈ ĐẠO\nSố: 45/TB-BCĐ\nTHÔNG BÁO')).toEqual([
      'UBND TỈNH LẠNG SƠN',
      'BAN CHỈ ĐẠO',
    ]);
    expect(
      issuerOf('  ỦY BAN NHÂN DÂN\n  TỈNH QUẢNG NINH \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
    ).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NINH']);
    expect(issuerOf('Kết luận của đồng chí Chủ tịch')).toEqual(['BAN CHỈ ĐẠO']);
  });
});

describe('noticeReport', () => {
  const item = (over: Partial<ItemRecord>): ItemRecord =>
    ({
      id: over.code ?? 'x',
      code: null,
      text: 'Nhiệm vụ',
      lead: 'STC',
      leadName: 'Sở Tài chính',
      due: '2026-10-15',
      dueAt: '2026-10-16T00:00:00+07:00',
      originalDue: null,
      originalDueAt: null,
      status: 'open',
      overdue: false,
      daysOverdue: 0,
      completedLate: null,
      progressPercent: null,
      closedAt: null,
      supportNames: [],
      ...over,
    }) as ItemRecord;

  it('says how each item stands; an extended one shows both deadlines', () => {
    const doc = noticeReport({
      notice: { number: '45/TB-BCĐ', title: null, issuedOn: '2026-09-05', text: 'BAN CHỈ ĐẠO' },
      items: [
        item({ code: '1', due: '2026-11-20', originalDue: '2026-10-15', progressPercent: 40 }),
        item({ code: '2', status: 'open', overdue: true, daysOverdue: 3 }),
        item({ code: '3', status: 'submitted' }),
      ],
      resultNotes: new Map([['3', 'Đã ban hành kế hoạch.']]),
      nowMs: Date.parse('2026-12-03T03:00:00Z'),
    });
    expect(doc.numberLine).toBe('Số:        /BC-BCĐ');
    expect(doc.about).toBe('Tình hình thực hiện Thông báo kết luận số 45/TB-BCĐ ngày 05/09/2026');
    const json = JSON.stringify(doc.body);
    expect(json).toContain('20/11/2026');
    expect(json).toContain('(gia hạn từ 15/10/2026)');
    expect(json).toContain('Đang thực hiện, trong hạn; tiến độ 40%');
    expect(json).toContain('Quá hạn 3 ngày làm việc');
    expect(json).toContain('Đã báo cáo hoàn thành, chờ xác nhận');
    expect(json).toContain('Kết quả: Đã ban hành kế hoạch.');
    expect(json).toContain('Đề nghị Sở Tài chính khẩn trương hoàn thành');
  });
});
