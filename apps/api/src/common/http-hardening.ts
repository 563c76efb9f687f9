import type { INestApplication } from '@nestjs/common';
import { json, type Application } from 'express';
import helmet from 'helmet';

/**
 * Request bodies: a notice of 500,000 characters is about 1.5 MB of JSON in the worst case
 * (three UTF-8 bytes a Vietnamese letter, NFD doubling some); everything else is small.
 */
export const BODY_LIMITS = { notices: '4mb', default: '100kb' } as const;

export interface HttpHardeningOptions {
  readonly corsOrigins?: readonly string[];
  readonly trustProxy?: string;
}

/**
 * Security headers, CORS and body limits (issue 9). The web app is served from the API's own
 * origin, so no cross-origin caller is allowed unless CORS_ORIGINS names it.
 */
export function hardenHttp(app: INestApplication, options: HttpHardeningOptions = {}): void {
  const corsOrigins = options.corsOrigins ?? [];
  if (options.trustProxy) {
    (app.getHttpAdapter().getInstance() as Application).set('trust proxy', options.trustProxy);
  }
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Ant Design writes its styles at run time (CSS-in-JS); scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.enableCors({ origin: corsOrigins.length > 0 ? [...corsOrigins] : false });
  // Parsed here, before Nest's own parser (which then skips a parsed body), with a larger limit.
  app.use('/api/notices', json({ limit: BODY_LIMITS.notices }));
  app.use(json({ limit: BODY_LIMITS.default }));
}
