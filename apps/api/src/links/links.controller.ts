import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, ApiErrorStatus } from '../common/api-error.response';
import { Public } from '../auth/auth.decorators';
import { ExtensionRequestDto, ItemResponse, ProgressDto, SubmitDto } from '../items/items.module';
import { LinkExtensionResponse, LinkResponse } from './link-response';
import { LinksService } from './links.service';

/** The refusals every link route shares (body: {statusCode, code, message}). */
const LinkErrors = (): MethodDecorator =>
  applyDecorators(
    ApiParam({ name: 'token', description: 'The `t` of the link in the mail (ADR 0011)' }),
    ApiErrorStatus(401, 'LINK_INVALID: tampered or unknown link'),
    ApiErrorStatus(
      410,
      'LINK_EXPIRED (over 30 days) or LINK_REVOKED (item closed, reassigned or its deadline changed; `details.reason`)',
    ),
  );

/** A command through a link: as the same command of the lead agency's login (ItemsController). */
const LinkCommand = (): MethodDecorator =>
  applyDecorators(LinkErrors(), ApiErrors(400, 409, 413, 503));

const Token = () => Param('token');

/** Login-free: the token is the credential, for one item and its lead agency. */
@ApiTags('links')
@Public()
@Controller('links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Get(':token')
  @ApiOperation({ summary: 'The item a mail link opens, and the actions it allows now' })
  @ApiOkResponse({ type: LinkResponse })
  @LinkErrors()
  open(@Token() token: string): Promise<LinkResponse> {
    return this.links.open(token);
  }

  @Post(':token/progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'Progress report through the link (as the lead agency)' })
  @ApiOkResponse({ type: ItemResponse })
  @LinkCommand()
  progress(@Token() token: string, @Body() dto: ProgressDto): Promise<ItemResponse> {
    return this.links.progress(token, dto);
  }

  @Post(':token/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Completion report through the link' })
  @ApiOkResponse({ type: ItemResponse })
  @LinkCommand()
  submit(@Token() token: string, @Body() dto: SubmitDto): Promise<ItemResponse> {
    return this.links.submit(token, dto);
  }

  @Post(':token/extension-requests')
  @ApiOperation({ summary: 'Extension request through the link' })
  @ApiCreatedResponse({ type: LinkExtensionResponse })
  @LinkCommand()
  requestExtension(
    @Token() token: string,
    @Body() dto: ExtensionRequestDto,
  ): Promise<ItemResponse & { requestId: string }> {
    return this.links.requestExtension(token, dto);
  }
}
