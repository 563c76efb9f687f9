import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { ApiErrorBody } from './api-error';

/** The OpenAPI description of every error body (ApiErrorBody). */
export class ApiErrorResponse implements ApiErrorBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ description: 'Stable machine code', example: 'INVALID_TRANSITION' })
  code!: string;
  @ApiProperty({ description: 'Vietnamese message for the user' }) message!: string;
  @ApiPropertyOptional({ description: 'Technical detail (e.g. the fields that failed)' })
  details?: unknown;
}

const MEANING: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED, INVALID_COMMAND, UNKNOWN_AGENCY, …)',
  401: 'No valid bearer token (or wrong credentials)',
  403: 'Authenticated, but not allowed',
  404: 'Not found',
  409: 'The item’s status forbids it (INVALID_TRANSITION, ITEM_CLOSED, ITEM_NOT_STARTED)',
  410: 'Gone (e.g. a link that is no longer valid)',
  429: 'Too many failed attempts (TOO_MANY_ATTEMPTS); Retry-After says when to try again',
};

/** Declares the error statuses a route answers with, each with the ApiErrorResponse body. */
export const ApiErrors = (
  ...statuses: (keyof typeof MEANING)[]
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: MEANING[status], type: ApiErrorResponse }),
    ),
  );
