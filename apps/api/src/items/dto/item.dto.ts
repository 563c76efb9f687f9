import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ITEM_STATUSES, type ItemStatus } from '../../../../../libs/domain/src';
import { ITEM_LIST_SORTS, type ItemListSort } from '../../../../../libs/persistence/src';
import { PolicyDto } from '../../common/policy.dto';

const AGENCY_CODE = /^[A-Z0-9_-]{1,32}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateItemDto {
  @ApiProperty({ example: 'Hoàn thiện dự thảo Kế hoạch hỗ trợ doanh nghiệp, trình UBND tỉnh.' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  text!: string;

  @ApiProperty({ example: 'STC', description: 'Lead agency code' })
  @IsString()
  @Matches(AGENCY_CODE)
  lead!: string;

  @ApiPropertyOptional({ type: [String], example: ['SXD'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(AGENCY_CODE, { each: true })
  support?: string[];

  @ApiProperty({
    example: '2026-01-22',
    description: '"YYYY-MM-DD" (end of that day, Asia/Ho_Chi_Minh) or an ISO instant with offset',
  })
  @IsString()
  @MaxLength(40)
  due!: string;

  @ApiPropertyOptional({ type: PolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyDto)
  policy?: PolicyDto;

  @ApiPropertyOptional({ example: 'UBND tỉnh' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reportTo?: string;
}

/** `?status=&lead=` (an empty parameter) means no filter, as a form would send it. */
const emptyAsAbsent = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;

/** "true"/"false" in a query string; anything else stays as it is for @IsBoolean to refuse. */
const booleanParam = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value;

export class ListItemsQuery {
  @ApiPropertyOptional({ enum: ITEM_STATUSES })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(ITEM_STATUSES)
  status?: ItemStatus;

  @ApiPropertyOptional({ example: 'STC' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(AGENCY_CODE)
  lead?: string;

  @ApiPropertyOptional({
    description: 'true: only items past their legal due instant and not closed',
  })
  @IsOptional()
  @Transform(booleanParam)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    description:
      "true: only items whose extension request waits for the secretariat's decision; false: the others",
  })
  @IsOptional()
  @Transform(booleanParam)
  @IsBoolean()
  pendingExtension?: boolean;

  @ApiPropertyOptional({ example: 'SXD', description: 'Only items this agency co-ordinates' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(AGENCY_CODE)
  support?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsUUID()
  noticeId?: string;

  @ApiPropertyOptional({
    description: 'Words in the text or the code, case and Vietnamese diacritics aside',
  })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Due on or after (YYYY-MM-DD)' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(DATE)
  dueFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Due on or before (YYYY-MM-DD)' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(DATE)
  dueTo?: string;

  @ApiPropertyOptional({
    enum: ITEM_LIST_SORTS,
    default: 'due',
    description: 'due: soonest first; -due: latest first; overdue: overdue first, then soonest',
  })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(ITEM_LIST_SORTS)
  sort?: ItemListSort;

  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

class NoteField {
  @ApiProperty({ example: 'Đã hoàn thành dự thảo, gửi xin ý kiến các sở.' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note!: string;
}

export class ProgressDto extends NoteField {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;
}

export class SubmitDto extends NoteField {}

export class AcceptDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'Hồ sơ chưa đủ thành phần.' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason!: string;
}

export class ExtensionRequestDto extends ReasonDto {
  @ApiProperty({ example: '2026-02-27' })
  @IsString()
  @MaxLength(40)
  due!: string;
}

export class ExtensionDecisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;
}

export class ReassignDto {
  @ApiProperty({ example: 'SXD' })
  @IsString()
  @Matches(AGENCY_CODE)
  lead!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;
}
