import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { isDomainError } from '../../../../libs/domain/src';
import { ApiError, type ApiErrorBody } from './api-error';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';

/** Stable codes and Vietnamese messages for the errors Nest itself raises. */
const BY_STATUS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' },
  401: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập.' },
  403: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' },
  404: { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Phương thức không được hỗ trợ.' },
  409: { code: 'CONFLICT', message: 'Yêu cầu xung đột với trạng thái hiện tại.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn.' },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Định dạng dữ liệu không được hỗ trợ; hãy gửi JSON.',
  },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Quá nhiều yêu cầu; vui lòng thử lại sau.' },
  503: { code: 'SERVICE_UNAVAILABLE', message: 'Hệ thống tạm thời chưa sẵn sàng.' },
};

/** Renders every error as `{statusCode, code, message}`; unknown errors become a logged 500. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)
      ?.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof ApiError) return exception.getResponse() as ApiErrorBody;
    if (isDomainError(exception)) {
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: exception.code,
        message: exception.message,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const known = BY_STATUS[statusCode] ?? {
        code: 'HTTP_ERROR',
        message: 'Yêu cầu không thực hiện được.',
      };
      const raw = exception.getResponse();
      if (statusCode === 503 && isHealthReport(raw)) {
        const down = Object.keys(raw.error).join(', ');
        return {
          statusCode,
          code: 'UNHEALTHY',
          message: `Hệ thống chưa sẵn sàng: ${down} không hoạt động.`,
          ...raw,
        };
      }
      // Body-parser errors (malformed JSON) and the like keep their technical text as details.
      const details =
        typeof raw === 'object' && raw !== null && !('statusCode' in raw) ? raw : undefined;
      return { statusCode, ...known, ...(details === undefined ? {} : { details }) };
    }
    if (isClientHttpError(exception)) {
      const statusCode = exception.status;
      const known = BY_STATUS[statusCode] ?? {
        code: 'HTTP_ERROR',
        message: 'Yêu cầu không thực hiện được.',
      };
      return { statusCode, ...known };
    }
    if (isDatabaseUnavailable(exception)) {
      // One line, no stack: during an outage every request fails the same way.
      this.logger.warn(`database unavailable: ${errorText(exception)}`);
      return {
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'Không kết nối được cơ sở dữ liệu; vui lòng thử lại sau ít phút.',
        details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
      };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Lỗi hệ thống; vui lòng thử lại sau.',
    };
  }
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${e.message}` : e.message;
}

/** The body Terminus throws with when a health indicator is down. */
function isHealthReport(raw: unknown): raw is { status: string; error: Record<string, unknown> } {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    'error' in raw &&
    typeof raw.error === 'object' &&
    raw.error !== null
  );
}

/**
 * An http-errors 4xx raised by Express middleware before Nest's routing (body-parser: body too
 * large, malformed JSON, unsupported charset): the client's fault, not a 500.
 */
function isClientHttpError(e: unknown): e is Error & { status: number } {
  if (!(e instanceof Error)) return false;
  const { status, expose } = e as Error & { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}
