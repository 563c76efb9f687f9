import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { Application } from 'express';
import { ErrorFilter } from './common/error.filter';
import { hardenHttp, type HttpHardeningOptions } from './common/http-hardening';
import { methodNotAllowed } from './common/method-not-allowed';
import { validationPipe } from './common/validation';
import { openApiDocument } from './openapi';
import { serveWebApp } from './web/serve-web-app';

/** Everything main.ts and the end-to-end tests share: prefix, validation, errors, OpenAPI, web app. */
export function configureApp(app: INestApplication, http: HttpHardeningOptions = {}): void {
  hardenHttp(app, http);
  // No ETag on the API's answers: it hashed every JSON body (55 KiB a list page; bench api, ADR
  // 0023) and the web app never revalidates (TanStack Query refetches whole answers). The web
  // app's files keep theirs (serveWebApp).
  (app.getHttpAdapter().getInstance() as Application).set('etag', false);
  app.setGlobalPrefix('api');
  app.use(methodNotAllowed(() => openApiDocument(app)));
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app));
  serveWebApp(app);
}
