import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PolicyDto } from '../../common/policy.dto';
import { ParsedDeadlineResponse, ParsedNoticeResponse } from './parsed-notice.response';

export class PreviewNoticeDto {
  @ApiProperty({ description: 'The text of a Thông báo kết luận, as copied from the PDF' })
  @IsString()
  @MinLength(1)
  @MaxLength(500_000)
  text!: string;
}

/** An agency and the words that named it, as the preview gave them (ADR 0014). */
export class AgencyPhraseDto {
  @ApiProperty()
  @IsString()
  @MaxLength(300)
  name!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(300)
  phrase!: string;
}

/** One item as the secretariat confirms it: the parser's output, possibly corrected. */
export class ConfirmItemDto {
  @ApiPropertyOptional({ example: '2.g.1' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  code?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text!: string;

  @ApiPropertyOptional({
    description:
      'Lead agency: a code ("STC") or a canonical name ("Sở Tài chính"); the parser gives names',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  @IsOptional()
  lead?: string | string[];

  @ApiPropertyOptional({ type: [String], description: 'Co-ordinating agencies, codes or names' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  support?: string[];

  @ApiPropertyOptional({ example: 'UBND tỉnh' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reportTo?: string;

  @ApiPropertyOptional({ description: '"YYYY-MM-DD" or an ISO instant; overrides `deadline`' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  due?: string;

  @ApiPropertyOptional({
    type: ParsedDeadlineResponse,
    description: "The parser's deadline ({kind:'date', due, phrase} | {kind:'none'} | …)",
  })
  @IsOptional()
  @IsObject()
  deadline?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: [AgencyPhraseDto],
    description:
      "The preview's agencyPhrases, accepted so that its items can be sent back as they are",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgencyPhraseDto)
  agencyPhrases?: AgencyPhraseDto[];

  @ApiPropertyOptional({ type: PolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyDto)
  policy?: PolicyDto;
}

export class ConfirmNoticeDto {
  @ApiPropertyOptional({
    description: 'The notice text (kept, and hashed so confirming twice starts nothing twice)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500_000)
  text?: string;

  @ApiPropertyOptional({
    type: ParsedNoticeResponse,
    description: 'A ParsedNotice (e.g. the preview, corrected)',
  })
  @IsOptional()
  @IsObject()
  parsed?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: [ConfirmItemDto],
    description: 'The items to start; default: the parsed items',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ConfirmItemDto)
  items?: ConfirmItemDto[];
}
