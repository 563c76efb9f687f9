import { renderItemMail, type ItemMailData } from './item-mail';
import { recurrenceText } from './item-mail-labels';

/** The assignment mail (ADR 0024): what the lead agency and the co-ordinating agencies read. */
const dueAt = Date.parse('2026-01-22T17:00:00Z'); // 24:00+07 on Thu 22/01/2026
const itemId = '3f1c9a52-8a3b-4d7e-9a61-0d2c6b0b9e11';
const base: ItemMailData = {
  kind: 'assigned',
  itemId,
  code: '2.g.1',
  text: 'Sở Tài chính chủ trì, phối hợp các đơn vị tham mưu phương án bố trí kinh phí năm 2026.',
  noticeTitle: 'Kết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ 3',
  noticeNumber: '12/TB-BCĐ',
  noticeIssuedOn: '2026-01-05',
  leadName: 'Sở Tài chính',
  supportNames: ['Sở Xây dựng', 'Sở Nông nghiệp và Môi trường'],
  due: { date: '2026-01-22', at: dueAt },
  nowMs: Date.parse('2026-01-08T03:00:00Z'),
  workingDaysLeft: 10,
  publicBaseUrl: 'http://localhost:3000',
  linkToken: 'v1.tok',
};
const page = `http://localhost:3000/items/${itemId}`;

describe('assignment mail', () => {
  it('to the lead: "Giao nhiệm vụ" with code, text, notice number and date, deadline, co-ordinating agencies and the signed link', () => {
    const m = renderItemMail(base);
    expect(m.subject).toBe(
      '[Đôn Đốc] Giao nhiệm vụ: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ (hạn 22/01/2026)',
    );
    for (const body of [m.text, m.html]) {
      expect(body).toContain('Kính gửi: Sở Tài chính');
      expect(body).toContain('Sở Tài chính được giao chủ trì thực hiện nhiệm vụ dưới đây');
      expect(body).toContain('2.g.1');
      expect(body).toContain('tham mưu phương án bố trí kinh phí năm 2026');
      expect(body).toContain(
        'Kết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ 3 (số 12/TB-BCĐ, ngày 05/01/2026)',
      );
      expect(body).toContain('Sở Xây dựng; Sở Nông nghiệp và Môi trường');
      expect(body).toContain('ngày 22/01/2026');
      expect(body).toContain('còn 10 ngày làm việc');
      expect(body).toContain(`${page}?t=v1.tok`);
      expect(body).toContain('Báo cáo tiến độ');
      expect(body).toContain('đề nghị gia hạn');
      expect(body).not.toContain('/api');
    }
    expect(m.text).toContain('- Cơ quan phối hợp: Sở Xây dựng; Sở Nông nghiệp và Môi trường');
    expect(m.text).toContain('- Thời hạn: ngày 22/01/2026');
  });

  it('a deadline read from "trước ngày X" quotes the notice, so the day before X is not a surprise', () => {
    const strict = renderItemMail({ ...base, deadlinePhrase: 'hoàn thành trước ngày 23/01/2026' });
    for (const body of [strict.text, strict.html]) {
      expect(body).toContain('ngày 22/01/2026 (Thông báo ghi “trước ngày 23/01/2026”)');
    }
    // A phrase that names the due date itself needs no word.
    const plain = renderItemMail({ ...base, deadlinePhrase: 'chậm nhất ngày 22/01/2026' });
    expect(plain.text).not.toContain('Thông báo ghi');
  });

  it('an item without a deadline says so, and that no reminder will come', () => {
    const m = renderItemMail({ ...base, due: null, workingDaysLeft: null, supportNames: [] });
    expect(m.subject).toBe('[Đôn Đốc] Giao nhiệm vụ: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ');
    expect(m.text).toContain('- Thời hạn: Không có hạn');
    expect(m.text).toContain('không gửi thư nhắc hạn');
    expect(m.text).not.toContain('Cơ quan phối hợp');
    expect(m.text).not.toContain('Tình trạng');
  });

  it('a recurring item names its recurrence and its first period', () => {
    const m = renderItemMail({ ...base, recurrence: { frequency: 'monthly', day: 22 } });
    expect(m.text).toContain(
      '- Thời hạn: Định kỳ hằng tháng, ngày 22; kỳ đầu tiên: ngày 22/01/2026',
    );
  });

  it.each([
    [{ frequency: 'monthly', day: 25 }, 'hằng tháng, ngày 25'],
    [{ frequency: 'monthly' }, 'hằng tháng, ngày cuối tháng'],
    [{ frequency: 'quarterly', day: 20 }, 'hằng quý, ngày 20 của tháng cuối quý'],
    [{ frequency: 'quarterly' }, 'hằng quý, ngày cuối quý'],
    [{ frequency: 'yearly', day: 31, months: [3] }, 'hằng năm, tháng 3, ngày 31'],
    [{ frequency: 'monthly', day: 25, months: [6, 12] }, 'hằng tháng, tháng 6, 12, ngày 25'],
    [{ frequency: 'weekly', day: 5 }, 'hằng tuần, thứ Sáu'],
    [{ frequency: 'weekly', day: 1 }, 'hằng tuần, thứ Hai'],
  ] as const)('recurrence %j reads "%s"', (r, text) => {
    expect(recurrenceText(r)).toBe(text);
  });

  it('the copy to the co-ordinating agencies: informational, the lead named, a plain link (no token)', () => {
    const m = renderItemMail({ ...base, kind: 'assigned_copy', linkToken: null });
    expect(m.subject).toBe(
      '[Đôn Đốc] Giao nhiệm vụ (phối hợp): Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ (hạn 22/01/2026)',
    );
    for (const body of [m.text, m.html]) {
      // Each co-ordinating agency gets a mail of its own: addressed to one, not to "các cơ quan".
      expect(body).toContain('Kính gửi: Quý cơ quan phối hợp thực hiện nhiệm vụ,');
      expect(body).not.toContain('Các cơ quan');
      expect(body).toContain('Sở Tài chính được giao chủ trì');
      expect(body).toContain('Quý cơ quan được giao phối hợp');
      expect(body).toContain(page);
      expect(body).not.toContain('?t=');
      expect(body).not.toContain('Báo cáo hoàn thành kèm kết quả');
    }
  });

  it('a notice with a number and a date but no title', () => {
    const m = renderItemMail({ ...base, noticeTitle: null });
    expect(m.text).toContain('- Thông báo kết luận: Thông báo số 12/TB-BCĐ ngày 05/01/2026');
  });

  it('an item entered without a notice does not claim one, to the lead nor in the copy', () => {
    for (const kind of ['assigned', 'assigned_copy'] as const) {
      const m = renderItemMail({
        ...base,
        kind,
        noticeTitle: null,
        noticeNumber: null,
        noticeIssuedOn: null,
      });
      expect(m.text).toContain('Theo chỉ đạo của Ban Chỉ đạo, Sở Tài chính được giao chủ trì');
      expect(m.text).not.toContain('Thông báo kết luận');
    }
    expect(renderItemMail(base).text).toContain(
      'Theo Thông báo kết luận của Ban Chỉ đạo, Sở Tài chính được giao chủ trì',
    );
  });
});
