import type { INestApplication } from '@nestjs/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { AppConfig } from '../../libs/config/src';
import { seedDevData } from '../../libs/persistence/src';
import { startAppStack } from './app-stack';
import { createTestDatabase, type TestDatabase } from './database';
import { startSmtpServer, type TestSmtpServer } from './smtp';
import { temporalAddress, uniqueTaskQueue } from './temporal';

export const SEED_PASSWORD = 'test-password';

export interface TestStack {
  readonly app: INestApplication;
  readonly http: () => TestAgent;
  readonly db: TestDatabase;
  readonly smtp: TestSmtpServer;
  readonly config: AppConfig;
  /** Bearer token of a seeded user (password SEED_PASSWORD). */
  login(email: string): Promise<string>;
  /** The types of an item's history events, oldest first (GET /api/items/:id/history, 200). */
  historyTypes(itemId: string, token: string): Promise<string[]>;
  /** Starts the in-process worker on this stack's task queue (started by default). */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  /** Start the in-process worker (default true). */
  readonly worker?: boolean;
  /** A Temporal server of the test's own (default: the shared dev server of global-setup). */
  readonly temporalAddress?: string;
  /** A database the caller owns (seeded here, idempotently; not dropped by close()). */
  readonly database?: TestDatabase;
  /** An SMTP server the caller owns (not closed by close()). */
  readonly smtp?: TestSmtpServer;
  /** The task queue (default: a unique one); pass the previous one to restart a stack. */
  readonly taskQueue?: string;
}

/**
 * The API (the real AppModule) on a fresh migrated and seeded database, a task queue of its own on
 * the dev server, a real SMTP server, and a worker with the real workflows and activities.
 * Resources passed in `options` are the caller's: close() leaves them running.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  quietWorkerLogs();
  const db = options.database ?? (await createTestDatabase());
  await seedDevData(db.dataSource, SEED_PASSWORD);
  const smtp = options.smtp ?? (await startSmtpServer());
  const stack = await startAppStack({
    dataSource: db.dataSource,
    databaseUrl: db.url,
    temporalAddress: options.temporalAddress ?? temporalAddress(),
    smtpUrl: smtp.url,
    taskQueue: options.taskQueue ?? uniqueTaskQueue('e2e'),
    seedPassword: SEED_PASSWORD,
    ...(process.env.TEST_WORKFLOW_BUNDLE
      ? { workflowBundlePath: process.env.TEST_WORKFLOW_BUNDLE }
      : {}),
  });
  if (options.worker !== false) await stack.startWorker();
  const { app, config } = stack;

  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
  return {
    app,
    http,
    db,
    smtp,
    config,
    login: async (email) => {
      const res = await http()
        .post('/api/auth/login')
        .send({ email, password: SEED_PASSWORD })
        .expect(200);
      return (res.body as { accessToken: string }).accessToken;
    },
    historyTypes: async (itemId, token) => {
      const res = await http()
        .get(`/api/items/${itemId}/history`)
        .set({ Authorization: `Bearer ${token}` })
        .expect(200);
      return (res.body as { type: string }[]).map((e) => e.type);
    },
    startWorker: stack.startWorker,
    stopWorker: stack.stopWorker,
    close: async () => {
      await stack.close();
      if (!options.smtp) await smtp.close();
      if (!options.database) await db.drop();
    },
  };
}

let runtimeInstalled = false;
/** Worker state changes at INFO drown the test output; keep warnings and errors. */
function quietWorkerLogs(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process by an earlier test file: keep it.
  }
}
