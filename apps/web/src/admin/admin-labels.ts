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
  'item.deadline_change': 'Sửa thời hạn',
  'notice.confirm': 'Xác nhận thông báo',
  'digest.pause': 'Tạm dừng thư tổng hợp',
  'digest.resume': 'Tiếp tục gửi thư tổng hợp',
  'digest.send': 'Gửi thư tổng hợp ngay',
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

/** Why an audited change was not made, by the API's error code; an unknown code stays as is. */
const FAILURE_REASONS: Readonly<Record<string, string>> = {
  VALIDATION_FAILED: 'dữ liệu gửi lên không hợp lệ',
  BAD_REQUEST: 'yêu cầu không hợp lệ',
  INVALID_CREDENTIALS: 'sai địa chỉ thư hoặc mật khẩu',
  TOO_MANY_ATTEMPTS: 'thử sai quá nhiều lần',
  TOO_MANY_REQUESTS: 'gửi quá nhiều yêu cầu',
  CURRENT_PASSWORD_WRONG: 'mật khẩu hiện tại không đúng',
  PASSWORD_TOO_WEAK: 'mật khẩu quá yếu',
  PASSWORD_UNCHANGED: 'mật khẩu mới trùng mật khẩu cũ',
  PASSWORD_MAIL_RECENT: 'vừa gửi thư đặt mật khẩu',
  PASSWORD_LINK_USED: 'liên kết đã được dùng',
  PASSWORD_LINK_REVOKED: 'liên kết đã bị thu hồi',
  PASSWORD_LINK_INVALID: 'liên kết không hợp lệ',
  PASSWORD_LINK_EXPIRED: 'liên kết đã hết hạn',
  LINK_INVALID: 'liên kết không hợp lệ',
  LINK_EXPIRED: 'liên kết đã hết hạn',
  LINK_REVOKED: 'liên kết đã bị thu hồi',
  EMAIL_TAKEN: 'địa chỉ thư đã có tài khoản',
  USER_NOT_FOUND: 'không có tài khoản này',
  LAST_SECRETARIAT: 'không thể khóa tài khoản Văn phòng cuối cùng',
  CANNOT_CHANGE_SELF: 'không thể tự đổi vai trò hoặc khóa tài khoản của mình',
  AGENCY_REQUIRED: 'chưa chọn cơ quan',
  AGENCY_NOT_FOUND: 'không có cơ quan này',
  AGENCY_NOT_ALLOWED: 'vai trò này không gắn với cơ quan',
  AGENCY_INACTIVE: 'cơ quan đã ngừng hoạt động',
  AGENCY_NAME_TAKEN: 'tên cơ quan đã có',
  AGENCY_CODE_TAKEN: 'mã cơ quan đã có',
  UNKNOWN_AGENCY: 'cơ quan không có trong danh mục',
  ITEM_NOT_FOUND: 'không có nhiệm vụ này',
  ITEM_CLOSED: 'nhiệm vụ đã kết thúc',
  ITEM_NOT_STARTED: 'nhiệm vụ chưa được khởi tạo xong',
  INVALID_TRANSITION: 'không làm được ở trạng thái hiện tại của nhiệm vụ',
  INVALID_COMMAND: 'thao tác không hợp lệ',
  INVALID_DUE: 'hạn không hợp lệ',
  COMMAND_EXPIRED: 'thao tác quá hạn chờ',
  NOTICE_NOT_FOUND: 'không có thông báo này',
  NOTICE_WITHOUT_ITEMS: 'thông báo không có nhiệm vụ',
  NOTICE_ITEMS_INVALID: 'có nhiệm vụ chưa hợp lệ',
  NOTICE_TOO_LARGE: 'thông báo quá dài',
  DIGEST_NOT_SCHEDULED: 'thư tổng hợp chưa được lập lịch',
  CONFLICT: 'xung đột với dữ liệu hiện có',
  NOT_FOUND: 'không tìm thấy',
  DATABASE_UNAVAILABLE: 'cơ sở dữ liệu không hoạt động',
  WORKFLOW_UNAVAILABLE: 'máy chủ quy trình không hoạt động',
  SERVICE_UNAVAILABLE: 'hệ thống tạm thời không hoạt động',
  INTERNAL_ERROR: 'lỗi hệ thống',
};

