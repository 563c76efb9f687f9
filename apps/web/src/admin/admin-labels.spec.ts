import { describe, expect, it } from '@jest/globals';
import { actionLabel, actorLabel, ACTION_LABELS, detailLabel } from './admin-labels';
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
    [{ detail: null }, ''],
  ] as const)('detail %j → %s', (patch, expected) => {
    expect(detailLabel(entry(patch as Partial<AuditEntry>))).toBe(expected);
  });
});
