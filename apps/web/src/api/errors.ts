import type { ApiErrorBody } from './client';

/** A failed API call: the HTTP status, the API's stable code and its Vietnamese message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

const isErrorBody = (body: unknown): body is ApiErrorBody =>
  typeof body === 'object' && body !== null && 'message' in body && 'code' in body;

/** The data of an openapi-fetch answer, or an ApiFailure carrying the API's message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  const body = result.error;
  if (isErrorBody(body)) throw new ApiFailure(result.response.status, body.code, body.message);
  throw new ApiFailure(
    result.response.status,
    'HTTP_ERROR',
    `Không thực hiện được yêu cầu (mã ${result.response.status}).`,
  );
}

/** The Vietnamese message to show for any error. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiFailure) return err.message;
  return 'Không kết nối được với máy chủ; vui lòng thử lại.';
}

export const statusOf = (err: unknown): number | null =>
  err instanceof ApiFailure ? err.status : null;
