import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../common/api-error.response';
import { type AuthenticatedRequest, CurrentUser, Public } from './auth.decorators';
import { bearerToken } from './auth.guard';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import {
  LoginResponse,
  MeResponse,
  PasswordLinkResponse,
  PasswordSetResponse,
} from './auth.responses';
import { LoginDto } from './login.dto';
import { ChangePasswordDto, PasswordResetRequestDto, SetPasswordDto } from './password.dto';
import { PasswordLinksService } from './password-links.service';

const LinkToken = () =>
  ApiParam({ name: 'token', description: 'The `t` of the set-password link in the mail' });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly links: PasswordLinksService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, 401, 429)
  login(@Body() body: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    // req.ip honours TRUST_PROXY: behind a reverse proxy, the client's address, not the proxy's.
    return this.auth.login(body.email, body.password, req.ip ?? 'unknown');
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeResponse })
  @ApiErrors(401)
  me(@CurrentUser() user: AuthenticatedUser): MeResponse {
    return { ...user, name: user.name ?? user.email };
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token is revoked' })
  @ApiErrors(401)
  async logout(@Req() req: AuthenticatedRequest): Promise<void> {
    const token = bearerToken(req.headers.authorization);
    if (token) await this.auth.logout(token);
  }

  @ApiBearerAuth()
  @Post('logout-all')
  @HttpCode(204)
  @ApiOperation({ summary: "Ends every session of the caller's account, this one included" })
  @ApiNoContentResponse({ description: 'Every token of the account is revoked' })
  @ApiErrors(401)
  async logoutAll(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.auth.revokeSessions(user.id);
  }

  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: "Changes the caller's password; the account's other sessions end" })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrors(400, 401, 429)
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    const token = bearerToken(req.headers.authorization) ?? '';
    await this.auth.changePassword(user, body.current, body.next, token);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(204)
  @ApiOperation({
    summary: '"Quên mật khẩu": mails a one-time link to the address if it has an account',
    description: 'Always 204, whether or not the address has an account.',
  })
  @ApiNoContentResponse({ description: 'Asked' })
  @ApiErrors(400)
  requestReset(@Body() body: PasswordResetRequestDto): void {
    this.links.requestReset(body.email);
  }

  @Public()
  @Get('password-links/:token')
  @LinkToken()
  @ApiOperation({ summary: 'The account a set-password link is for, while it can be used' })
  @ApiOkResponse({ type: PasswordLinkResponse })
  @ApiErrors(404, 410)
  passwordLink(@Param('token') token: string): Promise<PasswordLinkResponse> {
    return this.links.inspect(token);
  }

  @Public()
  @Post('password-links/:token')
  @HttpCode(200)
  @LinkToken()
  @ApiOperation({
    summary: 'Sets the password with a set-password link (once); every session of the account ends',
  })
  @ApiOkResponse({ type: PasswordSetResponse })
  @ApiErrors(400, 404, 410)
  setPassword(
    @Param('token') token: string,
    @Body() body: SetPasswordDto,
  ): Promise<PasswordSetResponse> {
    return this.links.setPassword(token, body.password);
  }
}
