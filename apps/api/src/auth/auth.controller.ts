import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-error.response';
import { type AuthenticatedRequest, CurrentUser, Public } from './auth.decorators';
import { bearerToken } from './auth.guard';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { LoginResponse, MeResponse } from './auth.responses';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

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
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
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
}
