/**
 * Fault tests (a) and (b) of issue 9 on real servers (dev server, PostgreSQL, a real SMTP server
 * that requires a login): the SMTP server refuses connections, then answers every login with
 * 535, each for MAIL_FAULT_OUTAGE_S seconds (default 180, the 3 minutes), while two
 * reminders and the overdue notice of an item fall due. Neither is a recipient's rejection, so
 * nothing is given up (ADR 0018): the item turns overdue on time, GET /api/health says `mail:
 * down` and why, the worker logs why, and once the server takes mail again every mail goes out
 * exactly once, the reminders saying they are late, and every event is in the history saying its
 * mail was delivered.
 */
import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import { startFaultySmtpServer, type FaultySmtpServer } from '../support/faulty-smtp';
import { mailItem, mailKind } from '../support/mail-headers';
import type { ReceivedMail } from '../support/smtp';
import { startTestStack, type TestStack } from '../support/stack';

const OUTAGE_MS = Number(process.env.MAIL_FAULT_OUTAGE_S ?? '180') * 1000;
/** Set up, the outage, recovery (one retry interval, at most a minute) and the checks after it. */
const TEST_TIMEOUT_MS = OUTAGE_MS + 150_000;

const workerLogs: LogEntry[] = [];

/** One fault's own SMTP server and stack (API, worker, database): (a) and (b) run side by side. */
interface Rig {
  readonly smtp: FaultySmtpServer;
  readonly stack: TestStack;
  readonly token: string;
}
const rigs = new Map<string, Rig>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it stops throwing (real time). */
async function eventually<T>(what: string, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) {
        throw new Error(`${what} not within ${timeoutMs} ms: ${(err as Error).message}`);
      }
      await sleep(500);
    }
  }
}

async function startRig(): Promise<Rig> {
  const smtp = await startFaultySmtpServer();
  const stack = await startTestStack({ smtp });
  return { smtp, stack, token: await stack.login('secretariat@dondoc.local') };
}

beforeAll(async () => {
  // Before the stacks' own quiet logger: the worker's log lines are part of what is tested.
  try {
    Runtime.install({ logger: new DefaultLogger('WARN', (entry) => workerLogs.push(entry)) });
  } catch {
    // Installed by an earlier file in this process: the log assertions below then fail loudly.
  }
  for (const label of ['a', 'b']) rigs.set(label, await startRig());
}, 180_000);

afterAll(async () => {
  for (const { smtp, stack } of rigs.values()) {
    await smtp.heal();
    await stack.close();
    await smtp.close();
  }
}, 60_000);

