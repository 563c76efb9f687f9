import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, ValidateIf } from 'class-validator';
import { MaxChars } from '../common/fields';

const MAX = 254;

/**
 * An e-mail address, validated and documented from one statement (ADR 0021's rule): `format:
 * email` and at most 254 characters in the document, the same at the edge. A host without a dot
 * is accepted (`…@dondoc.local` mailboxes of the development stack have one, others may not).
 */
export function Email(
  o: { optional?: boolean; nullable?: boolean; example?: string; description?: string } = {},
): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'email',
      maxLength: MAX,
      required: o.optional !== true,
      ...(o.nullable ? { nullable: true } : {}),
      ...(o.example === undefined ? {} : { example: o.example }),
      ...(o.description === undefined ? {} : { description: o.description }),
    }),
    ...(o.optional || o.nullable
      ? [
          ValidateIf(
            (_: unknown, v: unknown) =>
              !(o.optional && v === undefined) && !(o.nullable && v === null),
          ),
        ]
      : []),
    IsString(),
    MaxChars(MAX),
    IsEmail({ require_tld: false }),
  );
}
