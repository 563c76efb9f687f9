import { HttpStatus } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from './api-error';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Route {
  readonly path: RegExp;
  readonly methods: readonly string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/api/items/{id}` → /^\/api\/items\/[^/]+\/?$/ (Express's non-strict routing: a trailing slash). */
function routesOf(document: OpenAPIObject): Route[] {
  return Object.entries(document.paths).map(([template, item]) => ({
    path: new RegExp(
      `^${template
        .split(/\{[^}]+\}/)
        .map(escape)
        .join('[^/]+')}/?$`,
    ),
    methods: METHODS.filter((m) => item[m] !== undefined).map((m) => m.toUpperCase()),
  }));
}

/**
 * A method the OpenAPI document does not list for a path it names is 405 with `Allow` (RFC 9110),
 * not Nest's 404; OPTIONS answers 204 with `Allow`. Paths the document does not name (the web app,
 * the docs) are left alone. The document is built on the first request (ADR 0021).
 */
export function methodNotAllowed(document: () => OpenAPIObject): RequestHandler {
  let routes: Route[] | undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    routes ??= routesOf(document());
    const methods = new Set(routes.filter((r) => r.path.test(req.path)).flatMap((r) => r.methods));
    if (
      methods.size === 0 ||
      methods.has(req.method) ||
      (req.method === 'HEAD' && methods.has('GET'))
    ) {
      next();
      return;
    }
    if (methods.has('GET')) methods.add('HEAD');
    res.setHeader('Allow', [...methods, 'OPTIONS'].join(', '));
    if (req.method === 'OPTIONS') {
      res.status(HttpStatus.NO_CONTENT).end();
      return;
    }
    const error = new ApiError(
      HttpStatus.METHOD_NOT_ALLOWED,
      'METHOD_NOT_ALLOWED',
      `Địa chỉ này không hỗ trợ phương thức ${req.method}; chỉ hỗ trợ ${[...methods].join(', ')}.`,
    );
    res.status(HttpStatus.METHOD_NOT_ALLOWED).json(error.getResponse());
  };
}
