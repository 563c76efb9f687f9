import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/devstack/src/ports';
import { startAppStack, type AppStack } from '../../test/support/app-stack';
import { startSmtpServer, type TestSmtpServer } from '../../test/support/smtp';
import { startDevServer } from '../../test/support/temporal';
import { startAppProcess, type AppProcess } from '../../test/support/app-process';
import { startWorkerProcess } from '../../test/support/worker-process';
import { BARE_TABLE_SQL } from './bare-activities';
import { BENCH_PASSWORD, startBenchDatabase, type BenchDatabase } from './bench-database';

/**
 * The whole stack of the Temporal benches (issue 10), started fresh by the bench: embedded
 * PostgreSQL (migrated, seeded), the Temporal dev server on a SQLite file of its own, a real SMTP
 * server, the API (AppModule) in this process on a port, item workers as processes of their own
 * (apps/worker/src/main.ts, the production worker) and the baselines' worker (bare-worker.ts).
 */
export interface TemporalBench {
  readonly db: BenchDatabase;
  readonly temporal: TestWorkflowEnvironment;
  readonly client: Client;
  readonly smtp: TestSmtpServer;
  readonly stack: AppStack;
  /** http://127.0.0.1:<port>/api */
  readonly api: string;
  /** Headers of a JSON request with the secretariat's token. */
  readonly headers: Record<string, string>;
  /** The item workflows' task queue (the API starts there, the item workers poll it). */
  readonly taskQueue: string;
  /** The baselines' task queue. */
  readonly bareTaskQueue: string;
  readonly mailFrom: string;
  /** `count` item worker processes on the task queue (more beside those running). */
  startItemWorkers(count: number): Promise<AppProcess[]>;
  /** `count` baseline worker processes on the bare task queue. */
  startBareWorkers(count: number): Promise<AppProcess[]>;
  /** Stops every worker process this bench started. */
  stopWorkers(): Promise<void>;
  /**
   * Calls inside the dev server that failed on their deadline (its SQLite store did not answer
   * in time; the task is retried later), from its Prometheus metrics: `persistence_error_with_type`
   * and `service_error_with_type` with an error type `*DeadlineExceeded`.
   */
  serverTimeouts(): Promise<number>;
  /** Bytes of the dev server's SQLite database (with its WAL). */
  sqliteBytes(): number;
  /** Stops everything; `failed`: prints the workers' last output lines first. */
  stop(failed?: boolean): Promise<void>;
}

/** Runs `body` on a fresh stack and stops it; on failure, prints the workers' last lines first. */
export async function withTemporalBench(body: (bench: TemporalBench) => Promise<void>) {
  const bench = await startTemporalBench();
  let failed = true;
  try {
    await body(bench);
    failed = false;
  } finally {
    await bench.stop(failed);
  }
}

