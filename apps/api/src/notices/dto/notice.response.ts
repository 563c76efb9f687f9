import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { ItemRecord, NoticeCounts, NoticeSummary } from '../../../../../libs/persistence/src';
import { nullableString } from '../../common/nullable-string';

/** Items by live status; the five statuses add up to `total`. */
export class NoticeCountsResponse implements NoticeCounts {
  @ApiProperty({ description: 'Items (for an agency: the items it leads or co-ordinates)' })
  total!: number;
  @ApiProperty({ description: 'Open and not yet past their legal due instant' }) open!: number;
  @ApiProperty({ description: 'Overdue (marked, or open past the legal due instant)' })
  overdue!: number;
  @ApiProperty({ description: 'Completion submitted, waiting for acceptance' }) submitted!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() cancelled!: number;
}

export class NoticeSummaryResponse implements NoticeSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @nullableString('Số hiệu, e.g. "12/TB-BCĐ"') number!: string | null;
  @nullableString() title!: string | null;
  @nullableString('YYYY-MM-DD') issuedOn!: string | null;
  @nullableString('YYYY-MM-DD') meetingDate!: string | null;
  @nullableString() chair!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: NoticeCountsResponse, description: 'Its items by live status, at the read' })
  counts!: NoticeCountsResponse;
}

export class NoticeWithItemsResponse extends NoticeSummaryResponse {
  @ApiProperty({
    type: 'array',
    items: { $ref: getSchemaPath('ItemResponse') },
    description: 'In their order in the notice',
  })
  items!: ItemRecord[];
}

export class ConfirmResultResponse extends NoticeWithItemsResponse {
  @ApiProperty({ description: 'false when this notice had been confirmed before' })
  created!: boolean;
  @ApiProperty({ description: 'Workflows started by this request (0 on a repeat)' })
  started!: number;
}
