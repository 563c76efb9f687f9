import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ItemEntity, ItemEventEntity } from '../../../../libs/persistence/src';
import { VN_OFFSET_MS } from '../../../../libs/domain/src';
import type { ItemStatus } from '../../../../libs/contracts/src';

/** An instant as ISO-8601 in Asia/Ho_Chi_Minh ('2026-01-22T23:59:59+07:00' style, exact to the second). */
export function toVnIso(ms: number): string {
  const local = new Date(ms + VN_OFFSET_MS).toISOString(); // UTC fields of the shifted instant = local time
  return `${local.slice(0, 19)}+07:00`;
}

export class ItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() workflowId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) noticeId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Position in the notice, e.g. "2.g.1"' })
  code!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Lead agency code' }) lead!: string;
  @ApiPropertyOptional({ nullable: true }) leadName!: string | null;
  @ApiProperty({ type: [String] }) support!: string[];
  @ApiPropertyOptional({ nullable: true }) reportTo!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'The date named ("YYYY-MM-DD"), or the exact instant',
  })
  due!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The instant the item is legally due' })
  dueAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) originalDue!: string | null;
  @ApiPropertyOptional({ nullable: true }) originalDueAt!: string | null;
  @ApiProperty({ enum: ['open', 'overdue', 'submitted', 'completed', 'cancelled'] })
  status!: ItemStatus;
  @ApiProperty({ description: 'Past its legal due instant and not closed' }) overdue!: boolean;
  @ApiPropertyOptional({ nullable: true }) completedLate!: boolean | null;
  @ApiProperty() escalationLevel!: number;
  @ApiPropertyOptional({ nullable: true }) progressPercent!: number | null;
  @ApiPropertyOptional({ nullable: true }) pendingExtension!: unknown;
  @ApiProperty() policy!: unknown;
  @ApiPropertyOptional({ nullable: true }) deadline!: unknown;
  @ApiProperty({ enum: ['pending', 'started'] }) workflowState!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ nullable: true }) closedAt!: string | null;
}

const dueOf = (date: string | null, at: Date | null): string | null =>
  date ?? (at ? toVnIso(at.getTime()) : null);

export function toItemResponse(
  row: ItemEntity,
  names: ReadonlyMap<string, string>,
  nowMs: number,
): ItemResponse {
  const closed = row.status === 'completed' || row.status === 'cancelled';
  return {
    id: row.id,
    workflowId: row.workflowId,
    noticeId: row.noticeId,
    code: row.code,
    text: row.text,
    lead: row.leadCode,
    leadName: names.get(row.leadCode) ?? null,
    support: row.supportCodes,
    reportTo: row.reportTo,
    due: dueOf(row.dueDate, row.dueAt),
    dueAt: row.dueAt ? toVnIso(row.dueAt.getTime()) : null,
    originalDue: dueOf(row.originalDueDate, row.originalDueAt),
    originalDueAt: row.originalDueAt ? toVnIso(row.originalDueAt.getTime()) : null,
    status: row.status,
    overdue:
      !closed && row.status !== 'submitted' && row.dueAt !== null && row.dueAt.getTime() <= nowMs,
    completedLate: row.completedLate,
    escalationLevel: row.escalationLevel,
    progressPercent: row.progressPercent,
    pendingExtension: row.pendingExtension,
    policy: row.policy,
    deadline: row.deadline,
    workflowState: row.workflowState,
    createdAt: toVnIso(row.createdAt.getTime()),
    updatedAt: toVnIso(row.updatedAt.getTime()),
    closedAt: row.closedAt ? toVnIso(row.closedAt.getTime()) : null,
  };
}

export class ItemEventResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() at!: string;
  @ApiProperty({
    enum: [
      'created',
      'reminder_sent',
      'overdue',
      'escalated',
      'progress_reported',
      'submitted',
      'completed',
      'returned',
      'extension_requested',
      'extension_approved',
      'extension_rejected',
      'reassigned',
      'cancelled',
    ],
  })
  type!: string;
  @ApiPropertyOptional({ nullable: true }) actor!: string | null;
  @ApiPropertyOptional({ nullable: true }) detail!: unknown;
}

export const toEventResponse = (e: ItemEventEntity): ItemEventResponse => ({
  seq: e.seq,
  at: toVnIso(e.at.getTime()),
  type: e.type,
  actor: e.actor,
  detail: e.detail,
});
