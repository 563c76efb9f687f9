import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_OUTCOMES = ['success', 'failure', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * The audit log (ADR 0020): who, what, when, from where and how it ended, for logins, refusals,
 * account and agency changes and every item command. Append-only; never holds a secret.
 */
@Entity({ name: 'audit_log' })
@Index('IDX_audit_log_at', ['at', 'id'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** The user, or null: anonymous, a signed mail link, an address that failed to log in. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Index('IDX_audit_log_actor_email')
  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole!: string | null;

  /** A stable code: `auth.login`, `user.create`, `item.progress`, `access.refused` … */
  @Index('IDX_audit_log_action')
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32, nullable: true })
  targetType!: string | null;

  @Index('IDX_audit_log_target_id')
  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome!: AuditOutcome;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode!: number | null;

  /** The error's stable code when it failed (INVALID_CREDENTIALS, FORBIDDEN …). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  code!: string | null;

  /** The client's address as Express resolves it (TRUST_PROXY honoured). */
  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress!: string | null;

  /** The route, never the raw URL (which may hold a token): `POST /api/items/:id/progress`. */
  @Column({ type: 'text', nullable: true })
  request!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;
}
