import type { AuditEntry, AuditOutcome, UserRole, UserStatus } from './admin-types';

export const ROLE_NAMES: Readonly<Record<UserRole, string>> = {
  secretariat: 'Văn phòng',
  committee_head: 'Trưởng Ban Chỉ đạo',
  agency: 'Cơ quan',
};

export const USER_STATUS_LABELS: Readonly<Record<UserStatus, string>> = {
  active: 'Đang hoạt động',
  invited: 'Chờ đặt mật khẩu',
  disabled: 'Đã khóa',
};

/** Solid tag colours, dark enough for white text (WCAG AA). */
export const USER_STATUS_COLORS: Readonly<Record<UserStatus, string>> = {
  active: '#1e7b34',
  invited: '#8a5a00',
  disabled: '#595959',
};

export const OUTCOME_LABELS: Readonly<Record<AuditOutcome, string>> = {
  success: 'Thành công',
  refused: 'Bị từ chối',
  failure: 'Không thực hiện được',
};

export const OUTCOME_COLORS: Readonly<Record<AuditOutcome, string>> = {
  success: '#1e7b34',
  refused: '#b3261e',
  failure: '#8a5a00',
};

/** The audit log's action codes (ADR 0020), as the secretariat reads them. */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',
  'auth.logout_all': 'Đăng xuất khỏi mọi thiết bị',
  'auth.password_change': 'Đổi mật khẩu',
  'auth.password_reset_request': 'Yêu cầu đặt lại mật khẩu',
  'auth.password_set': 'Đặt mật khẩu qua liên kết',
  'access.refused': 'Truy cập bị từ chối',
  'user.create': 'Tạo tài khoản',
  'user.update': 'Sửa tài khoản',
  'user.password_mail': 'Gửi thư đặt mật khẩu',
  'user.password_link': 'Tạo liên kết đặt mật khẩu',
  'agency.create': 'Thêm cơ quan',
  'agency.update': 'Sửa cơ quan',
  'item.create': 'Giao nhiệm vụ',
  'item.progress': 'Báo cáo tiến độ',
  'item.submit': 'Báo cáo hoàn thành',
  'item.extension_request': 'Đề nghị gia hạn',
  'item.extension_approve': 'Đồng ý gia hạn',
  'item.extension_reject': 'Không đồng ý gia hạn',
  'item.accept': 'Xác nhận hoàn thành',
  'item.return': 'Trả lại, yêu cầu bổ sung',
  'item.reassign': 'Chuyển cơ quan chủ trì',
  'item.cancel': 'Hủy nhiệm vụ',
  'notice.confirm': 'Xác nhận thông báo',
};

export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;

/** Who acted, in words: an address, a mail link's agency, or nobody known. */
export function actorLabel(e: AuditEntry): string {
  if (e.actorEmail) return e.actorEmail;
  const agency = e.detail?.['agency'];
  if (e.detail?.['channel'] === 'link') {
    return typeof agency === 'string' ? `${agency} (liên kết trong thư)` : 'Liên kết trong thư';
  }
  if (e.detail?.['channel'] === 'cli') return 'Dòng lệnh quản trị';
  return 'Chưa đăng nhập';
}

const list = (v: unknown): string | null =>
  Array.isArray(v) ? (v.length > 0 ? v.map(String).join(', ') : '(không có)') : null;

/** What the entry's facts say, in a few Vietnamese words ("Khóa tài khoản", "Tiến độ 40 %"). */
export function detailLabel(e: AuditEntry): string {
  const d = e.detail ?? {};
  const parts: string[] = [];
  const add = (cond: boolean, text: string) => cond && parts.push(text);
  add(d['disabled'] === true, 'Khóa tài khoản');
  add(d['disabled'] === false, 'Mở khóa tài khoản');
  add(d['active'] === false, 'Ngừng hoạt động');
  add(d['active'] === true && e.action === 'agency.update', 'Hoạt động');
  if (typeof d['role'] === 'string') {
    parts.push(`Vai trò: ${ROLE_NAMES[d['role'] as UserRole] ?? d['role']}`);
  }
  if (typeof d['agency'] === 'string' && d['channel'] !== 'link') {
    parts.push(`Cơ quan: ${d['agency']}`);
  }
  if (typeof d['name'] === 'string') parts.push(`Tên: ${d['name']}`);
  if (typeof d['email'] === 'string' && e.action !== 'user.password_link') {
    parts.push(`Thư điện tử: ${d['email']}`);
  }
  const aliases = list(d['aliases']);
  if (aliases) parts.push(`Tên gọi khác: ${aliases}`);
  if (typeof d['contactEmail'] === 'string') parts.push(`Thư liên hệ: ${d['contactEmail']}`);
  if (d['headEmail'] !== undefined) {
    const head = d['headEmail'];
    parts.push(`Thư lãnh đạo: ${typeof head === 'string' ? head : '(không có)'}`);
  }
  if (typeof d['percent'] === 'number') parts.push(`Tiến độ ${d['percent']} %`);
  if (typeof d['lead'] === 'string') parts.push(`Chủ trì: ${d['lead']}`);
  if (typeof d['due'] === 'string') parts.push(`Hạn: ${d['due']}`);
  if (d['purpose'] === 'invitation') parts.push('Thư mời');
  if (d['purpose'] === 'reset') parts.push('Đặt lại mật khẩu');
  if (typeof d['started'] === 'number') parts.push(`${d['started']} nhiệm vụ bắt đầu theo dõi`);
  return parts.join('; ');
}
