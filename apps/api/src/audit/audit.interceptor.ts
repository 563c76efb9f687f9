import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import { failureFacts, isRefusal } from './audit-outcome';
import { AUDITED_ROUTES } from './audit-routes';
import { AuditService, routeOf } from './audit.service';

/**
 * Records every audited route's outcome (AUDITED_ROUTES) and any 401/403 a handler, a pipe or a
 * service raises; the guard records its own refusals (it runs before interceptors). The entry is
 * written before the answer leaves, so a client that reads the log next finds it.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    const audited = AUDITED_ROUTES[routeOf(req)];
    return next.handle().pipe(
      concatMap((result: unknown) => {
        if (!audited) return [result];
        const statusCode = successStatus(ctx, req.method);
        return from(this.audit.routeDone(req, audited, { statusCode, result }).then(() => result));
      }),
      catchError((err: unknown) => {
        const written = audited
          ? this.audit.routeDone(req, audited, { err })
          : isRefusal(failureFacts(err).statusCode)
            ? this.audit.refused(req, err)
            : Promise.resolve();
        return from(written).pipe(concatMap(() => throwError(() => err)));
      }),
    );
  }
}

/** The status Nest answers a handler's result with: its @HttpCode, else 201 for POST. */
function successStatus(ctx: ExecutionContext, method: string): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) as unknown;
  if (typeof declared === 'number') return declared;
  return method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK;
}
