import { HttpException } from '@nestjs/common';
import { isDomainError } from '../../../../libs/domain/src';
import type { AuditOutcome } from '../../../../libs/persistence/src';
import { isDatabaseUnavailable } from '../common/database-unavailable';

export interface FailureFacts {
  readonly statusCode: number;
  readonly code: string | null;
}

/** The status and stable code a thrown error will be answered with (as the error filter does). */
export function failureFacts(err: unknown): FailureFacts {
  if (isDomainError(err)) return { statusCode: 400, code: err.code };
  if (err instanceof HttpException) {
    const body = err.getResponse();
    const code =
      typeof body === 'object' &&
      body !== null &&
      typeof (body as { code?: unknown }).code === 'string'
        ? (body as { code: string }).code
        : null;
    return { statusCode: err.getStatus(), code };
  }
  if (isDatabaseUnavailable(err)) return { statusCode: 503, code: 'DATABASE_UNAVAILABLE' };
  return { statusCode: 500, code: 'INTERNAL_ERROR' };
}

/** 401 and 403 are refusals (who may not); any other error is a failure (what could not be). */
export function outcomeOf(statusCode: number): AuditOutcome {
  if (statusCode < 400) return 'success';
  return statusCode === 401 || statusCode === 403 ? 'refused' : 'failure';
}

export const isRefusal = (statusCode: number): boolean => outcomeOf(statusCode) === 'refused';
