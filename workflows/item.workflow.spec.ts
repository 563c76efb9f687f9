/**
 * The item workflow on the time-skipping server: weeks of reminders in milliseconds. Activities
 * are in-memory fakes (the real ones have their own integration tests); instants are asserted
 * against the domain planner's, in workflow time (the `nowMs` each mail carries).
 */
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import {
  acceptUpdate,
  cancelUpdate,
  decideExtensionUpdate,
  itemStateQuery,
  itemWorkflowId,
  reassignUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnUpdate,
  submitUpdate,
  UPDATE_REJECTION,
  type DueSpec,
  type ItemWorkflowInput,
} from '../libs/contracts/src';
import { civilDateOf, nextWeeklyReminderAt, planSteps } from './domain-bridge';
import {
  createTestEnv,
  DEFAULT_TEST_POLICY,
  eventually,
  FakeActivities,
  itemInput,
  SECRETARIAT,
  STC_USER,
  SUB_DAY_POLICY,
  SXD,
} from './test/harness';
import type { itemWorkflow } from './item.workflow';

const DAY = 86_400_000;
/** A step's mail goes out at its instant (workflow time), give or take a workflow task. */
const SLACK = 5_000;

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const fakes = new FakeActivities();
const taskQueue = `items-${randomUUID()}`;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await createTestEnv();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('./index'),
    activities: fakes.activities,
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

async function start(input: ItemWorkflowInput): Promise<WorkflowHandle<typeof itemWorkflow>> {
  return env.client.workflow.start<typeof itemWorkflow>('itemWorkflow', {
    taskQueue,
    workflowId: itemWorkflowId(input.itemId),
    args: [input],
  });
}

/** Advances server time to `at` (epoch ms). */
async function sleepUntil(at: number): Promise<void> {
  const ms = at - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

/** An exact-instant deadline `seconds` from now (server time). */
async function dueIn(seconds: number): Promise<DueSpec> {
  return { date: null, at: (await env.currentTimeMs()) + seconds * 1000 };
}

/**
 * Ends a test's workflow cleanly (cancel update, then its result) instead of terminating it:
 * terminating while an activity is in flight can leave the Java test server's time-skipping
 * lock held, and every later env.sleep() then runs in real time.
 */
async function finish(handle: WorkflowHandle<typeof itemWorkflow>): Promise<void> {
  await handle.executeUpdate(cancelUpdate, { args: [{ actor: SECRETARIAT, reason: 'Kết thúc kiểm thử' }] });
  await handle.result();
}

const steps = (wf: string) => fakes.mailsOf(wf).map((m) => `${m.step}@${m.deadlineVersion}`);
const types = (wf: string) => fakes.eventsOf(wf).map((e) => e.type);

async function rejection(p: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }
  throw new Error('expected the update to be rejected');
}

