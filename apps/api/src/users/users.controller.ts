import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { PasswordMailResponse } from '../auth/auth.responses';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiErrors } from '../common/api-error.response';
import { UserIdPipe } from './user-id.pipe';
import {
  CreatedUserResponse,
  CreateUserDto,
  ListUsersQuery,
  UpdateUserDto,
  UserResponse,
} from './users.dto';
import { UsersService } from './users.service';

const TOTAL_COUNT_HEADER = 'X-Total-Count';
const Id = () => Param('id', new UserIdPipe());

/** Accounts: the secretariat administers (ADR 0020). */
@ApiTags('users')
@ApiBearerAuth()
@Roles('secretariat')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Creates an account and mails its invitation (one-time link)' })
  @ApiCreatedResponse({ type: CreatedUserResponse })
  @ApiErrors(400, 401, 403, 409)
  create(
    @Body() dto: CreateUserDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CreatedUserResponse> {
    return this.users.create(dto, user);
  }

  @Get()
  @ApiOkResponse({
    type: [UserResponse],
    description: 'One page (limit/offset), by address',
    headers: {
      [TOTAL_COUNT_HEADER]: {
        description: 'Accounts matching the filter',
        schema: { type: 'integer' },
      },
    },
  })
  @ApiErrors(400, 401, 403)
  async list(
    @Query() q: ListUsersQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponse[]> {
    const page = await this.users.list(q);
    res.setHeader(TOTAL_COUNT_HEADER, String(page.total));
    return page.users;
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(401, 403, 404)
  get(@Id() id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Renames, changes the role or agency, disables (its sessions end) or re-enables',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  update(
    @Id() id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UserResponse> {
    return this.users.update(id, dto, user);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Mails a one-time set-password link: the invitation again while no password is set, else a reset',
  })
  @ApiOkResponse({ type: PasswordMailResponse })
  @ApiErrors(401, 403, 404, 409)
  sendPasswordMail(
    @Id() id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PasswordMailResponse> {
    return this.users.sendPasswordMail(id, user);
  }
}
