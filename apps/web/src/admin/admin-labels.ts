import { formatDate } from '../format';
import type { AuditEntry, AuditOutcome, User, UserRole, UserStatus } from './admin-types';

export const ROLE_NAMES: Readonly<Record<UserRole, string>> = {
  secretariat: 'Văn phòng',
  committee_head: 'Trưởng Ban Chỉ đạo',
  agency: 'Cơ quan',
};

/**
 * An account's role as the accounts list shows it; an agency's account with its agency's name
 * ("Cơ quan · Sở Nội vụ"), its code only while the directory is not known or has no such agency.
 */
export function accountRoleText(
  user: Pick<User, 'role' | 'agencyCode'>,
  agencyNames: ReadonlyMap<string, string>,
): string {
  if (!user.agencyCode) return ROLE_NAMES[user.role];
  return `${ROLE_NAMES[user.role]} · ${agencyNames.get(user.agencyCode) ?? user.agencyCode}`;
}

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

/** Why a request was refused, by the API's code. */
const REFUSAL_REASONS: Readonly<Record<string, string>> = {
  FORBIDDEN: 'không có quyền',
  UNAUTHENTICATED: 'chưa đăng nhập',
  SESSION_IDLE: 'phiên hết hạn do không hoạt động',
  TOKEN_EXPIRED: 'phiên đã hết hạn',
  ACCOUNT_DISABLED: 'tài khoản đã bị khóa',
};

/** What a refused request tried to do, by its route (method and path pattern). */
const REQUEST_ACTIONS: Readonly<Record<string, string>> = {
  'GET /api/items': 'xem danh sách nhiệm vụ',
  'GET /api/items/:id': 'xem nhiệm vụ',
  'GET /api/notices': 'xem danh sách thông báo',
  'GET /api/notices/:id': 'xem thông báo',
  'GET /api/users': 'xem danh sách tài khoản',
  'POST /api/users': 'tạo tài khoản',
  'PATCH /api/users/:id': 'sửa tài khoản',
  'GET /api/agencies': 'xem danh sách cơ quan',
  'POST /api/agencies': 'thêm cơ quan',
  'PATCH /api/agencies/:code': 'sửa cơ quan',
  'GET /api/audit': 'xem nhật ký',
};

/** "GET /api/items/:id" → "xem nhiệm vụ"; an unknown route → null (its raw text stays shown). */
export function requestActionLabel(request: string | null | undefined): string | null {
  if (!request) return null;
  const known = REQUEST_ACTIONS[request];
  if (known) return known;
  if (/^GET \/api\/reports/.test(request)) return 'xem báo cáo';
  const command = /^POST \/api\/items\/:id\/([a-z_-]+)$/.exec(request)?.[1];
  const label = command ? ACTION_LABELS[`item.${command.replace(/-/g, '_')}`] : undefined;
  return label ? label.charAt(0).toLowerCase() + label.slice(1) : null;
}

/** A refusal in words: "Bị từ chối (không có quyền): xem nhiệm vụ". */
export function refusalLabel(e: Pick<AuditEntry, 'code' | 'request'>): string {
  const reason = e.code ? (REFUSAL_REASONS[e.code] ?? null) : null;
  const action = requestActionLabel(e.request);
  return `Bị từ chối${reason ? ` (${reason})` : ''}${action ? `: ${action}` : ''}`;
}

/**
 * Who acted, in words: an address, a mail link's agency (by name when `agencyName` knows it), or
 * nobody known.
 */
export function actorLabel(
  e: AuditEntry,
  agencyName: (code: string) => string = (code) => code,
): string {
  if (e.actorEmail) return e.actorEmail;
  const agency = e.detail?.['agency'];
  if (e.detail?.['channel'] === 'link') {
    return typeof agency === 'string'
      ? `${agencyName(agency)} (liên kết trong thư)`
      : 'Liên kết trong thư';
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
  if (typeof d['due'] === 'string') parts.push(`Hạn: ${formatDate(d['due'])}`);
  if (d['purpose'] === 'invitation') parts.push('Thư mời');
  if (d['purpose'] === 'reset') parts.push('Đặt lại mật khẩu');
  if (typeof d['started'] === 'number') parts.push(`${d['started']} nhiệm vụ bắt đầu theo dõi`);
  return parts.join('; ');
}
