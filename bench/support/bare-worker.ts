/**
 * The baselines' worker, a process of its own like apps/worker: `node -r ts-node/register/…
 * bench/support/bare-worker.ts` with DATABASE_URL, SMTP_URL, MAIL_FROM, TEMPORAL_ADDRESS and
 * TEMPORAL_TASK_QUEUE. The same worker settings as the item worker (ITEM_WORKER_TUNING), the same
 * PostgreSQL pool size (pg's default 10, as TypeORM's) and the same mail adapter.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { ITEM_WORKER_TUNING } from '../../apps/worker/src/item-worker';
import { createMailer } from '../../libs/mail/src';
import { createBareActivities } from './bare-activities';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set`);
    return v;
  };
  const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 10 });
  // An idle client's error (the database stopping first) is the pool's: heard, not a crash.
  pool.on('error', (err) => console.warn(`bare pool: ${err.message}`));
  const mailer = createMailer(env('SMTP_URL'), env('MAIL_FROM'));
  const connection = await NativeConnection.connect({ address: env('TEMPORAL_ADDRESS') });
  const taskQueue = env('TEMPORAL_TASK_QUEUE');
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('./bare.workflows'),
    activities: createBareActivities(pool, mailer),
    shutdownGraceTime: '10s',
    ...ITEM_WORKER_TUNING,
  });
  console.log(`Polling task queue "${taskQueue}"`);
  try {
    await worker.run();
  } finally {
    await connection.close();
    mailer.close?.();
    await pool.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
