/**
 * Fault test (e) of issue 9: kill -9 of the API in the middle of a notice confirmation. The API
 * runs from source in a child process (apps/api/src/main.ts) beside an in-process worker, on a
 * database, task queue and SMTP server of this file's own. After a normal confirmation of the
 * fixture notice (11 items, 5 of them already past due: each sends its overdue mail at once),
 * confirmations of copies of it (a line added: a new text hash) are cut by SIGKILL:
 *  - at once after the request is sent;
 *  - inside the transaction that stores the notice and its items (a trigger of this test holds
 *    the items' INSERT on an advisory lock the test keeps until the API is dead);
 *  - as soon as the notice is committed (polled), before any workflow starts; here nobody sends
 *    the request again at first: the restarted API's pending-row sweep starts every row;
 *  - as soon as a first row is marked started (polled): some workflows started, some not;
 *  - with the first batch of workflows started and their rows not yet marked (the same hold on
 *    the rows' move to `started`).
 * After each kill: either nothing of the notice exists or the notice and all its items do (never
 * a part); the API is restarted and the same request sent again: one notice (200, the same id,
 * when it had been stored), every item's workflow started exactly once (one run per workflow id,
 * one `created` event), each overdue mail delivered once. Confirmation has no idempotency key and
 * needs none: the notice's text hash is unique (a repeat answers 200 with the stored notice) and
 * the workflow ids are the rows' keys (a start finds a running workflow, never a second run).
 * There is no mail at assignment; the overdue mails are the ones a duplicate workflow would repeat.
 */
import { Client as TemporalClient, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { loadConfig } from '../../libs/config/src';
import { freePort } from '../../libs/devstack/src/ports';
import type { ParsedNotice } from '../../libs/domain/src';
import { seedDevData } from '../../libs/persistence/src';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { startItemWorker, type ItemWorker } from '../support/app-stack';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { mailItem, mailKind, mailStep } from '../support/mail-headers';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp';
import { SEED_PASSWORD } from '../support/stack';
import { temporalAddress, uniqueTaskQueue } from '../support/temporal';
import { eventually, sleep } from '../support/waits';

const FIXTURE = readFileSync(
  join(__dirname, '../../libs/domain/src/notice/fixtures/000_948b8539ce48aaaf.txt'),
  'utf8',
);
const ITEMS = 11;
/** The fixture's items due before today (January and February 2026): an overdue mail each. */
const PAST_DUE = 5;
/** The advisory lock the test's triggers wait on. */
const HOLD_LOCK = 4_242_001;

const taskQueue = uniqueTaskQueue('api-kill');
const config = loadConfig({ NODE_ENV: 'test' });

let db: TestDatabase;
let smtp: TestSmtpServer;
let worker: ItemWorker | undefined;
let api: AppProcess | undefined;
let port: number;
let temporal: { client: TemporalClient; connection: Connection } | undefined;
/** The test's own session: it holds HOLD_LOCK, so it must be one connection. */
let control: PgClient | undefined;

async function startApi(): Promise<{ process: AppProcess; startMs: number }> {
  const t0 = Date.now();
  const process = await startAppProcess(
    'api',
    {
      PORT: String(port),
      DATABASE_URL: db.url,
      SMTP_URL: smtp.url,
      TEMPORAL_ADDRESS: temporalAddress(),
      TEMPORAL_TASK_QUEUE: taskQueue,
      SEED_PASSWORD,
    },
    /Listening on /,
    180_000,
  );
  return { process, startMs: Date.now() - t0 };
}

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // A Runtime is live already: keep it.
  }
  db = await createTestDatabase();
  await seedDevData(db.dataSource, SEED_PASSWORD);
  smtp = await startSmtpServer();
  worker = await startItemWorker(
    {
      dataSource: db.dataSource,
      temporalAddress: temporalAddress(),
      smtpUrl: smtp.url,
      taskQueue,
      ...(process.env.TEST_WORKFLOW_BUNDLE
        ? { workflowBundlePath: process.env.TEST_WORKFLOW_BUNDLE }
        : {}),
    },
    config,
  );
  const connection = await Connection.connect({ address: temporalAddress() });
  temporal = { connection, client: new TemporalClient({ connection }) };
  control = new PgClient({ connectionString: db.url, application_name: 'dondoc-test-control' });
  await control.connect();
  port = await freePort();
  api = (await startApi()).process;
}, 240_000);

