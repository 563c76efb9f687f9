import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ConfigError, type AppConfig } from '../../../libs/config/src';
import { countDevSeedAccounts } from '../../../libs/persistence/src';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: false });
  const config = app.get<AppConfig>(APP_CONFIG);
  configureApp(app, { corsOrigins: config.corsOrigins, trustProxy: config.trustProxy });
  if (config.nodeEnv === 'production') await refuseDevSeedAccounts(app.get(DataSource));
  await app.listen(config.port);
  new Logger('API').log(`Listening on http://localhost:${config.port}/api (docs at /api/docs)`);
}

async function refuseDevSeedAccounts(dataSource: DataSource): Promise<void> {
  const count = await countDevSeedAccounts(dataSource);
  if (count > 0) {
    throw new ConfigError(
      `Refusing to start with NODE_ENV=production: the database holds ${count} account(s) of the ` +
        'development seed (…@dondoc.local, sharing the SEED_PASSWORD default); remove them.',
    );
  }
}

bootstrap().catch((err: unknown) => {
  new Logger('API').error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