describe('item workflow: schedule', () => {
  it('default policy over weeks: reminders, overdue at the legal due, escalations, then weekly', async () => {
    const t0 = await env.currentTimeMs();
    // A mid-week due date about three weeks ahead, due at 24:00 of that day (+07).
    let date = civilDateOf(t0 + 21 * DAY);
    while (![2, 3, 4].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) date = civilDateOf(Date.parse(`${date}T12:00:00Z`) + DAY);
    const due: DueSpec = { date, at: Date.parse(`${date}T17:00:00Z`) };
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const plan = planSteps(due, DEFAULT_TEST_POLICY).filter((s) => s.at >= t0);
    const last = plan[plan.length - 1];
    if (!last) throw new Error('empty plan');
    const weekly1 = nextWeeklyReminderAt(last.at);
    const weekly2 = nextWeeklyReminderAt(weekly1);
    await sleepUntil(weekly2 + 60_000);

    const mails = await eventually(() => {
      const m = fakes.mailsOf(wf);
      expect(m.length).toBe(plan.length + 2);
      return m;
    });
    plan.forEach((step, i) => {
      const mail = mails[i];
      expect(mail?.step).toBe(step.key);
      expect(mail?.nowMs).toBeGreaterThanOrEqual(step.at);
      expect(mail?.nowMs).toBeLessThan(step.at + SLACK);
      expect(mail?.deadlineVersion).toBe(1);
    });
    // Reminders at 08:00 Asia/Ho_Chi_Minh (01:00Z).
    for (const m of mails.filter((x) => x.kind === 'reminder')) expect(new Date(m.nowMs).getUTCHours()).toBe(1);
    const overdue = mails.find((m) => m.kind === 'overdue');
    expect(overdue?.nowMs).toBeGreaterThanOrEqual(due.at);
    expect(overdue?.recipients).toEqual(['stc@dondoc.local']);
    const escalations = mails.filter((m) => m.kind === 'escalation');
    expect(escalations.map((m) => m.level)).toEqual([1, 2]);
    expect(escalations[0]?.recipients).toEqual(['stc-head@dondoc.local', 'secretariat@dondoc.local', 'stc@dondoc.local']);
    expect(escalations[1]?.recipients).toEqual(['head@dondoc.local']);
    const weekly = mails.filter((m) => m.kind === 'weekly_overdue');
    expect(weekly.map((m) => m.nowMs - (m.nowMs % 1000))).toEqual([weekly1, weekly2].map((w) => w - (w % 1000)));
    expect(weekly.map((m) => m.step)).toEqual([`weekly-${civilDateOf(weekly1)}`, `weekly-${civilDateOf(weekly2)}`]);

    expect(types(wf)).toEqual([
      'created',
      ...plan.map((s) => (s.kind === 'reminder' ? 'reminder_sent' : s.kind === 'overdue' ? 'overdue' : 'escalated')),
      'reminder_sent',
      'reminder_sent',
    ]);
    const view = await handle.query(itemStateQuery);
    expect(view).toMatchObject({ status: 'overdue', escalationLevel: 2, deadlineVersion: 1, seq: plan.length + 3 });
    expect(fakes.projections.get(wf)).toMatchObject({ status: 'overdue', version: plan.length + 3, escalationLevel: 2 });
    expect(fakes.eventsOf(wf).map((e) => e.seq)).toEqual(fakes.eventsOf(wf).map((_, i) => i + 1));
    await finish(handle);
  });

  it('sub-day policy PT100S/PT60S/PT30S: exact instants', async () => {
    const due = await dueIn(200);
    const input = itemInput(due, { policy: SUB_DAY_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 90_000);
    const expected = [
      ['remind-PT100S', due.at - 100_000],
      ['remind-PT60S', due.at - 60_000],
      ['remind-PT30S', due.at - 30_000],
      ['overdue', due.at],
      ['escalate-1', due.at + 30_000],
      ['escalate-2', due.at + 60_000],
    ] as const;
    const mails = await eventually(() => {
      const m = fakes.mailsOf(wf);
      expect(m).toHaveLength(expected.length);
      return m;
    });
    expected.forEach(([key, at], i) => {
      expect(mails[i]?.step).toBe(key);
      expect(mails[i]?.nowMs).toBeGreaterThanOrEqual(at);
      expect(mails[i]?.nowMs).toBeLessThan(at + SLACK);
    });
    expect((await handle.query(itemStateQuery)).status).toBe('overdue');
    await finish(handle);
  });

  it('steps already past at creation are skipped, the overdue mark applies at once', async () => {
    const due = await dueIn(-100);
    const input = itemInput(due, { policy: SUB_DAY_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 120_000);
    await eventually(() => expect(steps(wf)).toEqual(['overdue@1']));
    const view = await handle.query(itemStateQuery);
    expect(view.status).toBe('overdue');
    expect(view.doneSteps).toEqual(expect.arrayContaining(['remind-PT100S', 'escalate-1', 'escalate-2', 'overdue']));
    await finish(handle);
  });

  it('an item without a deadline sends nothing and still answers', async () => {
    const input = itemInput(null);
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await env.sleep(30 * DAY);
    const view = await handle.executeUpdate(reportProgressUpdate, { args: [{ actor: STC_USER, note: 'Đang làm', percent: 10 }] });
    expect(view).toMatchObject({ status: 'open', progressPercent: 10, due: null });
    expect(fakes.mailsOf(wf)).toEqual([]);
    await finish(handle);
  });

  it('a permanent mail failure is recorded and the item carries on', async () => {
    fakes.bounce.add('bounce@dondoc.local');
    const due = await dueIn(120);
    const input = itemInput(due, {
      policy: { remindBefore: ['PT60S'], escalateAfter: [] },
      lead: { ...SXD, contactEmail: 'bounce@dondoc.local' },
    });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 10_000);
    await eventually(() => expect(steps(wf)).toEqual(['remind-PT60S@1', 'overdue@1']));
    const reminder = fakes.eventsOf(wf).find((e) => e.type === 'reminder_sent');
    expect(reminder?.detail).toMatchObject({ failedRecipients: ['bounce@dondoc.local'] });
    expect((await handle.query(itemStateQuery)).status).toBe('overdue');
    await finish(handle);
  });
});

describe('item workflow: commands', () => {
  it('submit then accept before the due: completed on time, workflow ends, nothing more sent', async () => {
    const due = await dueIn(600);
    const input = itemInput(due);
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const progress = await handle.executeUpdate(reportProgressUpdate, {
      args: [{ actor: STC_USER, note: 'Đã hoàn thành dự thảo', percent: 80 }],
    });
    expect(progress.progressPercent).toBe(80);
    // Read-your-writes: the event is recorded before the update returns.
    expect(types(wf)).toEqual(['created', 'progress_reported']);
    const submitted = await handle.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Đã trình UBND tỉnh' }] });
    expect(submitted.status).toBe('submitted');
    const done = await handle.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] });
    expect(done).toMatchObject({ status: 'completed', completedLate: false });
    const result = await handle.result();
    expect(result.status).toBe('completed');
    expect(types(wf)).toEqual(['created', 'progress_reported', 'submitted', 'completed']);
    expect(fakes.eventsOf(wf)[3]?.detail).toMatchObject({ late: false, lateVsOriginal: false, lateVsAdjusted: false });
    expect(fakes.projections.get(wf)).toMatchObject({ status: 'completed', completedLate: false, version: 4 });
    expect(fakes.projections.get(wf)?.closedAt).toEqual(expect.any(Number));
    expect(fakes.mailsOf(wf)).toEqual([]);
  });

  it('accepted after the due: completedLate', async () => {
    const due = await dueIn(100);
    const input = itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 10_000);
    await eventually(() => expect(types(wf)).toContain('overdue'));
    const submitted = await handle.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Xong' }] });
    expect(submitted.status).toBe('submitted');
    const done = await handle.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT, note: 'Đạt' }] });
    expect(done).toMatchObject({ status: 'completed', completedLate: true });
    expect(fakes.eventsOf(wf).at(-1)?.detail).toMatchObject({ late: true, lateVsOriginal: true });
    await handle.result();
  });

  it('validators reject without recording anything', async () => {
    const due = await dueIn(600);
    const input = itemInput(due);
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await handle.query(itemStateQuery);
    await eventually(() => expect(types(wf)).toEqual(['created']));
    const history0 = (await handle.fetchHistory()).events?.length ?? 0;

    const notSubmitted = await rejection(handle.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] }));
    expect(notSubmitted.type).toBe(UPDATE_REJECTION.invalidTransition);
    expect(notSubmitted.message.length).toBeGreaterThan(0);
    const badPercent = await rejection(
      handle.executeUpdate(reportProgressUpdate, { args: [{ actor: STC_USER, note: 'x', percent: 120 }] }),
    );
    expect(badPercent.type).toBe(UPDATE_REJECTION.invalidCommand);
    expect(badPercent.message).toContain('0 đến 100');
    const earlier = await rejection(
      handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actor: STC_USER, requestId: 'r0', due: { date: null, at: due.at - 1000 }, reason: 'Cần thêm thời gian' }],
      }),
    );
    expect(earlier.type).toBe(UPDATE_REJECTION.invalidCommand);
    const unknown = await rejection(
      handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: SECRETARIAT, requestId: 'nope', approve: true }] }),
    );
    expect(unknown.type).toBe(UPDATE_REJECTION.notFound);
    const sameLead = await rejection(handle.executeUpdate(reassignUpdate, { args: [{ actor: SECRETARIAT, lead: input.lead }] }));
    expect(sameLead.type).toBe(UPDATE_REJECTION.invalidCommand);

    expect(types(wf)).toEqual(['created']);
    const view = await handle.query(itemStateQuery);
    expect(view).toMatchObject({ status: 'open', seq: 1 });
    // Rejected in the validator: no update was accepted into the workflow history.
    const history = (await handle.fetchHistory()).events ?? [];
    expect(history.length).toBeGreaterThanOrEqual(history0);
    expect(history.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(0);
    await finish(handle);
  });

  it('return brings a submission back to open before the due, to overdue after it', async () => {
    const due = await dueIn(300);
    const input = itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await handle.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Xong' }] });
    const back = await handle.executeUpdate(returnUpdate, { args: [{ actor: SECRETARIAT, reason: 'Thiếu số liệu' }] });
    expect(back.status).toBe('open');
    await handle.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Bổ sung' }] });
    // The due passes while submitted: no overdue notice, status stays submitted.
    await sleepUntil(due.at + 30_000);
    expect((await handle.query(itemStateQuery)).status).toBe('submitted');
    const late = await handle.executeUpdate(returnUpdate, { args: [{ actor: SECRETARIAT, reason: 'Vẫn thiếu' }] });
    expect(late.status).toBe('overdue');
    await eventually(() => expect(steps(wf)).toEqual(['returned-3@1', 'returned-5@1']));
    expect(fakes.mailsOf(wf).every((m) => m.kind === 'returned')).toBe(true);
    expect(fakes.mailsOf(wf)[0]?.reason).toBe('Thiếu số liệu');
    expect(types(wf)).toEqual(['created', 'submitted', 'returned', 'submitted', 'returned']);
    await finish(handle);
  });

  it('extension approved: due moves, original kept, re-planned with a new deadline version', async () => {
    const due = await dueIn(300);
    const input = itemInput(due, { policy: { remindBefore: ['PT100S'], escalateAfter: ['PT30S'] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at - 50_000);
    await eventually(() => expect(steps(wf)).toEqual(['remind-PT100S@1']));
    const newDue = await dueIn(1000);
    const req = { actor: STC_USER, requestId: 'ext-1', due: newDue, reason: 'Chờ ý kiến Bộ Tài chính' };
    const pending = await handle.executeUpdate(requestExtensionUpdate, { args: [req] });
    expect(pending.pendingExtension).toMatchObject({ id: 'ext-1', due: newDue, requestedBy: 'stc@dondoc.local' });
    // Idempotent on requestId: the retried request changes nothing.
    const again = await handle.executeUpdate(requestExtensionUpdate, { args: [req] });
    expect(again.seq).toBe(pending.seq);
    const other = await rejection(
      handle.executeUpdate(requestExtensionUpdate, { args: [{ ...req, requestId: 'ext-2' }] }),
    );
    expect(other.type).toBe(UPDATE_REJECTION.invalidCommand);

    const approved = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'ext-1', approve: true }],
    });
    expect(approved).toMatchObject({ due: newDue, originalDue: due, deadlineVersion: 2, pendingExtension: null, doneSteps: [] });
    // A retried decision is a no-op too.
    const twice = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'ext-1', approve: true }],
    });
    expect(twice.seq).toBe(approved.seq);

    await sleepUntil(newDue.at + 40_000);
    await eventually(() =>
      expect(steps(wf)).toEqual(['remind-PT100S@1', 'extension-ext-1@2', 'remind-PT100S@2', 'overdue@2', 'escalate-1@2']),
    );
    const overdue = fakes.mailsOf(wf).find((m) => m.step === 'overdue');
    expect(overdue?.nowMs).toBeGreaterThanOrEqual(newDue.at);
    expect(overdue?.due).toEqual(newDue);
    expect(types(wf)).toEqual([
      'created',
      'reminder_sent',
      'extension_requested',
      'extension_approved',
      'reminder_sent',
      'overdue',
      'escalated',
    ]);
    expect(fakes.eventsOf(wf)[3]?.detail).toMatchObject({ from: due, to: newDue, originalDue: due, deadlineVersion: 2 });
    expect(fakes.projections.get(wf)).toMatchObject({ dueAt: newDue.at, originalDueAt: due.at, status: 'overdue' });
    await finish(handle);
  });

  it('extension approved while overdue brings the item back to open; rejected keeps the due', async () => {
    const due = await dueIn(60);
    const input = itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 5_000);
    await eventually(() => expect(types(wf)).toContain('overdue'));
    const ask = async (requestId: string, seconds: number) =>
      handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actor: STC_USER, requestId, due: await dueIn(seconds), reason: 'Lý do' }],
      });
    await ask('a', 500);
    const rejected = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'a', approve: false, reason: 'Không đủ căn cứ' }],
    });
    expect(rejected).toMatchObject({ status: 'overdue', due, deadlineVersion: 1, pendingExtension: null });
    await ask('b', 500);
    const approved = await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: SECRETARIAT, requestId: 'b', approve: true }] });
    expect(approved).toMatchObject({ status: 'open', deadlineVersion: 2, originalDue: due });
    await eventually(() => expect(steps(wf)).toEqual(['overdue@1', 'extension-a@1', 'extension-b@2']));
    expect(fakes.mailsOf(wf).map((m) => m.kind)).toEqual(['overdue', 'extension_rejected', 'extension_approved']);
    await finish(handle);
  });

  it('reassign: the new lead gets the mail from then on', async () => {
    const due = await dueIn(200);
    const input = itemInput(due, { policy: { remindBefore: ['PT100S'], escalateAfter: ['PT30S'] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const view = await handle.executeUpdate(reassignUpdate, { args: [{ actor: SECRETARIAT, lead: SXD, reason: 'Đúng chức năng' }] });
    expect(view.lead.code).toBe('SXD');
    await sleepUntil(due.at + 40_000);
    await eventually(() => expect(steps(wf)).toEqual(['reassigned-2@1', 'remind-PT100S@1', 'overdue@1', 'escalate-1@1']));
    const [notice, reminder, overdue, escalation] = fakes.mailsOf(wf);
    expect(notice?.recipients).toEqual(['sxd@dondoc.local']);
    expect(notice?.previousLeadName).toBe('Sở Tài chính');
    expect(reminder?.recipients).toEqual(['sxd@dondoc.local']);
    expect(reminder?.item.leadName).toBe('Sở Xây dựng');
    expect(overdue?.recipients).toEqual(['sxd@dondoc.local']);
    expect(escalation?.recipients).toEqual(['sxd-head@dondoc.local', 'secretariat@dondoc.local', 'sxd@dondoc.local']);
    expect(fakes.eventsOf(wf)[1]).toMatchObject({ type: 'reassigned', detail: { from: 'STC', to: 'SXD' } });
    expect(fakes.projections.get(wf)?.leadCode).toBe('SXD');
    await finish(handle);
  });

  it('cancel: nothing more is sent and the workflow completes', async () => {
    const due = await dueIn(200);
    const input = itemInput(due);
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at - 90_000);
    await eventually(() => expect(steps(wf)).toEqual(['remind-PT100S@1']));
    const cancelled = await handle.executeUpdate(cancelUpdate, { args: [{ actor: SECRETARIAT, reason: 'Không còn phù hợp' }] });
    expect(cancelled.status).toBe('cancelled');
    const result = await handle.result();
    expect(result.status).toBe('cancelled');
    await env.sleep(7 * DAY);
    expect(steps(wf)).toEqual(['remind-PT100S@1']);
    expect(types(wf)).toEqual(['created', 'reminder_sent', 'cancelled']);
    expect(fakes.projections.get(wf)).toMatchObject({ status: 'cancelled', version: 3 });
  });
});
