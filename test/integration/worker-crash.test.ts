/**
 * kill -9 of the worker in the middle of an SMTP transaction. The real worker app runs as a child
 * process; the SMTP server holds the reminder after its DATA (before the final 250), the worker is
 * killed, and a new worker process takes over once Temporal times the activity out.
 *
 * What the held-and-dropped transaction does: the sender died before the server answered the
 * end of DATA, so the transaction never completed and the server discards the message, as a real
 * MTA does (test/support/smtp.ts). mail_log still says `sending` for its key, so the retry by the
 * new worker sends it again, with the same deterministic Message-ID: exactly one delivery. (The
 * window ADR 0003 accepts — a crash after the 250 and before mail_log says `sent` — would deliver
 * twice with the same Message-ID; it is not what this test provokes.)
 */
import { mailItem, mailKind } from '../support/mail-headers';
import type { ReceivedMail } from '../support/smtp';
import { startTestStack, type TestStack } from '../support/stack';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

let stack: TestStack;
let secretariat: string;
const workers: WorkerProcess[] = [];

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms).unref(),
    ),
  ]);
}

async function startWorker(): Promise<WorkerProcess> {
  const worker = await startWorkerProcess(
    {
      DATABASE_URL: stack.db.url,
      SMTP_URL: stack.smtp.url,
      TEMPORAL_ADDRESS: stack.config.temporal.address,
      TEMPORAL_NAMESPACE: stack.config.temporal.namespace,
      TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
      MAIL_FROM: stack.config.mailFrom,
    },
    180_000,
  );
  workers.push(worker);
  return worker;
}

interface MailLogRow {
  status: string;
  attempts: number;
  message_id: string;
}

/** The mail_log rows of the item's reminder steps (step keys 'remind:<duration>'). */
async function reminderLog(workflowId: string): Promise<MailLogRow[]> {
  return stack.db.dataSource.query<MailLogRow[]>(
    `SELECT status, attempts, message_id FROM mail_log WHERE workflow_id = $1 AND step LIKE 'remind%'`,
    [workflowId],
  );
}

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  secretariat = await stack.login('secretariat@dondoc.local');
}, 120_000);

afterAll(async () => {
  stack?.smtp.release();
  for (const w of workers) await w.stop(5000);
  await stack?.close();
}, 60_000);

describe('worker killed mid-send', () => {
  it('delivers the reminder and the overdue notice exactly once after kill -9 and a new worker', async () => {
    const first = await startWorker();

    // The reminder 15 s after the creation; the assignment mail (ADR 0024) goes out before it.
    const dueMs = 20_000;
    const created = await stack
      .http()
      .post('/api/items')
      .set(auth(secretariat))
      .send({
        text: 'Báo cáo kết quả thu ngân sách quý I.',
        lead: 'STC',
        due: new Date(Date.now() + dueMs).toISOString(),
        policy: { remindBefore: ['PT5S'], escalateAfter: [] },
      });
    expect(created.status).toBe(201);
    const item = created.body as { id: string };
    const row = await stack.db.dataSource.query<{ workflow_id: string }[]>(
      'SELECT workflow_id FROM items WHERE id = $1',
      [item.id],
    );
    const workflowId = row[0]!.workflow_id;
    const ofItem = (kind: string) => (m: ReceivedMail) =>
      mailItem(m) === item.id && mailKind(m) === kind;
    await stack.smtp.waitFor(ofItem('assigned'), 1, 15_000);
    const held = stack.smtp.hold();

    // The reminder's DATA is in; the server has not answered it: the worker is mid-send.
    await withTimeout(held.arrived, 60_000, 'the held reminder');
    const during = await reminderLog(workflowId);
    expect(during).toEqual([expect.objectContaining({ status: 'sending', attempts: 1 })]);

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // Let the server see the dropped connection before the held transaction is let go.
    await sleep(1000);
    stack.smtp.release();
    await sleep(1000);
    expect(stack.smtp.messages.filter((m) => mailItem(m) === item.id).map(mailKind)).toEqual([
      'assigned',
    ]);

    await startWorker();
    // Temporal retries the activity once its 30 s start-to-close timeout has run out.
    const [reminder] = await stack.smtp.waitFor(ofItem('reminder'), 1, 120_000);
    expect(reminder!.to).toEqual(['stc@dondoc.local']);
    expect(reminder!.messageId).toBe(during[0]!.message_id);
    const [overdue] = await stack.smtp.waitFor(ofItem('overdue'), 1, 60_000);
    expect(overdue!.to).toEqual(['stc@dondoc.local']);

    // Nothing more arrives: no duplicate of any mail (the assignment included).
    await sleep(5000);
    const mails = stack.smtp.messages.filter((m) => mailItem(m) === item.id);
    expect(mails.map(mailKind).sort()).toEqual(['assigned', 'overdue', 'reminder']);
    expect(await reminderLog(workflowId)).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 2 }),
    ]);

    const history = await stack.historyTypes(item.id, secretariat);
    expect(history).toEqual(['created', 'reminder_sent', 'overdue']);
    const after = await stack.http().get(`/api/items/${item.id}`).set(auth(secretariat));
    expect((after.body as { status: string }).status).toBe('overdue');
  }, 300_000);
});
