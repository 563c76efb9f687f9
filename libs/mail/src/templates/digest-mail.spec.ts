import { endOfDay } from '../../../domain/src';
import type { AgencyDigest, HeadDigest, SecretariatDigest } from '../../../papers/src';
import type { ItemRecord } from '../../../persistence/src';
import { renderAgencyDigest, renderHeadDigest, renderSecretariatDigest } from './digest-mail';

const BASE = 'https://dondoc.example.vn';
const item = (id: string, due: string, over: Partial<ItemRecord> = {}): ItemRecord =>
  ({
    id,
    code: '2.a',
    text: 'Sở Tài chính tổng hợp tình hình giải ngân vốn đầu tư công',
    lead: 'STC',
    leadName: 'Sở Tài chính',
    dueAt: new Date(endOfDay(due)).toISOString(),
    status: 'open',
    overdue: false,
    daysOverdue: 0,
    ...over,
  }) as ItemRecord;

describe('renderSecretariatDigest', () => {
  it('says in the subject what needs the office today, and lists each item with its page', () => {
    const late = item('a1', '2026-12-04', { overdue: true, daysOverdue: 1 });
    const d: SecretariatDigest = {
      date: '2026-12-07',
      dueToday: [item('a2', '2026-12-07')],
      dueThisWeek: [],
      becameOverdue: [late],
      submitted: [item('a3', '2026-12-10', { status: 'submitted' })],
      extensionRequests: [],
    };
    const mail = renderSecretariatDigest(d, BASE);
    expect(mail.subject).toBe(
      '[Đôn Đốc] Tổng hợp ngày 07/12/2026: 1 đến hạn hôm nay, 1 mới quá hạn, 1 chờ Văn phòng xử lý',
    );
    expect(mail.text).toContain('Mới quá hạn (kể cả nhiệm vụ mới nhập đã quá hạn) (1):');
    // Addressed as the item mails address the secretariat.
    expect(mail.text.startsWith('Kính gửi: Văn phòng UBND tỉnh,')).toBe(true);
    expect(mail.text).toContain(
      'Nhiệm vụ 2.a: Sở Tài chính tổng hợp tình hình giải ngân vốn đầu tư công · Sở Tài chính · hạn 04/12/2026 · quá hạn 1 ngày làm việc — Xem nhiệm vụ: https://dondoc.example.vn/items/a1',
    );
    expect(mail.text).not.toContain('Đến hạn trong tuần này');
    expect(mail.html).toContain('<a href="https://dondoc.example.vn/items/a3">Xem nhiệm vụ</a>');
  });
});

describe('renderHeadDigest', () => {
  it('gives the figures, the late agencies and the attachment', () => {
    const totals = {
      total: 10,
      open: 5,
      overdue: 3,
      submitted: 0,
      completed: 2,
      completedOnTime: 1,
      completedLate: 1,
      completedAfterOriginalDue: 1,
      cancelled: 0,
      completionRate: 0.2,
      onTimeRate: 0.5,
    };
    const d: HeadDigest = {
      date: '2026-12-07',
      totals,
      agencies: [{ ...totals, code: 'SYT', name: 'Sở Y tế', overdue: 3 }],
      mostOverdue: [item('b1', '2026-09-30', { overdue: true, daysOverdue: 46 })],
    };
    const mail = renderHeadDigest(d, BASE, 'nhiem-vu-qua-han-2026-12-07.xlsx');
    expect(mail.subject).toBe(
      '[Đôn Đốc] Báo cáo tuần 07/12/2026: 3 nhiệm vụ quá hạn, tỷ lệ hoàn thành 20%',
    );
    expect(mail.text).toContain('- Đã hoàn thành: 2 (đúng hạn 1, trễ hạn 1)');
    expect(mail.text).toContain('- Chờ xác nhận hoàn thành: 0');
    expect(mail.text).not.toContain('Đã hủy');
    expect(mail.text).toContain('  • Sở Y tế: 3');
    // A cancelled item is named, so that the parts add up to the total (issue 8 blind check).
    const withCancelled = renderHeadDigest(
      { ...d, totals: { ...totals, total: 11, cancelled: 1 } },
      BASE,
      null,
    );
    expect(withCancelled.text).toContain('- Tổng số nhiệm vụ: 11');
    expect(withCancelled.text).toContain('- Đã hủy (không tính vào tỷ lệ): 1');
    expect(mail.text).toContain('quá hạn 46 ngày làm việc');
    expect(mail.text).toContain('tệp nhiem-vu-qua-han-2026-12-07.xlsx');
  });
});

