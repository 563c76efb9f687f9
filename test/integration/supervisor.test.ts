/**
 * Issue 9 (g): under `npm start` (libs/devstack/src/start.ts, run here with the apps from their
 * TypeScript sources and this file's PostgreSQL, SMTP server and Temporal), kill -9 of the worker
 * and then of the API. The supervisor restarts each with backoff; the reminders and the overdue
 * notice that fall due meanwhile are each delivered exactly once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startProcess, type ManagedProcess } from '../../libs/devstack/src/child-process';
import { freePort } from '../../libs/devstack/src/ports';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { mailItem, mailKind, mailStep } from '../support/mail-headers';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { SEED_PASSWORD } from '../support/stack';
import { temporalAddress, uniqueTaskQueue } from '../support/temporal';

const ROOT = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
let db: TestDatabase;
let smtp: TestSmtpServer;
let stack: ManagedProcess | undefined;
let baseUrl: string;
const output: string[] = [];

async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => T | undefined | Promise<T | undefined>,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what} not within ${timeoutMs} ms:\n${output.slice(-40).join('\n')}`);
    }
    await sleep(250);
  }
}

/** The pid of the stack's child running apps/<app>/src/main.ts (its direct child only). */
function childPid(app: 'api' | 'worker'): number | undefined {
  try {
    const out = execFileSync('pgrep', [
      '-P',
      String(stack!.child.pid),
      '-f',
      `apps/${app}/src/main.ts`,
    ]);
    const pid = Number(out.toString().trim().split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // pgrep exits 1 when nothing matches
  }
}

const healthy = async () => {
  const res = await request(baseUrl)
    .get('/api/health')
    .catch(() => undefined);
  return res?.status === 200 ? true : undefined;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dondoc-supervisor-'));
  db = await createTestDatabase();
  smtp = await startSmtpServer();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  stack = startProcess(
    'stack',
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'libs/devstack/src/start.ts')],
    {
      ...process.env,
      NODE_ENV: 'test',
      DONDOC_APPS_FROM_SOURCE: '1',
      PORT: String(port),
      DATA_DIR: dir,
      DATABASE_URL: db.url,
      SMTP_URL: smtp.url,
      TEMPORAL_ADDRESS: temporalAddress(),
      TEMPORAL_TASK_QUEUE: uniqueTaskQueue('supervisor'),
      SEED_PASSWORD,
    },
    (line) => output.push(line),
  );
  await until('the stack running', 240_000, () =>
    output.some((l) => l.includes('Đôn Đốc is running')) ? true : undefined,
  );
}, 300_000);

afterAll(async () => {
  await stack?.stop(30_000);
  await smtp?.close();
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

it('restarts the worker and the API after kill -9; every mail due meanwhile goes out once', async () => {
  const login = await request(baseUrl)
    .post('/api/auth/login')
    .send({ email: 'secretariat@dondoc.local', password: SEED_PASSWORD });
  expect(login.status).toBe(200);
  const token = (login.body as { accessToken: string }).accessToken;

  const created = await request(baseUrl)
    .post('/api/items')
    .set('Authorization', `Bearer ${token}`)
    .send({
      text: 'Báo cáo tiến độ giải ngân vốn đầu tư công.',
      lead: 'STC',
      due: new Date(Date.now() + 50_000).toISOString(),
      policy: { remindBefore: ['PT35S', 'PT20S'], escalateAfter: [] },
    });
  expect(created.status).toBe(201);
  const itemId = (created.body as { id: string }).id;
  const t0 = Date.now();

  const worker = childPid('worker');
  expect(worker).toBeDefined();
  process.kill(worker!, 'SIGKILL');
  await until('the worker restarted', 60_000, () => {
    const pid = childPid('worker');
    return pid !== undefined && pid !== worker ? pid : undefined;
  });
  expect(output.join('\n')).toContain('[stack] worker exited (SIGKILL); restarting it in 1.0 s.');

  const api = childPid('api');
  expect(api).toBeDefined();
  const apiKilledAt = Date.now();
  process.kill(api!, 'SIGKILL');
  await until('the API restarted', 60_000, () => {
    const pid = childPid('api');
    return pid !== undefined && pid !== api ? pid : undefined;
  });
  await until('the stack healthy again', 120_000, healthy);
  const apiRecoveryMs = Date.now() - apiKilledAt;

  const ofItem = (m: (typeof smtp.messages)[number]) => mailItem(m) === itemId;
  const mails = await smtp.waitFor((m) => ofItem(m) && mailKind(m) !== 'assigned', 3, 150_000);
  await sleep(5000); // a duplicate would arrive now
  const delivered = smtp.messages.filter((m) => ofItem(m) && mailKind(m) !== 'assigned');
  const steps = delivered.map((m) => `${mailKind(m)}:${mailStep(m)}`).sort();
  console.info(
    `supervisor (g): expected 3, delivered ${delivered.length}, duplicated ${delivered.length - new Set(steps).size}; ` +
      `API back and healthy ${(apiRecoveryMs / 1000).toFixed(1)} s after kill -9; all mails ${((Date.now() - t0) / 1000).toFixed(0)} s after creation`,
  );
  expect(mails).toHaveLength(3);
  expect(delivered).toHaveLength(3);
  expect(new Set(steps).size).toBe(3);
  expect(delivered.map(mailKind).sort()).toEqual(['overdue', 'reminder', 'reminder']);
  expect(output.join('\n')).toContain('[stack] api exited (SIGKILL); restarting it in 1.0 s.');
  expect(output.join('\n')).not.toContain('stopping the stack');
}, 420_000);
