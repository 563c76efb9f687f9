import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { UserRole } from '../../../../libs/persistence/src';
import { AuditService } from '../audit/audit.module';
import { ApiError } from '../common/api-error';
import { type AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';

/**
 * Every route needs a valid bearer token (401) and, where @Roles says so, one of the roles (403).
 * Its refusals go to the audit log here: guards run before the audit interceptor.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest & Request>();
    try {
      const token = bearerToken(req.headers.authorization);
      if (!token) {
        throw ApiError.unauthorized(
          'UNAUTHENTICATED',
          'Bạn cần đăng nhập (thiếu mã truy cập Bearer).',
        );
      }
      req.user = await this.auth.authenticate(token);
      const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
      if (roles && !roles.includes(req.user.role)) throw ApiError.forbidden();
      return true;
    } catch (err) {
      await this.audit.refused(req, err);
      throw err;
    }
  }
}

export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}
