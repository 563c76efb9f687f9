import type { ItemRecord } from '../../persistence/src';
import { tallyByLead } from './item-sheets';
import { issuerOf, noticeReport, placeOf, type NoticeReportInput } from './notice-report';

/** The report with the counts of its items alone (no recurring item has past periods here). */
const report = (input: Omit<NoticeReportInput, 'counts'>) =>
  noticeReport({ ...input, counts: tallyByLead(input.items).at(-1)! });

describe('placeOf', () => {
  it('reads the place the notice is dated at, on its own line or after the number', () => {
    expect(
      placeOf(
        'UBND TỈNH LẠNG SƠN\nBAN CHỈ ĐẠO\nSố: 45/TB-BCĐ\nLạng Sơn, ngày 20 tháng 01 năm 2026',
      ),
    ).toBe('Lạng Sơn');
    expect(placeOf('BAN CHỈ ĐẠO\nSố: 45/TB-BCĐ      Hà Tĩnh, ngày 5 tháng 3 năm 2026')).toBe(
      'Hà Tĩnh',
    );
    // Pasted from a PDF: one space between the number and the place; decomposed diacritics.
    expect(placeOf('Số: 45/TB-BCĐ Hà Tĩnh, ngày 5 tháng 3 năm 2026'.normalize('NFD'))).toBe(
      'Hà Tĩnh',
    );
    expect(placeOf('Số: 7/TB-VP TP. Hồ Chí Minh, ngày 1 tháng 2 năm 2026')).toBe('Hồ Chí Minh');
  });

  it('is null when the notice names no place', () => {
    expect(placeOf('Số: 45/TB-BCĐ\nngày 20 tháng 01 năm 2026')).toBeNull();
    expect(placeOf('')).toBeNull();
  });
});

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

  it('keeps only the left column of a two-column header pasted from Word', () => {
    expect(
      issuerOf(
        'UBND TỈNH LẠNG SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN CHỈ ĐẠO\tĐộc lập - Tự do - Hạnh phúc\nSố: 45/TB-BCĐ\tLạng Sơn, ngày 20 tháng 01 năm 2026',
      ),
    ).toEqual(['UBND TỈNH LẠNG SƠN', 'BAN CHỈ ĐẠO']);
    expect(
      issuerOf(
        'BAN CHỈ ĐẠO TỈNH      CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n                      Độc lập - Tự do - Hạnh phúc',
      ),
    ).toEqual(['BAN CHỈ ĐẠO TỈNH']);
    // The gap collapsed to one space, as a blind check pasted it.
    expect(
      issuerOf('BAN CHỈ ĐẠO TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'),
    ).toEqual(['BAN CHỈ ĐẠO TỈNH']);
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
    const doc = report({
      notice: { number: '45/TB-BCĐ', title: null, issuedOn: '2026-09-05', text: 'BAN CHỈ ĐẠO' },
      items: [
        item({ code: '1', due: '2026-11-20', originalDue: '2026-10-15', progressPercent: 40 }),
        item({ code: '2', status: 'open', overdue: true, daysOverdue: 3 }),
        item({ code: '3', status: 'submitted' }),
      ],
      resultNotes: new Map([['3', 'Đã ban hành kế hoạch.']]),
      cancelReasons: new Map(),
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
    // One item overdue: "nhiệm vụ", not "các nhiệm vụ" (issue 8 blind check).
    expect(json).toContain('Đề nghị Sở Tài chính khẩn trương hoàn thành nhiệm vụ đã quá hạn');
    expect(doc.signer).toEqual(['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG']);
  });

  it('names a recurring deadline as the notice did, and why an item was cancelled', () => {
    const doc = report({
      notice: { number: '45/TB-BCĐ', title: null, issuedOn: '2026-09-05', text: 'BAN CHỈ ĐẠO' },
      items: [
        item({
          code: '1',
          due: '2026-12-20',
          deadline: {
            kind: 'recurring',
            frequency: 'monthly',
            day: 20,
            phrase: 'định kỳ hằng tháng, trước ngày 20 hằng tháng',
          },
        }),
        item({ code: '2', deadline: { kind: 'recurring', frequency: 'quarterly', phrase: '' } }),
        item({ code: '3', status: 'cancelled' }),
        item({ code: '4', status: 'cancelled' }),
      ],
      resultNotes: new Map(),
      cancelReasons: new Map([['3', 'Nhiệm vụ đã được giao tại Thông báo 50/TB-BCĐ.']]),
      nowMs: Date.parse('2026-12-03T03:00:00Z'),
    });
    const json = JSON.stringify(doc.body);
    // One paragraph a line in the cell: the recurrence, then this period's date.
    expect(json).toContain('"Định kỳ hằng tháng, trước ngày 20 hằng tháng"');
    expect(json).toContain('"(kỳ này: 20/12/2026)"');
    expect(json).toContain('"Định kỳ"');
    expect(json).toContain('"(kỳ này: 15/10/2026)"');
    // The number's hyphen does not break: its parts are runs of their own.
    expect(json).toContain('"Đã hủy (lý do: Nhiệm vụ đã được giao tại Thông báo "');
    expect(json).toContain('"50/TB"');
    expect(json).toMatch(/"Đã hủy"/);
  });

  it('counts as the reports page does: every period of a recurring item (issue 8 blind check)', () => {
    const items = [item({ code: '1', status: 'open' }), item({ code: '2', status: 'open' })];
    // Item 1 is monthly: two periods accepted before the one open now.
    const counts = { ...tallyByLead(items).at(-1)!, total: 4, completed: 2, completedOnTime: 1 };
    const doc = noticeReport({
      notice: { number: '45/TB-BCĐ', title: null, issuedOn: '2026-09-05', text: 'BAN CHỈ ĐẠO' },
      items,
      resultNotes: new Map(),
      cancelReasons: new Map(),
      counts: { ...counts, completedLate: 1 },
      nowMs: Date.parse('2026-12-03T03:00:00Z'),
    });
    const json = JSON.stringify(doc.body);
    expect(json).toContain(
      'Tổng số nhiệm vụ: 2 (4 lượt thực hiện, tính cả từng kỳ của nhiệm vụ định kỳ); trong đó đã hoàn thành 2 ',
    );
    expect(json).toContain('(đúng hạn 1, trễ hạn 1); ');
  });
});
