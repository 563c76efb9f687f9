import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-error.response';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ParseIdPipe } from '../common/parse-uuid.pipe';
import { ConfirmNoticeDto, PreviewNoticeDto } from './dto/notice.dto';
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
  preview(@Body() dto: PreviewNoticeDto): Promise<NoticePreview> {
    return this.notices.preview(dto.text);
  }

  /** Stores the notice and its items in one transaction, then starts one workflow per item. 201 new, 200 repeat. */
  @Post()
  @ApiCreatedResponse({ type: ConfirmResultResponse, description: 'Stored and started' })
  @ApiOkResponse({ type: ConfirmResultResponse, description: 'Confirmed before: nothing new' })
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
  @ApiOkResponse({ type: [NoticeSummaryResponse], description: 'Newest first (200 at most)' })
  list(): Promise<NoticeSummaryResponse[]> {
    return this.notices.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: NoticeWithItemsResponse })
  @ApiErrors(404)
  get(@Param('id', new ParseIdPipe('notice')) id: string): Promise<NoticeResponse> {
    return this.notices.get(id);
  }
}
