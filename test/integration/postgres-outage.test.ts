/**
 * Fault test (c) of issue 9: PostgreSQL stopped for PG_FAULT_OUTAGE_S seconds (default 120, the
 * issue's 2 minutes) while an item's reminders and its overdue mark fall due. The test runs its
 * own PostgreSQL cluster (the shared one serves the other files running in parallel), its own
 * Temporal dev server, API, worker and SMTP server.
 *
 * The outage starts in the middle of the first reminder's send: the SMTP server holds it after
 * its DATA, PostgreSQL is stopped, then the server answers 250: the mail is out but mail_log cannot
 * say so. The second reminder and the overdue mark fall due while the database is down. Every
 * write of the worker is an activity retried until it works (ADR 0002, 0018), so nothing is
 * given up; the mail delivered before the database failed is not sent again (its key is carried
 * to the next attempt, ADR 0003). After the database returns on the same data directory and port:
 * each mail delivered exactly once, every event in the history saying its mail was delivered,
 * the API (same process, its pool reconnecting) answering again, GET /api/health down during the
 * outage and up after.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { freePort } from '../../libs/devstack/src/ports';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { runMigrations } from '../../libs/persistence/src/migrate';
import type { TestDatabase } from '../support/database';
import { mailItem, mailKind, mailStep } from '../support/mail-headers';
import { startPostgresProcess, type PostgresProcess } from '../support/postgres-process';
import type { ReceivedMail } from '../support/smtp';
import { startTestStack, type TestStack } from '../support/stack';
import { startDevServer } from '../support/temporal';
import { eventually, sleep, withTimeout } from '../support/waits';

const OUTAGE_MS = Number(process.env.PG_FAULT_OUTAGE_S ?? '120') * 1000;
/** Set up, the outage, recovery (a retry interval is at most a minute) and the checks. */
const TEST_TIMEOUT_MS = OUTAGE_MS + 240_000;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

let dir: string;
let port: number;
let postgres: PostgresProcess | undefined;
let dataSource: DataSource | undefined;
let temporal: TestWorkflowEnvironment | undefined;
let stack: TestStack | undefined;

/** The file's own cluster, kept on stop so that it restarts on the same data. */
function startPostgres(): Promise<PostgresProcess> {
  return startPostgresProcess({ dataDir: dir, port, database: 'dondoc' });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dondoc-pg-outage-'));
  port = await freePort();
  postgres = await startPostgres();
  await runMigrations(postgres.url);
  const ds = new DataSource(dataSourceOptions(postgres.url));
  dataSource = await ds.initialize();
  // The cluster is the file's own: afterAll removes it whole.
  const db: TestDatabase = { url: postgres.url, dataSource: ds, drop: () => Promise.resolve() };
  temporal = await startDevServer();
  stack = await startTestStack({ temporalAddress: temporal.address, database: db });
}, 180_000);

