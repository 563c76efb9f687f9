import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { ItemEventRecord } from '../../../../libs/persistence/src';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiErrors } from '../common/api-error.response';
import { UUID } from '../common/fields';
import { ParseIdPipe } from '../common/parse-uuid.pipe';
import {
  AcceptDto,
  CreateItemDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ListItemsQuery,
  ProgressDto,
  ChangeDeadlineDto,
  ReasonDto,
  ReassignDto,
  SubmitDto,
} from './dto/item.dto';
import { ItemActionsResponse } from './item-actions';
import { ItemCommandsService } from './item-commands.service';
import {
  ExtensionRequestedResponse,
  ItemEventResponse,
  ItemResponse,
} from '../common/item-response';
import { ItemsService } from './items.service';

const Id = () => Param('id', new ParseIdPipe('item'));

/** The list's total (all pages) is in this header; the body stays an array. */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

const IdParam = (): MethodDecorator =>
  ApiParam({
    name: 'id',
    description: "The item's id (anything else: 404 ITEM_NOT_FOUND)",
    schema: { type: 'string', format: 'uuid', pattern: UUID.source },
  });

/** A command: a body (413 over the byte limit) and an Update the workflow may refuse or not take. */
const Command = (status: 200 | 201 = 200): MethodDecorator =>
  applyDecorators(IdParam(), ...(status === 200 ? [HttpCode(200)] : []), ApiErrors(409, 413, 503));

const RequestIdParam = (): MethodDecorator =>
  ApiParam({ name: 'rid', description: 'The request: `pendingExtension.id` of the item' });

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
  @ApiErrors(413)
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
        required: true,
        schema: { type: 'integer', minimum: 0 },
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
  @IdParam()
  @ApiOkResponse({ type: ItemResponse })
  get(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ItemResponse> {
    return this.items.get(id, user);
  }

  @Get(':id/actions')
  @IdParam()
  @ApiOkResponse({ type: ItemActionsResponse, description: 'What the caller may do now' })
  actions(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ItemActionsResponse> {
    return this.items.actions(id, user);
  }

  @Get(':id/history')
  @IdParam()
  @ApiOkResponse({ type: [ItemEventResponse] })
  history(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ItemEventRecord[]> {
    return this.items.history(id, user);
  }

  @Post(':id/progress')
  @Command()
  @ApiOkResponse({ type: ItemResponse })
  @Roles('agency')
  progress(
    @Id() id: string,
    @Body() dto: ProgressDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.progress(id, dto, user);
  }

  @Post(':id/submit')
  @Command()
  @ApiOkResponse({ type: ItemResponse })
  @Roles('agency')
  submit(
    @Id() id: string,
    @Body() dto: SubmitDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.submit(id, dto, user);
  }

  @Post(':id/extension-requests')
  @Command(201)
  @ApiCreatedResponse({ type: ExtensionRequestedResponse })
  @Roles('agency')
  requestExtension(
    @Id() id: string,
    @Body() dto: ExtensionRequestDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExtensionRequestedResponse> {
    return this.commands.requestExtension(id, dto, user);
  }

  @Post(':id/extension-requests/:rid/approve')
  @Command()
  @RequestIdParam()
  @ApiOkResponse({ type: ItemResponse })
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
  @Command()
  @RequestIdParam()
  @ApiOkResponse({ type: ItemResponse })
  @Roles('secretariat')
  rejectExtension(
    @Id() id: string,
    @Param('rid') rid: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.decideExtension(id, rid, false, dto, user);
  }

  @Post(':id/accept')
  @Command()
  @ApiOkResponse({ type: ItemResponse })
  @Roles('secretariat')
  accept(
    @Id() id: string,
    @Body() dto: AcceptDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.accept(id, dto, user);
  }

  @Post(':id/return')
  @Command()
  @ApiOkResponse({ type: ItemResponse })
  @Roles('secretariat')
  returnSubmission(
    @Id() id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.returnSubmission(id, dto, user);
  }

  @Post(':id/reassign')
  @Command()
  @ApiOkResponse({ type: ItemResponse })
  @Roles('secretariat')
  reassign(
    @Id() id: string,
    @Body() dto: ReassignDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.reassign(id, dto, user);
  }

  @Post(':id/deadline')
  @Command()
  @ApiOkResponse({ type: ItemResponse })
  @Roles('secretariat')
  changeDeadline(
    @Id() id: string,
    @Body() dto: ChangeDeadlineDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.changeDeadline(id, dto, user);
  }

  @Post(':id/cancel')
  @Command()
  @ApiOkResponse({ type: ItemResponse })
  @Roles('secretariat')
  cancel(
    @Id() id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.cancel(id, dto, user);
  }
}
