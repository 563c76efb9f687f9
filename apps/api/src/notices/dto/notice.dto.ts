import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, ValidateIf } from 'class-validator';
import {
  Bool,
  CivilDate,
  codePoints,
  Int,
  List,
  Nested,
  OneOf,
  Text,
  Uuid,
} from '../../common/fields';
import { PolicyDto } from '../../common/policy.dto';

/** A notice of up to 500,000 characters is taken; a longer one is 413 NOTICE_TOO_LARGE. */
export const NOTICE_MAX_CHARS = 500_000;
export const NOTICE_TOO_LARGE = {
  code: 'NOTICE_TOO_LARGE',
  message: 'Văn bản thông báo dài quá 500.000 ký tự; vui lòng tách thành nhiều văn bản.',
} as const;

const noticeText = (description: string): PropertyDecorator =>
  Text({
    max: NOTICE_MAX_CHARS,
    notBlank: true,
    tooLong: { status: 413, ...NOTICE_TOO_LARGE },
    description: `${description} Over ${NOTICE_MAX_CHARS} characters: 413 NOTICE_TOO_LARGE.`,
  });

export class PreviewNoticeDto {
  @noticeText('The text of a Thông báo kết luận, as copied from the PDF.')
  text!: string;
}

const AGENCY_MAX = 300;
const TEXT_MAX = 10_000;
const agencyNames = { kind: 'text', max: AGENCY_MAX } as const;

/** An agency and the words that named it, as the preview gave them (ADR 0014). */
export class AgencyPhraseDto {
  @Text({ max: AGENCY_MAX, example: 'Sở Tài chính' })
  name!: string;

  @Text({ max: AGENCY_MAX, example: 'Sở TC' })
  phrase!: string;
}

/**
 * A deadline as the preview gave it (ParsedDeadline), possibly edited: which fields matter depends
 * on `kind`. Their meaning is the domain's, read at confirmation for every item at once: a date
 * that does not exist or a recurrence that cannot recur (day 32) is 400 NOTICE_ITEMS_INVALID
 * naming each item to fix, not a refusal of the request's shape.
 */
const COUNT = { optional: true, min: 0, max: 1_000_000 } as const;
export class DeadlineDto {
  /** What the domain reads it as (notice-items.ts: a record by kind). */
  [key: string]: unknown;

  @OneOf(['date', 'recurring', 'relative', 'none'] as const)
  kind!: 'date' | 'recurring' | 'relative' | 'none';

  @Text({ optional: true, max: TEXT_MAX, description: 'The words it came from' })
  phrase?: string;

  @Text({ optional: true, max: 40, description: 'date: the day, YYYY-MM-DD' })
  due?: string;

  @OneOf(['weekly', 'monthly', 'quarterly', 'yearly'] as const, { optional: true })
  frequency?: 'weekly' | 'monthly' | 'quarterly' | 'yearly';

  @Int({ ...COUNT, description: 'recurring: day of the month 1–31 (weekly: ISO weekday 1–7)' })
  day?: number;

  @List({
    optional: true,
    of: { kind: 'int', min: 0, max: 1_000_000 },
    maxItems: 12,
    description: 'recurring: months (1–12) in which a period ends',
  })
  months?: number[];

  @Int({ ...COUNT, description: 'recurring: month of a yearly date' })
  month?: number;

  @Int({ ...COUNT, description: 'recurring: months between periods' })
  interval?: number;

  @Int({ ...COUNT, description: 'relative: how many days' })
  days?: number;

  @Bool({ optional: true, description: 'relative: working days' })
  workingDays?: boolean;

  @Text({ optional: true, max: TEXT_MAX, description: 'relative: counted from' })
  from?: string;
}

/** A lead agency named by code or name, or the parser's list of them (the first one leads). */
const AgencyOrAgencies = (): PropertyDecorator => {
  const name = (v: unknown): boolean => typeof v === 'string' && codePoints(v) <= AGENCY_MAX;
  return (target: object, key: string | symbol) => {
    ApiProperty({
      required: false,
      description:
        'Lead agency: a code ("STC") or a canonical name ("Sở Tài chính"), or the preview\'s ' +
        'list of them (the first one leads)',
      oneOf: [
        { type: 'string', maxLength: AGENCY_MAX },
        { type: 'array', items: { type: 'string', maxLength: AGENCY_MAX }, maxItems: 10 },
      ],
    })(target, key);
    ValidateIf((_: unknown, v: unknown) => v !== undefined)(target, key);
    ValidateBy({
      name: 'agencyOrAgencies',
      validator: {
        validate: (v: unknown) =>
          name(v) || (Array.isArray(v) && v.length <= 10 && v.every((x) => name(x))),
        defaultMessage: () =>
          `$property must be an agency (at most ${AGENCY_MAX} characters) or a list of at most 10`,
      },
    })(target, key);
  };
};

