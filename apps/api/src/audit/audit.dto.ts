import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_OUTCOMES, type AuditOutcome } from '../../../../libs/persistence/src';
import type { AuditRecord } from './audit.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const emptyAsAbsent = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;

export class ListAuditQuery {
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

  @ApiPropertyOptional({ example: 'auth.login', description: 'An action code, exactly' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(/^[a-z_]+\.[a-z_]+$/)
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ description: "Part of the actor's e-mail address" })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString()
  @MaxLength(254)
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ description: 'An item or user id, or an agency code' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString()
  @MaxLength(64)
  targetId?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'On or after this day (UTC+7)' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(DATE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'On or before this day (UTC+7)' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(DATE)
  to?: string;
}

export class AuditEntryResponse implements AuditRecord {
  @ApiProperty({ example: '1024' }) id!: string;
  @ApiProperty({ description: 'ISO-8601 instant in UTC+7' }) at!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null: anonymous or a mail link' })
  actorEmail!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty({ example: 'item.progress', description: 'Stable action code (ADR 0020)' })
  action!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['user', 'agency', 'item', 'notice'] })
  targetType!: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId!: string | null;
  @ApiProperty({ enum: AUDIT_OUTCOMES, enumName: 'AuditOutcome' }) outcome!: AuditOutcome;
  @ApiProperty({ type: Number, nullable: true }) statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The error code when it failed' })
  code!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Client address (TRUST_PROXY)' })
  clientAddress!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'POST /api/items/:id/progress' })
  request!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'Facts of the request (fields changed, channel); never a secret',
  })
  detail!: Record<string, unknown> | null;
}
