import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ITEM_EVENT_TYPES, type ItemEventType } from '../../../../libs/contracts/src';
import { ITEM_STATUSES, type ItemStatus } from '../../../../libs/domain/src';
import {
  WORKFLOW_START_STATES,
  type ItemEventRecord,
  type ItemRecord,
  type WorkflowStartState,
} from '../../../../libs/persistence/src';
import { nullableString } from './nullable-string';

/** A resolved deadline as the workflow keeps it. */
export class DueSpecResponse {
  @ApiProperty({ type: String, nullable: true, description: 'The literal date, "YYYY-MM-DD"' })
  date!: string | null;
  @ApiProperty({ description: 'The instant it is legally due, epoch milliseconds' }) at!: number;
}

export class ExtensionRequestResponse {
  @ApiProperty({ description: 'What approve/reject take as :rid' }) id!: string;
  @ApiProperty({ type: DueSpecResponse }) due!: DueSpecResponse;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'E-mail of the requester' }) requestedBy!: string;
  @ApiProperty({ description: 'Epoch milliseconds' }) requestedAt!: number;
}

export class PolicyResponse {
  @ApiProperty({ type: [String] }) remindBefore!: string[];
  @ApiProperty({ type: [String] }) escalateAfter!: string[];
}

/** The OpenAPI description of an item; the values come from the read repository's mapper. */
export class ItemResponse implements ItemRecord {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) noticeId!: string | null;
  @nullableString('Its notice\'s number, e.g. "12/TB-BCĐ"; null without a notice or a number')
  noticeNumber!: string | null;
  @nullableString("Its notice's title; null without a notice or a title")
  noticeTitle!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '1-based position in its notice' })
  position!: number | null;
  @nullableString('Position in the notice, e.g. "2.g.1"') code!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Lead agency code' }) lead!: string;
  @nullableString() leadName!: string | null;
  @ApiProperty({ type: [String], description: 'Co-ordinating agency codes' }) support!: string[];
  @ApiProperty({
    type: [String],
    description: "Co-ordinating agencies' names, in the order of support (the code when unknown)",
  })
  supportNames!: string[];
  @nullableString() reportTo!: string | null;
  @nullableString('The date named ("YYYY-MM-DD"), or the exact instant') due!: string | null;
  @nullableString('The instant the item is legally due (ISO-8601, +07:00)') dueAt!: string | null;
  @nullableString() originalDue!: string | null;
  @nullableString() originalDueAt!: string | null;
  @ApiProperty({ enum: ITEM_STATUSES, enumName: 'ItemStatus' }) status!: ItemStatus;
  @ApiProperty({ description: 'Marked overdue, or still open past its legal due instant' })
  overdue!: boolean;
  @ApiProperty({
    description: 'Working days late, counted from the legal due date (0 when not overdue)',
  })
  daysOverdue!: number;
  @ApiProperty({ type: Boolean, nullable: true }) completedLate!: boolean | null;
  @ApiProperty() escalationLevel!: number;
  @ApiProperty({ type: Number, nullable: true }) progressPercent!: number | null;
  @ApiProperty({ type: ExtensionRequestResponse, nullable: true })
  pendingExtension!: ExtensionRequestResponse | null;
  @ApiProperty({ type: PolicyResponse }) policy!: PolicyResponse;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "The parser's deadline ({kind, phrase, …}) as stored at intake",
  })
  deadline!: Record<string, unknown> | null;
  @ApiProperty({ enum: WORKFLOW_START_STATES }) workflowState!: WorkflowStartState;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @nullableString() closedAt!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Notes on the deadline in Vietnamese (e.g. a year whose holidays are not known)',
  })
  warnings!: string[];
}

/** A new extension request's item, with the request's id. */
export class ExtensionRequestedResponse extends ItemResponse {
  @ApiProperty() requestId!: string;
}

/** What an event's detail may carry, by event type (all optional; more keys may follow). */
export class ItemEventDetailResponse {
  [key: string]: unknown;
  @ApiPropertyOptional({ type: String, nullable: true }) note?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) percent?: number | null;
  @ApiPropertyOptional({ type: [String], description: 'Mail recipients' }) recipients?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Recipients whose mail bounced' })
  failedRecipients?: string[];
  @ApiPropertyOptional({
    enum: ['pending', 'delivered', 'partly_failed', 'failed'],
    description:
      "How the step's mail went (ADR 0018): pending until it has gone out or been refused",
  })
  mailDelivery?: 'pending' | 'delivered' | 'partly_failed' | 'failed';
  @ApiPropertyOptional({ description: 'The mail went out late and said so (ADR 0018)' })
  mailLate?: boolean;
  @ApiPropertyOptional({ description: 'When the mail went out or was refused (epoch ms)' })
  mailSettledAt?: number;
  @ApiPropertyOptional({ description: 'Escalation level' }) level?: number;
  @ApiPropertyOptional({
    description:
      'How the action was made when not by a login, in Vietnamese ("qua liên kết trong thư")',
  })
  channel?: string;
  @ApiPropertyOptional({
    enum: ['email_link'],
    description: "The channel's code: email_link = a mail's signed link (ADR 0011)",
  })
  channelCode?: 'email_link';
  @ApiPropertyOptional({
    type: DueSpecResponse,
    nullable: true,
    description: 'The deadline (created, overdue) or the one asked for (extension_requested)',
  })
  due?: DueSpecResponse | null;
  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { $ref: getSchemaPath(DueSpecResponse) }],
    description: 'The new lead (reassigned) or the new deadline (extension_approved)',
  })
  to?: string | DueSpecResponse;
  @ApiPropertyOptional({
    type: DueSpecResponse,
    description: 'extension_approved with another deadline than asked: the one asked for',
  })
  requestedDue?: DueSpecResponse;
}

/** The OpenAPI description of an ItemEventRecord. */
export class ItemEventResponse implements Omit<ItemEventRecord, 'detail'> {
  @ApiProperty() seq!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ITEM_EVENT_TYPES, enumName: 'ItemEventType' }) type!: ItemEventType;
  @nullableString('E-mail of who did it; null for the system') actor!: string | null;
  @ApiProperty({ type: ItemEventDetailResponse, nullable: true })
  detail!: ItemEventDetailResponse | null;
}