export async function startTemporalBench(): Promise<TemporalBench> {
  const db = await startBenchDatabase();
  await db.dataSource.query(BARE_TABLE_SQL);
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-bench-temporal-'));
  const sqlite = join(dir, 'temporal.sqlite');
  const metricsPort = await freePort();
  const temporal = await startDevServer({
    dbFilename: sqlite,
    extraArgs: ['--metrics-port', String(metricsPort)],
  });
  const smtp = await startSmtpServer();
  const taskQueue = `bench-items-${randomUUID()}`;
  const bareTaskQueue = `bench-bare-${randomUUID()}`;
  const stack = await startAppStack({
    dataSource: db.dataSource,
    databaseUrl: db.url,
    temporalAddress: temporal.address,
    smtpUrl: smtp.url,
    taskQueue,
    seedPassword: BENCH_PASSWORD,
  });
  await stack.app.listen(0, '127.0.0.1');
  const api = `${(await stack.app.getUrl()).replace('[::1]', '127.0.0.1')}/api`;
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'secretariat@dondoc.local', password: BENCH_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login: HTTP ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const workers: AppProcess[] = [];
  const stopped: AppProcess[] = [];
  const env = (queue: string): Record<string, string> => ({
    DATABASE_URL: db.url,
    SMTP_URL: smtp.url,
    MAIL_FROM: stack.config.mailFrom,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: queue,
  });
  const started = async (procs: Promise<AppProcess>[]): Promise<AppProcess[]> => {
    const all = await Promise.all(procs);
    workers.push(...all);
    return all;
  };
  return {
    db,
    temporal,
    client,
    smtp,
    stack,
    api,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    taskQueue,
    bareTaskQueue,
    mailFrom: stack.config.mailFrom,
    startItemWorkers: (count) =>
      started(Array.from({ length: count }, () => startWorkerProcess(env(taskQueue), 300_000))),
    startBareWorkers: (count) =>
      started(Array.from({ length: count }, () => startBareWorker(env(bareTaskQueue)))),
    stopWorkers: async () => {
      const all = workers.splice(0);
      stopped.push(...all);
      await Promise.all(all.map((w) => w.stop()));
    },
    serverTimeouts: async () => {
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      return text
        .split('\n')
        .filter((l) => /^(persistence|service)_error_with_type\{.*DeadlineExceeded/.test(l))
        .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
    },
    sqliteBytes: () =>
      [sqlite, `${sqlite}-wal`].reduce((sum, f) => {
        try {
          return sum + statSync(f).size;
        } catch {
          return sum;
        }
      }, 0),
    stop: async (failed = false) => {
      if (failed) {
        const tails = [...workers, ...stopped].map((w) => w.output.slice(-40).join('\n'));
        console.error(`worker output:\n${tails.join('\n')}`);
      }
      await Promise.all(workers.splice(0).map((w) => w.stop()));
      await stack.close();
      await connection.close();
      await smtp.close();
      await temporal.teardown();
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The baselines' worker in a process of its own, like the item worker. */
function startBareWorker(env: Record<string, string>): Promise<AppProcess> {
  return startAppProcess('worker', env, /Polling task queue/, 300_000, BARE_WORKER);
}
const BARE_WORKER = join(__dirname, 'bare-worker.ts');

/** Resident set of a process (bytes), from /proc. */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : NaN;
}

/** Polls `done` every 50 ms until it holds; rejects after `timeoutMs`, saying what it waited for. */
export async function waitUntil(
  what: string,
  done: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An item of POST /api/notices' `items` (the confirm path). */
export interface NoticeItem {
  readonly text: string;
  readonly lead: string;
  /** "YYYY-MM-DD" or an ISO instant with its offset. */
  readonly due: string;
  readonly policy?: { remindBefore?: string[]; escalateAfter?: string[] };
}

/** The active agencies' codes, in order. */
export async function agencyCodes(bench: TemporalBench): Promise<string[]> {
  const rows = await bench.db.dataSource.query<{ code: string }[]>(
    'SELECT code FROM agencies WHERE active ORDER BY code',
  );
  return rows.map((r) => r.code);
}

/**
 * Confirms a notice of `items` through POST /api/notices (store, then start every item's
 * workflow); resolves once the API answered, with the notice's id and the workflows it started.
 */
export async function confirmNotice(
  bench: TemporalBench,
  title: string,
  items: readonly NoticeItem[],
): Promise<{ id: string; started: number }> {
  const res = await fetch(`${bench.api}/notices`, {
    method: 'POST',
    headers: bench.headers,
    body: JSON.stringify({ parsed: { notice: { title } }, items }),
  });
  if (res.status !== 201) throw new Error(`confirm answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { id: string; started: number };
  if (body.started !== items.length) {
    throw new Error(`confirm started ${body.started} of ${items.length} workflows`);
  }
  return body;
}

/** How many of a notice's items have recorded their `created` event. */
export async function createdOfNotice(bench: TemporalBench, noticeId: string): Promise<number> {
  const [{ n }] = await bench.db.dataSource.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM item_events e JOIN items i ON i.workflow_id = e.workflow_id
      WHERE i.notice_id = $1 AND e.type = 'created'`,
    [noticeId],
  );
  return n;
}

/** How many bare workflows whose id starts with `prefix` have inserted their row. */
export async function bareRows(bench: TemporalBench, prefix: string): Promise<number> {
  const [{ n }] = await bench.db.dataSource.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM bench_rows WHERE workflow_id LIKE $1 || '%'`,
    [prefix],
  );
  return n;
}

/** Starts `count` bare workflows at once (the client's best), ids `<prefix>-<i>`. */
export async function startBare(
  bench: TemporalBench,
  prefix: string,
  count: number,
  workflowType: 'bareInsertWorkflow' | 'bareTimerWorkflow' | 'bareOpenWorkflow',
  args: (i: number) => unknown[],
): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      bench.client.workflow.start(workflowType, {
        workflowId: `${prefix}-${i}`,
        taskQueue: bench.bareTaskQueue,
        args: args(i),
      }),
    ),
  );
}
