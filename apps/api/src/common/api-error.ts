import { HttpException, HttpStatus } from '@nestjs/common';

/** The error body of every failed request: a stable machine `code` and a Vietnamese `message`. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

/** An HTTP error with a stable code; the exception filter renders it as ApiErrorBody. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(
      { statusCode: status, code, message, ...(details === undefined ? {} : { details }) },
      status,
    );
  }

  static badRequest(code: string, message: string, details?: unknown): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, code, message, details);
  }
  static unauthorized(code: string, message: string): ApiError {
    return new ApiError(HttpStatus.UNAUTHORIZED, code, message);
  }
  static forbidden(message = 'Bạn không có quyền thực hiện thao tác này.'): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
  }
  static notFound(code: string, message: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, code, message);
  }
  static conflict(code: string, message: string, details?: unknown): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, message, details);
  }
  /** 429; the error filter sends `retryAfterSeconds` as the Retry-After header too. */
  static tooManyRequests(code: string, message: string, retryAfterSeconds: number): ApiError {
    return new ApiError(HttpStatus.TOO_MANY_REQUESTS, code, message, { retryAfterSeconds });
  }
}
