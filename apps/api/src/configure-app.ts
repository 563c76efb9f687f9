import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { ErrorFilter } from './common/error.filter';
import { hardenHttp, type HttpHardeningOptions } from './common/http-hardening';
import { methodNotAllowed } from './common/method-not-allowed';
import { validationPipe } from './common/validation';
import { openApiDocument } from './openapi';
import { serveWebApp } from './web/serve-web-app';

/** Everything main.ts and the end-to-end tests share: prefix, validation, errors, OpenAPI, web app. */
export function configureApp(app: INestApplication, http: HttpHardeningOptions = {}): void {
  hardenHttp(app, http);
  app.setGlobalPrefix('api');
  app.use(methodNotAllowed(() => openApiDocument(app)));
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app));
  serveWebApp(app);
}
