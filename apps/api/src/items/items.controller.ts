import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ItemEventRecord } from '../../../../libs/persistence/src';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiErrors } from '../common/api-error.response';
import { ParseIdPipe } from '../common/parse-uuid.pipe';
import {
  AcceptDto,
  CreateItemDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ListItemsQuery,
  ProgressDto,
  ReasonDto,
  ReassignDto,
  SubmitDto,
} from './dto/item.dto';
import { ItemActionsResponse } from './item-actions';
import { ItemCommandsService } from './item-commands.service';
import { ExtensionRequestedResponse, ItemEventResponse, ItemResponse } from './item-response';
import { ItemsService } from './items.service';

const Id = () => Param('id', new ParseIdPipe('item'));

/** The list's total (all pages) is in this header; the body stays an array. */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

@ApiTags('items')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('items')
export class ItemsController {
  constructor(
    private readonly items: ItemsService,
    private readonly commands: ItemCommandsService,
  ) {}

  @Post()
  @Roles('secretariat')
  @ApiCreatedResponse({ type: ItemResponse })
  create(
    @Body() dto: CreateItemDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.items.create(dto, user);
  }

  @Get()
  @ApiOkResponse({
    type: [ItemResponse],
    description: 'One page (limit/offset) in the order asked for',
    headers: {
      [TOTAL_COUNT_HEADER]: {
        description: 'Items matching the filter',
        schema: { type: 'integer' },
      },
    },
  })
  async list(
    @Query() q: ListItemsQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ItemResponse[]> {
    const page = await this.items.list(q, user);
    res.setHeader(TOTAL_COUNT_HEADER, String(page.total));
    return page.items;
  }

  @Get(':id')
  @ApiOkResponse({ type: ItemResponse })
  get(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ItemResponse> {
    return this.items.get(id, user);
  }

  @Get(':id/actions')
  @ApiOkResponse({ type: ItemActionsResponse, description: 'What the caller may do now' })
  actions(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ItemActionsResponse> {
    return this.items.actions(id, user);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [ItemEventResponse] })
  history(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ItemEventRecord[]> {
    return this.items.history(id, user);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @ApiOkResponse({ type: ItemResponse })
  @ApiErrors(409)
  @Roles('agency')
  progress(
    @Id() id: string,
    @Body() dto: ProgressDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.progress(id, dto, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: ItemResponse })
  @ApiErrors(409)
  @Roles('agency')
  submit(
    @Id() id: string,
    @Body() dto: SubmitDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.submit(id, dto, user);
  }

  @Post(':id/extension-requests')
  @ApiCreatedResponse({ type: ExtensionRequestedResponse })
  @ApiErrors(409)
  @Roles('agency')
  requestExtension(
    @Id() id: string,
    @Body() dto: ExtensionRequestDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExtensionRequestedResponse> {
    return this.commands.requestExtension(id, dto, user);
  }

  @Post(':id/extension-requests/:rid/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: ItemResponse })
  @ApiErrors(409)
  @Roles('secretariat')
  approveExtension(
    @Id() id: string,
    @Param('rid') rid: string,
    @Body() dto: ExtensionDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.decideExtension(id, rid, true, dto, user);
  }

  @Post(':id/extension-requests/:rid/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: ItemResponse })
  @ApiErrors(409)
  @Roles('secretariat')
  rejectExtension(
    @Id() id: string,
    @Param('rid') rid: string,
    @Body() dto: ExtensionDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.decideExtension(id, rid, false, dto, user);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: ItemResponse })
  @ApiErrors(409)
  @Roles('secretariat')
  accept(
    @Id() id: string,
    @Body() dto: AcceptDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.accept(id, dto, user);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOkResponse({ type: ItemResponse })
  @ApiErrors(409)
  @Roles('secretariat')
  returnSubmission(
    @Id() id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.returnSubmission(id, dto, user);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @ApiOkResponse({ type: ItemResponse })
  @ApiErrors(409)
  @Roles('secretariat')
  reassign(
    @Id() id: string,
    @Body() dto: ReassignDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.reassign(id, dto, user);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: ItemResponse })
  @ApiErrors(409)
  @Roles('secretariat')
  cancel(
    @Id() id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.cancel(id, dto, user);
  }
}
