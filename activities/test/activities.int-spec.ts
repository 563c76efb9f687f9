/**
 * The real activities against real PostgreSQL (a fresh migrated database) and a real SMTP server
 * (smtp-server). Integration project: needs test/global-setup.ts (TEST_DATABASE_URL).
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createMailer, type Mailer } from '../../libs/mail/src';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../test/support/smtp';
import { createActivities, mailIdempotencyKey, messageIdFor } from '..';
import type { ItemProjection, SendItemMailInput } from '../../libs/contracts/src';
import { applicationFailureOf } from './application-failure';

let db: TestDatabase;
let smtp: TestSmtpServer;
let mailer: Mailer;
let activities: ReturnType<typeof createActivities>;
const mockEnv = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
/** Runs an activity in the mock activity context, keeping its result type. */
const env = {
  run: <P extends unknown[], R>(fn: (...args: P) => Promise<R>, ...args: P): Promise<R> =>
    mockEnv.run<P, R, (...args: P) => Promise<R>>(fn, ...args),
};

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpServer();
  mailer = createMailer(smtp.url, 'Đôn Đốc <dondoc@dondoc.local>');
  activities = createActivities({
    dataSource: db.dataSource,
    mailer,
    config: { publicBaseUrl: 'http://localhost:3000', linkSigningSecret: 'test-link-secret' },
  });
}, 60_000);

afterAll(async () => {
  mailer?.close?.();
  await smtp?.close();
  await db?.drop();
});

const mailInput = (over: Partial<SendItemMailInput> = {}): SendItemMailInput => ({
  workflowId: `item-${randomUUID()}`,
  itemId: randomUUID(),
  step: 'remind-P3D',
  deadlineVersion: 1,
  kind: 'reminder',
  recipients: ['stc@dondoc.local'],
  item: {
    code: '2.a',
    text: 'Tham mưu kinh phí năm 2026',
    noticeTitle: 'Kết luận phiên họp',
    noticeNumber: '12/TB-BCĐ',
    leadName: 'Sở Tài chính',
  },
  due: { date: '2026-01-22', at: Date.parse('2026-01-22T17:00:00Z') },
  nowMs: Date.parse('2026-01-19T01:00:00Z'),
  ...over,
});

async function mailLog(
  key: string,
): Promise<{ status: string; attempts: number; message_id: string; last_error: string | null }> {
  const rows = await db.dataSource.query<
    { status: string; attempts: number; message_id: string; last_error: string | null }[]
  >('SELECT status, attempts, message_id, last_error FROM mail_log WHERE idempotency_key = $1', [
    key,
  ]);
  if (!rows[0]) throw new Error(`no mail_log row for ${key}`);
  return rows[0];
}

