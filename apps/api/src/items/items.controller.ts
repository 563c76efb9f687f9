import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
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
import { ItemCommandsService } from './item-commands.service';
import { ItemEventResponse, ItemResponse } from './item-response';
import { ItemsService } from './items.service';

const Id = () => Param('id', new ParseIdPipe('item'));

@ApiTags('items')
@ApiBearerAuth()
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
  @ApiOkResponse({ type: [ItemResponse] })
  list(
    @Query() q: ListItemsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse[]> {
    return this.items.list(q, user);
  }

  @Get(':id')
  @ApiOkResponse({ type: ItemResponse })
  get(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ItemResponse> {
    return this.items.get(id, user);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [ItemEventResponse] })
  history(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ItemEventResponse[]> {
    return this.items.history(id, user);
  }

  @Post(':id/progress')
  @HttpCode(200)
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
  @Roles('agency')
  submit(
    @Id() id: string,
    @Body() dto: SubmitDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.submit(id, dto, user);
  }

  @Post(':id/extension-requests')
  @Roles('agency')
  requestExtension(
    @Id() id: string,
    @Body() dto: ExtensionRequestDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse & { requestId: string }> {
    return this.commands.requestExtension(id, dto, user);
  }

  @Post(':id/extension-requests/:rid/approve')
  @HttpCode(200)
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
  @Roles('secretariat')
  cancel(
    @Id() id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.commands.cancel(id, dto, user);
  }
}
