import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { ApiErrorBody } from './api-error';

/** The OpenAPI description of every error body (ApiErrorBody). */
export class ApiErrorResponse implements ApiErrorBody {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 409 }) statusCode!: number;
  @ApiProperty({
    description: 'Stable machine code',
    pattern: '^[A-Z][A-Z0-9_]*$',
    example: 'INVALID_TRANSITION',
  })
  code!: string;
  @ApiProperty({ description: 'Vietnamese message for the user', minLength: 1 }) message!: string;
  @ApiPropertyOptional({
    description:
      'Technical detail: the fields that failed (VALIDATION_FAILED, an array), the items to fix ' +
      '(NOTICE_ITEMS_INVALID), why a link is revoked, when to retry (429), …',
    oneOf: [
      { type: 'array', items: {} },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: unknown;
}

const MEANING = {
  400: 'Invalid input (VALIDATION_FAILED, INVALID_COMMAND, UNKNOWN_AGENCY, …)',
  401: 'No valid bearer token (or wrong credentials)',
  403: 'Authenticated, but not allowed',
  404: 'Not found',
  409: 'The item’s status forbids it (INVALID_TRANSITION, ITEM_CLOSED, ITEM_NOT_STARTED)',
  410: 'Gone (e.g. a link that is no longer valid)',
  413: 'The body is too large (PAYLOAD_TOO_LARGE: over the byte limit of the route)',
  429: 'Too many failed attempts (TOO_MANY_ATTEMPTS); Retry-After says when to try again',
  503: 'The item’s workflow did not take the command in time (WORKFLOW_UNAVAILABLE); nothing changed',
} as const;

export type ErrorStatus = keyof typeof MEANING;

/** Declares the error statuses a route answers with, each with the ApiErrorResponse body. */
export const ApiErrors = (...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: MEANING[status], type: ApiErrorResponse }),
    ),
  );

/** One error status with a meaning of the route's own (e.g. 413 NOTICE_TOO_LARGE). */
export const ApiErrorStatus = (
  status: number,
  description: string,
): MethodDecorator & ClassDecorator => ApiResponse({ status, description, type: ApiErrorResponse });
