import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { USER_ROLES, type UserRole } from '../../../../libs/persistence/src';

const AGENCY_CODE = /^[A-Z0-9_-]{1,32}$/;
const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const emptyAsAbsent = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;

export const USER_STATUSES = ['active', 'invited', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export class CreateUserDto {
  @ApiProperty({ example: 'hoa.nt@stc.tinh.gov.vn' })
  @Transform(trim)
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: USER_ROLES, enumName: 'UserRole' })
  @IsIn(USER_ROLES)
  role!: UserRole;

  @ApiPropertyOptional({
    example: 'STC',
    description: 'Required for role agency, refused otherwise',
  })
  @IsOptional()
  @IsString()
  @Matches(AGENCY_CODE)
  agency?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Nguyễn Thị Hoa' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: USER_ROLES, enumName: 'UserRole' })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'STC',
    description: 'The agency of an agency user; null or absent for the other roles',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(AGENCY_CODE)
  agency?: string | null;

  @ApiPropertyOptional({ description: 'true: disable (its sessions end); false: re-enable' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

/** "true"/"false"-free filters only: every one is an enum, a code or words. */
export class ListUsersQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;

  @ApiPropertyOptional({ description: 'Part of the name or the address, case aside' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: USER_ROLES, enumName: 'UserRole' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ example: 'STC' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(AGENCY_CODE)
  agency?: string;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: USER_ROLES, enumName: 'UserRole' }) role!: UserRole;
  @ApiProperty({ type: String, nullable: true, description: 'Set for role agency only' })
  agencyCode!: string | null;
  @ApiProperty({
    enum: USER_STATUSES,
    description: 'invited: no password set yet; disabled: cannot log in',
  })
  status!: UserStatus;
  @ApiProperty({ description: 'ISO-8601 instant (UTC+7)' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'ISO-8601 instant (UTC+7)' })
  disabledAt!: string | null;
}

export class InvitationResponse {
  @ApiProperty({ description: 'ISO-8601 instant (UTC+7) until which the link works' })
  expiresAt!: string;
  @ApiProperty({ description: 'Whether the SMTP server took the invitation' }) mailed!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The SMTP server's refusal" })
  mailError!: string | null;
}

export class CreatedUserResponse extends UserResponse {
  @ApiProperty({ type: InvitationResponse }) invitation!: InvitationResponse;
}