interface MailLogRow {
  step: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

interface HistoryEvent {
  type: string;
  detail: Record<string, unknown> | null;
}

async function mailLog({ stack }: Rig, itemId: string): Promise<MailLogRow[]> {
  return stack.db.dataSource.query<MailLogRow[]>(
    `SELECT step, status, attempts, last_error FROM mail_log
      WHERE workflow_id = (SELECT workflow_id FROM items WHERE id = $1) ORDER BY step`,
    [itemId],
  );
}

async function history({ stack, token }: Rig, itemId: string): Promise<HistoryEvent[]> {
  const res = await stack
    .http()
    .get(`/api/items/${itemId}/history`)
    .set({ Authorization: `Bearer ${token}` })
    .expect(200);
  return res.body as HistoryEvent[];
}

async function itemStatus({ stack, token }: Rig, itemId: string): Promise<string> {
  const res = await stack
    .http()
    .get(`/api/items/${itemId}`)
    .set({ Authorization: `Bearer ${token}` })
    .expect(200);
  return (res.body as { status: string }).status;
}

/**
 * Runs one fault: mail breaks, an item whose two reminders and overdue notice all fall due
 * within the outage is created (its assignment mail waits too), mail is repaired after OUTAGE_MS; prints the figures.
 */
async function faultScenario(
  label: string,
  what: string,
  breakMail: (smtp: FaultySmtpServer) => Promise<void> | void,
  fault: string,
  reason: RegExp,
): Promise<void> {
  const rig = rigs.get(label);
  if (!rig) throw new Error(`no rig ${label}`);
  const { smtp, stack } = rig;
  const seconds = Math.round(OUTAGE_MS / 1000);
  // Due at 5/6 of the outage, reminders at 1/6 and 1/2 of it.
  const dueS = Math.round((seconds * 5) / 6);
  const remindS = [dueS - Math.round(seconds / 6), dueS - Math.round(seconds / 2)];
  await breakMail(smtp);
  const brokenAt = Date.now();
  const created = await stack
    .http()
    .post('/api/items')
    .set({ Authorization: `Bearer ${rig.token}` })
    .send({
      text: `Báo cáo kết quả rà soát hồ sơ (kiểm thử sự cố thư ${label}).`,
      lead: 'STC',
      due: new Date(brokenAt + dueS * 1000).toISOString(),
      policy: { remindBefore: remindS.map((s) => `PT${s}S`), escalateAfter: [] },
    });
  expect(created.status).toBe(201);
  const itemId = (created.body as { id: string }).id;
  const [{ workflow_id: workflowId }] = await stack.db.dataSource.query<[{ workflow_id: string }]>(
    'SELECT workflow_id FROM items WHERE id = $1',
    [itemId],
  );
  const ofItem = (m: ReceivedMail) => mailItem(m) === itemId;

  // The item moves on while its mails wait: overdue at its due instant, nothing delivered, the
  // events wait for their mails, and every mail is waiting with the reason.
  await eventually(
    'overdue',
    async () => expect(await itemStatus(rig, itemId)).toBe('overdue'),
    (dueS + 30) * 1000,
  );
  const rows = await eventually(
    'the assignment waiting',
    async () => {
      const r = await mailLog(rig, itemId);
      // The assignment (ADR 0024), sent at the creation, waits; the schedule's mails wait behind
      // it in the workflow (patch assignment-first), their events already recorded below.
      expect(r.map((x) => x.step)).toEqual(['assigned']);
      for (const row of r) {
        expect(row.status).toBe('sending');
        expect(row.last_error).toMatch(new RegExp(`^${fault}: `));
        expect(row.last_error).toMatch(reason);
      }
      return r;
    },
    20_000,
  );
  expect(rows).toHaveLength(1);
  expect(smtp.messages.filter(ofItem)).toEqual([]);
  // Every event is in the history at its step, saying its mail has not gone out yet.
  const during = await history(rig, itemId);
  expect(during.map((e) => e.type)).toEqual([
    'created',
    'reminder_sent',
    'reminder_sent',
    'overdue',
  ]);
  expect(during.map((e) => e.detail?.mailDelivery)).toEqual([
    'pending',
    'pending',
    'pending',
    'pending',
  ]);
  const down = await eventually(
    'mail: down',
    async () => {
      const res = await stack
        .http()
        .get('/api/health')
        .set({ Authorization: `Bearer ${rig.token}` });
      expect(res.status).toBe(503);
      return res.body as { error: { mail: { status: string; message: string } } };
    },
    15_000,
  );
  expect(down.error.mail.status).toBe('down');
  expect(down.error.mail.message).toMatch(new RegExp(`${fault}: `));
  expect(down.error.mail.message).toMatch(reason);
  expect(JSON.stringify(down)).not.toContain('smtp-test-password');
  const logged = workerLogs.filter(
    (e) =>
      e.level === 'WARN' &&
      e.meta?.fault === fault &&
      reason.test(String(e.meta?.error)) &&
      e.meta?.workflowId === workflowId,
  );
  expect(logged.length).toBeGreaterThan(0);
  expect(logged[0]?.message).toContain(`retrying until the mail server takes it (${fault})`);

  // The server takes mail again.
  await sleep(Math.max(0, brokenAt + OUTAGE_MS - Date.now()));
  await smtp.heal();
  const healedAt = Date.now();
  const mails = await smtp.waitFor(ofItem, 4, 90_000);
  const recoveryMs = Math.max(...mails.map((m) => m.receivedAt)) - healedAt;
  await sleep(5000);
  const delivered = smtp.messages.filter(ofItem);
  const duplicated = delivered.length - new Set(delivered.map((m) => m.messageId)).size;
  expect(delivered.map(mailKind).sort()).toEqual(['assigned', 'overdue', 'reminder', 'reminder']);
  expect(duplicated).toBe(0);
  for (const m of delivered) expect(m.to).toEqual(['stc@dondoc.local']);
  // The assignment too arrives after the deadline and says so.
  expect(delivered.find((x) => mailKind(x) === 'assigned')?.subject).toContain(
    '[Đôn Đốc] (Gửi muộn) Giao nhiệm vụ:',
  );
  // The reminders arrive after the deadline they were written before, and say so.
  for (const m of delivered.filter((x) => mailKind(x) === 'reminder')) {
    expect(m.subject).toContain('[Đôn Đốc] (Gửi muộn) Nhắc hạn:');
    expect(m.text).toContain('Lưu ý: thư này lẽ ra được gửi lúc');
  }
  expect(delivered.find((x) => mailKind(x) === 'overdue')?.subject).not.toContain('Gửi muộn');

  const events = await eventually(
    'every event saying its mail was delivered',
    async () => {
      const h = await history(rig, itemId);
      expect(h.map((e) => [e.type, e.detail?.mailDelivery])).toEqual([
        ['created', 'delivered'],
        ['reminder_sent', 'delivered'],
        ['reminder_sent', 'delivered'],
        ['overdue', 'delivered'],
      ]);
      return h;
    },
    30_000,
  );
  for (const e of events) expect(e.detail).not.toHaveProperty('failedRecipients');
  expect(events.filter((e) => e.detail?.mailLate === true).map((e) => e.type)).toEqual([
    'created',
    'reminder_sent',
    'reminder_sent',
  ]);
  const sentRows = await mailLog(rig, itemId);
  expect(sentRows).toHaveLength(4);
  for (const row of sentRows) {
    expect(row).toMatchObject({ status: 'sent', last_error: null });
    // The assignment was tried through the outage; the rest went once it had gone.
    if (row.step === 'assigned') expect(row.attempts).toBeGreaterThan(1);
    else expect(row.attempts).toBe(1);
  }
  const up = await eventually(
    'mail: up',
    async () => {
      const res = await stack
        .http()
        .get('/api/health')
        .set({ Authorization: `Bearer ${rig.token}` });
      expect(res.status).toBe(200);
      return res.body as { info: { mail: { status: string } } };
    },
    30_000,
  );
  expect(up.info.mail.status).toBe('up');
  const healthyMs = Date.now() - healedAt;

  console.info(
    `[fault ${label}] ${what} for ${seconds} s while 2 reminders and the overdue notice fell due: ` +
      `mails expected 4, delivered ${delivered.length}, duplicated ${duplicated}; ` +
      `recovery ${(recoveryMs / 1000).toFixed(1)} s from repair to the last mail delivered ` +
      `(health up again within ${(healthyMs / 1000).toFixed(1)} s); ` +
      `${sentRows.reduce((n, r) => n + r.attempts, 0)} send attempts in all`,
  );
}

describe('mail faults of ours lose nothing and send nothing twice (ADR 0018)', () => {
  // Side by side, each on its own SMTP server and stack: the suite waits one outage, not two.
  it.concurrent(
    '(a) SMTP refusing connections',
    () =>
      faultScenario(
        'a',
        'SMTP refusing connections',
        (smtp) => smtp.refuseConnections(),
        'unreachable',
        /ECONNREFUSED/,
      ),
    TEST_TIMEOUT_MS,
  );

  it.concurrent(
    '(b) SMTP answering 535 to every login',
    () =>
      faultScenario(
        'b',
        'SMTP answering 535 to every login',
        (smtp) => smtp.refuseLogins(),
        'authentication',
        /535/,
      ),
    TEST_TIMEOUT_MS,
  );
});
