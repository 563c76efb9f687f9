/**
 * The item workflow on the time-skipping server: weeks of reminders in milliseconds. Activities
 * are in-memory fakes (the real ones have their own integration tests); instants are asserted
 * against the domain planner's, in workflow time (the `nowMs` each mail carries).
 *
 * The server's clock starts at the real "now" and only moves forward, so whole-day scenarios pick
 * their dates from the calendar ahead of now (the next holiday break, the next Sunday). The same
 * rules on fixed 2026 dates (Tết 2026, Sunday 25/01/2026) are in item-state.spec.ts.
 *
 * Real time: between two `env.sleep` calls the server clock runs in real time, so whatever a test
 * does there (updates, polling) must fit before the next step; tests leave at least minutes of
 * server time for it, never seconds.
 */
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { createItemWorker } from '../apps/worker/src/item-worker';
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
  type ReminderPolicy,
} from '../libs/contracts/src';
import {
  addDays,
  civilDateAt,
  dayOfWeek,
  daysBetween,
  endOfDay,
  instantAt,
  nextWeeklyOverdueReminder,
  planSchedule,
  resolveDue,
  vnPublicSectorCalendar as calendar,
  type CivilDate,
  type ScheduleStep,
} from '../libs/domain/src';
import type { SendItemMailInput } from '../libs/contracts/src';
import {
  createTestEnv,
  DEFAULT_TEST_POLICY,
  eventually,
  FakeActivities,
  itemInput,
  resultOf,
  SECRETARIAT,
  STC_USER,
  SUB_DAY_POLICY,
  SXD,
} from './test/harness';
import type { itemWorkflow } from './item.workflow';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/**
 * A step's mail goes out at its instant (workflow time), give or take the workflow and activity
 * tasks it takes, which run in real time on a possibly loaded machine. Well below the smallest
 * gap between two steps in these tests (30 s), so a mail cannot pass for the next step's.
 */