describe('renderAgencyDigest', () => {
  const link = (i: ItemRecord) => `${BASE}/items/${i.id}?t=signed-${i.id}`;
  const d: AgencyDigest = {
    date: '2026-12-07',
    code: 'STC',
    name: 'Sở Tài chính',
    items: [
      item('c1', '2026-11-30', { overdue: true, daysOverdue: 5 }),
      item('c2', '2026-12-20', { code: '3', noticeNumber: '45/TB-BCĐ' }),
    ],
    overdue: 1,
    submitted: [],
  };

  it("lists the agency's items to do, each with its signed link, without repeating its name", () => {
    const mail = renderAgencyDigest(d, link);
    expect(mail.subject).toBe(
      '[Đôn Đốc] Nhiệm vụ của Sở Tài chính tuần 07/12/2026: 2 cần thực hiện, trong đó 1 quá hạn',
    );
    expect(mail.text).toContain(
      'cơ quan đang chủ trì 2 nhiệm vụ cần thực hiện, trong đó 1 nhiệm vụ đã quá hạn.',
    );
    // A code alone ("3") reads as the item's number, not as a count; its notice says which.
    expect(mail.text).toContain(
      '  • Nhiệm vụ 3 (TB số 45/TB-BCĐ): Sở Tài chính tổng hợp tình hình giải ngân vốn đầu tư công · hạn 20/12/2026 — Mở nhiệm vụ: https://dondoc.example.vn/items/c2?t=signed-c2',
    );
    expect(mail.html).toContain(
      '<a href="https://dondoc.example.vn/items/c2?t=signed-c2">Mở nhiệm vụ</a>',
    );
    expect(mail.text).toContain('không cần đăng nhập');
    expect(mail.text).not.toContain('· Sở Tài chính ·');
    expect(mail.text).not.toContain('chờ Văn phòng xác nhận');
  });

  it('gives a due date that is a day off as the web app does: the date named, then the day it runs to', () => {
    // 14/03/2027 is a Sunday: due at the end of Monday 15/03/2027.
    const sunday = item('c4', '2027-03-15', { due: '2027-03-14' });
    const mail = renderAgencyDigest({ ...d, items: [sunday], overdue: 0 }, link);
    expect(mail.text).toContain(
      'hạn 14/03/2027 (trùng ngày nghỉ, tính đến hết ngày 15/03/2027) — Mở nhiệm vụ',
    );
    const named = item('c5', '2027-03-16', { due: '2027-03-16' });
    expect(renderAgencyDigest({ ...d, items: [named], overdue: 0 }, link).text).toContain(
      'hạn 16/03/2027 — Mở nhiệm vụ',
    );
  });

  it('tells apart the items reported complete, waiting for the office: nothing to do', () => {
    const waiting = item('c3', '2026-12-01', {
      status: 'submitted',
      overdue: true,
      daysOverdue: 4,
    });
    const mail = renderAgencyDigest({ ...d, submitted: [waiting] }, link);
    expect(mail.subject).toBe(
      '[Đôn Đốc] Nhiệm vụ của Sở Tài chính tuần 07/12/2026: 2 cần thực hiện, trong đó 1 quá hạn; 1 chờ xác nhận hoàn thành',
    );
    const [todo, after] = mail.text.split('Đã báo cáo hoàn thành, chờ Văn phòng xác nhận (1):');
    expect(todo).not.toContain('items/c3');
    expect(after).toContain('items/c3?t=signed-c3');
    expect(after).toContain('không cần làm gì thêm');

    const only = renderAgencyDigest({ ...d, items: [], overdue: 0, submitted: [waiting] }, link);
    expect(only.subject).toBe(
      '[Đôn Đốc] Nhiệm vụ của Sở Tài chính tuần 07/12/2026: 0 cần thực hiện; 1 chờ xác nhận hoàn thành',
    );
    expect(only.text).toContain('cơ quan không còn nhiệm vụ nào cần thực hiện.');
    expect(only.text).not.toContain('Bấm “Mở nhiệm vụ”');
  });
});
