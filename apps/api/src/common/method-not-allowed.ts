import { HttpStatus } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from './api-error';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Route {
  readonly path: RegExp;
  readonly methods: readonly string[];
  /** Segments written out: `/api/notices/preview` names a request before `/api/notices/{id}`. */
  readonly literal: number;
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
    literal: template.split('/').filter((part) => part !== '' && !part.startsWith('{')).length,
  }));
}

/** The methods of the most specific paths of the document matching `path`. */
function methodsOf(routes: readonly Route[], path: string): Set<string> {
  const matching = routes.filter((r) => r.path.test(path));
  const most = Math.max(...matching.map((r) => r.literal));
  return new Set(matching.filter((r) => r.literal === most).flatMap((r) => r.methods));
}

/**
 * A method the OpenAPI document does not list for a path it names is 405 with `Allow` (RFC 9110),
 * not Nest's 404; OPTIONS answers 204 with `Allow`. A path written out wins over a template (GET
 * /api/notices/preview is 405, not a notice id). Paths the document does not name (the web app,
 * the docs) are left alone. The document is built on the first request (ADR 0021).
 */
export function methodNotAllowed(document: () => OpenAPIObject): RequestHandler {
  let routes: Route[] | undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    routes ??= routesOf(document());
    const methods = methodsOf(routes, req.path);
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
