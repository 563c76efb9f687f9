import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NativeConnection } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities, createWorkerDigestActivities } from '../../activities';
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

  let running: ItemWorker | undefined;
  const startWorker = async (): Promise<void> => {
    running ??= await startItemWorker(servers, config);
  };
  const stopWorker = async (): Promise<void> => {
    const worker = running;
    running = undefined;
    await worker?.stop();
  };
  return {
    app,
    config,
    startWorker,
    stopWorker,
    close: async () => {
      await stopWorker();
      await app.close();
    },
  };
}

/** A running item worker of startItemWorker. */
export interface ItemWorker {
  /** Drains and stops the worker, then closes its connection and mail transport. */
  stop(): Promise<void>;
}

/**
 * An item worker built by createItemWorker with the real activities (mail through `smtpUrl`),
 * on the caller's servers: the stack's worker, or a test's own beside an API in a child process.
 */
export async function startItemWorker(
  servers: Omit<AppStackServers, 'databaseUrl' | 'seedPassword'>,
  config: Pick<
    AppConfig,
    | 'mailFrom'
    | 'publicBaseUrl'
    | 'linkSigningSecret'
    | 'secretariatEmail'
    | 'committeeHeadEmail'
    | 'officeName'
  >,
): Promise<ItemWorker> {
  const mailer: Mailer = createMailer(servers.smtpUrl, config.mailFrom);
  const connection = await NativeConnection.connect({ address: servers.temporalAddress });
  const activityDeps = {
    dataSource: servers.dataSource,
    mailer,
    config: {
      publicBaseUrl: config.publicBaseUrl,
      linkSigningSecret: config.linkSigningSecret,
      mailFrom: config.mailFrom,
      officeName: config.officeName,
    },
  };
  const worker = await createItemWorker({
    connection,
    taskQueue: servers.taskQueue,
    activities: {
      ...createActivities(activityDeps),
      ...createWorkerDigestActivities({
        ...activityDeps,
        recipients: { secretariat: config.secretariatEmail, head: config.committeeHeadEmail },
      }),
    },
    ...(servers.workflowBundlePath ? { workflowBundlePath: servers.workflowBundlePath } : {}),
    ...(servers.workerTuning ? { tuning: servers.workerTuning } : {}),
  });
  const run = worker.run();
  return {
    stop: async () => {
      worker.shutdown();
      await run;
      await connection.close();
      mailer.close?.();
    },
  };
}
