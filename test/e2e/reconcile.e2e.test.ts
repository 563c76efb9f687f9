/**
 * The reconciler's decisions, item by item (ADR 0022), on the shared dev server: a workflow
 * deleted from Temporal (as a lost database leaves it) is restored from PostgreSQL, a terminated
 * one under an open row is logged and left alone, a row that cannot be restored is logged and
 * skipped while the others go on, and a pending row with a history is restored by the API's
 * sweep instead of started afresh. The reconcile activity runs in an activity context of the
 * test (the worker app's Schedule runs it in fault test (d), test/integration/temporal-loss).
 */
import type { Client, Connection } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import { createReconcileActivities, workflowStatus } from '../../activities';
import { ItemReconciler } from '../../apps/api/src/items/item-reconciler';
import { itemStateQuery } from '../../libs/contracts/src';
import { mailItem, mailKind } from '../support/mail-headers';
import { startTestStack, type TestStack } from '../support/stack';
import { connectClient } from '../support/temporal';

let stack: TestStack;
let client: Client;
let connection: Connection;
let token: string;

const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  stack = await startTestStack();
  ({ client, connection } = await connectClient());
  token = await stack.login('secretariat@dondoc.local');
}, 120_000);

afterAll(async () => {
  await connection?.close();
  await stack?.close();
}, 60_000);

interface Created {
  readonly id: string;
  readonly workflowId: string;
}

/** An item whose first reminder goes out 10 s after now, due a few minutes later. */
async function createItem(text: string): Promise<Created> {
  const res = await stack
    .http()
    .post('/api/items')
    .set(auth(token))
    .send({
      text,
      lead: 'STC',
      due: new Date(Date.now() + 300_000).toISOString(),
      policy: { remindBefore: ['PT290S'], escalateAfter: [] },
    });
  expect(res.status).toBe(201);
  const id = (res.body as { id: string }).id;
  const rows = await stack.db.dataSource.query<{ workflow_id: string }[]>(
    'SELECT workflow_id FROM items WHERE id = $1',
    [id],
  );
  return { id, workflowId: rows[0]!.workflow_id };
}

async function history(id: string): Promise<{ type: string; detail?: Record<string, unknown> }[]> {
  const res = await stack.http().get(`/api/items/${id}/history`).set(auth(token));
  expect(res.status).toBe(200);
  return res.body as { type: string; detail?: Record<string, unknown> }[];
}

async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(300);
  }
}

const statusOf = (workflowId: string): Promise<string> => workflowStatus(client, workflowId);

/** What a lost Temporal database leaves of one workflow: nothing. */
async function lose(workflowId: string): Promise<void> {
  await client.workflowService.deleteWorkflowExecution({
    namespace: 'default',
    workflowExecution: { workflowId },
  });
  await until(
    `${workflowId} deleted`,
    60_000,
    async () => (await statusOf(workflowId)) === 'missing',
  );
}

it('restores the lost, leaves the terminated alone, skips the broken; the sweep restores a pending row', async () => {
  const lost = await createItem('Việc A: workflow bị mất.');
  const terminated = await createItem('Việc B: workflow bị dừng.');
  const broken = await createItem('Việc C: dòng dữ liệu hỏng.');
  const pending = await createItem('Việc D: chưa đánh dấu đã khởi động.');
  const all = [lost, terminated, broken, pending];
  // Each has sent its reminder and recorded it.
  await stack.smtp.waitFor(
    (m) => mailKind(m) === 'reminder' && all.some((i) => mailItem(m) === i.id),
    all.length,
    90_000,
  );
  for (const item of all) {
    await until(`reminder of ${item.id} settled`, 60_000, async () =>
      (await history(item.id)).some(
        (e) => e.type === 'reminder_sent' && e.detail?.mailDelivery === 'delivered',
      ),
    );
  }

  await lose(lost.workflowId);
  await client.workflow.getHandle(terminated.workflowId).terminate('an operator stopped it');
  await lose(broken.workflowId);
  await stack.db.dataSource.query(`UPDATE items SET lead_code = 'KHONGCO' WHERE id = $1`, [
    broken.id,
  ]);
  await lose(pending.workflowId);
  await stack.db.dataSource.query(`UPDATE items SET workflow_state = 'pending' WHERE id = $1`, [
    pending.id,
  ]);

  const logs: LogEntry[] = [];
  const env = new MockActivityEnvironment(undefined, {
    logger: new DefaultLogger('WARN', (entry) => logs.push(entry)),
  });
  const { reconcileItems } = createReconcileActivities({
    dataSource: stack.db.dataSource,
    client,
    taskQueue: stack.config.temporal.taskQueue,
    addresses: stack.config,
    pageSize: 2, // several pages
  });
  const summary = await env.run(reconcileItems);
  // The pending row is the API sweep's, not the reconciler's.
  expect(summary).toEqual({
    checked: 3,
    running: 0,
    restored: 1,
    started: 0,
    closed: 1,
    failed: 1,
    failures: [
      {
        itemId: broken.id,
        workflowId: broken.workflowId,
        error: expect.stringContaining('KHONGCO') as string,
      },
    ],
  });
  expect(logs).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        level: 'WARN',
        meta: expect.objectContaining({
          itemId: terminated.id,
          workflowStatus: 'TERMINATED',
        }) as Record<string, unknown>,
      }),
      expect.objectContaining({
        level: 'ERROR',
        meta: expect.objectContaining({ itemId: broken.id }) as Record<string, unknown>,
      }),
    ]),
  );
  expect(await statusOf(lost.workflowId)).toBe('RUNNING');
  expect(await statusOf(terminated.workflowId)).toBe('TERMINATED');
  expect(await statusOf(broken.workflowId)).toBe('missing');
  const view = await client.workflow.getHandle(lost.workflowId).query(itemStateQuery);
  expect(view).toMatchObject({ status: 'open', deadlineVersion: 1, doneSteps: ['remind:PT290S'] });
  await until('the restored event', 30_000, async () =>
    (await history(lost.id)).some((e) => e.type === 'restored'),
  );
  expect((await history(lost.id)).map((e) => e.type)).toEqual([
    'created',
    'reminder_sent',
    'restored',
  ]);

  // A second pass finds it running: nothing more.
  const again = await env.run(reconcileItems);
  expect(again).toMatchObject({ checked: 3, running: 1, restored: 0, closed: 1, failed: 1 });

  // The API's sweep: the pending row has a history, so it is restored from it.
  expect(await stack.app.get(ItemReconciler).sweep(0)).toBe(1);
  expect(await statusOf(pending.workflowId)).toBe('RUNNING');
  await until('the pending row restored', 30_000, async () =>
    (await history(pending.id)).some((e) => e.type === 'restored'),
  );
  expect((await history(pending.id)).map((e) => e.type)).toEqual([
    'created',
    'reminder_sent',
    'restored',
  ]);

  // No reminder went out twice, nor the assignment (ADR 0024): a restored run does not resend it.
  await sleep(3000);
  for (const item of all) {
    const kinds = stack.smtp.messages.filter((m) => mailItem(m) === item.id).map(mailKind);
    expect(kinds.sort()).toEqual(['assigned', 'reminder']);
  }
}, 300_000);
