import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_OUTCOMES, type AuditOutcome } from '../../../../libs/persistence/src';
import { CivilDate, OneOf, Pattern, QueryParam, Text } from '../common/fields';
import type { AuditRecord } from './audit.service';

export class ListAuditQuery {
  @QueryParam.int({ min: 1, max: 200, description: 'Page size (default 50)' })
  limit?: number;

  @QueryParam.int({ min: 0, max: 10_000_000, description: 'Entries skipped (default 0)' })
  offset?: number;

  @QueryParam.of(
    Pattern(/^[a-z_]{1,30}\.[a-z_]{1,30}$/, {
      optional: true,
      name: 'auditAction',
      example: 'auth.login',
      description: 'An action code, exactly',
    }),
  )
  action?: string;

  @QueryParam.of(
    Text({ optional: true, max: 254, description: "Part of the actor's e-mail address" }),
  )
  actor?: string;

  @QueryParam.of(OneOf(AUDIT_OUTCOMES, { optional: true, enumName: 'AuditOutcome' }))
  outcome?: AuditOutcome;

  @QueryParam.of(
    Text({ optional: true, max: 64, description: 'An item or user id, or an agency code' }),
  )
  targetId?: string;

  @QueryParam.of(
    CivilDate({
      optional: true,
      example: '2026-12-01',
      description: 'On or after this day (UTC+7)',
    }),
  )
  from?: string;

  @QueryParam.of(
    CivilDate({
      optional: true,
      example: '2026-12-31',
      description: 'On or before this day (UTC+7)',
    }),
  )
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
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['user', 'agency', 'item', 'notice', 'digest'],
  })
  targetType!: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The target as people name it: item code, notice number, account or agency name',
  })
  targetLabel!: string | null;
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
