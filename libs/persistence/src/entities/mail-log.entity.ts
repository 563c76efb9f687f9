import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type MailStatus = 'sending' | 'sent' | 'failed';

/**
 * One row per (workflow, step, deadline version, recipient): the idempotency record that keeps a
 * retried activity from sending the same mail twice.
 */
@Entity({ name: 'mail_log' })
export class MailLogEntity {
  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Index()
  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'text' })
  step!: string;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