afterAll(async () => {
  await api?.stop(5000);
  await worker?.stop();
  await control?.end();
  await temporal?.connection.close();
  await smtp?.close();
  await db?.drop();
}, 60_000);

interface Answer {
  status: number;
  body: unknown;
}

/** One request to the API process; rejects when the connection breaks (the API was killed). */
function send(
  method: string,
  path: string,
  body: unknown,
  token?: string,
  onSent?: () => void,
): Promise<Answer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': payload.length }
            : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as unknown) : null,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload, onSent);
  });
}

async function login(): Promise<string> {
  const res = await send('POST', '/api/auth/login', {
    email: 'secretariat@dondoc.local',
    password: SEED_PASSWORD,
  });
  expect(res.status).toBe(200);
  return (res.body as { accessToken: string }).accessToken;
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await control!.query(sql, params)).rows as T[];
}

/** What is stored of the notice with this text: its id and its items by workflow state. */
async function stored(
  text: string,
): Promise<{ notices: string[]; items: number; started: number; pending: number }> {
  const notices = await query<{ id: string }>('SELECT id FROM notices WHERE text = $1', [text]);
  const [counts] = await query<{ items: number; started: number; pending: number }>(
    `SELECT count(*)::int AS items,
            count(*) FILTER (WHERE workflow_state = 'started')::int AS started,
            count(*) FILTER (WHERE workflow_state = 'pending')::int AS pending
       FROM items WHERE notice_id = ANY($1::uuid[])`,
    [notices.map((n) => n.id)],
  );
  return { notices: notices.map((n) => n.id), ...counts! };
}

/**
 * Makes the API's next write of `what` wait on HOLD_LOCK, which this session holds: the items'
 * INSERT (inside the confirmation's transaction) or their move to `started` (after a workflow
 * started). Returns a release that lets it go and removes the trigger.
 */
async function holdAt(what: 'insert' | 'start'): Promise<() => Promise<void>> {
  await query('SELECT pg_advisory_lock($1)', [HOLD_LOCK]);
  await query(
    `CREATE OR REPLACE FUNCTION test_hold() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN PERFORM pg_advisory_xact_lock(${HOLD_LOCK}); RETURN NEW; END $$`,
  );
  await query(
    what === 'insert'
      ? 'CREATE TRIGGER test_hold BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION test_hold()'
      : `CREATE TRIGGER test_hold BEFORE UPDATE ON items FOR EACH ROW
         WHEN (OLD.workflow_state = 'pending' AND NEW.workflow_state = 'started')
         EXECUTE FUNCTION test_hold()`,
  );
  return async () => {
    await query('SELECT pg_advisory_unlock($1)', [HOLD_LOCK]);
    // The killed session's statement goes on, then finds its client gone and rolls back.
    await eventually(
      'the held sessions gone',
      async () => expect(await holders()).toEqual([]),
      30_000,
    );
    await query('DROP TRIGGER test_hold ON items');
  };
}

/** Sessions waiting on HOLD_LOCK. */
async function holders(): Promise<number[]> {
  const rows = await query<{ pid: number }>(
    `SELECT l.pid FROM pg_locks l
      WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objid = $1`,
    [HOLD_LOCK],
  );
  return rows.map((r) => r.pid);
}

