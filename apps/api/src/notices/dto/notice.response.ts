import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { ItemRecord } from '../../../../../libs/persistence/src';

const nullableString = (description?: string) =>
  ApiProperty({ type: String, nullable: true, ...(description ? { description } : {}) });

export class NoticeSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @nullableString('Số hiệu, e.g. "12/TB-BCĐ"') number!: string | null;
  @nullableString() title!: string | null;
  @nullableString('YYYY-MM-DD') issuedOn!: string | null;
  @nullableString('YYYY-MM-DD') meetingDate!: string | null;
  @nullableString() chair!: string | null;
  @ApiProperty() createdAt!: string;
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
