import { remainingLabel, renderItemMail, type ItemMailData } from './item-mail';

/** 2026-01-22 is a Thursday; the deadline ends at 24:00+07 that day = 2026-01-22T17:00Z. */
const dueAt = Date.parse('2026-01-22T17:00:00Z');
const base: ItemMailData = {
  kind: 'reminder',
  itemId: '3f1c9a52-8a3b-4d7e-9a61-0d2c6b0b9e11',
  code: '2.g.1',
  text: 'Sở Tài chính chủ trì, phối hợp các đơn vị tham mưu phương án bố trí kinh phí <năm 2026> & báo cáo UBND tỉnh.',
  noticeTitle: 'Kết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ 3',
  noticeNumber: '12/TB-BCĐ',
  leadName: 'Sở Tài chính',
  due: { date: '2026-01-22', at: dueAt },
  nowMs: Date.parse('2026-01-19T01:00:00Z'), // Mon 19/01 08:00+07
  workingDaysLeft: 3,
  publicBaseUrl: 'http://localhost:3000/',
};
const url = `http://localhost:3000/items/${base.itemId}`;

describe('renderItemMail', () => {
  it('reminder: names item, notice, due date, working days left and what to do', () => {
    const m = renderItemMail(base);
    expect(m.subject).toBe(
      '[Đôn Đốc] Nhắc hạn: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ — còn 3 ngày làm việc (hạn 22/01/2026)',
    );
    for (const body of [m.text, m.html]) {
      expect(body).toContain('Kính gửi: Sở Tài chính');
      expect(body).toContain('Kết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ 3 (số 12/TB-BCĐ)');
      expect(body).toContain('ngày 22/01/2026');
      expect(body).toContain('còn 3 ngày làm việc');
      expect(body).toContain(url);
      expect(body).not.toContain('/api');
      expect(body).toContain('Báo cáo tiến độ');
      expect(body).toContain('Báo cáo hoàn thành');
      expect(body).toContain('đề nghị gia hạn');
    }
    expect(m.text).toContain('<năm 2026> & báo cáo');
  });

  it('links the item page with the signed token for the lead agency, and in HTML as a link', () => {
    const token = 'v1.eyJpIjoieCJ9.abc_DEF-123';
    const m = renderItemMail({ ...base, linkToken: token });
    for (const body of [m.text, m.html]) {
      expect(body).toContain(`${url}?t=${token}`);
      expect(body).toContain('không cần đăng nhập');
      expect(body).not.toContain('/api');
    }
    // A button to tap, its long signed address below to copy, wrapped rather than widen the mail.
    expect(m.html).toMatch(
      new RegExp(
        `<a href="${url}\\?t=${token}" style="display:inline-block;[^"]*">Xem và xử lý nhiệm vụ</a>`,
      ),
    );
    expect(m.html).toContain(
      `<span style="word-break:break-all;overflow-wrap:anywhere">${url}?t=${token}</span>`,
    );
    expect(m.text).toContain(`Xem và xử lý nhiệm vụ: ${url}?t=${token}\n`);
    // Without a token (escalations), the plain page, which asks for a login.
    const e = renderItemMail({ ...base, kind: 'escalation', level: 1 });
    expect(e.text).toContain(`Chi tiết và lịch sử xử lý: ${url}\n`);
    expect(e.text).not.toContain('?t=');
  });

  it('offers no extension for an item without a deadline (nothing to extend)', () => {
    const m = renderItemMail({ ...base, kind: 'assigned', due: null });
    for (const body of [m.text, m.html]) {
      expect(body).toContain('Báo cáo hoàn thành kèm kết quả.');
      expect(body).not.toContain('gia hạn');
    }
  });

  it('escapes HTML in every user-supplied field', () => {
    const m = renderItemMail({ ...base, kind: 'returned', reason: '<script>alert("x")</script>' });
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(m.html).toContain('&lt;năm 2026&gt; &amp; báo cáo');
    expect(m.html).toContain('<html lang="vi">');
    expect(m.html).toContain('<meta charset="utf-8">');
    // On a phone: the mail at the screen's width.
    expect(m.html).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
    );
    expect(m.text).toContain('> <script>alert("x")</script>');
  });

  it('on the due day says so', () => {
    const m = renderItemMail({
      ...base,
      workingDaysLeft: 0,
      nowMs: Date.parse('2026-01-22T01:00:00Z'),
    });
    expect(m.subject).toContain('hạn chót là hôm nay');
  });

  it('sub-day deadlines: exact instant with HH:mm in UTC+7 and minutes/seconds left', () => {
    const at = Date.parse('2026-03-02T03:05:00Z'); // 10:05 +07
    const m = renderItemMail({
      ...base,
      due: { date: null, at },
      workingDaysLeft: null,
      nowMs: at - 100_000,
    });
    expect(m.subject).toBe(
      '[Đôn Đốc] Nhắc hạn: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ — còn 1 phút 40 giây (hạn 10:05 02/03/2026)',
    );
    expect(m.text).toContain('10:05 02/03/2026 (giờ Việt Nam)');
    const h = renderItemMail({
      ...base,
      due: { date: null, at },
      nowMs: at - (2 * 3600_000 + 15 * 60_000),
    });
    expect(h.subject).toContain('còn 2 giờ 15 phút');
  });

  it('a due date on a day off shows the legal due (end of the next working day)', () => {
    // Sunday 22/02/2026 is the last Tết day off: legally due at the end of Monday 23/02/2026.
    const m = renderItemMail({
      ...base,
      due: { date: '2026-02-22', at: Date.parse('2026-02-23T17:00:00Z') },
    });
    expect(m.text).toContain(
      'ngày 22/02/2026 (trùng ngày nghỉ, hạn được tính đến hết ngày 23/02/2026)',
    );
  });

  it('overdue notice counts days overdue', () => {
    const m = renderItemMail({ ...base, kind: 'overdue', nowMs: dueAt });
    expect(m.subject).toBe('[Đôn Đốc] Quá hạn: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ (hạn 22/01/2026)');
    expect(m.text).toContain('đã quá thời hạn');
    // States the rule, promising nothing an escalation sent the same hour has already done.
    expect(m.text).toContain(
      'Theo quy chế, nhiệm vụ quá hạn chưa được báo cáo hoàn thành được báo cáo Thủ trưởng Sở Tài chính và lãnh đạo Ban Chỉ đạo.',
    );
    expect(m.text).not.toContain('sẽ báo cáo');
    const w = renderItemMail({
      ...base,
      kind: 'weekly_overdue',
      nowMs: dueAt + 8 * 86_400_000 + 3600_000,
    });
    expect(w.subject).toContain('đã quá hạn 8 ngày');
    expect(w.text).toContain('đã quá hạn 8 ngày và vẫn chưa được báo cáo hoàn thành');
  });

  it('counts overdue time in working days for a dated item, and says "đã hết hạn" at the due instant', () => {
    expect(remainingLabel({ due: base.due, nowMs: dueAt, workingDaysLeft: -1 })).toBe('đã hết hạn');
    expect(
      remainingLabel({ due: base.due, nowMs: dueAt + 8 * 3600_000, workingDaysLeft: -1 }),
    ).toBe('đã quá hạn 1 ngày làm việc');
    expect(remainingLabel({ due: { date: null, at: dueAt }, nowMs: dueAt + 30_000 })).toBe(
      'đã hết hạn',
    );
    expect(remainingLabel({ due: { date: null, at: dueAt }, nowMs: dueAt + 90_000 })).toBe(
      'đã quá hạn 1 phút 30 giây',
    );
  });

  it('escalation level 1 addresses the agency head and secretariat, level 2 the committee head', () => {
    const l1 = renderItemMail({ ...base, kind: 'escalation', level: 1, nowMs: dueAt + 86_400_000 });
    expect(l1.text).toContain('Kính gửi: Thủ trưởng Sở Tài chính; Văn phòng UBND tỉnh,');
    expect(l1.text).toContain('chưa báo cáo hoàn thành.');
    expect(l1.text).not.toContain('cấp 1');
    expect(l1.subject).toContain('Sở Tài chính');
    const l2 = renderItemMail({
      ...base,
      kind: 'escalation',
      level: 2,
      nowMs: dueAt + 3 * 86_400_000,
    });
    expect(l2.subject).toContain('Báo cáo Trưởng Ban Chỉ đạo');
    expect(l2.text).toContain('Kính gửi: Trưởng Ban Chỉ đạo,');
    expect(l2.text).toContain('đã quá hạn 3 ngày');
    expect(l2.text).not.toContain('cấp 2');
  });

  it('notifications: returned, extension approved / rejected, reassigned', () => {
    const r = renderItemMail({ ...base, kind: 'returned', reason: 'Thiếu số liệu quý IV' });
    expect(r.subject).toBe(
      '[Đôn Đốc] Kết quả chưa được chấp nhận: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ',
    );
    expect(r.text).toContain('Thiếu số liệu quý IV');
    const a = renderItemMail({
      ...base,
      kind: 'extension_approved',
      previousDue: { date: '2026-01-15', at: Date.parse('2026-01-15T17:00:00Z') },
    });
    expect(a.subject).toBe(
      '[Đôn Đốc] Đồng ý gia hạn: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ — hạn mới 22/01/2026',
    );
    expect(a.text).toContain('Thời hạn trước khi gia hạn: ngày 15/01/2026.');
    expect(a.text).toContain('Văn phòng UBND tỉnh đồng ý gia hạn thực hiện nhiệm vụ.');
    // Granted to another date than asked: the mail says both.
    const other = renderItemMail({
      ...base,
      kind: 'extension_approved',
      requestedDue: { date: '2026-01-30', at: Date.parse('2026-01-30T17:00:00Z') },
    });
    expect(other.text).toContain(
      'Văn phòng UBND tỉnh đồng ý gia hạn thực hiện nhiệm vụ, đến ngày 22/01/2026 (Quý cơ quan đề nghị đến ngày 30/01/2026).',
    );
    const j = renderItemMail({ ...base, kind: 'extension_rejected', reason: 'Không có căn cứ' });
    expect(j.subject).toContain('Không đồng ý gia hạn');
    expect(j.text).toContain('thời hạn thực hiện giữ nguyên');
    const g = renderItemMail({
      ...base,
      kind: 'reassigned',
      leadName: 'Sở Xây dựng',
      previousLeadName: 'Sở Tài chính',
    });
    expect(g.subject).toContain('Giao chủ trì nhiệm vụ');
    expect(g.text).toContain('được chuyển từ Sở Tài chính sang Sở Xây dựng chủ trì thực hiện');
    // A recurring item handed over: the new lead learns it recurs, and who co-ordinates (issue 8
    // blind check: the mail named only the current period's deadline).
    const recurring = renderItemMail({
      ...base,
      kind: 'reassigned',
      leadName: 'Sở Xây dựng',
      previousLeadName: 'Sở Tài chính',
      recurrence: { frequency: 'monthly', day: 25 },
      supportNames: ['Sở Nội vụ', 'Công an tỉnh'],
    });
    for (const body of [recurring.text, recurring.html]) {
      expect(body).toContain('Hằng tháng, ngày 25');
      expect(body).toContain('Thời hạn kỳ này');
      expect(body).toContain('Sở Nội vụ; Công an tỉnh');
    }
    expect(recurring.text.indexOf('Cơ quan phối hợp')).toBeGreaterThan(
      recurring.text.indexOf('Cơ quan chủ trì'),
    );
    expect(g.text).not.toContain('Định kỳ');
    expect(g.text).not.toContain('Cơ quan phối hợp');
    // To the former lead: it no longer leads, and its calendar event goes.
    const away = renderItemMail({
      ...base,
      kind: 'reassigned_away',
      leadName: 'Sở Xây dựng',
      previousLeadName: 'Sở Tài chính',
      reason: 'Đúng chức năng',
    });
    expect(away.subject).toBe(
      '[Đôn Đốc] Chuyển nhiệm vụ sang Sở Xây dựng chủ trì: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ',
    );
    for (const body of [away.text, away.html]) {
      expect(body).toContain('Kính gửi: Sở Tài chính,');
      expect(body).toContain('Quý cơ quan không tiếp tục chủ trì nhiệm vụ này.');
      expect(body).toContain('Đúng chức năng');
      expect(body).toContain('thôi gửi thư nhắc hạn về nhiệm vụ này cho Quý cơ quan');
    }
  });

  it('names the secretariat as the deployment does (OFFICE_NAME), the provincial office by default', () => {
    const office = { officeName: 'Văn phòng Ban Chỉ đạo' };
    const kinds = ['returned', 'extension_approved', 'escalation', 'extension_requested'] as const;
    for (const kind of kinds) {
      const named = renderItemMail({ ...base, ...office, kind, reason: 'Thiếu số liệu' });
      expect([kind, named.text]).toEqual([kind, expect.stringContaining('Văn phòng Ban Chỉ đạo')]);
      expect([kind, named.text]).toEqual([
        kind,
        expect.not.stringContaining('Văn phòng UBND tỉnh'),
      ]);
      const byDefault = renderItemMail({ ...base, kind, reason: 'Thiếu số liệu' });
      expect([kind, byDefault.text]).toEqual([
        kind,
        expect.stringContaining('Văn phòng UBND tỉnh'),
      ]);
    }
  });

  it('extension requested: tells the secretariat who asks, to when, why, and where to decide', () => {
    const m = renderItemMail({
      ...base,
      kind: 'extension_requested',
      requestedDue: { date: '2026-02-27', at: Date.parse('2026-02-27T17:00:00Z') },
      reason: 'Chờ ý kiến của Bộ Tài chính.',
    });
    expect(m.subject).toBe(
      '[Đôn Đốc] Đề nghị gia hạn: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ (Sở Tài chính) — đến 27/02/2026',
    );
    for (const body of [m.text, m.html]) {
      expect(body).toContain('Kính gửi: Văn phòng UBND tỉnh');
      expect(body).toContain(
        'Sở Tài chính đề nghị gia hạn thực hiện nhiệm vụ dưới đây đến ngày 27/02/2026.',
      );
      expect(body).toContain('Chờ ý kiến của Bộ Tài chính.');
      // The deadline it has now, and the page where the secretariat decides (after a login).
      expect(body).toContain('ngày 22/01/2026');
      expect(body).toContain(url);
      expect(body).not.toContain('?t=');
    }
    expect(m.text).toContain(
      `Đề nghị xem xét, quyết định đồng ý hoặc không đồng ý gia hạn (đăng nhập hệ thống Đôn Đốc): ${url}`,
    );
  });

  it('submitted: tells the secretariat who reports it done, the result, and where to decide', () => {
    const m = renderItemMail({ ...base, kind: 'submitted', reason: 'Đã trình UBND tỉnh dự thảo.' });
    expect(m.subject).toBe(
      '[Đôn Đốc] Báo cáo hoàn thành: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ (Sở Tài chính)',
    );
    for (const body of [m.text, m.html]) {
      expect(body).toContain('Kính gửi: Văn phòng UBND tỉnh');
      expect(body).toContain('Sở Tài chính báo cáo đã hoàn thành nhiệm vụ dưới đây.');
      expect(body).toContain('Đã trình UBND tỉnh dự thảo.');
      expect(body).toContain(url);
      expect(body).not.toContain('?t=');
    }
    expect(m.text).toContain(
      `Đề nghị xem xét, xác nhận hoàn thành hoặc trả lại kèm lý do (đăng nhập hệ thống Đôn Đốc): ${url}`,
    );
  });

  it('submitted again after a return: says so, and why the office returned the last report', () => {
    const again = renderItemMail({
      ...base,
      kind: 'submitted',
      reason: 'Đã bổ sung biên bản nghiệm thu.',
      returnedFor: 'Thiếu biên bản nghiệm thu.',
    });
    expect(again.subject).toBe(
      '[Đôn Đốc] Báo cáo hoàn thành (báo cáo lại): Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ (Sở Tài chính)',
    );
    expect(again.text).toContain(
      'Sở Tài chính báo cáo lại kết quả hoàn thành nhiệm vụ dưới đây, sau khi Văn phòng trả lại báo cáo trước.',
    );
    expect(again.text).toContain('Lý do trả lại lần trước: Thiếu biên bản nghiệm thu.');
    const first = renderItemMail({ ...base, kind: 'submitted', reason: 'Xong.' });
    expect(first.subject).not.toContain('báo cáo lại');
    expect(first.text).not.toMatch(/báo cáo lại|lần trước/);
  });

  it('deadline copy: tells a co-ordinating agency the new and the former deadline, no agency link', () => {
    const m = renderItemMail({
      ...base,
      kind: 'deadline_copy',
      due: { date: '2026-02-27', at: Date.parse('2026-02-27T17:00:00Z') },
      previousDue: { date: '2026-01-22', at: Date.parse('2026-01-22T17:00:00Z') },
    });
    expect(m.subject).toBe(
      '[Đôn Đốc] Thời hạn mới (phối hợp): Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ — hạn mới 27/02/2026',
    );
    for (const body of [m.text, m.html]) {
      expect(body).toContain('Kính gửi: Quý cơ quan phối hợp thực hiện nhiệm vụ,');
      expect(body).toContain(
        'Nhiệm vụ dưới đây do Sở Tài chính chủ trì, Quý cơ quan phối hợp, có thời hạn mới: ngày 27/02/2026.',
      );
      expect(body).toContain('Thời hạn trước đây: ngày 22/01/2026.');
      expect(body).not.toContain('?t=');
    }
  });

  it('a notice without a number is named by the start of its title (two such notices look alike)', () => {
    const m = renderItemMail({ ...base, noticeNumber: null });
    expect(m.subject).toBe(
      '[Đôn Đốc] Nhắc hạn: Nhiệm vụ 2.g.1, TB “Kết luận của Trưởng Ban Chỉ đạo tại…” — còn 3 ngày làm việc (hạn 22/01/2026)',
    );
  });

  it('items without a code are named by their text; without a due date say so', () => {
    const m = renderItemMail({
      ...base,
      code: null,
      due: null,
      text: 'Rà soát toàn bộ hồ sơ đất đai tồn đọng trên địa bàn tỉnh và đề xuất phương án xử lý dứt điểm',
    });
    expect(m.subject.startsWith('[Đôn Đốc] Nhắc hạn: Rà soát toàn bộ hồ sơ')).toBe(true);
    expect(m.subject).toContain('…');
    expect(m.text).not.toContain('Thời hạn:');
  });

  it('completed / cancelled: tells the lead and the co-ordinating agencies, no days left, no actions', () => {
    const done = renderItemMail({ ...base, kind: 'completed', supportNames: ['Sở Xây dựng'] });
    expect(done.subject).toBe('[Đôn Đốc] Nhiệm vụ đã hoàn thành: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ');
    expect(done.text).toContain(
      'Kính gửi: Sở Tài chính và Quý cơ quan phối hợp thực hiện nhiệm vụ,',
    );
    expect(done.text).toContain('Văn phòng UBND tỉnh đã xác nhận nhiệm vụ dưới đây');
    expect(done.text).toContain('ngày 22/01/2026');
    expect(done.text).not.toContain('còn 3 ngày làm việc');
    expect(done.text).not.toContain('đề nghị gia hạn');
    const cancelled = renderItemMail({ ...base, kind: 'cancelled', reason: 'Đã lồng ghép' });
    expect(cancelled.subject).toBe('[Đôn Đốc] Hủy nhiệm vụ: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ');
    expect(cancelled.text).toContain('Kính gửi: Sở Tài chính,');
    expect(cancelled.text).toContain('Đã lồng ghép');
    expect(cancelled.text).toContain('gỡ khỏi lịch');
  });

  it('completed: says whether it was on time, and the Văn phòng’s note', () => {
    const onTime = renderItemMail({
      ...base,
      kind: 'completed',
      completedLate: false,
      reason: 'Kết quả tốt, đề nghị nhân rộng.',
    });
    expect(onTime.text).toContain('Nhiệm vụ hoàn thành đúng hạn.');
    expect(onTime.text).toContain('Ý kiến của Văn phòng:');
    expect(onTime.text).toContain('Kết quả tốt, đề nghị nhân rộng.');
    const late = renderItemMail({ ...base, kind: 'completed', completedLate: true });
    expect(late.text).toContain('Nhiệm vụ hoàn thành sau thời hạn.');
    expect(late.text).not.toContain('Ý kiến');
    const undated = renderItemMail({ ...base, kind: 'completed', due: null, completedLate: null });
    expect(undated.text).not.toMatch(/đúng hạn|sau thời hạn/);
  });

  it('period opened: the accepted period, the new deadline and what to do, with the signed link', () => {
    const mail = renderItemMail({
      ...base,
      kind: 'period_opened',
      due: { date: '2026-02-24', at: Date.parse('2026-02-24T17:00:00Z') },
      previousDue: base.due,
      linkToken: 'v1.a.b',
    });
    expect(mail.subject).toBe(
      '[Đôn Đốc] Kỳ mới của nhiệm vụ định kỳ: Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ (hạn 24/02/2026)',
    );
    expect(mail.text).toContain(
      'Văn phòng UBND tỉnh đã xác nhận hoàn thành kỳ có hạn ngày 22/01/2026',
    );
    expect(mail.text).toContain('Nhiệm vụ định kỳ tiếp tục với kỳ mới, hạn ngày 24/02/2026');
    expect(mail.text).toContain(`${url}?t=v1.a.b`);
    expect(mail.text).toContain('Báo cáo hoàn thành kèm kết quả');
    expect(mail.text).not.toMatch(/đúng hạn|sau thời hạn|Ý kiến/);
  });

  it('period opened: whether the accepted period was on time, and the Văn phòng’s note', () => {
    const next = { date: '2026-02-24', at: Date.parse('2026-02-24T17:00:00Z') };
    const opened = { ...base, kind: 'period_opened' as const, due: next, previousDue: base.due };
    const onTime = renderItemMail({ ...opened, completedLate: false, reason: 'Số liệu đầy đủ.' });
    expect(onTime.text).toContain('Kỳ vừa qua hoàn thành đúng hạn.');
    expect(onTime.text).toContain('Ý kiến của Văn phòng:\n\n> Số liệu đầy đủ.');
    const late = renderItemMail({ ...opened, completedLate: true });
    expect(late.text).toContain('Kỳ vừa qua hoàn thành sau thời hạn.');
  });

  it('next period copy: a co-ordinating agency reads of a new period, not of a moved deadline', () => {
    const m = renderItemMail({
      ...base,
      kind: 'deadline_copy',
      nextPeriod: true,
      due: { date: '2026-02-24', at: Date.parse('2026-02-24T17:00:00Z') },
      previousDue: base.due,
      addresseeName: 'Sở Xây dựng',
    });
    expect(m.subject).toBe(
      '[Đôn Đốc] Kỳ mới của nhiệm vụ định kỳ (phối hợp): Nhiệm vụ 2.g.1, TB số 12/TB-BCĐ (hạn 24/02/2026)',
    );
    for (const body of [m.text, m.html]) {
      expect(body).toContain('Kính gửi: Sở Xây dựng,');
      expect(body).toContain(
        'Nhiệm vụ định kỳ dưới đây do Sở Tài chính chủ trì, Quý cơ quan phối hợp, bắt đầu kỳ mới, hạn ngày 24/02/2026.',
      );
      expect(body).toContain(
        'Kỳ trước (hạn ngày 22/01/2026) đã được Văn phòng UBND tỉnh xác nhận hoàn thành.',
      );
      expect(body).not.toMatch(/thời hạn mới|Thời hạn trước đây/);
      expect(body).not.toContain('?t=');
    }
  });

  it('a decision while the completion report waits asks for no report, only a look', () => {
    for (const kind of ['extension_approved', 'extension_rejected', 'deadline_changed'] as const) {
      const mail = renderItemMail({ ...base, kind, reportWaiting: true, linkToken: 'v1.a.b' });
      expect(mail.text).toContain(
        'Báo cáo hoàn thành của Quý cơ quan đang chờ Văn phòng UBND tỉnh xem xét, xác nhận',
      );
      expect(mail.text).not.toContain('Báo cáo hoàn thành kèm kết quả');
      expect(mail.text).not.toContain('đề nghị gia hạn (thời hạn mới và lý do)');
      expect(mail.html).toContain('Xem nhiệm vụ');
    }
  });
});
