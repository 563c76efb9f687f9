import type { PasswordProblem } from '../../../../libs/security/src';
import { ApiError } from '../common/api-error';

/** The refusals of logins, sessions and passwords: stable codes, Vietnamese messages. */
export const authErrors = {
  invalidCredentials: () =>
    ApiError.unauthorized('INVALID_CREDENTIALS', 'Email hoặc mật khẩu không đúng.'),
  accountDisabled: () =>
    ApiError.unauthorized(
      'ACCOUNT_DISABLED',
      'Tài khoản này đã bị khóa; vui lòng liên hệ Văn phòng để được mở lại.',
    ),
  invalidSession: () =>
    ApiError.unauthorized(
      'UNAUTHENTICATED',
      'Phiên đăng nhập không hợp lệ; vui lòng đăng nhập lại.',
    ),
  expired: () =>
    ApiError.unauthorized('TOKEN_EXPIRED', 'Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.'),
  idle: (minutes: number) =>
    ApiError.unauthorized(
      'SESSION_IDLE',
      `Phiên đăng nhập đã kết thúc vì không có thao tác nào trong ${minutes} phút; vui lòng đăng nhập lại.`,
    ),
  tooManyAttempts: (waitMs: number) =>
    ApiError.tooManyRequests(
      'TOO_MANY_ATTEMPTS',
      `Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ${Math.ceil(waitMs / 60_000)} phút.`,
      Math.ceil(waitMs / 1000),
    ),
  currentPasswordWrong: () =>
    ApiError.badRequest('CURRENT_PASSWORD_WRONG', 'Mật khẩu hiện tại không đúng.'),
  passwordUnchanged: () =>
    ApiError.badRequest('PASSWORD_UNCHANGED', 'Mật khẩu mới phải khác mật khẩu hiện tại.'),
  linkInvalid: () =>
    ApiError.notFound(
      'PASSWORD_LINK_INVALID',
      'Liên kết đặt mật khẩu không đúng; hãy mở lại liên kết trong thư, hoặc yêu cầu gửi thư mới.',
    ),
  linkUsed: () =>
    new ApiError(
      410,
      'PASSWORD_LINK_USED',
      'Liên kết này đã được dùng để đặt mật khẩu. Hãy đăng nhập, hoặc chọn "Quên mật khẩu" để nhận liên kết mới.',
    ),
  linkRevoked: () =>
    new ApiError(
      410,
      'PASSWORD_LINK_REVOKED',
      'Liên kết này không còn dùng được (đã có liên kết mới hơn, hoặc tài khoản đã bị khóa); hãy dùng thư gửi sau cùng.',
    ),
  linkExpired: () =>
    new ApiError(
      410,
      'PASSWORD_LINK_EXPIRED',
      'Liên kết này đã hết hạn; hãy chọn "Quên mật khẩu" để nhận liên kết mới, hoặc nhờ Văn phòng gửi lại.',
    ),
};

const WEAK: Readonly<Record<PasswordProblem, string>> = {
  too_short: 'Mật khẩu cần ít nhất 10 ký tự.',
  too_long: 'Mật khẩu không được dài quá 128 ký tự.',
  common: 'Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.',
  repetitive: 'Mật khẩu có quá ít ký tự khác nhau; hãy chọn mật khẩu khác.',
  contains_email: 'Mật khẩu không được chứa tên hộp thư của bạn.',
};

export const passwordTooWeak = (problem: PasswordProblem): ApiError =>
  ApiError.badRequest('PASSWORD_TOO_WEAK', WEAK[problem], { problem });
