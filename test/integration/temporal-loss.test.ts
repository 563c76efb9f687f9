/**
 * Fault test (d): Temporal loses its database (ADR 0022). A dev server of this file's own keeps
 * its state in a SQLite file; items are created and live a while (a reminder sent, one item
 * overdue and escalated, one submitted, one with an approved extension: deadline version 2, one
 * completed). Then API, worker and Temporal stop, the SQLite file is DELETED, a fresh server
 * starts on the same port, and the stack starts again (the real worker app, in a child process,
 * with its Temporal Schedule and its pass at start). One item's reminder was on its way when
 * Temporal went (SMTP refusing it: its event says the mail is pending). Meanwhile one row was
 * broken (its policy no longer parses) and one reminder's event was deleted from the history (its
 * mail_log row still says sent).
 *
 * Expected: every open item's workflow runs again with its status, deadline version, escalation
 * level and done steps; the history before is intact, followed by one 'restored' event; the mails
 * due later go out exactly once, none sent before is sent again (not even the reminder whose event
 * was lost: mail_log stops it), the one on its way goes out once and its event says so; the broken row is logged and skipped while the others are
 * restored, and is restored by the Schedule once repaired; the completed item stays closed.
 */
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workflowStatus } from '../../activities';
import {
  itemStateQuery,
  RECONCILE_WORKFLOW_TYPE,
  type ItemView,
  type ReconcileSummary,
} from '../../libs/contracts/src';
import { escalationRecipients } from '../../libs/domain/src';
import { freePort } from '../../libs/devstack/src/ports';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { mailItem, mailKind, mailStep } from '../support/mail-headers';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { startTestStack, type TestStack } from '../support/stack';
import { startDevServer, uniqueTaskQueue } from '../support/temporal';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const SECOND = 1000;

let dir: string;
let port: number;
let db: TestDatabase;
let smtp: TestSmtpServer;
let temporal: TestWorkflowEnvironment | undefined;
let stack: TestStack | undefined;
let worker: WorkerProcess | undefined;
let connection: Connection | undefined;
const taskQueue = uniqueTaskQueue('temporal-loss');

async function startTemporal(): Promise<TestWorkflowEnvironment> {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // A Runtime is live already: keep it.
  }
  return startDevServer({ port, dbFilename: join(dir, 'temporal.sqlite') });
}

async function stopAll(): Promise<void> {
  await worker?.stop(15_000);
  worker = undefined;
  await connection?.close();
  connection = undefined;
  await stack?.close();
  stack = undefined;
  await temporal?.teardown();
  temporal = undefined;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dondoc-temporal-loss-'));
  port = await freePort();
  db = await createTestDatabase();
  smtp = await startSmtpServer();
}, 60_000);

afterAll(async () => {
  await stopAll();
  await smtp?.close();
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 90_000);

interface HistoryEvent {
  seq?: number;
  at: string;
  type: string;
  actor: string | null;
  detail?: Record<string, unknown>;
}

/** Polls `check` until it returns a value (not undefined), or fails after `ms`. */
async function until<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(500);
  }
}

