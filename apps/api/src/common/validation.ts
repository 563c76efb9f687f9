import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';

function flatten(
  errors: readonly ValidationError[],
  prefix = '',
): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * DTO validation at the edge: unknown fields are rejected, values are transformed to the DTO
 * types, and a failure is a 400 VALIDATION_FAILED naming the fields (technical detail in `details`).
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = [...new Set(details.map((d) => d.field))].join(', ');
      return ApiError.badRequest('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${fields}.`, details);
    },
  });
}
