import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorStatus, ApiErrors } from '../common/api-error.response';
import type { Response } from 'express';
import type { NoticeSummary } from '../../../../libs/persistence/src';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UUID } from '../common/fields';
import { ParseIdPipe } from '../common/parse-uuid.pipe';
import { ConfirmNoticeDto, NOTICE_TOO_LARGE, PreviewNoticeDto } from './dto/notice.dto';
import { NoticePreviewResponse } from './dto/parsed-notice.response';
import {
  ConfirmResultResponse,
  NoticeSummaryResponse,
  NoticeWithItemsResponse,
} from './dto/notice.response';
import {
  type ConfirmResult,
  type NoticePreview,
  type NoticeResponse,
  NoticesService,
} from './notices.service';

/** 413 for a text over 500,000 characters, or a body over the byte limit. */
const TooLarge = (): MethodDecorator =>
  ApiErrorStatus(
    413,
    `${NOTICE_TOO_LARGE.code}: the text is over 500,000 characters; PAYLOAD_TOO_LARGE: the body ` +
      'is over 4 MB',
  );

/** Reading notices: every role (an agency: its own items only); writing stays the secretariat's. */
const NOTICE_READERS = ['secretariat', 'committee_head', 'agency'] as const;

@ApiTags('notices')
@ApiBearerAuth()
@Roles('secretariat')
@ApiErrors(400, 401, 403)
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  /** Parses the pasted text and names the notice it repeats; stores and starts nothing. */
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: NoticePreviewResponse })
  @TooLarge()
  preview(@Body() dto: PreviewNoticeDto): Promise<NoticePreview> {
    return this.notices.preview(dto.text);
  }

  /** Stores the notice and its items in one transaction, then starts one workflow per item. 201 new, 200 repeat. */
  @Post()
  @ApiCreatedResponse({ type: ConfirmResultResponse, description: 'Stored and started' })
  @ApiOkResponse({ type: ConfirmResultResponse, description: 'Confirmed before: nothing new' })
  @TooLarge()
  async confirm(
    @Body() dto: ConfirmNoticeDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConfirmResult> {
    const result = await this.notices.confirm(dto, user);
    res.status(result.created ? 201 : 200);
    return result;
  }

  @Get()
  @Roles(...NOTICE_READERS)
  @ApiOperation({
    summary: 'Notices, newest first (200 at most), with their items counted by live status',
    description:
      'The secretariat and the committee head see every notice. An agency sees only the notices ' +
      'in which it leads or co-ordinates an item, and `counts` counts only those items.',
  })
  @ApiOkResponse({ type: [NoticeSummaryResponse] })
  list(@CurrentUser() user: AuthenticatedUser): Promise<NoticeSummary[]> {
    return this.notices.list(user);
  }

  @Get(':id')
  @Roles(...NOTICE_READERS)
  @ApiOperation({
    summary: 'A notice and its items in notice order, with their live status',
    description:
      'The secretariat and the committee head see every item. An agency sees only the items it ' +
      'leads or co-ordinates (the rule of GET /api/items/:id), `counts` counts only those, and a ' +
      "notice without any of them is 403: another agency's items are never shown.",
  })
  @ApiOkResponse({ type: NoticeWithItemsResponse })
  @ApiErrors(404)
  @ApiParam({
    name: 'id',
    description: "The notice's id (anything else: 404 NOTICE_NOT_FOUND)",
    schema: { type: 'string', format: 'uuid', pattern: UUID.source },
  })
  get(
    @Param('id', new ParseIdPipe('notice')) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NoticeResponse> {
    return this.notices.get(id, user);
  }
}
