import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type SchemaObject } from '@nestjs/swagger';

import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { isCivilDate } from '../../../../libs/domain/src';
import type { ErrorContext } from './validation';

/**
 * Field decorators that validate a DTO property and describe it in OpenAPI from one statement, so
 * the document says exactly what the edge accepts (ADR 0021). Patterns are written for both
 * ECMAScript (class-validator) and the OpenAPI tools: `[0-9]`, never `\d` (Unicode digits elsewhere).
 */

/** What every field takes: absent allowed (`null` is not absent), null allowed, description, example. */
export interface FieldOptions {
  readonly optional?: boolean;
  readonly nullable?: boolean;
  readonly description?: string;
  readonly example?: unknown;
}

export const AGENCY_CODE = /^[A-Z0-9_-]{1,32}$/;
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** A civil date as the domain takes it (isCivilDate: years 1000–9999, a real day). */
export const CIVIL_DATE = /^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$/;
/** An RFC 3339 instant the domain reads (parseDueInput): seconds, ≤ 9 decimals, offset ≤ 18 h. */
export const INSTANT =
  /^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?([Zz]|[+-](0[0-9]|1[0-8]):[0-5][0-9])$/;
/**
 * What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator), spelled out so
 * that every regex engine reading the document agrees.
 */
const WHITE_SPACE =
  '\\u0009\\u000a\\u000b\\u000c\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Something besides white space. */
export const NOT_BLANK = new RegExp(`[^${WHITE_SPACE}]`);
/**
 * No U+0000 anywhere: PostgreSQL stores no NUL in text or jsonb, so a note carrying one could
 * never be recorded and its item's workflow would retry the write forever (Schemathesis found it).
 */
// eslint-disable-next-line no-control-regex -- U+0000 is the character refused
export const NO_NUL = /^[^\u0000]*$/;
/** NO_NUL and NOT_BLANK in one pattern, as the document can state only one per field. */
export const NOT_BLANK_NO_NUL = new RegExp(`^[^\\u0000]*[^\\u0000${WHITE_SPACE}][^\\u0000]*$`);

/** JSON Schema counts a string's length in code points, JavaScript in UTF-16 units. */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

interface Described {
  required: boolean;
  nullable?: boolean;
  description?: string;
  example?: unknown;
}

const schemaOf = (o: FieldOptions): Described => ({
  required: o.optional !== true,
  ...(o.nullable ? { nullable: true } : {}),
  ...(o.description === undefined ? {} : { description: o.description }),
  ...(o.example === undefined ? {} : { example: o.example }),
});

const absentAllowed = (o: FieldOptions): PropertyDecorator[] =>
  o.optional || o.nullable
    ? [
        ValidateIf(
          (_: unknown, v: unknown) =>
            !(o.optional && v === undefined) && !(o.nullable && v === null),
        ),
      ]
    : [];

/** At most `max` code points (the validator and the document count alike). */
export const MaxChars = (max: number, opts: ValidationOptions = {}): PropertyDecorator =>
  ValidateBy(
    {
      name: 'maxChars',
      constraints: [max],
      validator: {
        // Not a string: IsString's failure, not this one (which may carry a 413).
        validate: (v: unknown) => typeof v !== 'string' || codePoints(v) <= max,
        defaultMessage: () => `$property must be at most ${max} characters long`,
      },
    },
    opts,
  );

const MatchesRe = (re: RegExp, name: string, opts: ValidationOptions = {}): PropertyDecorator =>
  ValidateBy(
    {
      name,
      constraints: [re.source],
      validator: {
        validate: (v: unknown) => typeof v === 'string' && re.test(v),
        defaultMessage: () => `$property must match ${re.source}`,
      },
    },
    opts,
  );

export interface TextOptions extends FieldOptions {
  readonly max: number;
  /** At least one character that is not white space (implies a length of 1 or more). */
  readonly notBlank?: boolean;
  /** Stored without surrounding white space (the length bound applies to what was sent). */
  readonly trim?: boolean;
  /** Over `max`: this error (e.g. 413 NOTICE_TOO_LARGE) instead of VALIDATION_FAILED. */
  readonly tooLong?: ErrorContext['error'];
}

/** Leaves an over-long value as sent, so that the length bound judges what the client sent. */
const trimWithin =
  (max: number) =>
  ({ value }: { value: unknown }): unknown =>
    typeof value === 'string' && codePoints(value) <= max ? value.trim() : value;

