import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';

/**
 * The `context` of a constraint whose failure has a code of its own (fields.ts): INVALID_DUE for a
 * deadline the domain could not read either, or 413 NOTICE_TOO_LARGE for a value too large to take.
 */
export interface ErrorContext {
  readonly error: {
    readonly status: HttpStatus.BAD_REQUEST | HttpStatus.PAYLOAD_TOO_LARGE;
    readonly code: string;
    readonly message: string;
  };
}

const isErrorContext = (c: unknown): c is ErrorContext =>
  typeof c === 'object' && c !== null && 'error' in c;

interface Failure {
  field: string;
  problems: string[];
  error?: ErrorContext['error'];
}

function flatten(errors: readonly ValidationError[], prefix = ''): Failure[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const error = Object.values(e.contexts ?? {}).find(isErrorContext)?.error;
    const own: Failure[] = e.constraints
      ? [{ field, problems: Object.values(e.constraints), ...(error ? { error } : {}) }]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * DTO validation at the edge: unknown fields are rejected, values are transformed to the DTO
 * types, and a failure is a 400 VALIDATION_FAILED naming the fields (technical detail in `details`,
 * an array: the mark of a request the OpenAPI document already calls invalid). A field with a code
 * of its own: 413 with it whatever else failed, or 400 with it when every failure shares it.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const failed = flatten(errors);
      const details = failed.map(({ field, problems }) => ({ field, problems }));
      const own =
        failed.find((f) => f.error?.status === HttpStatus.PAYLOAD_TOO_LARGE)?.error ??
        (failed.every((f) => f.error && f.error.code === failed[0]?.error?.code)
          ? failed[0]?.error
          : undefined);
      if (own) return new ApiError(own.status, own.code, own.message, details);
      const fields = [...new Set(details.map((d) => d.field))].join(', ');
      return ApiError.badRequest('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${fields}.`, details);
    },
  });
}