/** How many runs Temporal has of each workflow id (visibility, eventually consistent). */
async function runsOf(workflowIds: string[]): Promise<Map<string, number>> {
  const runs = new Map<string, number>();
  for await (const wf of temporal!.client.workflow.list({
    query: `TaskQueue = '${taskQueue}'`,
  })) {
    runs.set(wf.workflowId, (runs.get(wf.workflowId) ?? 0) + 1);
  }
  return new Map(workflowIds.map((id) => [id, runs.get(id) ?? 0]));
}

/** How many of the notice's item workflows Temporal has (describe: not eventually consistent). */
async function workflowsOf(noticeId: string): Promise<number> {
  let found = 0;
  for (let n = 1; n <= ITEMS; n++) {
    try {
      await temporal!.client.workflow.getHandle(`item-${noticeId}-${n}`).describe();
      found++;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }
  return found;
}

interface Confirmed {
  id: string;
  created: boolean;
  started: number;
  items: { id: string; workflowId: string; due: string | null }[];
}

interface TrialResult {
  label: string;
  killed: boolean;
  afterKill: string;
  retry: number;
  startedByRetry: number;
  restartMs: number;
  /** Seconds the restarted API's pending-row sweep took to start every row, before any retry. */
  sweptS?: number;
}

const results: TrialResult[] = [];
let parsed: ParsedNotice;
let items: ParsedNotice['items'];
let token: string;
let trials = 0;
/** A normal confirmation's time (the first trial's), for the report. */
let confirmMs = 0;

/** The fixture with a line of its own: a distinct notice (text hash) per trial. */
const textOf = (trialNo: number) => `${FIXTURE.trimEnd()}\n(Bản thử nghiệm số ${trialNo})\n`;

/**
 * One confirmation cut by what `prepare` arms before the request (a cut that resolves once the API
 * is dead and what it left has settled; null: let it finish), then
 * the checks: all or nothing stored; the API restarted; the same request again → one notice,
 * every workflow started once, every overdue mail once.
 */
type Cut = (sent: Promise<void>, text: string) => Promise<void>;

async function trial(
  label: string,
  prepare: (() => Promise<Cut>) | null,
  options: { sweepFirst?: boolean } = {},
): Promise<void> {
  trials++;
  const text = textOf(trials);
  const kill = prepare ? await prepare() : null;
  const body = { text, parsed, items };
  let onSent: () => void = () => undefined;
  const sent = new Promise<void>((r) => (onSent = r));
  const t0 = Date.now();
  const answer = send('POST', '/api/notices', body, token, onSent).then(
    (a) => ({ ...a, at: Date.now() }),
    // The connection broke: the API died with the request in flight (node's errors come from
    // another realm than jest's `Error`, so the outcome is tagged rather than tested with instanceof).
    (err: unknown) => ({ broken: String(err) }),
  );
  if (!kill) {
    const first = await answer;
    expect(first).toMatchObject({ status: 201, body: { created: true, started: ITEMS } });
    if ('at' in first) confirmMs = first.at - t0;
  } else {
    await kill(sent, text);
    const killed = 'broken' in (await answer);
    const after = await stored(text);
    // All or nothing: a notice has all its items, and no item is without its notice.
    expect(after.notices.length).toBeLessThanOrEqual(1);
    expect(after.items).toBe(after.notices.length * ITEMS);
    const [all] = await query<{ notices: number; items: number }>(
      `SELECT (SELECT count(*)::int FROM notices) AS notices, (SELECT count(*)::int FROM items) AS items`,
    );
    expect(all!.items).toBe(all!.notices * ITEMS);
    const inTemporal = after.notices[0] ? await workflowsOf(after.notices[0]) : 0;
    const restarted = await startApi();
    api = restarted.process;
    // Nobody sends the request again: the restarted API's sweep starts the rows left pending.
    let sweptS: number | undefined;
    if (options.sweepFirst && after.pending > 0) {
      await eventually(
        'the sweep starting every pending row',
        async () => expect((await stored(text)).pending).toBe(0),
        90_000,
      );
      sweptS = (Date.now() - t0) / 1000;
    }
    results.push({
      label,
      killed,
      afterKill:
        after.notices.length === 0
          ? 'nothing stored'
          : `the notice and its ${after.items} items (${after.started} marked started, ` +
            `${after.pending} pending; ${inTemporal} workflows in Temporal)`,
      retry: 0,
      startedByRetry: 0,
      restartMs: restarted.startMs,
      ...(sweptS === undefined ? {} : { sweptS }),
    });
  }

  // The same request again (after a restart when killed): one notice, all its items.
  const before = await stored(text);
  const again = await send('POST', '/api/notices', body, token);
  expect(again.status).toBe(before.notices.length === 0 ? 201 : 200);
  const notice = again.body as Confirmed;
  if (before.notices.length > 0) expect(notice.id).toBe(before.notices[0]);
  expect(notice.created).toBe(before.notices.length === 0);
  expect(notice.items).toHaveLength(ITEMS);
  const result = results.find((r) => r.label === label);
  if (result) Object.assign(result, { retry: again.status, startedByRetry: notice.started });

  // Every row started; one run per workflow id; one `created` event per item.
  const workflowIds = notice.items.map((i) => i.workflowId);
  expect(workflowIds).toEqual(notice.items.map((_, n) => `item-${notice.id}-${n + 1}`));
  await eventually(
    'every item started',
    async () => {
      const now = await stored(text);
      expect(now).toEqual({ notices: [notice.id], items: ITEMS, started: ITEMS, pending: 0 });
    },
    60_000,
  );
  await eventually(
    'one run per workflow',
    async () => {
      const runs = await runsOf(workflowIds);
      expect([...runs.values()]).toEqual(workflowIds.map(() => 1));
    },
    30_000,
  );
  const itemIds = notice.items.map((i) => i.id);
  await eventually(
    'one created event per item',
    async () => {
      const created = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM item_events WHERE type = 'created' AND item_id = ANY($1::uuid[])
          GROUP BY item_id`,
        [itemIds],
      );
      expect(created.map((c) => c.n)).toEqual(itemIds.map(() => 1));
    },
    60_000,
  );
  const ofNotice = (m: ReceivedMail) => itemIds.includes(mailItem(m));
  await smtp.waitFor((m) => ofNotice(m) && mailKind(m) === 'overdue', PAST_DUE, 90_000);
}

async function killApi(): Promise<void> {
  api!.child.kill('SIGKILL');
  expect(await api!.exited).toBe('SIGKILL');
}

/**
 * Kills the API once the confirmation's request is out and `seen` says so of the database (polled
 * every 10 ms; null: at once), whatever the API is doing then.
 */
const killWhen = (seen: ((text: string) => Promise<boolean>) | null) => (): Promise<Cut> =>
  Promise.resolve(async (sent, text) => {
    await sent;
    const deadline = Date.now() + 60_000;
    while (seen && !(await seen(text))) {
      if (Date.now() > deadline) throw new Error('the awaited point never came');
      await sleep(10);
    }
    await killApi();
    // A statement the API had sent before it died still runs to its end.
    await sleep(1000);
  });

/** The notice is committed (its items with it). */
const noticeStored = async (text: string) => (await stored(text)).notices.length > 0;
/** A first item's workflow is started and its row marked. */
const firstStarted = async (text: string) => (await stored(text)).started > 0;

/**
 * Kills the API once its confirmation waits at `what` (holdAt, armed before the request), then
 * lets the hold go: what the dead API had sent runs to its end (a statement already sent is
 * executed; a transaction without its COMMIT is rolled back).
 */
const killHeldAt = (what: 'insert' | 'start') => async (): Promise<Cut> => {
  const release = await holdAt(what);
  return async (sent) => {
    let released = false;
    try {
      await sent;
      await eventually(
        `the confirmation waiting at its ${what}`,
        async () => expect(await holders()).not.toEqual([]),
        60_000,
      );
      // Let the other starts of the batch reach the hold too.
      await sleep(1000);
      await killApi();
      released = true;
      await release();
    } finally {
      if (!released) await release().catch(() => undefined);
    }
  };
};

describe('kill -9 of the API in the middle of a notice confirmation', () => {
  it('leaves all or nothing, and the same request again gives one notice, each workflow started once and each mail once', async () => {
    token = await login();
    const preview = await send('POST', '/api/notices/preview', { text: FIXTURE }, token);
    expect(preview.status).toBe(200);
    parsed = preview.body as ParsedNotice;
    expect(parsed.items).toHaveLength(ITEMS);
    items = parsed.items.map((i) => (i.lead.length > 0 ? i : { ...i, lead: ['STC'] }));

    // A normal confirmation first, then one cut at each point.
    await trial('not killed', null);
    await trial('killed at once after the request is sent', killWhen(null));
    await trial('killed inside the transaction (items INSERT held)', killHeldAt('insert'));
    await trial('killed as soon as the notice is committed', killWhen(noticeStored), {
      sweepFirst: true,
    });
    await trial('killed as soon as a first workflow is marked started', killWhen(firstStarted));
    await trial('killed with workflows started, rows not yet marked (held)', killHeldAt('start'));

    // Nothing twice, across every trial: each mail's key (item, step, recipient) once.
    await sleep(10_000);
    const mails = smtp.messages;
    const keys = mails.map((m) => `${mailItem(m)} ${mailStep(m)} ${m.to.join(',')}`);
    const duplicated = keys.length - new Set(keys).size;
    const overdue = mails.filter((m) => mailKind(m) === 'overdue').length;
    // Each item's assignment (ADR 0024): one to its lead, once, and copies to co-ordinating agencies.
    const assigned = mails.filter((m) => mailKind(m) === 'assigned');
    const copies = mails.filter((m) => mailKind(m) === 'assigned_copy').length;
    for (const r of results) {
      console.info(
        `[fault e] ${r.label}: ${r.killed ? 'killed mid-request' : 'answered before the kill'}; ` +
          `after the kill: ${r.afterKill}; API back in ${(r.restartMs / 1000).toFixed(1)} s; ` +
          (r.sweptS === undefined
            ? ''
            : `every row started by the sweep ${r.sweptS.toFixed(1)} s after the request; `) +
          `the same request again: ${r.retry}, started ${r.startedByRetry}`,
      );
    }
    console.info(
      `[fault e] ${trials} confirmations of ${ITEMS} items (normal one ${confirmMs} ms): ` +
        `mails expected ${trials * PAST_DUE} (overdue), delivered ${overdue}, ` +
        `duplicated ${duplicated}; assignments ${assigned.length} (+${copies} copies); ` +
        `${mails.length} mails in all`,
    );
    expect(duplicated).toBe(0);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
    expect(overdue).toBe(trials * PAST_DUE);
    expect(assigned).toHaveLength(trials * ITEMS);
    expect(new Set(assigned.map((m) => mailItem(m))).size).toBe(trials * ITEMS);
    // Each item already past its escalations escalates once at each level owed, the agency's
    // head's and the committee head's (patch escalation-catch-up).
    const escalations = mails.filter((m) => mailKind(m) === 'escalation');
    expect(new Set(escalations.map((m) => mailItem(m))).size).toBe(trials * PAST_DUE);
    expect(new Set(escalations.map((m) => mailStep(m))).size).toBe(2);
    expect(new Set(escalations.map((m) => `${mailItem(m)} ${mailStep(m)}`)).size).toBe(
      trials * PAST_DUE * 2,
    );
    // Nothing else was sent.
    expect(mails).toHaveLength(overdue + assigned.length + copies + escalations.length);
  }, 900_000);
});