afterAll(async () => {
  stack?.smtp.release();
  await stack?.close();
  await dataSource?.destroy();
  await temporal?.teardown();
  await postgres?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

interface HealthAnswer {
  status: number;
  body: {
    code?: string;
    info?: Record<string, { status: string }>;
    error?: Record<string, { status: string }>;
  };
}

interface HistoryEvent {
  type: string;
  detail?: Record<string, unknown> | null;
}

describe('PostgreSQL stopped while reminders fire', () => {
  it(
    'delivers every reminder and the overdue mail exactly once and records every event',
    async () => {
      const s = stack!;
      const token = await s.login('secretariat@dondoc.local');
      const health = async (withToken: boolean): Promise<HealthAnswer> => {
        const req = s.http().get('/api/health');
        const res = await (withToken ? req.set(auth(token)) : req);
        return { status: res.status, body: res.body as HealthAnswer['body'] };
      };
      expect(await health(true)).toMatchObject({
        status: 200,
        body: { info: { database: { status: 'up' } } },
      });

      // The first reminder at +6 s (mid-send when the database stops, at about +8 s); the second
      // at a third of the outage, the deadline at three quarters of it.
      const t0 = Date.now();
      const stopAt = t0 + 8000;
      const dueAt = stopAt + Math.round((OUTAGE_MS * 3) / 4);
      const remindAt = [t0 + 6000, stopAt + Math.round(OUTAGE_MS / 3)];
      const remindBefore = remindAt.map((at) => `PT${Math.round((dueAt - at) / 1000)}S`);
      const created = await s
        .http()
        .post('/api/items')
        .set(auth(token))
        .send({
          text: 'Báo cáo tiến độ giải ngân vốn đầu tư công (kiểm thử sự cố cơ sở dữ liệu).',
          lead: 'STC',
          due: new Date(dueAt).toISOString(),
          policy: { remindBefore, escalateAfter: [] },
        });
      expect(created.status).toBe(201);
      const itemId = (created.body as { id: string }).id;
      // The assignment mail (ADR 0024) goes out at the creation, before the held reminder; the
      // mails under test are the schedule's.
      await s.smtp.waitFor((m) => mailItem(m) === itemId && mailKind(m) === 'assigned', 1, 5000);
      const held = s.smtp.hold();
      const ofItem = (m: ReceivedMail) => mailItem(m) === itemId && mailKind(m) !== 'assigned';

      // The first reminder's DATA is in, unanswered: the worker is mid-send. Stop PostgreSQL,
      // then let the server answer 250: the mail is delivered, mail_log cannot record it.
      await withTimeout(held.arrived, 60_000, 'the first reminder');
      const [row] = await s.db.dataSource.query<{ workflow_id: string }[]>(
        'SELECT workflow_id FROM items WHERE id = $1',
        [itemId],
      );
      const workflowId = row!.workflow_id;
      await postgres!.stop();
      const stoppedAt = Date.now();
      if (stoppedAt >= remindAt[1]!) {
        throw new Error('the database stopped after the second reminder was due: machine too slow');
      }
      s.smtp.release();
      await s.smtp.waitFor(ofItem, 1, 10_000);

      // The outage: health is down, the API answers without hanging, no mail is lost meanwhile.
      const during = await eventually(
        'health down',
        async () => {
          const h = await health(true);
          expect(h.status).toBe(503);
          return h;
        },
        20_000,
      );
      // The token was found valid before the outage (it cannot be checked now): the details.
      expect(during.body.error?.database?.status).toBe('down');
      expect(during.body.info?.temporal?.status).toBe('up');
      // Without a token: down, and nothing more.
      const anonymous = await health(false);
      expect(anonymous).toEqual({
        status: 503,
        body: { statusCode: 503, code: 'UNHEALTHY', message: 'Hệ thống chưa sẵn sàng.' },
      });
      const read = await s.http().get(`/api/items/${itemId}`).set(auth(token));
      console.info(
        `[fault c] during the outage: health ${during.status} ${JSON.stringify(during.body)}; ` +
          `anonymous ${anonymous.status} ${JSON.stringify(anonymous.body)}; ` +
          `GET item ${read.status} ${JSON.stringify(read.body)}`,
      );
      // Not the client's fault and not a bug: 503 with a stable code and when to ask again.
      expect(read.status).toBe(503);
      expect(read.body).toEqual({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'Không kết nối được cơ sở dữ liệu; vui lòng thử lại sau ít phút.',
        details: { retryAfterSeconds: 5 },
      });
      expect(read.headers['retry-after']).toBe('5');
      const write = await s
        .http()
        .post(`/api/items/${itemId}/progress`)
        .set(auth(token))
        .send({ percent: 40, note: 'Trong lúc mất cơ sở dữ liệu' });
      expect(write.status).toBe(503);
      expect(write.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });

      await sleep(Math.max(0, stoppedAt + OUTAGE_MS - Date.now()));
      expect(Date.now()).toBeGreaterThan(dueAt);
      const duringOutage = s.smtp.messages.filter(ofItem);
      postgres = await startPostgres();
      const restartedAt = Date.now();

      // Back: the API answers again (same process), health is up, every mail goes out once.
      const upAgain = await eventually(
        'health up',
        async () => {
          const h = await health(true);
          expect(h.status).toBe(200);
          return h;
        },
        90_000,
      );
      expect(upAgain.body.info?.database?.status).toBe('up');
      const healthyMs = Date.now() - restartedAt;
      const mails = await s.smtp.waitFor(ofItem, 3, 150_000);
      const recoveryMs = Math.max(...mails.map((m) => m.receivedAt)) - restartedAt;
      const events = await eventually(
        'every event saying its mail was delivered',
        async () => {
          const res = await s.http().get(`/api/items/${itemId}/history`).set(auth(token));
          expect(res.status).toBe(200);
          const h = res.body as HistoryEvent[];
          expect(h.map((e) => [e.type, e.detail?.mailDelivery])).toEqual([
            ['created', 'delivered'],
            ['reminder_sent', 'delivered'],
            ['reminder_sent', 'delivered'],
            ['overdue', 'delivered'],
          ]);
          return h;
        },
        120_000,
      );
      // Nothing more arrives: no duplicate.
      await sleep(10_000);
      const delivered = s.smtp.messages.filter(ofItem);
      const duplicated = delivered.length - new Set(delivered.map((m) => m.messageId)).size;
      console.info(
        `[fault c] PostgreSQL stopped for ${Math.round(OUTAGE_MS / 1000)} s while 2 reminders and ` +
          `the overdue notice fell due: mails expected 3, delivered ${delivered.length} ` +
          `(${duringOutage.length} during the outage), duplicated ${duplicated}; recovery ` +
          `${(recoveryMs / 1000).toFixed(1)} s from the restart to the last mail delivered ` +
          `(health up again within ${(healthyMs / 1000).toFixed(1)} s)`,
      );
      expect(delivered.map(mailKind).sort()).toEqual(['overdue', 'reminder', 'reminder']);
      expect(new Set(delivered.map(mailStep)).size).toBe(3);
      expect(duplicated).toBe(0);
      for (const m of delivered) expect(m.to).toEqual(['stc@dondoc.local']);
      // The first reminder went out on time (before the outage); the second after the deadline,
      // saying so; the events say which.
      const reminderEvents = events.filter((e) => e.type === 'reminder_sent');
      expect(reminderEvents.map((e) => e.detail?.mailLate === true)).toEqual([false, true]);
      const reminderOf = (before: string | undefined) =>
        delivered.find((m) => mailStep(m).startsWith(`remind:${before}:`));
      expect(reminderOf(remindBefore[0])?.subject).not.toContain('Gửi muộn');
      expect(reminderOf(remindBefore[1])?.subject).toContain('(Gửi muộn) Nhắc hạn:');

      const log = await s.db.dataSource.query<{ step: string; status: string }[]>(
        'SELECT step, status FROM mail_log WHERE workflow_id = $1 ORDER BY step',
        [workflowId],
      );
      expect(log.map((r) => [r.step.split(':')[0], r.status])).toEqual([
        ['assigned', 'sent'],
        ['overdue', 'sent'],
        ['remind', 'sent'],
        ['remind', 'sent'],
      ]);
      const item = await s.http().get(`/api/items/${itemId}`).set(auth(token));
      expect(item.status).toBe(200);
      expect((item.body as { status: string }).status).toBe('overdue');
    },
    TEST_TIMEOUT_MS,
  );
});
