import { ApiProperty } from '@nestjs/swagger';
import { ITEM_STATUSES, type ItemStatus } from '../../../../libs/domain/src';
import type {
  CompletionReport,
  CompletionRow,
  CompletionTotals,
  OverdueAgency,
  OverdueItem,
  OverdueReport,
  RiskItem,
  RiskReport,
} from '../../../../libs/persistence/src';
import type { ReportScope } from './reports.service';
import { ItemResponse } from '../common/item-response';
import { nullableString } from '../common/nullable-string';

/** The OpenAPI description of the reports (the read repository computes them). */
export class OverdueItemResponse implements OverdueItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @nullableString('Position in the notice, e.g. "2.g.1"') code!: string | null;
  @ApiProperty() text!: string;
  @nullableString('Its notice\'s number, e.g. "12/TB-BCĐ"; null without a notice or a number')
  noticeNumber!: string | null;
  @nullableString("Its notice's title; null without a notice or a title") noticeTitle!:
    string | null;
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
  @ApiProperty({ description: 'Overdue items it leads (all of them)' }) overdue!: number;
  @ApiProperty({
    type: [OverdueItemResponse],
    description:
      'Its most overdue items, earliest due first, at most `itemsPerAgency`; when fewer than ' +
      '`overdue`, the rest are in GET /api/items?overdue=true&lead=<code> with the same filter',
  })
  items!: OverdueItemResponse[];
}

export class ReportNoticeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @nullableString('Số hiệu, e.g. "45/TB-BCĐ"') number!: string | null;
  @nullableString() title!: string | null;
}

/** The filter a report was computed with, as received (null: not filtered). */
export class ReportScopeResponse implements ReportScope {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) noticeId!: string | null;
  @nullableString('First day of the period, YYYY-MM-DD') from!: string | null;
  @nullableString('Last day of the period, YYYY-MM-DD') to!: string | null;
  @ApiProperty({
    type: ReportNoticeResponse,
    nullable: true,
    description: 'The notice filtered by',
  })
  notice!: ReportNoticeResponse | null;
}

export class OverdueReportResponse implements OverdueReport {
  @ApiProperty({ description: 'The instant of the report (+07:00)' }) asOf!: string;
  @ApiProperty() total!: number;
  @ApiProperty({
    description: 'The most items listed per agency (the query parameter or its default)',
  })
  itemsPerAgency!: number;
  @ApiProperty({ type: [OverdueAgencyResponse], description: 'Most overdue first' })
  agencies!: OverdueAgencyResponse[];
  @ApiProperty({ type: ReportScopeResponse }) filter!: ReportScopeResponse;
}

/**
 * Counts of periods: one per item, plus one per period a recurring item completed before its
 * current one (each counted by its own due date and lateness).
 */
export class CompletionTotalsResponse implements CompletionTotals {
  @ApiProperty({
    description: 'Periods: items, and the earlier completed periods of recurring ones',
  })
  total!: number;
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
  @ApiProperty({ type: ReportScopeResponse }) filter!: ReportScopeResponse;
}

export class RiskItemResponse implements RiskItem {
  @ApiProperty({ type: ItemResponse }) item!: ItemResponse;
  @ApiProperty({
    description: 'Working days from today to the legal due date (UTC+7); negative when overdue',
  })
  workingDaysLeft!: number;
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'How likely it is to be finished late, 0..1 (1: already overdue)',
  })
  risk!: number;
  @ApiProperty({
    type: [String],
    description: 'Why, in Vietnamese, the most telling first',
    example: ['Chưa báo cáo tiến độ, đã qua 70% thời hạn.'],
  })
  reasons!: string[];
}

export class RiskReportResponse implements RiskReport {
  @ApiProperty({ description: 'The instant of the forecast (+07:00)' }) asOf!: string;
  @ApiProperty({
    description:
      "First day of the agencies' record the forecast weighs (their completed periods due since)",
  })
  lookBackFrom!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of those periods completed late; null when none was completed',
  })
  baseLateRate!: number | null;
  @ApiProperty({ description: 'The items the query selects, all of them (before `limit`)' })
  total!: number;
  @ApiProperty({ type: [RiskItemResponse], description: 'Most at risk first' })
  items!: RiskItemResponse[];
}