/** A string up to `max` code points; `notBlank`: with something besides white space. */
export function Text(o: TextOptions): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      ...schemaOf(o),
      type: String,
      maxLength: o.max,
      ...(o.notBlank
        ? { minLength: 1, pattern: NOT_BLANK_NO_NUL.source }
        : { pattern: NO_NUL.source }),
    }),
    ...absentAllowed(o),
    ...(o.trim ? [Transform(trimWithin(o.max))] : []),
    IsString(),
    MaxChars(o.max, o.tooLong ? { context: { error: o.tooLong } } : {}),
    MatchesRe(NO_NUL, 'noNul'),
    ...(o.notBlank ? [MatchesRe(NOT_BLANK, 'notBlank')] : []),
  );
}

/** A string matching `re` (anchored), e.g. an agency code. */
export function Pattern(re: RegExp, o: FieldOptions & { name: string }): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ ...schemaOf(o), type: String, pattern: re.source }),
    ...absentAllowed(o),
    IsString(),
    MatchesRe(re, o.name),
  );
}

export const AgencyCode = (o: FieldOptions = {}): PropertyDecorator =>
  Pattern(AGENCY_CODE, { example: 'STC', ...o, name: 'agencyCode' });

export function Uuid(o: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ ...schemaOf(o), type: String, format: 'uuid', pattern: UUID.source }),
    ...absentAllowed(o),
    IsString(),
    MatchesRe(UUID, 'uuid'),
  );
}

/** A real calendar day "YYYY-MM-DD" (not 2026-02-30), years 1000–9999 as the domain takes them. */
export function CivilDate(o: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      ...schemaOf(o),
      type: String,
      format: 'date',
      pattern: CIVIL_DATE.source,
    }),
    ...absentAllowed(o),
    ValidateBy({
      name: 'civilDate',
      validator: {
        validate: (v: unknown) => isCivilDate(v),
        defaultMessage: () => '$property must be a date YYYY-MM-DD',
      },
    }),
  );
}

const LAST_DAY = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** An RFC 3339 instant (INSTANT) naming a real day. */
export function isInstant(v: unknown): boolean {
  if (typeof v !== 'string' || !INSTANT.test(v)) return false;
  const [y, m, d] = v.slice(0, 10).split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= LAST_DAY(y, m);
}

export const DUE_DESCRIPTION =
  '"YYYY-MM-DD" (the end of that day, Asia/Ho_Chi_Minh; legally due at the end of the next ' +
  'working day when it is a day off) or an RFC 3339 instant with its offset (exactly then)';

/** A deadline is written in the domain's DUE_YEARS, 2000–2099 (resolveNewDue), in the document too. */
const DUE_DATE = /^20[0-9]{2}-[0-9]{2}-[0-9]{2}$/;
const DUE_INSTANT = new RegExp(`^20[0-9]{2}${INSTANT.source.slice('^[1-9][0-9]{3}'.length)}`);
const isDueYear = (v: unknown): boolean => typeof v === 'string' && /^20[0-9]{2}-/.test(v);

/** The domain's code for a deadline it cannot read (parseDueInput), kept at the edge. */
const INVALID_DUE: ErrorContext['error'] = {
  status: 400,
  code: 'INVALID_DUE',
  message:
    'Hạn xử lý không hợp lệ. Dùng ngày YYYY-MM-DD hoặc thời điểm ISO-8601 có múi giờ ' +
    '(ví dụ 2026-02-03T17:00:00+07:00), trong các năm từ 2000 đến 2099.',
};

/** A deadline: a civil date or an exact instant (the domain's parseDueInput reads both). */
export function Due(o: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      ...schemaOf(o),
      description: o.description ?? DUE_DESCRIPTION,
      anyOf: [
        { type: 'string' as const, format: 'date', pattern: DUE_DATE.source },
        { type: 'string' as const, format: 'date-time', pattern: DUE_INSTANT.source },
      ],
    }),
    ...absentAllowed(o),
    ValidateBy(
      {
        name: 'due',
        validator: {
          validate: (v: unknown) => isDueYear(v) && (isCivilDate(v) || isInstant(v)),
          defaultMessage: () => '$property must be a date YYYY-MM-DD or an RFC 3339 instant',
        },
      },
      { context: { error: INVALID_DUE } satisfies ErrorContext },
    ),
  );
}

export interface IntOptions extends FieldOptions {
  readonly min: number;
  readonly max: number;
}

export function Int(o: IntOptions): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ ...schemaOf(o), type: 'integer', minimum: o.min, maximum: o.max }),
    ...absentAllowed(o),
    IsInt(),
    Min(o.min),
    Max(o.max),
  );
}

export function Bool(o: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ ...schemaOf(o), type: Boolean }),
    ...absentAllowed(o),
    IsBoolean(),
  );
}