describe('sendItemMail (PostgreSQL + SMTP)', () => {
  it('sending twice with the same key delivers one mail with the deterministic Message-ID', async () => {
    const input = mailInput();
    const first = await env.run(activities.sendItemMail, input);
    const second = await env.run(activities.sendItemMail, input);
    expect(first.sent).toEqual(['stc@dondoc.local']);
    expect(second).toEqual({ sent: [], skipped: ['stc@dondoc.local'] });
    const key = mailIdempotencyKey(input.workflowId, 'remind-P3D', 1, 'stc@dondoc.local');
    const [mail] = await smtp.waitFor((m) => m.messageId === messageIdFor(key));
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages.filter((m) => m.messageId === messageIdFor(key))).toHaveLength(1);
    expect(mail?.subject).toContain('Nhắc hạn: Nhiệm vụ 2.a');
    expect(mail?.text).toContain('22/01/2026');
    expect(mail?.html).toContain('<html lang="vi">');
    expect(await mailLog(key)).toMatchObject({
      status: 'sent',
      attempts: 1,
      message_id: messageIdFor(key),
    });
  });

  it('a 450 then a retry: exactly one mail', async () => {
    const input = mailInput({ recipients: ['sxd@dondoc.local'] });
    const key = mailIdempotencyKey(input.workflowId, input.step, 1, 'sxd@dondoc.local');
    smtp.failNext(1, 450);
    const transient = await applicationFailureOf(env.run(activities.sendItemMail, input));
    expect(transient.type).toBe('MAIL_TRANSIENT');
    expect(transient.nonRetryable).toBe(false);
    expect(await mailLog(key)).toMatchObject({ status: 'sending', attempts: 1 });
    const retry = await env.run(activities.sendItemMail, input);
    expect(retry.sent).toEqual(['sxd@dondoc.local']);
    await smtp.waitFor((m) => m.messageId === messageIdFor(key));
    expect(smtp.messages.filter((m) => m.messageId === messageIdFor(key))).toHaveLength(1);
    expect(await mailLog(key)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('a relay refusal (554 to RCPT TO) is ours: retried, and the retry delivers once', async () => {
    const input = mailInput({ recipients: ['relay@example.org'] });
    const key = mailIdempotencyKey(input.workflowId, input.step, 1, 'relay@example.org');
    smtp.failNext(1, 554);
    const refused = await applicationFailureOf(env.run(activities.sendItemMail, input));
    expect(refused).toMatchObject({ type: 'MAIL_TRANSIENT', nonRetryable: false });
    const row = await mailLog(key);
    expect(row.status).toBe('sending');
    expect(row.last_error).toMatch(/^refused: 554: .*554 test failure/);
    expect((await env.run(activities.sendItemMail, input)).sent).toEqual(['relay@example.org']);
    await smtp.waitFor((m) => m.messageId === messageIdFor(key));
    expect(smtp.messages.filter((m) => m.messageId === messageIdFor(key))).toHaveLength(1);
  });

  it('a 550 is non-retryable and logged failed; nothing is sent on a rerun', async () => {
    const input = mailInput({ recipients: ['nobody@dondoc.local'] });
    const key = mailIdempotencyKey(input.workflowId, input.step, 1, 'nobody@dondoc.local');
    smtp.failNext(1, 550);
    const permanent = await applicationFailureOf(env.run(activities.sendItemMail, input));
    expect(permanent.type).toBe('MAIL_PERMANENT');
    expect(permanent.nonRetryable).toBe(true);
    const row = await mailLog(key);
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('550');
    await applicationFailureOf(env.run(activities.sendItemMail, input));
    expect(smtp.messages.filter((m) => m.messageId === messageIdFor(key))).toHaveLength(0);
  });
});

async function insertItem(): Promise<{ itemId: string; workflowId: string }> {
  const itemId = randomUUID();
  const workflowId = `item-${itemId}`;
  await db.dataSource.query(
    `INSERT INTO items (id, workflow_id, text, lead_code, policy, status, version) VALUES ($1, $2, 'Việc', 'STC', '{}'::jsonb, 'open', 0)`,
    [itemId, workflowId],
  );
  return { itemId, workflowId };
}
const projection = (over: Partial<ItemProjection>): ItemProjection => ({
  version: 1,
  status: 'open',
  leadCode: 'STC',
  supportCodes: ['SXD'],
  dueDate: '2026-01-22',
  dueAt: Date.parse('2026-01-22T17:00:00Z'),
  originalDueDate: '2026-01-22',
  originalDueAt: Date.parse('2026-01-22T17:00:00Z'),
  completedLate: null,
  escalationLevel: 0,
  progressPercent: null,
  pendingExtension: null,
  closedAt: null,
  ...over,
});

describe('recordEvents (PostgreSQL)', () => {
  it('recording twice writes one set of events; the item row moves to the version', async () => {
    const { itemId, workflowId } = await insertItem();
    const input = {
      itemId,
      workflowId,
      events: [
        {
          seq: 1,
          type: 'created' as const,
          at: Date.parse('2026-01-02T02:00:00Z'),
          actor: 'secretariat@dondoc.local',
          detail: { due: '2026-01-22' },
        },
        {
          seq: 2,
          type: 'reminder_sent' as const,
          at: Date.parse('2026-01-13T01:00:00Z'),
          detail: { step: 'remind-P7D' },
        },
      ],
      projection: projection({ version: 2 }),
    };
    expect(await env.run(activities.recordEvents, input)).toEqual({ inserted: 2, projected: true });
    expect(await env.run(activities.recordEvents, input)).toEqual({
      inserted: 0,
      projected: false,
    });
    const events = await db.dataSource.query<
      { seq: number; type: string; actor: string | null; detail: unknown; at: Date }[]
    >('SELECT seq, type, actor, detail, at FROM item_events WHERE workflow_id = $1 ORDER BY seq', [
      workflowId,
    ]);
    expect(events.map((e) => [e.seq, e.type, e.actor])).toEqual([
      [1, 'created', 'secretariat@dondoc.local'],
      [2, 'reminder_sent', null],
    ]);
    expect(events[0]?.detail).toEqual({ due: '2026-01-22' });
    expect(events[1]?.at.toISOString()).toBe('2026-01-13T01:00:00.000Z');
    const [row] = await db.dataSource.query<
      { version: number; workflow_state: string; support_codes: string[]; due_at: Date }[]
    >('SELECT version, workflow_state, support_codes, due_at FROM items WHERE id = $1', [itemId]);
    // workflow_state is the starter's (ADR 0008): the projection leaves it as inserted.
    expect(row).toMatchObject({ version: 2, workflow_state: 'pending', support_codes: ['SXD'] });
    expect(row?.due_at.toISOString()).toBe('2026-01-22T17:00:00.000Z');
  });

  it('an older version does not overwrite a newer one', async () => {
    const { itemId, workflowId } = await insertItem();
    const newer = {
      itemId,
      workflowId,
      events: [{ seq: 5, type: 'overdue' as const, at: Date.parse('2026-01-22T17:00:00Z') }],
      projection: projection({ version: 5, status: 'overdue' }),
    };
    const older = {
      itemId,
      workflowId,
      events: [{ seq: 4, type: 'reminder_sent' as const, at: Date.parse('2026-01-22T01:00:00Z') }],
      projection: projection({ version: 4, status: 'open', pendingExtension: null }),
    };
    await env.run(activities.recordEvents, newer);
    expect(await env.run(activities.recordEvents, older)).toEqual({
      inserted: 1,
      projected: false,
    });
    const [row] = await db.dataSource.query<{ version: number; status: string }[]>(
      'SELECT version, status FROM items WHERE id = $1',
      [itemId],
    );
    expect(row).toEqual({ version: 5, status: 'overdue' });
    const ext = {
      id: 'ext-1',
      due: { date: '2026-02-10', at: Date.parse('2026-02-10T17:00:00Z') },
      reason: 'Lý do',
      requestedBy: 'stc@dondoc.local',
      requestedAt: Date.parse('2026-01-23T03:00:00Z'),
    };
    await env.run(activities.recordEvents, {
      itemId,
      workflowId,
      events: [
        {
          seq: 6,
          type: 'extension_requested' as const,
          at: ext.requestedAt,
          actor: 'stc@dondoc.local',
        },
      ],
      projection: projection({ version: 6, status: 'overdue', pendingExtension: ext }),
    });
    const [after] = await db.dataSource.query<{ pending_extension: unknown }[]>(
      'SELECT pending_extension FROM items WHERE id = $1',
      [itemId],
    );
    expect(after?.pending_extension).toEqual(ext);
  });

  it("an event's mail delivery moves once from pending to its outcome; its facts stay", async () => {
    const { itemId, workflowId } = await insertItem();
    const at = Date.parse('2026-01-22T17:00:00Z');
    await env.run(activities.recordEvents, {
      itemId,
      workflowId,
      events: [
        {
          seq: 1,
          type: 'overdue' as const,
          at,
          detail: { step: 'overdue', recipients: ['stc@dondoc.local'], mailDelivery: 'pending' },
        },
        { seq: 2, type: 'progress_reported' as const, at, detail: { note: 'x' } },
      ],
      projection: projection({ version: 2, status: 'overdue' }),
    });
    const delivery = {
      mailDelivery: 'partly_failed' as const,
      failedRecipients: ['stc@dondoc.local'],
      mailSettledAt: at + 60_000,
    };
    expect(await env.run(activities.recordMailDelivery, { workflowId, seq: 1, delivery })).toEqual({
      updated: true,
    });
    // A retry, a later outcome, or an event that was never pending: nothing changes.
    const later = { workflowId, seq: 1, delivery: { mailDelivery: 'delivered' as const } };
    expect(await env.run(activities.recordMailDelivery, later)).toEqual({ updated: false });
    expect(await env.run(activities.recordMailDelivery, { ...later, seq: 2 })).toEqual({
      updated: false,
    });
    const rows = await db.dataSource.query<
      { seq: number; type: string; at: Date; detail: unknown }[]
    >('SELECT seq, type, at, detail FROM item_events WHERE workflow_id = $1 ORDER BY seq', [
      workflowId,
    ]);
    expect(rows.map((r) => [r.seq, r.type, r.at.getTime(), r.detail])).toEqual([
      [1, 'overdue', at, { step: 'overdue', recipients: ['stc@dondoc.local'], ...delivery }],
      [2, 'progress_reported', at, { note: 'x' }],
    ]);
  });
});

describe('performItemStep (PostgreSQL + SMTP, ADR 0028)', () => {
  const STEP_AT = Date.parse('2026-01-19T01:00:00Z');
  async function stepOf(recipients: string[][]) {
    const { itemId, workflowId } = await insertItem();
    const mails = recipients.map((to, i) =>
      mailInput({ workflowId, itemId, step: `step-${i}`, recipients: to, nowMs: STEP_AT }),
    );
    const event = {
      seq: 1,
      type: 'reminder_sent' as const,
      at: STEP_AT,
      detail: { step: 'step-0', mailDelivery: 'pending' as const },
    };
    const input = {
      record: { itemId, workflowId, events: [event], projection: projection({ version: 1 }) },
      mails,
    };
    const detail = async () =>
      (
        await db.dataSource.query<{ detail: Record<string, unknown> }[]>(
          'SELECT detail FROM item_events WHERE workflow_id = $1 AND seq = 1',
          [workflowId],
        )
      )[0]?.detail;
    return { input, detail, itemId };
  }
  const ofItem = (itemId: string) => (m: ReceivedMail) => m.headers.get('x-dondoc-item') === itemId;

  it('records the step pending, sends its mails, then records how they went', async () => {
    const { input, detail, itemId } = await stepOf([['stc@dondoc.local'], ['snv@dondoc.local']]);
    const result = await env.run(activities.performItemStep, input);
    expect(result).toEqual({
      outcomes: [
        { failed: [], late: false },
        { failed: [], late: false },
      ],
    });
    const sent = await smtp.waitFor(ofItem(itemId), 2);
    expect(sent.flatMap((m) => m.to).sort()).toEqual(['snv@dondoc.local', 'stc@dondoc.local']);
    expect(await detail()).toMatchObject({ step: 'step-0', mailDelivery: 'delivered' });
  });

  it("a recipient's rejection for good is an outcome: the others still get theirs", async () => {
    const { input, detail, itemId } = await stepOf([['gone@dondoc.local'], ['stc@dondoc.local']]);
    smtp.failNext(1, 550);
    const result = await env.run(activities.performItemStep, input);
    expect(result.outcomes[0]?.failed.map((f) => f.recipient)).toEqual(['gone@dondoc.local']);
    expect(result.outcomes[1]).toEqual({ failed: [], late: false });
    await smtp.waitFor(ofItem(itemId), 1);
    expect(await detail()).toMatchObject({
      mailDelivery: 'partly_failed',
      failedRecipients: ['gone@dondoc.local'],
    });
  });

  it('any other failure is thrown after the record, the event left pending for the durable path', async () => {
    const { input, detail } = await stepOf([['stc@dondoc.local']]);
    smtp.failNext(1, 450);
    await expect(env.run(activities.performItemStep, input)).rejects.toThrow(/450/);
    expect(await detail()).toMatchObject({ step: 'step-0', mailDelivery: 'pending' });
  });

  it('a step without events records nothing, and still sends its mails', async () => {
    const { input, itemId } = await stepOf([['vp@dondoc.local']]);
    const { workflowId } = input.record;
    await env.run(activities.performItemStep, {
      ...input,
      record: { ...input.record, events: [] },
    });
    await smtp.waitFor(ofItem(itemId), 1);
    const rows = await db.dataSource.query<unknown[]>(
      'SELECT seq FROM item_events WHERE workflow_id = $1',
      [workflowId],
    );
    expect(rows).toEqual([]);
  });
});
