import { HttpStatus } from '@nestjs/common';
import type { LinkScope } from '../../../../libs/security/src';
import { ApiError } from '../common/api-error';

/** Every refusal of a link ends with the way on: the login (the web app shows it as a page). */
const LOG_IN = 'Vui lòng đăng nhập để tiếp tục.';

/** 401 LINK_INVALID: not a link we signed (tampered, truncated, another server's). */
export const linkInvalid = (): ApiError =>
  ApiError.unauthorized('LINK_INVALID', `Liên kết không hợp lệ hoặc đã bị thay đổi. ${LOG_IN}`);

/** 410 LINK_EXPIRED: more than 30 days since the mail. */
export const linkExpired = (): ApiError =>
  new ApiError(
    HttpStatus.GONE,
    'LINK_EXPIRED',
    `Liên kết đã hết hạn (quá 30 ngày kể từ ngày gửi thư). ${LOG_IN}`,
  );

const REVOKED: Readonly<Record<Exclude<LinkScope, 'ok' | 'other_item'>, string>> = {
  closed: 'Liên kết không còn hiệu lực vì nhiệm vụ đã kết thúc.',
  reassigned: 'Liên kết không còn hiệu lực vì nhiệm vụ đã được giao cho cơ quan khác chủ trì.',
  deadline_changed:
    'Liên kết không còn hiệu lực vì thời hạn nhiệm vụ đã thay đổi; thư mới nhất có liên kết mới.',
};

/** 410 LINK_REVOKED: genuine, but the item closed, changed lead or deadline since the mail. */
export const linkRevoked = (reason: keyof typeof REVOKED): ApiError =>
  new ApiError(HttpStatus.GONE, 'LINK_REVOKED', `${REVOKED[reason]} ${LOG_IN}`, { reason });
