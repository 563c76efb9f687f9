import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ITEM_EVENT_TYPES, type ItemEventType } from '../../../../libs/contracts/src';
import { ITEM_STATUSES, type ItemStatus } from '../../../../libs/domain/src';
import {
  WORKFLOW_START_STATES,
  type ItemEventRecord,
  type ItemRecord,
  type WorkflowStartState,
} from '../../../../libs/persistence/src';

/** The OpenAPI description of an item; the values come from the read repository's mapper. */
export class ItemResponse implements ItemRecord {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() workflowId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) noticeId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: '1-based position in its notice' })
  position!: number | null;
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
  @ApiProperty({ enum: ITEM_STATUSES }) status!: ItemStatus;
  @ApiProperty({ description: 'Marked overdue, or still open past its legal due instant' })
  overdue!: boolean;
  @ApiProperty({
    description: 'Working days late, counted from the legal due date (0 when not overdue)',
  })
  daysOverdue!: number;
  @ApiPropertyOptional({ nullable: true }) completedLate!: boolean | null;
  @ApiProperty() escalationLevel!: number;
  @ApiPropertyOptional({ nullable: true }) progressPercent!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Object })
  pendingExtension!: Record<string, unknown> | null;
  @ApiProperty({ type: Object }) policy!: { remindBefore: string[]; escalateAfter: string[] };
  @ApiPropertyOptional({ nullable: true, type: Object }) deadline!: Record<string, unknown> | null;
  @ApiProperty({ enum: WORKFLOW_START_STATES }) workflowState!: WorkflowStartState;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ nullable: true }) closedAt!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Notes on the deadline in Vietnamese (e.g. a year whose holidays are not known)',
  })
  warnings!: string[];
}

export class ItemEventResponse implements ItemEventRecord {
  @ApiProperty() seq!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ITEM_EVENT_TYPES }) type!: ItemEventType;
  @ApiPropertyOptional({ nullable: true }) actor!: string | null;
  @ApiPropertyOptional({ nullable: true }) detail!: unknown;
}
