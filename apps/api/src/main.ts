import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/src';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: false });
  configureApp(app);
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port);
  new Logger('API').log(`Listening on http://localhost:${config.port}/api (docs at /api/docs)`);
}

bootstrap().catch((err: unknown) => {
  new Logger('API').error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
