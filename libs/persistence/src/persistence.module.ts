import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/src';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES } from './entities';
import { ItemReadRepository, ItemStartRepository } from './items';

/** The database for the whole app (global: every feature module uses the repositories). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        // Fail fast with a clear message instead of retrying for minutes at boot.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [ItemReadRepository, ItemStartRepository],
  exports: [TypeOrmModule, ItemReadRepository, ItemStartRepository],
})
export class PersistenceModule {}
