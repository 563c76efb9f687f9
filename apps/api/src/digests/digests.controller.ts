import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiErrors } from '../common/api-error.response';
import { DigestKindParam, PauseDigestDto } from './digest.dto';
import { DigestResponse, DigestSentResponse } from './digest.responses';
import { DigestsService } from './digests.service';

@ApiTags('digests')
@ApiBearerAuth()
@Roles('secretariat')
@ApiErrors(400, 401, 403)
@Controller('digests')
export class DigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Get()
  @ApiOperation({ summary: 'The digests: when, to whom, whether paused, their next starts' })
  @ApiOkResponse({ type: [DigestResponse] })
  list(): Promise<DigestResponse[]> {
    return this.digests.list();
  }

  @Post(':kind/pause')
  @HttpCode(200)
  @ApiOperation({ summary: "Pauses a digest's Schedule (404 DIGEST_NOT_SCHEDULED without one)" })
  @ApiOkResponse({ type: DigestResponse })
  @ApiErrors(404)
  pause(
    @Param() p: DigestKindParam,
    @Body() dto: PauseDigestDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DigestResponse> {
    return this.digests.pause(p.kind, dto.note, user.email);
  }

  @Post(':kind/resume')
  @HttpCode(200)
  @ApiOperation({ summary: "Resumes a paused digest's Schedule" })
  @ApiOkResponse({ type: DigestResponse })
  @ApiErrors(404)
  resume(
    @Param() p: DigestKindParam,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DigestResponse> {
    return this.digests.resume(p.kind, user.email);
  }

  @Post(':kind/send')
  @HttpCode(200)
  @ApiOperation({
    summary: "Sends today's digest now, for a check (once a recipient and day, as scheduled ones)",
  })
  @ApiOkResponse({ type: DigestSentResponse })
  send(@Param() p: DigestKindParam): Promise<DigestSentResponse> {
    return this.digests.sendNow(p.kind);
  }
}
