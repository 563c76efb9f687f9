import { ApiProperty } from '@nestjs/swagger';

/** A response field that is a string or null (without `type`, OpenAPI would call it an object). */
export const nullableString = (description?: string): PropertyDecorator =>
  ApiProperty({ type: String, nullable: true, ...(description ? { description } : {}) });
