import { ApiProperty } from '@nestjs/swagger';
import { nullableString } from '../common/nullable-string';
import { ItemResponse } from '../items/items.module';

/** What a signed link lets its holder do, named as the web app's buttons are. */
export const LINK_ACTIONS = ['progress', 'submit', 'extension-request'] as const;
export type LinkAction = (typeof LINK_ACTIONS)[number];

/** Why a link that still reads no longer acts: the item closed, or its deadline moved since. */
export const LINK_READ_ONLY_REASONS = ['closed', 'deadline_changed'] as const;
export type LinkReadOnlyReason = (typeof LINK_READ_ONLY_REASONS)[number];

export class LinkReadOnlyResponse {
  @ApiProperty({ enum: LINK_READ_ONLY_REASONS }) reason!: LinkReadOnlyReason;
  @ApiProperty({
    description: 'What the agency reads about it (Vietnamese)',
    example: 'Nhiệm vụ đã kết thúc; liên kết này chỉ còn dùng để xem.',
  })
  message!: string;
}

export class LinkAgencyResponse {
  @ApiProperty({ example: 'STC' }) code!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) name!: string;
}

/** GET /api/links/:token: the item, the agency the link speaks for, and what it may do now. */
export class LinkResponse {
  @ApiProperty({ type: ItemResponse, description: 'The same item as GET /api/items/:id' })
  item!: ItemResponse;
  @ApiProperty({ type: LinkAgencyResponse, description: 'The lead agency the link was sent to' })
  agency!: LinkAgencyResponse;
  @ApiProperty({
    enum: LINK_ACTIONS,
    isArray: true,
    description: "The lead agency's commands the item's current status allows",
  })
  actions!: LinkAction[];
  @nullableString(
    "Why the Văn phòng returned the completion report, while the agency has still to report again ('' when no reason was recorded); null otherwise",
  )
  returnReason!: string | null;
  @ApiProperty({
    type: LinkReadOnlyResponse,
    nullable: true,
    description:
      "Set when the link only reads: the item closed, or its deadline changed since the mail (the latest mail's link acts); its commands answer 410 LINK_REVOKED. Null while it acts",
  })
  readOnly!: LinkReadOnlyResponse | null;
}

/** The answer to an extension request: the item and the new request's id. */
export class LinkExtensionResponse extends ItemResponse {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
}
