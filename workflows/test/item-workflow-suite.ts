/**
 * The item workflow on the time-skipping server, shared by the workflow specs: a test server and
 * a worker (createItemWorker, in-memory fake activities) per spec file, and the helpers that
 * start items, move server time and read what the fakes recorded. Not workflow code.
 */
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createItemWorker } from '../../apps/worker/src/item-worker';
import {
  cancelUpdate,
  itemWorkflowId,
  type DueSpec,
  type ItemWorkflowInput,
  type ReminderPolicy,
  type SendItemMailInput,
} from '../../libs/contracts/src';
import {
  addDays,
  civilDateAt,
  dayOfWeek,
  planSchedule,
  resolveDue,
  vnPublicSectorCalendar as calendar,
  type CivilDate,
  type ScheduleStep,
} from '../../libs/domain/src';
import type { itemWorkflow } from '../item.workflow';
import { createTestEnv, FakeActivities, resultOf, SECRETARIAT } from './harness';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/**
 * A step's mail goes out at its instant (workflow time), give or take the workflow and activity
 * tasks it takes, which run in real time on a possibly loaded machine. Well below the smallest
 * gap between two steps in these tests (30 s), so a mail cannot pass for the next step's.
 */
export const SLACK = 10_000;

export interface ItemWorkflowSuite {
  /** The test environment (set once beforeAll has run). */
  readonly env: TestWorkflowEnvironment;
  readonly fakes: FakeActivities;
  start(input: ItemWorkflowInput): Promise<WorkflowHandle<typeof itemWorkflow>>;
  /** Advances server time to `at` (epoch ms). */
  sleepUntil(at: number): Promise<void>;
  /** An exact-instant deadline `seconds` from now (server time). */
  dueIn(seconds: number): Promise<DueSpec>;
  /**
   * Ends a test's workflow cleanly (cancel update, then its result) instead of terminating it:
   * terminating while an activity is in flight can leave the Java test server's time-skipping
   * lock held, and every later env.sleep() then runs in real time. The result is awaited without
   * time skipping (resultOf), so server time moves only by the tests' own sleeps.
   */
  finish(handle: WorkflowHandle<typeof itemWorkflow>): Promise<void>;
  /** '<step>@<deadlineVersion>' of every mail of a workflow, in order. */
  steps(workflowId: string): string[];
  /** The types of the events a workflow recorded, in order. */
  types(workflowId: string): string[];
}

/** Registers beforeAll/afterAll for a test server and a worker; call at a spec's top level. */
export function useItemWorkflowSuite(): ItemWorkflowSuite {
  let env: TestWorkflowEnvironment | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const fakes = new FakeActivities();
  const taskQueue = `items-${randomUUID()}`;
  const envOf = (): TestWorkflowEnvironment => {
    if (!env) throw new Error('the time-skipping environment is not started yet');
    return env;
  };

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

  return {
    get env() {
      return envOf();
    },
    fakes,
    start: (input) =>
      envOf().client.workflow.start<typeof itemWorkflow>('itemWorkflow', {
        taskQueue,
        workflowId: itemWorkflowId(input.itemId),
        args: [input],
      }),
    sleepUntil: async (at) => {
      const ms = at - (await envOf().currentTimeMs());
      if (ms > 0) await envOf().sleep(ms);
    },
    dueIn: async (seconds) => ({
      date: null,
      at: (await envOf().currentTimeMs()) + seconds * 1000,
    }),
    finish: async (handle) => {
      await handle.executeUpdate(cancelUpdate, {
        args: [{ actor: SECRETARIAT, reason: 'Kết thúc kiểm thử' }],
      });
      await resultOf(envOf(), handle);
    },
    steps: (wf) => fakes.mailsOf(wf).map((m) => `${m.step}@${m.deadlineVersion}`),
    types: (wf) => fakes.eventsOf(wf).map((e) => e.type),
  };
}

/** A whole-day deadline as the API resolves it: end of the day, moved past days off. */
export function dueOn(date: CivilDate): DueSpec {
  return { date, at: resolveDue(date, calendar).dueAt };
}

/** The domain's schedule for a deadline (what the workflow must follow). */
export function planOf(due: DueSpec, policy: ReminderPolicy): ScheduleStep[] {
  return planSchedule({
    dueAt: due.at,
    ...(due.date === null ? {} : { dueDate: due.date }),
    policy,
    calendar,
  });
}

export const localDate = (m: SendItemMailInput | undefined): CivilDate =>
  civilDateAt(m?.nowMs ?? NaN);

/** Each mail went out at its instant: never early, at most SLACK late. */
export function expectAt(mail: SendItemMailInput | undefined, key: string, at: number): void {
  expect(mail?.step).toBe(key);
  expect(mail?.nowMs).toBeGreaterThanOrEqual(at);
  expect(mail?.nowMs).toBeLessThan(at + SLACK);
}

export async function rejection(p: Promise<unknown>): Promise<ApplicationFailure> {
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
export function nextHolidayBreak(
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
