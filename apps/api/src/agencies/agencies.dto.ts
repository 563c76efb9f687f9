import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

const AGENCY_CODE = /^[A-Z0-9_-]{1,32}$/;
const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateAgencyDto {
  @ApiProperty({ example: 'SDL', description: 'Upper-case letters, digits, _ or -; never changes' })
  @IsString()
  @Matches(AGENCY_CODE)
  code!: string;

  @ApiProperty({ example: 'Sở Du lịch' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['Sở DL'],
    description: 'Other spellings seen in notices: the notice parser recognises them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @ApiProperty({ example: 'vanthu@sdl.tinh.gov.vn', description: 'Where its reminders go' })
  @Transform(trim)
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  contactEmail!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'giamdoc@sdl.tinh.gov.vn',
    description: "The head's address: escalations",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  headEmail?: string | null;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional({ example: 'Sở Du lịch' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: [String], description: 'The whole list (replaces the old one)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ example: 'vanthu@sdl.tinh.gov.vn' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  headEmail?: string | null;

  @ApiPropertyOptional({
    description: 'false: deactivate (no new items; its items and history stay); true: reactivate',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AgencyResponse {
  @ApiProperty({ example: 'STC' }) code!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) name!: string;
  @ApiProperty({ type: [String], example: ['Sở TC'] }) aliases!: string[];
  @ApiProperty({ example: 'stc@dondoc.local' }) contactEmail!: string;
  @ApiProperty({ type: String, nullable: true }) headEmail!: string | null;
  @ApiProperty({ description: 'false: deactivated (assigned no new item)' }) active!: boolean;
}
