import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '../../activities';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { createItemWorker, type ItemWorkerOptions } from '../../apps/worker/src/item-worker';
import { APP_CONFIG, loadConfig, type AppConfig } from '../../libs/config/src';
import { createMailer, type Mailer } from '../../libs/mail/src';

/** What the stack runs on: servers the caller started (and stops). */
export interface AppStackServers {
  /** A migrated database; the stack's activities write through this DataSource. */
  readonly dataSource: DataSource;
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly smtpUrl: string;
  readonly taskQueue: string;
  /** Password of the development seed users the caller seeded. */
  readonly seedPassword: string;
  /** A prebuilt workflow bundle (faster worker start); default: the workflows folder. */
  readonly workflowBundlePath?: string;
  readonly workerTuning?: ItemWorkerOptions['tuning'];
}

export interface AppStack {
  readonly app: INestApplication;
  readonly config: AppConfig;
  /** Starts the in-process worker on the stack's task queue (a no-op when it runs). */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  /** Stops the worker and the API; the servers passed in stay up. */
  close(): Promise<void>;
}

/**
 * The API (the real AppModule, configured by value: no process.env) and an item worker built by
 * createItemWorker with the real activities, on servers the caller owns. The one stack builder of
 * the integration tests (test/support/stack.ts) and the benches (bench/).
 */
export async function startAppStack(servers: AppStackServers): Promise<AppStack> {
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test' }),
    databaseUrl: servers.databaseUrl,
    smtpUrl: servers.smtpUrl,
    seedPassword: servers.seedPassword,
    temporal: {
      address: servers.temporalAddress,
      namespace: 'default',
      taskQueue: servers.taskQueue,
      apiKey: undefined,
      tls: false,
    },
  };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureApp(app);
  await app.init();

  const mailer: Mailer = createMailer(servers.smtpUrl, config.mailFrom);
  let running: { connection: NativeConnection; worker: Worker; run: Promise<void> } | undefined;
  const startWorker = async (): Promise<void> => {
    if (running) return;
    const connection = await NativeConnection.connect({ address: servers.temporalAddress });
    const worker = await createItemWorker({
      connection,
      taskQueue: servers.taskQueue,
      activities: createActivities({
        dataSource: servers.dataSource,
        mailer,
        config: {
          publicBaseUrl: config.publicBaseUrl,
          linkSigningSecret: config.linkSigningSecret,
        },
      }),
      ...(servers.workflowBundlePath ? { workflowBundlePath: servers.workflowBundlePath } : {}),
      ...(servers.workerTuning ? { tuning: servers.workerTuning } : {}),
    });
    running = { connection, worker, run: worker.run() };
  };
  const stopWorker = async (): Promise<void> => {
    if (!running) return;
    const { connection, worker, run } = running;
    running = undefined;
    worker.shutdown();
    await run;
    await connection.close();
  };
  return {
    app,
    config,
    startWorker,
    stopWorker,
    close: async () => {
      await stopWorker();
      await app.close();
      mailer.close?.();
    },
  };
}
