import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { nullableString } from '../../common/nullable-string';

/** The OpenAPI description of the parser's ParsedNotice (shared/contracts/parsed-notice.md). */
export class ParsedNoticeHeaderResponse {
  @nullableString() title!: string | null;
  @nullableString() number!: string | null;
  @nullableString('YYYY-MM-DD') issuedOn!: string | null;
  @nullableString('YYYY-MM-DD') meetingDate!: string | null;
  @nullableString() chair!: string | null;
}

/** One deadline; which fields are set depends on `kind`. */
export class ParsedDeadlineResponse {
  @ApiProperty({ enum: ['date', 'recurring', 'relative', 'none'] })
  kind!: 'date' | 'recurring' | 'relative' | 'none';
  @ApiPropertyOptional({ description: 'The words it came from' }) phrase?: string;
  @ApiPropertyOptional({ description: 'date: YYYY-MM-DD' }) due?: string;
  @ApiPropertyOptional({ enum: ['weekly', 'monthly', 'quarterly', 'yearly'] })
  frequency?: 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  @ApiPropertyOptional() day?: number;
  @ApiPropertyOptional({ type: [Number] }) months?: number[];
  @ApiPropertyOptional() month?: number;
  @ApiPropertyOptional() interval?: number;
  @ApiPropertyOptional({ description: 'relative: how many days' }) days?: number;
  @ApiPropertyOptional() workingDays?: boolean;
  @ApiPropertyOptional({ description: 'relative: counted from' }) from?: string;
}

/** An agency of an item and the words that named it in the notice (ADR 0014). */
export class AgencyPhraseResponse {
  @ApiProperty({ description: 'As in lead or support', example: 'Sở Tài chính' }) name!: string;
  @ApiProperty({ description: 'The words as written (NFC, spacing collapsed)', example: 'Sở TC' })
  phrase!: string;
}

export class ParsedItemResponse {
  @ApiProperty({ example: '2.g.1' }) code!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'Lead agencies by canonical name' }) lead!: string[];
  @ApiProperty({ type: [String] }) support!: string[];
  @ApiPropertyOptional() reportTo?: string;
  @ApiProperty({ type: ParsedDeadlineResponse }) deadline!: ParsedDeadlineResponse;
  @ApiPropertyOptional({
    type: [AgencyPhraseResponse],
    description:
      'Beyond contract version 1: for each agency of lead and support, the words that named it ' +
      "(in the item's text or its heading's), to find them in the source",
  })
  agencyPhrases?: AgencyPhraseResponse[];
}

export class ParsedNoticeResponse {
  @ApiProperty({ type: ParsedNoticeHeaderResponse }) notice!: ParsedNoticeHeaderResponse;
  @ApiProperty({ type: [ParsedItemResponse] }) items!: ParsedItemResponse[];
  @ApiProperty({ type: [String], description: 'Vietnamese, "Mục <code>: …" for an item' })
  warnings!: string[];
}

/** A notice confirmed before that this text repeats. */
export class ExistingNoticeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @nullableString('Số hiệu, e.g. "12/TB-BCĐ"') number!: string | null;
  @ApiProperty({ description: 'When it was confirmed (ISO, UTC+7)' }) createdAt!: string;
  @ApiProperty({
    description:
      'true: the same text (confirming again starts nothing); false: another text with the same number and date',
  })
  sameText!: boolean;
}

/** The preview: the parsed notice and whether it was confirmed before. */
export class NoticePreviewResponse extends ParsedNoticeResponse {
  @ApiProperty({ type: ExistingNoticeResponse, nullable: true })
  existingNotice!: ExistingNoticeResponse | null;
}
