import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';

/** DI token of the Temporal client the API sends Updates and starts through. */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * A lazy connection: the API boots (and answers /api/health with 503 naming Temporal) while
 * Temporal is still down, and connects on first use.
 */
function createClient(config: AppConfig): Client {
  const connection = Connection.lazy({
    address: config.temporal.address,
    tls: config.temporal.tls,
    apiKey: config.temporal.apiKey,
  });
  return new Client({ connection, namespace: config.temporal.namespace });
}

@Injectable()
class TemporalCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}
  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

@Global()
@Module({
  providers: [
    { provide: TEMPORAL_CLIENT, inject: [APP_CONFIG], useFactory: createClient },
    TemporalCloser,
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule {}