const SLACK = 10_000;

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const fakes = new FakeActivities();
const taskQueue = `items-${randomUUID()}`;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await createTestEnv();
  worker = await createItemWorker({
    connection: env.nativeConnection,
    taskQueue,
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

/** A whole-day deadline as the API resolves it: end of the day, moved past days off. */
function dueOn(date: CivilDate): DueSpec {
  return { date, at: resolveDue(date, calendar).dueAt };
}

/** The domain's schedule for a deadline (what the workflow must follow). */
function planOf(due: DueSpec, policy: ReminderPolicy): ScheduleStep[] {
  return planSchedule({
    dueAt: due.at,
    ...(due.date === null ? {} : { dueDate: due.date }),
    policy,
    calendar,
  });
}

/**
 * Ends a test's workflow cleanly (cancel update, then its result) instead of terminating it:
 * terminating while an activity is in flight can leave the Java test server's time-skipping
 * lock held, and every later env.sleep() then runs in real time. The result is awaited without
 * time skipping (resultOf), so server time moves only by the tests' own sleeps.
 */
async function finish(handle: WorkflowHandle<typeof itemWorkflow>): Promise<void> {
  await handle.executeUpdate(cancelUpdate, {
    args: [{ actor: SECRETARIAT, reason: 'Kết thúc kiểm thử' }],
  });
  await resultOf(env, handle);
}

const steps = (wf: string) => fakes.mailsOf(wf).map((m) => `${m.step}@${m.deadlineVersion}`);
const types = (wf: string) => fakes.eventsOf(wf).map((e) => e.type);
const localDate = (m: SendItemMailInput | undefined): CivilDate => civilDateAt(m?.nowMs ?? NaN);

/** Each mail went out at its instant: never early, at most SLACK late. */
function expectAt(mail: SendItemMailInput | undefined, key: string, at: number): void {
  expect(mail?.step).toBe(key);
  expect(mail?.nowMs).toBeGreaterThanOrEqual(at);
  expect(mail?.nowMs).toBeLessThan(at + SLACK);
}

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

/**
 * The next public-holiday break in the calendar data, at least `fromDays` ahead of the real clock
 * (the server starts there): a run of days off with at least two weekdays in it (Tết 2027 as of
 * 11/2026). null once the data ends: add the next year's calendar (libs/domain).
 */
function nextHolidayBreak(
  fromDays: number,
  horizonDays = 400,
): { first: CivilDate; last: CivilDate } | null {
  let d = addDays(civilDateAt(Date.now()), fromDays);
  for (let i = 0; i < horizonDays; i++, d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) continue;
    let last = d;
    while (!calendar.isWorkingDay(addDays(last, 1))) last = addDays(last, 1);
    let weekdaysOff = 0;
    for (let x = d; x <= last; x = addDays(x, 1)) {
      if (dayOfWeek(x) >= 1 && dayOfWeek(x) <= 5) weekdaysOff++;
    }
    if (weekdaysOff >= 2) return { first: d, last };
    d = last;
  }
  return null;
}
/** Found from the real clock: its test runs first, before any other test moves server time on
 * (the others add up to months of server time). */
const HOLIDAY_BREAK = nextHolidayBreak(21);

describe('item workflow: schedule', () => {
  (HOLIDAY_BREAK ? it : it.skip)(
    `default policy across a holiday break (${HOLIDAY_BREAK ? `${HOLIDAY_BREAK.first}…${HOLIDAY_BREAK.last}` : 'none in the calendar data'}): no mail on a day off, days off not counted`,
    async () => {
      if (!HOLIDAY_BREAK) return;
      const { first, last: lastOff } = HOLIDAY_BREAK;
      const t0 = await env.currentTimeMs();
      // Server time has not moved yet (first test): the whole schedule is ahead.
      // Due two working days after the break: P3D and P7D count back across it.
      const due = dueOn(calendar.addWorkingDays(lastOff, 2));
      const plan = planOf(due, DEFAULT_TEST_POLICY);
      expect(plan.every((s) => s.at > t0)).toBe(true);
      const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
      const wf = itemWorkflowId(input.itemId);
      const handle = await start(input);
      const finalStep = plan[plan.length - 1];
      if (!finalStep) throw new Error('empty plan');
      const weekly = nextWeeklyOverdueReminder(finalStep.at, calendar);
      await sleepUntil(weekly.at + 60_000);

      const mails = await eventually(() => {
        const m = fakes.mailsOf(wf);
        expect(m).toHaveLength(plan.length + 1);
        return m;
      });
      plan.forEach((step, i) => expectAt(mails[i], step.key, step.at));
      expectAt(mails[plan.length], weekly.key, weekly.at);
      // Never on a day off, never inside the break; whole-day steps at 08:00 local.
      for (const m of mails.filter((x) => x.kind !== 'overdue')) {
        expect(calendar.isWorkingDay(localDate(m))).toBe(true);
        expect(localDate(m) < first || localDate(m) > lastOff).toBe(true);
        expect(m.nowMs - instantAt(localDate(m), 8)).toBeLessThan(SLACK);
      }
      // PnD reminders: exactly n working days before the due date, across the break.
      for (const [key, n] of [
        ['remind:P7D', 7],
        ['remind:P3D', 3],
        ['remind:P1D', 1],
        ['remind:P0D', 0],
      ] as const) {
        const m = mails.find((x) => x.step === key);
        expect(calendar.workingDaysBetween(localDate(m), due.date ?? '')).toBe(n);
      }
      const p3d = localDate(mails.find((x) => x.step === 'remind:P3D'));
      expect(p3d < first).toBe(true);
      expect(daysBetween(p3d, due.date ?? '')).toBeGreaterThan(3 + daysBetween(first, lastOff));
      // Escalations n working days after the legal due date.
      expect(
        calendar.workingDaysBetween(
          due.date ?? '',
          localDate(mails.find((x) => x.step === 'escalate:1:P1D')),
        ),
      ).toBe(1);
      expect(
        calendar.workingDaysBetween(
          due.date ?? '',
          localDate(mails.find((x) => x.step === 'escalate:2:P3D')),
        ),
      ).toBe(3);
      await finish(handle);
    },
  );

  it('default policy over weeks: reminders, overdue at the legal due, escalations, then weekly', async () => {
    const t0 = await env.currentTimeMs();
    // A mid-week working day about three weeks ahead, due at 24:00 of that day (+07).
    let date = civilDateAt(t0 + 21 * DAY);
    while (![2, 3, 4].includes(dayOfWeek(date)) || !calendar.isWorkingDay(date)) {
      date = addDays(date, 1);
    }
    const due = dueOn(date);
    expect(due.at).toBe(endOfDay(date));
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const plan = planOf(due, DEFAULT_TEST_POLICY).filter((s) => s.at >= t0);
    const last = plan[plan.length - 1];
    if (!last) throw new Error('empty plan');
    const weekly1 = nextWeeklyOverdueReminder(last.at, calendar);
    const weekly2 = nextWeeklyOverdueReminder(weekly1.at, calendar);
    await sleepUntil(weekly2.at + 60_000);

    const mails = await eventually(() => {
      const m = fakes.mailsOf(wf);
      expect(m.length).toBe(plan.length + 2);
      return m;
    });
    plan.forEach((step, i) => {
      expectAt(mails[i], step.key, step.at);
      expect(mails[i]?.deadlineVersion).toBe(1);
    });
    expect(plan.map((s) => s.key)).toEqual(
      expect.arrayContaining([
        'remind:P3D',
        'remind:P1D',
        'remind:P0D',
        'overdue',
        'escalate:1:P1D',
        'escalate:2:P3D',
      ]),
    );
    // Reminders at 08:00 Asia/Ho_Chi_Minh (01:00Z).
    for (const m of mails.filter((x) => x.kind === 'reminder')) {
      expect(new Date(m.nowMs).getUTCHours()).toBe(1);
    }
    const overdue = mails.find((m) => m.kind === 'overdue');
    expect(overdue?.nowMs).toBeGreaterThanOrEqual(due.at);
    expect(overdue?.recipients).toEqual(['stc@dondoc.local']);
    const escalations = mails.filter((m) => m.kind === 'escalation');
    expect(escalations.map((m) => m.level)).toEqual([1, 2]);
    expect(escalations[0]?.recipients).toEqual([
      'stc-head@dondoc.local',
      'secretariat@dondoc.local',
      'stc@dondoc.local',
    ]);
    expect(escalations[1]?.recipients).toEqual(['head@dondoc.local']);
    const weekly = mails.filter((m) => m.kind === 'weekly_overdue');
    expectAt(weekly[0], weekly1.key, weekly1.at);
    expectAt(weekly[1], weekly2.key, weekly2.at);
    expect(weekly1.key).toBe(`weekly:${civilDateAt(weekly1.at)}`);

    expect(types(wf)).toEqual([
      'created',
      ...plan.map((s) =>
        s.kind === 'reminder' ? 'reminder_sent' : s.kind === 'overdue' ? 'overdue' : 'escalated',
      ),
      'reminder_sent',
      'reminder_sent',
    ]);
    const view = await handle.query(itemStateQuery);
    expect(view).toMatchObject({
      status: 'overdue',
      escalationLevel: 2,
      deadlineVersion: 1,
      seq: plan.length + 3,
    });
    expect(fakes.projections.get(wf)).toMatchObject({
      status: 'overdue',
      version: plan.length + 3,
      escalationLevel: 2,
    });
    expect(fakes.eventsOf(wf).map((e) => e.seq)).toEqual(fakes.eventsOf(wf).map((_, i) => i + 1));
    await finish(handle);
  });

  it('a Sunday deadline: reminders P1D+P0D merged on Friday, overdue only at the end of Monday', async () => {
    // The next ordinary weekend (Friday and Monday working days) whose whole schedule is ahead.
    const t0 = await env.currentTimeMs();
    let sunday = civilDateAt(t0 + 7 * DAY);
    while (
      dayOfWeek(sunday) !== 0 ||
      calendar.isWorkingDay(sunday) ||
      !calendar.isWorkingDay(addDays(sunday, -2)) ||
      !calendar.isWorkingDay(addDays(sunday, 1)) ||
      planOf(dueOn(sunday), DEFAULT_TEST_POLICY).some((s) => s.at <= t0 + HOUR)
    ) {
      sunday = addDays(sunday, 1);
    }
    const friday = addDays(sunday, -2);
    const monday = addDays(sunday, 1);
    const due = dueOn(sunday);
    // BLDS art. 148(5): a period ending on a day off ends at the end of the next working day.
    expect(due.at).toBe(endOfDay(monday));
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const plan = planOf(due, DEFAULT_TEST_POLICY);

    // End of the literal Sunday, and Monday morning: still open, nothing new.
    await sleepUntil(instantAt(monday, 9));
    const monday9 = await handle.query(itemStateQuery);
    expect(monday9.status).toBe('open');
    expect(monday9.doneSteps).toEqual(['remind:P7D', 'remind:P3D', 'remind:P1D', 'remind:P0D']);
    expect(steps(wf)).toEqual(['remind:P7D@1', 'remind:P3D@1', 'remind:P1D@1']);

    await sleepUntil(plan[plan.length - 1]!.at + 60_000);
    const mails = await eventually(() => {
      const m = fakes.mailsOf(wf);
      expect(m.map((x) => x.step)).toEqual(plan.map((s) => s.key));
      return m;
    });
    plan.forEach((step, i) => expectAt(mails[i], step.key, step.at));
    // One mail on Friday for both P1D and P0D, none on Monday.
    const merged = mails.filter((m) => localDate(m) === friday);
    expect(merged.map((m) => m.step)).toEqual(['remind:P1D']);
    expect(mails.filter((m) => m.kind === 'reminder' && localDate(m) === monday)).toEqual([]);
    expect(fakes.eventsOf(wf).find((e) => e.detail?.step === 'remind:P1D')?.detail).toMatchObject({
      mergedSteps: ['remind:P0D'],
    });
    expectAt(
      mails.find((m) => m.kind === 'overdue'),
      'overdue',
      endOfDay(monday),
    );
    expect(localDate(mails.find((m) => m.step === 'escalate:1:P1D'))).toBe(
      calendar.addWorkingDays(monday, 1),
    );
    expect(localDate(mails.find((m) => m.step === 'escalate:2:P3D'))).toBe(
      calendar.addWorkingDays(monday, 3),
    );
    expect(types(wf)).toEqual([
      'created',
      'reminder_sent',
      'reminder_sent',
      'reminder_sent',
      'overdue',
      'escalated',
      'escalated',
    ]);
    await finish(handle);
  });

  it('sub-day policy PT100S/PT60S/PT30S: exact instants', async () => {
    const due = await dueIn(200);
    const input = itemInput(due, { policy: SUB_DAY_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 90_000);
    const expected = [
      ['remind:PT100S', due.at - 100_000],
      ['remind:PT60S', due.at - 60_000],
      ['remind:PT30S', due.at - 30_000],
      ['overdue', due.at],
      ['escalate:1:PT30S', due.at + 30_000],
      ['escalate:2:PT60S', due.at + 60_000],
    ] as const;
    const mails = await eventually(() => {
      const m = fakes.mailsOf(wf);
      expect(m).toHaveLength(expected.length);
      return m;
    });
    expected.forEach(([key, at], i) => expectAt(mails[i], key, at));
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
    expect(view.doneSteps).toEqual(
      expect.arrayContaining(['remind:PT100S', 'escalate:1:PT30S', 'escalate:2:PT60S', 'overdue']),
    );
    await finish(handle);
  });

  it('an item without a deadline sends nothing and still answers; 30 days pass in well under a second', async () => {
    const input = itemInput(null);
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await eventually(() => expect(types(wf)).toEqual(['created']));
    const t0 = await env.currentTimeMs();
    const startedAt = performance.now();
    await env.sleep(30 * DAY);
    const realMs = performance.now() - startedAt;
    expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(t0 + 30 * DAY);
    expect(realMs).toBeLessThan(1000);
    const view = await handle.executeUpdate(reportProgressUpdate, {
      args: [{ actor: STC_USER, note: 'Đang làm', percent: 10 }],
    });
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
    await eventually(() => expect(steps(wf)).toEqual(['remind:PT60S@1', 'overdue@1']));
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
    const submitted = await handle.executeUpdate(submitUpdate, {
      args: [{ actor: STC_USER, note: 'Đã trình UBND tỉnh' }],
    });
    expect(submitted.status).toBe('submitted');
    const done = await handle.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] });
    expect(done).toMatchObject({ status: 'completed', completedLate: false });
    const result = await resultOf(env, handle);
    expect(result.status).toBe('completed');
    expect(types(wf)).toEqual(['created', 'progress_reported', 'submitted', 'completed']);
    expect(fakes.eventsOf(wf)[3]?.detail).toMatchObject({
      late: false,
      lateVsOriginal: false,
      lateVsAdjusted: false,
    });
    expect(fakes.projections.get(wf)).toMatchObject({
      status: 'completed',
      completedLate: false,
      version: 4,
    });
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
    const submitted = await handle.executeUpdate(submitUpdate, {
      args: [{ actor: STC_USER, note: 'Xong' }],
    });
    expect(submitted.status).toBe('submitted');
    const done = await handle.executeUpdate(acceptUpdate, {
      args: [{ actor: SECRETARIAT, note: 'Đạt' }],
    });
    expect(done).toMatchObject({ status: 'completed', completedLate: true });
    expect(fakes.eventsOf(wf).at(-1)?.detail).toMatchObject({ late: true, lateVsOriginal: true });
    await resultOf(env, handle);
  });

  it('validators reject without recording anything, with the domain’s messages', async () => {
    const due = await dueIn(600);
    const input = itemInput(due);
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await handle.query(itemStateQuery);
    await eventually(() => expect(types(wf)).toEqual(['created']));
    const history0 = (await handle.fetchHistory()).events?.length ?? 0;

    const notSubmitted = await rejection(
      handle.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] }),
    );
    expect(notSubmitted.type).toBe(UPDATE_REJECTION.invalidTransition);
    expect(notSubmitted.message).toBe('Không thể xác nhận hoàn thành khi nhiệm vụ đang thực hiện.');
    const badPercent = await rejection(
      handle.executeUpdate(reportProgressUpdate, {
        args: [{ actor: STC_USER, note: 'x', percent: 120 }],
      }),
    );
    expect(badPercent.type).toBe(UPDATE_REJECTION.invalidCommand);
    expect(badPercent.message).toContain('0 đến 100');
    const earlier = await rejection(
      handle.executeUpdate(requestExtensionUpdate, {
        args: [
          {
            actor: STC_USER,
            requestId: 'r0',
            due: { date: null, at: due.at - 1000 },
            reason: 'Cần thêm thời gian',
          },
        ],
      }),
    );
    expect(earlier.type).toBe(UPDATE_REJECTION.invalidCommand);
    const unknown = await rejection(
      handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actor: SECRETARIAT, requestId: 'nope', approve: true }],
      }),
    );
    expect(unknown.type).toBe(UPDATE_REJECTION.notFound);
    const sameLead = await rejection(
      handle.executeUpdate(reassignUpdate, { args: [{ actor: SECRETARIAT, lead: input.lead }] }),
    );
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

  it('return brings a submission back to open before the due, to overdue after it, weekly reminders from the return', async () => {
    const due = await dueIn(300);
    const input = itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await handle.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Xong' }] });
    const back = await handle.executeUpdate(returnUpdate, {
      args: [{ actor: SECRETARIAT, reason: 'Thiếu số liệu' }],
    });
    expect(back.status).toBe('open');
    await handle.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Bổ sung' }] });
    // The due passes while submitted: no overdue notice, status stays submitted.
    await sleepUntil(due.at + 30_000);
    const whileSubmitted = await handle.query(itemStateQuery);
    expect(whileSubmitted).toMatchObject({ status: 'submitted', doneSteps: ['overdue'] });
    const late = await handle.executeUpdate(returnUpdate, {
      args: [{ actor: SECRETARIAT, reason: 'Vẫn thiếu' }],
    });
    expect(late.status).toBe('overdue');
    const returnedAt = fakes.eventsOf(wf).at(-1)?.at ?? NaN;
    await eventually(() => expect(steps(wf)).toEqual(['returned-3@1', 'returned-5@1']));
    expect(fakes.mailsOf(wf).every((m) => m.kind === 'returned')).toBe(true);
    expect(fakes.mailsOf(wf)[0]?.reason).toBe('Thiếu số liệu');
    expect(types(wf)).toEqual(['created', 'submitted', 'returned', 'submitted', 'returned']);
    // Overdue again: the weekly reminder counts from the return, not from the missed due.
    const weekly = nextWeeklyOverdueReminder(returnedAt, calendar);
    await sleepUntil(weekly.at + 60_000);
    await eventually(() =>
      expect(steps(wf)).toEqual(['returned-3@1', 'returned-5@1', `${weekly.key}@1`]),
    );
    expectAt(fakes.mailsOf(wf)[2], weekly.key, weekly.at);
    await finish(handle);
  });

  it('extension approved: due moves, original kept, re-planned with a new deadline version', async () => {
    const policy = { remindBefore: ['PT1H'], escalateAfter: ['PT30S'] };
    const due = await dueIn(3 * 3600);
    const input = itemInput(due, { policy });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    // 50 minutes of server time before the due for the commands below (they run in real time).
    await sleepUntil(due.at - 50 * 60_000);
    await eventually(() => expect(steps(wf)).toEqual(['remind:PT1H@1']));
    const newDue = await dueIn(6 * 3600);
    const req = {
      actor: STC_USER,
      requestId: 'ext-1',
      due: newDue,
      reason: 'Chờ ý kiến Bộ Tài chính',
    };
    const pending = await handle.executeUpdate(requestExtensionUpdate, { args: [req] });
    expect(pending.pendingExtension).toMatchObject({
      id: 'ext-1',
      due: newDue,
      requestedBy: 'stc@dondoc.local',
    });
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
    expect(approved).toMatchObject({
      status: 'open',
      due: newDue,
      originalDue: due,
      deadlineVersion: 2,
      pendingExtension: null,
      doneSteps: [],
    });
    // A retried decision is a no-op too.
    const twice = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'ext-1', approve: true }],
    });
    expect(twice.seq).toBe(approved.seq);

    // The old due passes without an overdue mark; the new schedule runs from the new due.
    await sleepUntil(due.at + HOUR);
    expect((await handle.query(itemStateQuery)).status).toBe('open');
    await sleepUntil(newDue.at + 40_000);
    await eventually(() =>
      expect(steps(wf)).toEqual([
        'remind:PT1H@1',
        'extension-ext-1@2',
        'remind:PT1H@2',
        'overdue@2',
        'escalate:1:PT30S@2',
      ]),
    );
    const mails = fakes.mailsOf(wf);
    expectAt(mails[2], 'remind:PT1H', newDue.at - HOUR);
    expectAt(mails[3], 'overdue', newDue.at);
    expectAt(mails[4], 'escalate:1:PT30S', newDue.at + 30_000);
    expect(mails[1]).toMatchObject({ kind: 'extension_approved', due: newDue, previousDue: due });
    expect(mails[3]?.due).toEqual(newDue);
    expect(types(wf)).toEqual([
      'created',
      'reminder_sent',
      'extension_requested',
      'extension_approved',
      'reminder_sent',
      'overdue',
      'escalated',
    ]);
    expect(fakes.eventsOf(wf)[3]?.detail).toMatchObject({
      from: due,
      to: newDue,
      originalDue: due,
      deadlineVersion: 2,
    });
    expect(fakes.projections.get(wf)).toMatchObject({
      dueAt: newDue.at,
      originalDueAt: due.at,
      status: 'overdue',
    });
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
    await ask('a', 3600);
    const rejected = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'a', approve: false, reason: 'Không đủ căn cứ' }],
    });
    expect(rejected).toMatchObject({
      status: 'overdue',
      due,
      deadlineVersion: 1,
      pendingExtension: null,
    });
    await ask('b', 3600);
    const approved = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'b', approve: true }],
    });
    expect(approved).toMatchObject({ status: 'open', deadlineVersion: 2, originalDue: due });
    await eventually(() =>
      expect(steps(wf)).toEqual(['overdue@1', 'extension-a@1', 'extension-b@2']),
    );
    expect(fakes.mailsOf(wf).map((m) => m.kind)).toEqual([
      'overdue',
      'extension_rejected',
      'extension_approved',
    ]);
    await finish(handle);
  });

  it('reassign: the new lead gets the mail from then on', async () => {
    // An hour of server time before the first reminder for the reassignment (real time).
    const due = await dueIn(2 * 3600);
    const input = itemInput(due, { policy: { remindBefore: ['PT1H'], escalateAfter: ['PT30S'] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const view = await handle.executeUpdate(reassignUpdate, {
      args: [{ actor: SECRETARIAT, lead: SXD, reason: 'Đúng chức năng' }],
    });
    expect(view.lead.code).toBe('SXD');
    await sleepUntil(due.at + 40_000);
    await eventually(() =>
      expect(steps(wf)).toEqual([
        'reassigned-2@1',
        'remind:PT1H@1',
        'overdue@1',
        'escalate:1:PT30S@1',
      ]),
    );
    const [notice, reminder, overdue, escalation] = fakes.mailsOf(wf);
    expect(notice?.recipients).toEqual(['sxd@dondoc.local']);
    expect(notice?.previousLeadName).toBe('Sở Tài chính');
    expect(notice?.item.leadName).toBe('Sở Xây dựng');
    expect(reminder?.recipients).toEqual(['sxd@dondoc.local']);
    expect(reminder?.item.leadName).toBe('Sở Xây dựng');
    expect(overdue?.recipients).toEqual(['sxd@dondoc.local']);
    expect(escalation?.recipients).toEqual([
      'sxd-head@dondoc.local',
      'secretariat@dondoc.local',
      'sxd@dondoc.local',
    ]);
    expect(fakes.mailsOf(wf).flatMap((m) => m.recipients)).not.toContain('stc@dondoc.local');
    expect(fakes.eventsOf(wf)[1]).toMatchObject({
      type: 'reassigned',
      detail: { from: 'STC', to: 'SXD' },
    });
    expect(fakes.projections.get(wf)?.leadCode).toBe('SXD');
    await finish(handle);
  });

  it('cancel: nothing more is sent and the workflow completes', async () => {
    // After the first reminder the next step is an hour of server time away: room for the cancel.
    const due = await dueIn(3 * 3600);
    const input = itemInput(due, {
      policy: { remindBefore: ['PT2H', 'PT1H'], escalateAfter: ['PT1H'] },
    });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at - 2 * HOUR + 60_000);
    await eventually(() => expect(steps(wf)).toEqual(['remind:PT2H@1']));
    const cancelled = await handle.executeUpdate(cancelUpdate, {
      args: [{ actor: SECRETARIAT, reason: 'Không còn phù hợp' }],
    });
    expect(cancelled.status).toBe('cancelled');
    const result = await resultOf(env, handle);
    expect(result.status).toBe('cancelled');
    // Past every step it had (and a weekly reminder): nothing more.
    await env.sleep(30 * DAY);
    expect(steps(wf)).toEqual(['remind:PT2H@1']);
    expect(types(wf)).toEqual(['created', 'reminder_sent', 'cancelled']);
    expect(fakes.projections.get(wf)).toMatchObject({ status: 'cancelled', version: 3 });
  });
});