describe('Temporal loses its database; the reconciler restores every open item', () => {
  it('resumes each item from PostgreSQL: every mail once, the history whole, a bad row skipped', async () => {
    temporal = await startTemporal();
    stack = await startTestStack({
      temporalAddress: temporal.address,
      database: db,
      smtp,
      taskQueue,
    });
    const http = () => stack!.http();
    const secretariat = await stack.login('secretariat@dondoc.local');
    const agency = await stack.login('stc@dondoc.local');
    const config = stack.config;

    // Every step of an item's life after the loss is at least LATER after t0: the first life
    // (steps, commands, mails settled) and the loss fit before it on a loaded machine.
    const t0 = Date.now();
    const LATER = 240 * SECOND;
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    const create = async (name: string, due: number, policy: object): Promise<string> => {
      const res = await http()
        .post('/api/items')
        .set(auth(secretariat))
        .send({
          text: `Nhiệm vụ ${name}: rà soát hồ sơ dự án.`,
          lead: 'STC',
          due: at(due),
          policy,
        });
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    const early = `PT${(LATER + 50 * SECOND) / SECOND}S`; // 10 s after t0 for a due at LATER + 60 s
    const dueLate = LATER + 60 * SECOND;
    const items = {
      // A reminder sent; a second reminder and the overdue mark due after the loss.
      reminded: await create('A', dueLate, { remindBefore: [early, 'PT60S'], escalateAfter: [] }),
      // Overdue and escalated (level 1); level 2 due after the loss.
      escalated: await create('B', 15 * SECOND, {
        remindBefore: [],
        escalateAfter: ['PT5S', `PT${(LATER + 30 * SECOND) / SECOND}S`],
      }),
      // A reminder sent, then submitted: what falls due later is skipped.
      submitted: await create('C', dueLate, {
        remindBefore: [early, 'PT60S'],
        escalateAfter: ['PT5S'],
      }),
      // A reminder of deadline version 1, then an extension approved: version 2's steps later.
      extended: await create('D', 60 * SECOND, { remindBefore: ['PT50S'], escalateAfter: [] }),
      // Its row is broken while Temporal is away: skipped, then restored once repaired.
      broken: await create('E', dueLate, { remindBefore: [early], escalateAfter: [] }),
      // Its reminder's event is deleted while Temporal is away: mail_log keeps the mail from
      // going out again.
      eventLost: await create('F', dueLate, { remindBefore: [early], escalateAfter: [] }),
      // Completed before the loss: stays closed.
      completed: await create('G', dueLate, { remindBefore: [], escalateAfter: [] }),
      // Its reminder (120 s after t0) is refused by SMTP until after the loss: on its way.
      pending: await create('H', dueLate, {
        remindBefore: [`PT${(dueLate - 120 * SECOND) / SECOND}S`],
        escalateAfter: [],
      }),
    };
    type Name = keyof typeof items;
    const restoredAtOnce: Name[] = [
      'reminded',
      'escalated',
      'submitted',
      'extended',
      'eventLost',
      'pending',
    ];
    const open: Name[] = [...restoredAtOnce, 'broken'];
    const workflowIds = {} as Record<Name, string>;
    for (const name of Object.keys(items) as Name[]) {
      const rows = await db.dataSource.query<{ workflow_id: string }[]>(
        'SELECT workflow_id FROM items WHERE id = $1',
        [items[name]],
      );
      workflowIds[name] = rows[0]!.workflow_id;
    }

    /**
     * The SMTP messages of an item as 'step:version recipient', but for its assignment mail
     * (ADR 0024, sent at the creation): that one is counted apart (assignmentsOf).
     */
    const mailsOf = (name: Name): string[] =>
      smtp.messages
        .filter((m) => mailItem(m) === items[name] && mailKind(m) !== 'assigned')
        .flatMap((m) => m.to.map((to) => `${mailStep(m)} ${to}`))
        .sort();
    const assignmentsOf = (name: Name): string[] =>
      smtp.messages
        .filter((m) => mailItem(m) === items[name] && mailKind(m) === 'assigned')
        .flatMap((m) => m.to.map((to) => `${mailStep(m)} ${to}`));
    const waitMails = (name: Name, count: number, ms: number) =>
      until(`${count} mail(s) of ${name}`, ms, () =>
        Promise.resolve(mailsOf(name).length >= count ? true : undefined),
      );
    const history = async (name: Name): Promise<HistoryEvent[]> => {
      const res = await http().get(`/api/items/${items[name]}/history`).set(auth(secretariat));
      expect(res.status).toBe(200);
      return res.body as HistoryEvent[];
    };
    /** The history once it has `count` events and every mail in it has settled (ADR 0018). */
    const settled = (name: Name, count: number, ms = 60 * SECOND) =>
      until(`history of ${name} settled`, ms, async () => {
        const events = await history(name);
        const done =
          events.length >= count && events.every((e) => e.detail?.mailDelivery !== 'pending');
        return done ? events : undefined;
      });

    // The first life.
    await waitMails('reminded', 1, 90 * SECOND);
    await waitMails('submitted', 1, 90 * SECOND);
    const submittedRes = await http()
      .post(`/api/items/${items.submitted}/submit`)
      .set(auth(agency))
      .send({ note: 'Đã hoàn thành rà soát.' });
    expect(submittedRes.status).toBe(200);
    await waitMails('extended', 1, 90 * SECOND);
    const requested = await http()
      .post(`/api/items/${items.extended}/extension-requests`)
      .set(auth(agency))
      .send({ due: at(LATER + 60 * SECOND), reason: 'Chờ ý kiến của Bộ.' });
    expect(requested.status).toBe(201);
    const requestId = (requested.body as { requestId: string }).requestId;
    const approved = await http()
      .post(`/api/items/${items.extended}/extension-requests/${requestId}/approve`)
      .set(auth(secretariat))
      .send({});
    expect(approved.status).toBe(200);
    expect(
      (
        await http()
          .post(`/api/items/${items.completed}/submit`)
          .set(auth(agency))
          .send({ note: 'Xong.' })
      ).status,
    ).toBe(200);
    expect(
      (await http().post(`/api/items/${items.completed}/accept`).set(auth(secretariat)).send({}))
        .status,
    ).toBe(200);
    const leadHead = 'stc-head@dondoc.local';
    const parties = {
      leadContact: 'stc@dondoc.local',
      leadHead,
      secretariat: config.secretariatEmail,
      committeeHead: config.committeeHeadEmail,
    };
    await waitMails('escalated', 1 + escalationRecipients(1, parties).length, 90 * SECOND);
    await waitMails('extended', 2, 90 * SECOND);
    await waitMails('broken', 1, 90 * SECOND);
    await waitMails('eventLost', 1, 90 * SECOND);

    const before = {} as Record<Name, HistoryEvent[]>;
    const counts: Record<Name, number> = {
      reminded: 2,
      escalated: 3,
      submitted: 3,
      extended: 4,
      broken: 2,
      eventLost: 2,
      completed: 3,
      pending: 1,
    };
    for (const name of Object.keys(items) as Name[]) {
      before[name] = await settled(name, counts[name]);
    }
    // Every mail so far settled: from now on SMTP refuses (451), so H's reminder stays on its way.
    smtp.failNext(1_000_000, 451);
    before.pending = await until('the reminder of H on its way', 150 * SECOND, async () => {
      const events = await history('pending');
      const log = await db.dataSource.query<{ status: string; attempts: number }[]>(
        // The reminder's row (the assignment's, ADR 0024, was sent at the creation).
        `SELECT status, attempts FROM mail_log WHERE workflow_id = $1 AND step LIKE 'remind%'`,
        [workflowIds.pending],
      );
      const onItsWay =
        events[1]?.type === 'reminder_sent' &&
        events[1].detail?.mailDelivery === 'pending' &&
        log[0]?.status === 'sending' &&
        log[0].attempts >= 1;
      return onItsWay ? events : undefined;
    });
    const mailsBefore = {} as Record<Name, string[]>;
    for (const name of Object.keys(items) as Name[]) mailsBefore[name] = mailsOf(name);
    const rowsBefore = await db.dataSource.query<
      { id: string; status: string; deadline_version: number; escalation_level: number }[]
    >('SELECT id, status, deadline_version, escalation_level FROM items');
    const rowBefore = (name: Name) => rowsBefore.find((r) => r.id === items[name])!;
    expect(rowBefore('reminded')).toMatchObject({ status: 'open', deadline_version: 1 });
    expect(rowBefore('escalated')).toMatchObject({ status: 'overdue', escalation_level: 1 });
    expect(rowBefore('submitted')).toMatchObject({ status: 'submitted' });
    expect(rowBefore('extended')).toMatchObject({ status: 'open', deadline_version: 2 });
    expect(rowBefore('completed')).toMatchObject({ status: 'completed' });
    const lostAt = Date.now();
    // The first life fitted before the steps of the second: nothing of them went out yet.
    expect(lostAt - t0).toBeLessThan(LATER - 20 * SECOND);

    // The loss: everything stops, Temporal's database is deleted.
    await stopAll();
    const files = (await readdir(dir)).filter((f) => f.startsWith('temporal.sqlite'));
    expect(files).toContain('temporal.sqlite');
    for (const f of files) await rm(join(dir, f));
    // Meanwhile in PostgreSQL: one row broken, one reminder's event lost.
    await db.dataSource.query(
      `UPDATE items SET policy = '{"remindBefore": ["P3X"], "escalateAfter": []}' WHERE id = $1`,
      [items.broken],
    );
    await db.dataSource.query(
      `DELETE FROM item_events WHERE workflow_id = $1 AND type = 'reminder_sent'`,
      [workflowIds.eventLost],
    );

    // SMTP takes mail again. A fresh, empty Temporal on the same port; then the stack: API and
    // the real worker app.
    smtp.failNext(0, 451);
    temporal = await startTemporal();
    connection = await Connection.connect({ address: temporal.address });
    const client = new Client({ connection });
    const statusOf = (name: Name): Promise<string> => workflowStatus(client, workflowIds[name]);
    expect(await statusOf('reminded')).toBe('missing');

    const stackStart = Date.now();
    stack = await startTestStack({
      temporalAddress: temporal.address,
      database: db,
      smtp,
      taskQueue,
      worker: false,
    });
    worker = await startWorkerProcess(
      {
        DATABASE_URL: db.url,
        SMTP_URL: smtp.url,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: taskQueue,
        MAIL_FROM: config.mailFrom,
        RECONCILE_INTERVAL_SECONDS: '30',
      },
      240 * SECOND,
    );
    const workerUpMs = Date.now() - stackStart;
    const token = await stack.login('secretariat@dondoc.local');
    const historyNow = async (name: Name): Promise<HistoryEvent[]> => {
      const res = await stack!.http().get(`/api/items/${items[name]}/history`).set(auth(token));
      expect(res.status).toBe(200);
      return res.body as HistoryEvent[];
    };

    // Restored by the pass at the worker's start: running again, a 'restored' event each.
    await until('every open item restored', 240 * SECOND, async () => {
      for (const name of restoredAtOnce) {
        if ((await statusOf(name)) !== 'RUNNING') return undefined;
        if (!(await historyNow(name)).some((e) => e.type === 'restored')) return undefined;
      }
      return true;
    });
    const recoveryMs = Date.now() - stackStart;

    // The broken row: skipped (and logged), the others restored; the completed item left closed.
    expect(await statusOf('broken')).toBe('missing');
    expect(await statusOf('completed')).toBe('missing');
    const passes = async (): Promise<ReconcileSummary[]> => {
      const results: ReconcileSummary[] = [];
      for await (const wf of client.workflow.list({
        query: `WorkflowType = '${RECONCILE_WORKFLOW_TYPE}' AND ExecutionStatus = 'Completed'`,
      })) {
        results.push(
          (await client.workflow.getHandle(wf.workflowId, wf.runId).result()) as ReconcileSummary,
        );
      }
      return results;
    };
    const firstPasses = await until('a completed reconcile pass', 60 * SECOND, async () => {
      const done = await passes();
      return done.some((p) => p.restored > 0) ? done : undefined;
    });
    expect(firstPasses.reduce((n, p) => n + p.restored, 0)).toBe(restoredAtOnce.length);
    for (const pass of firstPasses) {
      expect(pass).toMatchObject({ failed: 1, closed: 0, started: 0 });
      expect(pass.failures).toEqual([
        expect.objectContaining({
          itemId: items.broken,
          error: expect.stringContaining('P3X') as string,
        }),
      ]);
    }
    expect(worker.output.join('\n')).toContain(items.broken);

    // Each restored workflow has the state of the lost one.
    for (const name of restoredAtOnce) {
      const view = await client.workflow.getHandle(workflowIds[name]).query(itemStateQuery);
      const row = rowBefore(name);
      expect({ name, ...pick(view) }).toEqual({
        name,
        status: row.status,
        deadlineVersion: row.deadline_version,
        escalationLevel: row.escalation_level,
      });
      const res = await stack.http().get(`/api/items/${items[name]}`).set(auth(token));
      expect((res.body as { status: string; escalationLevel: number }).status).toBe(row.status);
    }
    const escalatedView = await client.workflow
      .getHandle(workflowIds.escalated)
      .query(itemStateQuery);
    expect(escalatedView.doneSteps).toEqual(['overdue', 'escalate:1:PT5S']);

    // The broken row repaired: the Schedule's next pass restores it.
    await db.dataSource.query(
      `UPDATE items SET policy = '{"remindBefore": ["${early}"], "escalateAfter": []}' WHERE id = $1`,
      [items.broken],
    );
    await until('the repaired row restored by the Schedule', 150 * SECOND, async () =>
      (await statusOf('broken')) === 'RUNNING' ? true : undefined,
    );

    // The mails due after the loss: each once. What was sent before: never again.
    const one = (step: string, version = 1) => `${step}:${version} stc@dondoc.local`;
    const escalation = (level: number, step: string) =>
      escalationRecipients(level, parties).map((to) => `${step}:1 ${to}`);
    const expected: Record<Name, string[]> = {
      reminded: [one(`remind:${early}`), one('remind:PT60S'), one('overdue')],
      escalated: [
        one('overdue'),
        ...escalation(1, 'escalate:1:PT5S'),
        ...escalation(2, `escalate:2:PT${(LATER + 30 * SECOND) / SECOND}S`),
      ],
      // The report put to the secretariat (patch 'submitted-mail'), before the loss.
      submitted: [one(`remind:${early}`), 'submitted-3:1 secretariat@dondoc.local'],
      extended: [
        one('remind:PT50S'),
        // The request put to the secretariat (patch 'extension-request-mail'), before the loss.
        `extension-requested-${requestId}:1 secretariat@dondoc.local`,
        one(`extension-${requestId}`, 2),
        one('remind:PT50S', 2),
        one('overdue', 2),
      ],
      broken: [one(`remind:${early}`), one('overdue')],
      eventLost: [one(`remind:${early}`), one('overdue')],
      // Its report put to the secretariat, then its closing mail (ADR 0027) at the acceptance,
      // both before the loss, once.
      completed: ['submitted-2:1 secretariat@dondoc.local', one('closed')],
      pending: [one(`remind:PT${(dueLate - 120 * SECOND) / SECOND}S`), one('overdue')],
    };
    const dueAll = t0 + dueLate + 30 * SECOND;
    await sleep(Math.max(0, dueAll - Date.now()));
    for (const name of open) {
      await waitMails(name, expected[name].length, 120 * SECOND);
    }
    await sleep(10 * SECOND); // nothing more comes
    for (const name of Object.keys(items) as Name[]) {
      expect({ name, mails: mailsOf(name) }).toEqual({ name, mails: [...expected[name]].sort() });
      // Assigned once at its creation; a restored run does not send it again.
      expect({ name, assigned: assignmentsOf(name) }).toEqual({
        name,
        assigned: ['assigned:1 stc@dondoc.local'],
      });
      // What went out before the loss is part of it, once.
      for (const m of mailsBefore[name]) {
        expect(mailsOf(name).filter((x) => x === m)).toHaveLength(1);
      }
    }
    const messageIds = smtp.messages.map((m) => m.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);

    // The history before is intact (minus the event deleted on purpose), then 'restored'.
    for (const name of open) {
      const after = await until(`history of ${name} settled`, 60 * SECOND, async () => {
        const events = await historyNow(name);
        return events.every((e) => e.detail?.mailDelivery !== 'pending') ? events : undefined;
      });
      const kept =
        name === 'eventLost'
          ? before[name].filter((e) => e.type !== 'reminder_sent')
          : before[name];
      // Only delivery keys complete in place (ADR 0018): those of the mail on its way.
      expect(after.slice(0, kept.length).map(withoutDelivery)).toEqual(kept.map(withoutDelivery));
      expect(after.slice(0, kept.length).map((e) => e.detail?.mailDelivery)).toEqual(
        kept.map((e) =>
          name === 'pending' && e.type === 'reminder_sent' ? 'delivered' : e.detail?.mailDelivery,
        ),
      );
      expect(after[kept.length]).toMatchObject({
        type: 'restored',
        actor: null,
        detail: expect.objectContaining({ status: rowBefore(name).status }) as unknown,
      });
    }
    const types = async (name: Name) => (await historyNow(name)).map((e) => e.type);
    expect(await types('reminded')).toEqual([
      'created',
      'reminder_sent',
      'restored',
      'reminder_sent',
      'overdue',
    ]);
    expect(await types('escalated')).toEqual([
      'created',
      'overdue',
      'escalated',
      'restored',
      'escalated',
    ]);
    expect(await types('submitted')).toEqual(['created', 'reminder_sent', 'submitted', 'restored']);
    expect(await types('extended')).toEqual([
      'created',
      'reminder_sent',
      'extension_requested',
      'extension_approved',
      'restored',
      'reminder_sent',
      'overdue',
    ]);
    // The lost event is recorded again by the new run; its mail did not go out again.
    expect(await types('eventLost')).toEqual(['created', 'restored', 'reminder_sent', 'overdue']);
    expect(await types('completed')).toEqual(['created', 'submitted', 'completed']);
    // The mail on its way went out after the restore, saying it is late if it was.
    expect(await types('pending')).toEqual(['created', 'reminder_sent', 'restored', 'overdue']);

    // Plus one assignment mail per item (ADR 0024).
    const expectedCount =
      open.reduce((n, name) => n + expected[name].length, 0) + Object.keys(items).length;
    const ours = smtp.messages.filter((m) => Object.values(items).includes(mailItem(m)));
    const distinct = new Set(
      ours.flatMap((m) => m.to.map((to) => `${mailItem(m)} ${mailStep(m)} ${to}`)),
    );
    process.stderr.write(
      `[fault d] items restored: ${restoredAtOnce.length} at the worker's start, 1 more once ` +
        `repaired (Schedule); mails expected ${expectedCount}, delivered ${ours.length}, ` +
        `duplicated ${ours.length - distinct.size}; recovery ${recoveryMs} ms from the stack's ` +
        `start (${workerUpMs} ms to a polling worker app)\n`,
    );
  }, 900_000);
});

/** An event without the keys that say how its mail went (completed in place, ADR 0018). */
function withoutDelivery(e: HistoryEvent): HistoryEvent {
  if (!e.detail) return e;
  const { mailDelivery, mailSettledAt, mailLate, failedRecipients, ...rest } = e.detail;
  void [mailDelivery, mailSettledAt, mailLate, failedRecipients];
  return { ...e, detail: rest };
}

function pick(v: ItemView) {
  return {
    status: v.status,
    deadlineVersion: v.deadlineVersion,
    escalationLevel: v.escalationLevel,
  };
}