export function OneOf<T extends string>(
  values: readonly T[],
  o: FieldOptions & { enumName?: string } = {},
): PropertyDecorator {
  return applyDecorators(
    ApiProperty(
      o.enumName
        ? { ...schemaOf(o), enum: [...values], enumName: o.enumName }
        : { ...schemaOf(o), enum: [...values] },
    ),
    ...absentAllowed(o),
    IsIn([...values]),
  );
}

/** Each element of an array field, as the document and the validator read it. */
export type Element =
  | { readonly kind: 'text'; readonly max: number }
  | {
      readonly kind: 'pattern';
      readonly re: RegExp;
      readonly name: string;
      readonly error?: ErrorContext['error'];
    }
  | { readonly kind: 'int'; readonly min: number; readonly max: number };

export interface ListOptions extends FieldOptions {
  readonly of: Element;
  readonly maxItems: number;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
}

export function List(o: ListOptions): PropertyDecorator {
  const e = o.of;
  const items: SchemaObject =
    e.kind === 'text'
      ? { type: 'string', maxLength: e.max, pattern: NO_NUL.source }
      : e.kind === 'pattern'
        ? { type: 'string', pattern: e.re.source }
        : { type: 'integer', minimum: e.min, maximum: e.max };
  const each =
    e.kind === 'text'
      ? [
          IsString({ each: true }),
          MaxChars(e.max, { each: true }),
          MatchesRe(NO_NUL, 'noNul', { each: true }),
        ]
      : e.kind === 'pattern'
        ? [
            MatchesRe(e.re, e.name, {
              each: true,
              ...(e.error ? { context: { error: e.error } } : {}),
            }),
          ]
        : [IsInt({ each: true }), Min(e.min, { each: true }), Max(e.max, { each: true })];
  return applyDecorators(
    ApiProperty({
      ...schemaOf(o),
      type: 'array' as const,
      items,
      maxItems: o.maxItems,
      ...(o.minItems === undefined ? {} : { minItems: o.minItems }),
      ...(o.uniqueItems ? { uniqueItems: true } : {}),
    }),
    ...absentAllowed(o),
    IsArray(),
    ArrayMaxSize(o.maxItems),
    ...(o.minItems === undefined ? [] : [ArrayMinSize(o.minItems)]),
    ...(o.uniqueItems ? [Unique()] : []),
    ...each,
  );
}

const Unique = (): PropertyDecorator =>
  ValidateBy({
    name: 'uniqueItems',
    validator: {
      validate: (v: unknown) => Array.isArray(v) && new Set(v).size === v.length,
      defaultMessage: () => '$property must not repeat an element',
    },
  });

/** A nested object (a DTO class), or with `maxItems` an array of them. */
export function Nested(
  type: () => abstract new () => object,
  o: FieldOptions & { maxItems?: number } = {},
): PropertyDecorator {
  const isArray = o.maxItems !== undefined;
  return applyDecorators(
    ApiProperty(
      isArray
        ? { ...schemaOf(o), type: type(), isArray: true, maxItems: o.maxItems }
        : { ...schemaOf(o), type: type() },
    ),
    ...absentAllowed(o),
    ...(isArray ? [IsArray(), ArrayMaxSize(o.maxItems ?? 0)] : []),
    IsObject({ each: isArray }),
    ValidateNested({ each: isArray }),
    Type(type),
  );
}

/**
 * Query parameters. An empty one (`?status=`, as a form sends it) is absent, and the document says
 * so (`allowEmptyValue`: @nestjs/swagger moves it from the property onto the parameter; its types
 * know it only as a parameter's). Numbers and booleans are read strictly: `?limit=0x10` or
 * `?overdue=1` stay strings and fail.
 */
const EMPTY_IS_ABSENT = ApiProperty({ allowEmptyValue: true } as Parameters<typeof ApiProperty>[0]);
const emptyAsAbsent = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;
const intParam = ({ value }: { value: unknown }): unknown =>
  value === ''
    ? undefined
    : typeof value === 'string' && /^-?[0-9]+$/.test(value)
      ? Number(value)
      : value;
const boolParam = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value;

export const QueryParam = {
  /** Wraps a field decorator with the empty-is-absent rule (always optional). */
  of: (field: PropertyDecorator): PropertyDecorator =>
    applyDecorators(Transform(emptyAsAbsent), field, EMPTY_IS_ABSENT),
  int: (o: Omit<IntOptions, 'optional'>): PropertyDecorator =>
    applyDecorators(Transform(intParam), Int({ ...o, optional: true }), EMPTY_IS_ABSENT),
  bool: (o: Omit<FieldOptions, 'optional'> = {}): PropertyDecorator =>
    applyDecorators(Transform(boolParam), Bool({ ...o, optional: true }), EMPTY_IS_ABSENT),
};