/** One item as the secretariat confirms it: the parser's output, possibly corrected. */
export class ConfirmItemDto {
  @Text({ optional: true, max: 40, example: '2.g.1' })
  code?: string;

  @Text({ max: TEXT_MAX, notBlank: true })
  text!: string;

  @AgencyOrAgencies()
  lead?: string | string[];

  @List({
    optional: true,
    of: agencyNames,
    maxItems: 50,
    description: 'Co-ordinating agencies, codes or names',
  })
  support?: string[];

  @Text({ optional: true, max: 200, example: 'UBND tỉnh' })
  reportTo?: string;

  @Text({
    optional: true,
    max: 40,
    description:
      'A correction that wins over `deadline`: "YYYY-MM-DD" or an ISO instant with its offset ' +
      '(one the domain cannot read: 400 NOTICE_ITEMS_INVALID naming the item)',
  })
  due?: string;

  @Nested(() => DeadlineDto, { optional: true })
  deadline?: DeadlineDto;

  @Nested(() => AgencyPhraseDto, {
    optional: true,
    maxItems: 100,
    description:
      "The preview's agencyPhrases, accepted so that its items can be sent back as they are",
  })
  agencyPhrases?: AgencyPhraseDto[];

  @Nested(() => PolicyDto, { optional: true })
  policy?: PolicyDto;
}

export class ParsedNoticeHeaderDto {
  @Text({ optional: true, nullable: true, max: TEXT_MAX }) title?: string | null;
  @Text({ optional: true, nullable: true, max: 200, description: 'Số hiệu, e.g. "12/TB-BCĐ"' })
  number?: string | null;
  @CivilDate({ optional: true, nullable: true }) issuedOn?: string | null;
  @CivilDate({ optional: true, nullable: true }) meetingDate?: string | null;
  @Text({ optional: true, nullable: true, max: TEXT_MAX }) chair?: string | null;
}

/** An item of a ParsedNotice sent back (used when the request has no `items`). */
export class ParsedItemDto {
  @Text({ optional: true, max: 40 }) code?: string;
  @Text({ max: TEXT_MAX, notBlank: true }) text!: string;
  @List({ of: agencyNames, maxItems: 10, description: 'Lead agencies (the first one leads)' })
  lead!: string[];
  @List({ optional: true, of: agencyNames, maxItems: 50 }) support?: string[];
  @Text({ optional: true, max: 200 }) reportTo?: string;
  @Nested(() => DeadlineDto, { optional: true }) deadline?: DeadlineDto;
  @Nested(() => AgencyPhraseDto, { optional: true, maxItems: 100 })
  agencyPhrases?: AgencyPhraseDto[];
}

/** The preview's `existingNotice`, accepted (and ignored) so that a preview can be sent back whole. */
export class ExistingNoticeDto {
  @Uuid() id!: string;
  @Text({ nullable: true, max: 200 }) number!: string | null;
  @Text({ max: 40 }) createdAt!: string;
  @Bool() sameText!: boolean;
}

/** A ParsedNotice (shared/contracts/parsed-notice.md), e.g. the preview, corrected. */
export class ParsedNoticeDto {
  @Nested(() => ParsedNoticeHeaderDto, { optional: true }) notice?: ParsedNoticeHeaderDto;
  @Nested(() => ParsedItemDto, { optional: true, maxItems: 500 }) items?: ParsedItemDto[];
  @List({ optional: true, of: { kind: 'text', max: TEXT_MAX }, maxItems: 2000 })
  warnings?: string[];
  @Nested(() => ExistingNoticeDto, { optional: true, nullable: true })
  existingNotice?: ExistingNoticeDto | null;
}

/** `text`, `parsed` or both (openapi.ts states it as `anyOf`; the validator below checks it). */
export class ConfirmNoticeDto {
  @ApiProperty({ required: false })
  @ValidateIf((o: ConfirmNoticeDto) => o.text !== undefined || o.parsed === undefined)
  @noticeText(
    'The notice text (kept, and hashed so confirming twice starts nothing twice); required ' +
      'without `parsed`.',
  )
  text?: string;

  @Nested(() => ParsedNoticeDto, {
    optional: true,
    description: 'A ParsedNotice (e.g. the preview, corrected); required without `text`',
  })
  parsed?: ParsedNoticeDto;

  @Nested(() => ConfirmItemDto, {
    optional: true,
    maxItems: 500,
    description: 'The items to start; default: the parsed items',
  })
  items?: ConfirmItemDto[];
}
