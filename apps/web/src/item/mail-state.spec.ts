import { describe, expect, it } from '@jest/globals';
import { mailStateLine } from './mail-state';

describe('mailStateLine', () => {
  it('says a mail still on its way is waiting, whatever else the event says', () => {
    expect(mailStateLine({ recipients: ['stp@dondoc.local'], mailDelivery: 'pending' })).toBe(
      'Tình trạng thư: đang chờ gửi (hệ thống tự gửi lại đến khi máy chủ thư nhận)',
    );
  });

  it('says when a late mail went out, in Vietnam time', () => {
    const at = Date.parse('2026-12-05T00:38:58Z');
    expect(mailStateLine({ mailDelivery: 'delivered', mailLate: true, mailSettledAt: at })).toBe(
      'Tình trạng thư: gửi muộn, lúc 07:38 05/12/2026',
    );
  });

  it('says nothing of a mail gone out on time, nor of an event without mail', () => {
    expect(mailStateLine({ mailDelivery: 'delivered', mailSettledAt: 1 })).toBeNull();
    expect(mailStateLine({ note: 'Đang làm' })).toBeNull();
  });
});
