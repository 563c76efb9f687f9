import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import {
  createActivities,
  createReconcileActivities,
  createWorkerDigestActivities,
} from '../../../activities';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/src';
import { MAILER, type Mailer } from '../../../libs/mail/src';
import { WorkerModule } from './worker.module';
import { createItemWorker } from './item-worker';
import { ensureDigestSchedules } from './digest-schedules';
import { startReconcileScheduler } from './reconcile-schedule';

/**
 * Hosts the Temporal worker. Temporal's Runtime owns SIGINT/SIGTERM: `worker.run()` resolves
 * after a graceful drain, and only then are the database pool and the connection closed.
 */
async function bootstrap(): Promise<void> {
  const logger = new Logger('Worker');
  const app = await NestFactory.createApplicationContext(WorkerModule);
  const config = app.get<AppConfig>(APP_CONFIG);
  const connection = await NativeConnection.connect({
    address: config.temporal.address,
    tls: config.temporal.tls,
    apiKey: config.temporal.apiKey,
  });
  // The reconciler's client (list, describe, start, Schedules): a regular connection.
  const clientConnection = await Connection.connect({
    address: config.temporal.address,
    tls: config.temporal.tls,
    apiKey: config.temporal.apiKey,
  });
  const client = new Client({
    connection: clientConnection,
    namespace: config.temporal.namespace,
  });
  const dataSource = app.get(DataSource);
  const activityDeps = {
    dataSource,
    mailer: app.get<Mailer>(MAILER),
    config: {
      publicBaseUrl: config.publicBaseUrl,
      linkSigningSecret: config.linkSigningSecret,
      mailFrom: config.mailFrom,
      officeName: config.officeName,
    },
  };
  const worker = await createItemWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: {
      ...createActivities(activityDeps),
      ...createWorkerDigestActivities({
        ...activityDeps,
        recipients: { secretariat: config.secretariatEmail, head: config.committeeHeadEmail },
      }),
      ...createReconcileActivities({
        dataSource,
        client,
        taskQueue: config.temporal.taskQueue,
        addresses: config,
      }),
    },
  });
  logger.log(`Polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
  // The digests' Schedules (issue 11); a Temporal that is down now gets them at the next start.
  ensureDigestSchedules({
    client,
    taskQueue: config.temporal.taskQueue,
    ...config.digests,
  })
    .then((done) => logger.log(`Digest schedules: ${JSON.stringify(done)}`))
    .catch((err: unknown) =>
      logger.warn(
        `Digest schedules not ensured: ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
  const reconciler = startReconcileScheduler({
    client,
    taskQueue: config.temporal.taskQueue,
    intervalSeconds: config.reconcileIntervalSeconds,
  });
  try {
    await worker.run();
  } finally {
    reconciler.stop();
    await app.close();
    await clientConnection.close();
    await connection.close();
  }
}

bootstrap().catch((err: unknown) => {
  new Logger('Worker').error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
