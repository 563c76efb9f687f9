import type { AccountProblem } from '../../../../libs/persistence/src';
import type { AccountChangeRefusal } from '../../../../libs/security/src';
import { ApiError } from '../common/api-error';
import { agencyInMessage } from '../common/agency-in-message';

/** The agency an account was to be attached to: its code, and its name when the directory has it. */
export interface AccountAgency {
  readonly code: string | null;
  readonly name?: string;
}

/** The refusals of account administration: stable codes, Vietnamese messages. */
export function accountProblemError(problem: AccountProblem, agency: AccountAgency): ApiError {
  const agencyCode = agency.code;
  switch (problem) {
    case 'email_taken':
      return ApiError.conflict('EMAIL_TAKEN', 'Đã có tài khoản với địa chỉ thư điện tử này.');
    case 'agency_required':
      return ApiError.badRequest(
        'AGENCY_REQUIRED',
        'Tài khoản vai trò Cơ quan cần chọn một cơ quan.',
      );
    case 'agency_not_allowed':
      return ApiError.badRequest(
        'AGENCY_NOT_ALLOWED',
        'Chỉ tài khoản vai trò Cơ quan mới gắn với một cơ quan.',
      );
    case 'unknown_agency':
      return ApiError.badRequest(
        'UNKNOWN_AGENCY',
        `Không có cơ quan mã ${agencyCode ?? ''} trong danh mục.`,
        { missing: [agencyCode] },
      );
    case 'agency_inactive':
      return ApiError.badRequest(
        'AGENCY_INACTIVE',
        `${agencyInMessage({ ...agency, code: agencyCode ?? '' })} đã ngừng hoạt động; ` +
          'không gắn được tài khoản mới với cơ quan này.',
        { inactive: [agencyCode] },
      );
  }
}

export function accountChangeRefusalError(refusal: AccountChangeRefusal): ApiError {
  switch (refusal) {
    case 'self':
      return ApiError.conflict(
        'CANNOT_CHANGE_SELF',
        'Bạn không thể tự khóa hoặc đổi vai trò của chính tài khoản mình.',
      );
    case 'last_secretariat':
      return ApiError.conflict(
        'LAST_SECRETARIAT',
        'Đây là tài khoản Văn phòng cuối cùng còn hoạt động; hãy tạo hoặc mở lại một tài khoản Văn phòng khác trước.',
      );
  }
}

export const userNotFound = (): ApiError =>
  ApiError.notFound('USER_NOT_FOUND', 'Không tìm thấy tài khoản.');

export const accountDisabledConflict = (): ApiError =>
  ApiError.conflict(
    'ACCOUNT_DISABLED',
    'Tài khoản này đang bị khóa; hãy mở lại trước khi gửi thư đặt mật khẩu.',
  );
