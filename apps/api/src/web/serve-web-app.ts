import { type INestApplication, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Built assets carry a content hash in their name: cache them for a year. */
const ASSETS = /^\/assets\//;
const API = /^\/api(\/|$)/;

/**
 * Where `vite build` wrote the web app: dist/web, found from this file whether it runs compiled
 * (dist/apps/api/src/web) or from its TypeScript source (apps/api/src/web, tests); WEB_DIST_DIR
 * overrides it.
 */
export function webAppDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.WEB_DIST_DIR,
    resolve(__dirname, '../../../../web'),
    resolve(__dirname, '../../../../dist/web'),
  ];
  return candidates.find((d) => d && existsSync(join(d, 'index.html'))) ?? null;
}

/** Whether a request is a browser asking for a page (history fallback), not an API call. */
export function wantsAppPage(req: Pick<Request, 'method' | 'path' | 'headers'>): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (API.test(req.path)) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the web app on the API's origin (ADR 0013): its files with caching, and index.html for
 * every other non-/api page a browser asks for, so client-side routes survive a reload. /api is
 * untouched: an unknown API path stays a JSON 404, and no API request looks for a file (it cost
 * every API request a stat of the disk: bench api, ADR 0023). index.html is served by the same
 * static handler, with its ETag, whatever the app's `etag` setting (off for the API's JSON).
 */
export function serveWebApp(app: INestApplication, dir = webAppDir()): void {
  if (!dir) {
    new Logger('Web').warn('No web app build (dist/web): run `npm run build` to serve it at /.');
    return;
  }
  const files = serveStatic(dir, {
    index: false,
    setHeaders: (res: Response, path: string) => {
      const asset = ASSETS.test(path.slice(dir.length).replaceAll('\\', '/'));
      res.setHeader('Cache-Control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const express = app as NestExpressApplication;
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (API.test(req.path)) next();
    else void files(req, res, next);
  });
  // Browsers and tools ask for /favicon.ico by default; the app's icon is an SVG (index.html).
  if (existsSync(join(dir, 'favicon.svg'))) {
    express.use('/favicon.ico', (_req: Request, res: Response) => {
      res.redirect(301, '/favicon.svg');
    });
  }
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (!wantsAppPage(req)) return next();
    req.url = '/index.html';
    void files(req, res, next);
  });
}
