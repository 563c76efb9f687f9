import { describe, expect, it } from '@jest/globals';
import {
  accountRoleText,
  actionLabel,
  actorLabel,
  ACTION_LABELS,
  detailLabel,
  failureReason,
  refusalLabel,
  requestActionLabel,
} from './admin-labels';
import type { AuditEntry } from './admin-types';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: '1',
  at: '2026-12-02T09:00:00+07:00',
  actorId: null,
  actorEmail: null,
  actorRole: null,
  action: 'user.update',
  targetType: null,
  targetId: null,
  targetLabel: null,
  outcome: 'success',
  statusCode: 200,
  code: null,
  clientAddress: null,
  request: null,
  detail: null,
  ...patch,
});

describe('audit labels', () => {
  it('names every action in Vietnamese, an unknown one by its code', () => {
    expect(actionLabel('item.progress')).toBe('Báo cáo tiến độ');
    expect(actionLabel('other.thing')).toBe('other.thing');
    expect(Object.keys(ACTION_LABELS).every((a) => /^[a-z]+\.[a-z_]+$/.test(a))).toBe(true);
  });

  it.each([
    [{ actorEmail: 'stc@x.vn' }, 'stc@x.vn'],
    [{ detail: { channel: 'link', agency: 'STC' } }, 'STC (liên kết trong thư)'],
    [{ detail: { channel: 'cli' } }, 'Dòng lệnh quản trị'],
    [{}, 'Chưa đăng nhập'],
  ] as const)('actor of %j → %s', (patch, expected) => {
    expect(actorLabel(entry(patch))).toBe(expected);
  });

  it.each([
    [{ detail: { disabled: true } }, 'Khóa tài khoản'],
    [{ detail: { disabled: false } }, 'Mở khóa tài khoản'],
    [{ detail: { role: 'agency', agency: 'SXD' } }, 'Vai trò: Cơ quan; Cơ quan: SXD'],
    [
      { action: 'agency.update', detail: { active: false, aliases: ['Sở DL', 'Sở VH&DL'] } },
      'Ngừng hoạt động; Tên gọi khác: Sở DL, Sở VH&DL',
    ],
    [{ action: 'agency.update', detail: { headEmail: null } }, 'Thư lãnh đạo: (không có)'],
    [
      { action: 'item.progress', detail: { percent: 40, channel: 'link', agency: 'STC' } },
      'Tiến độ 40 %',
    ],
    [
      { action: 'notice.confirm', detail: { created: true, started: 3 } },
      '3 nhiệm vụ bắt đầu theo dõi',
    ],
    [{ action: 'user.password_mail', detail: { purpose: 'reset' } }, 'Đặt lại mật khẩu'],
    [{ action: 'item.reassign', detail: { due: '2026-12-31' } }, 'Hạn: 31/12/2026'],
    [{ detail: null }, ''],
  ] as const)('detail %j → %s', (patch, expected) => {
    expect(detailLabel(entry(patch as Partial<AuditEntry>))).toBe(expected);
  });
});

describe('audit entries a clerk reads', () => {
  it('describes a refusal in words, by its code and route; an unknown route by the reason only', () => {
    expect(refusalLabel({ code: 'FORBIDDEN', request: 'GET /api/items/:id' })).toBe(
      'Bị từ chối (không có quyền): xem nhiệm vụ',
    );
    expect(refusalLabel({ code: 'UNAUTHENTICATED', request: 'GET /api/users' })).toBe(
      'Bị từ chối (chưa đăng nhập): xem danh sách tài khoản',
    );
    expect(refusalLabel({ code: 'FORBIDDEN', request: 'DELETE /api/nope' })).toBe(
      'Bị từ chối (không có quyền)',
    );
    expect(requestActionLabel('GET /api/reports/overdue')).toBe('xem báo cáo');
  });

  it("names a mail link's agency by its name when known", () => {
    const names = (code: string) => (code === 'STC' ? 'Sở Tài chính' : code);
    expect(actorLabel(entry({ detail: { channel: 'link', agency: 'STC' } }), names)).toBe(
      'Sở Tài chính (liên kết trong thư)',
    );
  });
});

describe("an account's role in the accounts list", () => {
  const names = new Map([['SNV', 'Sở Nội vụ']]);

  it("names an agency's account by its agency's name, not its code", () => {
    expect(accountRoleText({ role: 'agency', agencyCode: 'SNV' }, names)).toBe(
      'Cơ quan · Sở Nội vụ',
    );
    expect(accountRoleText({ role: 'secretariat', agencyCode: null }, names)).toBe('Văn phòng');
  });

  it('falls back on the code while the directory is not known or lacks the agency', () => {
    expect(accountRoleText({ role: 'agency', agencyCode: 'SNV' }, new Map())).toBe('Cơ quan · SNV');
  });
});

describe('why an audited change failed', () => {
  it('says it in words by the API code; an unknown code as it is', () => {
    expect(failureReason('ITEM_CLOSED')).toBe('nhiệm vụ đã kết thúc');
    expect(failureReason('DIGEST_NOT_SCHEDULED')).toBe('thư tổng hợp chưa được lập lịch');
    expect(failureReason('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('names a refused confirmation of a notice in words', () => {
    expect(refusalLabel({ code: 'FORBIDDEN', request: 'POST /api/notices' })).toBe(
      'Bị từ chối (không có quyền): xác nhận thông báo',
    );
  });
});
