import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const nullableString = (description?: string) =>
  ApiProperty({ type: String, nullable: true, ...(description ? { description } : {}) });

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

export class ParsedItemResponse {
  @ApiProperty({ example: '2.g.1' }) code!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'Lead agencies by canonical name' }) lead!: string[];
  @ApiProperty({ type: [String] }) support!: string[];
  @ApiPropertyOptional() reportTo?: string;
  @ApiProperty({ type: ParsedDeadlineResponse }) deadline!: ParsedDeadlineResponse;
}

export class ParsedNoticeResponse {
  @ApiProperty({ type: ParsedNoticeHeaderResponse }) notice!: ParsedNoticeHeaderResponse;
  @ApiProperty({ type: [ParsedItemResponse] }) items!: ParsedItemResponse[];
  @ApiProperty({ type: [String], description: 'Vietnamese, "Mục <code>: …" for an item' })
  warnings!: string[];
}
