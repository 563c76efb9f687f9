import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ExtensionRequestView } from '../../../contracts/src';
import type { ItemStatus } from '../../../domain/src';

export const WORKFLOW_START_STATES = ['pending', 'started'] as const;
export type WorkflowStartState = (typeof WORKFLOW_START_STATES)[number];

/**
 * The read model of one item. The API inserts it (version 0) before starting the workflow; from
 * then on the workflow's activities write it, newest `version` wins. `workflow_state` alone is
 * written by ItemStartRepository (pending at insert, started once Temporal has the workflow).
 */
@Entity({ name: 'items' })
@Index('IDX_items_notice_position', ['noticeId', 'position'])
// The list's pages in due order: an agency's items of a status (also the overdue report's most
// overdue items per agency), a status, all items. Migration ReportPeriods1796400000000, ADR 0023.
@Index('IDX_items_lead_status_due', ['leadCode', 'status', 'dueAt', 'createdAt', 'position', 'id'])
@Index('IDX_items_status_due', ['status', 'dueAt', 'createdAt', 'position', 'id'])
@Index('IDX_items_due', ['dueAt', 'createdAt', 'position', 'id'])
export class ItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Index()
  @Column({ name: 'notice_id', type: 'uuid', nullable: true })
  noticeId!: string | null;

  /** 1-based position in its notice (the `<n>` of `item-<noticeId>-<n>`); null for single items. */
  @Column({ type: 'int', nullable: true })
  position!: number | null;

  /** Label in the notice ("2.g.1"); null for items created one by one. */
  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'lead_code', type: 'varchar', length: 32 })
  leadCode!: string;

  @Column({ name: 'support_codes', type: 'text', array: true, default: () => "'{}'" })
  supportCodes!: string[];

  @Column({ name: 'report_to', type: 'text', nullable: true })
  reportTo!: string | null;

  /** The literal due date when the deadline names a day; null for an exact instant or none. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  /** The instant the item is legally due (end of the next working day for a day off). */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'original_due_date', type: 'date', nullable: true })
  originalDueDate!: string | null;

  @Column({ name: 'original_due_at', type: 'timestamptz', nullable: true })
  originalDueAt!: Date | null;

  /** The deadline as parsed at intake (kind, phrase …), kept for display and audit. */
  @Column({ type: 'jsonb', nullable: true })
  deadline!: Record<string, unknown> | null;

  @Column({ type: 'jsonb' })
  policy!: { remindBefore: string[]; escalateAfter: string[] };

  @Column({ type: 'varchar', length: 16 })
  status!: ItemStatus;

  @Column({ name: 'completed_late', type: 'boolean', nullable: true })
  completedLate!: boolean | null;

  @Column({ name: 'escalation_level', type: 'int', default: 0 })
  escalationLevel!: number;

  @Column({ name: 'progress_percent', type: 'int', nullable: true })
  progressPercent!: number | null;

  /** The open extension request, as the workflow's projection writes it, or null. */
  @Column({ name: 'pending_extension', type: 'jsonb', nullable: true })
  pendingExtension!: ExtensionRequestView | null;

  /**
   * The workflow's deadline version (1, then +1 per approved extension or new period): the
   * signed links in mails are scoped to it (ADR 0011).
   */
  @Column({ name: 'deadline_version', type: 'int', default: 1 })
  deadlineVersion!: number;

  @Column({ type: 'int', default: 0 })
  version!: number;

  @Column({ name: 'workflow_state', type: 'varchar', length: 16, default: 'pending' })
  workflowState!: WorkflowStartState;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