/** "ITEM_CLOSED" → "nhiệm vụ đã kết thúc"; an unknown code as it is. */
export const failureReason = (code: string): string => FAILURE_REASONS[code] ?? code;

/** What a refused request tried to do, by its route (method and path pattern). */
const REQUEST_ACTIONS: Readonly<Record<string, string>> = {
  'GET /api/audit': 'xem nhật ký',
  'GET /api/auth/me': 'xem tài khoản đang đăng nhập',
  'POST /api/auth/login': 'đăng nhập',
  'POST /api/auth/logout': 'đăng xuất',
  'POST /api/auth/logout-all': 'đăng xuất khỏi mọi thiết bị',
  'POST /api/auth/password': 'đổi mật khẩu',
  'POST /api/auth/password-reset': 'yêu cầu đặt lại mật khẩu',
  'GET /api/auth/password-links/:token': 'mở liên kết đặt mật khẩu',
  'POST /api/auth/password-links/:token': 'đặt mật khẩu qua liên kết',
  'GET /api/users': 'xem danh sách tài khoản',
  'GET /api/users/:id': 'xem tài khoản',
  'POST /api/users': 'tạo tài khoản',
  'PATCH /api/users/:id': 'sửa tài khoản',
  'POST /api/users/:id/password-reset': 'gửi thư đặt mật khẩu',
  'GET /api/agencies': 'xem danh sách cơ quan',
  'POST /api/agencies': 'thêm cơ quan',
  'PATCH /api/agencies/:code': 'sửa cơ quan',
  'GET /api/items': 'xem danh sách nhiệm vụ',
  'GET /api/items/export.xlsx': 'xuất Excel danh sách nhiệm vụ',
  'GET /api/items/:id': 'xem nhiệm vụ',
  'GET /api/items/:id/actions': 'xem nhiệm vụ',
  'GET /api/items/:id/history': 'xem lịch sử nhiệm vụ',
  'GET /api/items/:id/urging-letter.docx': 'tải văn bản đôn đốc',
  'POST /api/items': 'giao nhiệm vụ',
  'POST /api/items/:id/extension-requests': 'đề nghị gia hạn',
  'POST /api/items/:id/deadline': 'sửa thời hạn',
  'POST /api/items/:id/extension-requests/:rid/approve': 'đồng ý gia hạn',
  'POST /api/items/:id/extension-requests/:rid/reject': 'không đồng ý gia hạn',
  'GET /api/reports/overdue.xlsx': 'xuất Excel nhiệm vụ quá hạn',
  'GET /api/reports/scorecard.xlsx': 'xuất Excel bảng theo dõi thi đua',
  'GET /api/links/:token': 'mở liên kết trong thư',
  'POST /api/links/:token/progress': 'báo cáo tiến độ qua liên kết trong thư',
  'POST /api/links/:token/submit': 'báo cáo hoàn thành qua liên kết trong thư',
  'POST /api/links/:token/extension-requests': 'đề nghị gia hạn qua liên kết trong thư',
  'GET /api/notices': 'xem danh sách thông báo',
  'GET /api/notices/:id': 'xem thông báo',
  'GET /api/notices/:id/report.docx': 'tải báo cáo kết quả thực hiện thông báo',
  'POST /api/notices/preview': 'đọc thử thông báo',
  'POST /api/notices': 'xác nhận thông báo',
  'GET /api/digests': 'xem thư tổng hợp',
  'POST /api/digests/:kind/pause': 'tạm dừng thư tổng hợp',
  'POST /api/digests/:kind/resume': 'tiếp tục gửi thư tổng hợp',
  'POST /api/digests/:kind/send': 'gửi thư tổng hợp ngay',
  'GET /api/health': 'xem tình trạng hệ thống',
  'GET /api/calendar/due-days/:date': 'xem ngày hạn theo lịch làm việc',
  'GET /api/calendar/first-periods': 'xem hạn kỳ đầu của nhiệm vụ định kỳ',
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
