import { ApiProperty } from '@nestjs/swagger';
import { ITEM_STATUSES, type ItemStatus } from '../../../../libs/domain/src';
import type {
  CompletionReport,
  CompletionRow,
  CompletionTotals,
  OverdueAgency,
  OverdueItem,
  OverdueReport,
} from '../../../../libs/persistence/src';

const nullableString = (description?: string) =>
  ApiProperty({ type: String, nullable: true, ...(description ? { description } : {}) });

/** The OpenAPI description of the reports (the read repository computes them). */
export class OverdueItemResponse implements OverdueItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @nullableString('Position in the notice, e.g. "2.g.1"') code!: string | null;
  @ApiProperty() text!: string;
  @nullableString('The date named ("YYYY-MM-DD"), or the exact instant') due!: string | null;
  @nullableString('The instant the item is legally due') dueAt!: string | null;
  @ApiProperty({ enum: ITEM_STATUSES, enumName: 'ItemStatus' }) status!: ItemStatus;
  @ApiProperty() escalationLevel!: number;
  @ApiProperty({ description: 'Working days late, from the legal due date' })
  daysOverdue!: number;
}

export class OverdueAgencyResponse implements OverdueAgency {
  @ApiProperty({ example: 'STC' }) code!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) name!: string;
  @ApiProperty({ description: 'Overdue items it leads' }) overdue!: number;
  @ApiProperty({ type: [OverdueItemResponse] }) items!: OverdueItemResponse[];
}

export class OverdueReportResponse implements OverdueReport {
  @ApiProperty({ description: 'The instant of the report (+07:00)' }) asOf!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [OverdueAgencyResponse], description: 'Most overdue first' })
  agencies!: OverdueAgencyResponse[];
}

export class CompletionTotalsResponse implements CompletionTotals {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Open and not overdue' }) open!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() submitted!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() completedOnTime!: number;
  @ApiProperty() completedLate!: number;
  @ApiProperty({ description: 'Completed after the original due, whatever extensions moved it' })
  completedAfterOriginalDue!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'completed / (total − cancelled)' })
  completionRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'completed on time / completed' })
  onTimeRate!: number | null;
}

export class CompletionRowResponse extends CompletionTotalsResponse implements CompletionRow {
  @ApiProperty({ example: 'STC' }) code!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) name!: string;
}

export class CompletionReportResponse implements CompletionReport {
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: CompletionTotalsResponse }) totals!: CompletionTotalsResponse;
  @ApiProperty({ type: [CompletionRowResponse] }) agencies!: CompletionRowResponse[];
}
