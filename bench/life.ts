/**
 * `npm run bench -- life`: the Temporal history of one item over its whole default life (issue
 * 10, bench 6), on the time-skipping server with the real workflow code: assigned three weeks
 * ahead with the default reminder plan (P7D, P3D, P1D, P0D; escalations P1D, P3D), a progress
 * report on the way, past its deadline (overdue, both escalations, the weekly reminders), then
 * reported complete 20 days late and accepted. The activities are the in-memory fakes of the
 * workflow tests: what they do does not change the events the workflow records.
 *
 * Prints the events by type and `RESULT life events=… activities=… local_activities=… timers=…
 * workflow_tasks=… goal=100`; since ADR 0028 each step is one local activity (a marker). No baseline: the figure is exact, not a time, so it does not move with the load.
 */
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  acceptUpdate,
  itemWorkflowId,
  reportProgressUpdate,
  submitUpdate,
  type DueSpec,
} from '../libs/contracts/src';
import {
  addDays,
  civilDateAt,
  dayOfWeek,
  resolveDue,
  vnPublicSectorCalendar as calendar,
} from '../libs/domain/src';
import type { itemWorkflow } from '../workflows/item.workflow';
import {
  createTestEnv,
  DEFAULT_TEST_POLICY,
  FakeActivities,
  itemInput,
  resultOf,
  runWithItemWorker,
  SECRETARIAT,
  STC_USER,
} from '../workflows/test/harness';

const DAY = 86_400_000;
/** The goal for a whole default life. */
const GOAL = 100;

/** Event type numbers → their names ("TIMER_STARTED"). */
const EVENT_NAMES = new Map<number, string>(
  Object.entries(temporal.api.enums.v1.EventType).map(([name, n]) => [
    Number(n),
    name.replace(/^EVENT_TYPE_/, ''),
  ]),
);

export async function runLifeBench(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const env = await createTestEnv();
  try {
    const history = await runWithItemWorker(env, new FakeActivities(), async (taskQueue) => {
      const t0 = await env.currentTimeMs();
      // A Wednesday that is a working day, three weeks on: every reminder falls on its own day.
      let date = civilDateAt(t0 + 21 * DAY);
      while (dayOfWeek(date) !== 3 || !calendar.isWorkingDay(date)) date = addDays(date, 1);
      const due: DueSpec = { date, at: resolveDue(date, calendar).dueAt };
      const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
      const handle = await env.client.workflow.start<typeof itemWorkflow>('itemWorkflow', {
        taskQueue,
        workflowId: itemWorkflowId(input.itemId),
        args: [input],
      });
      await env.sleep(10 * DAY);
      await handle.executeUpdate(reportProgressUpdate, {
        args: [{ actor: STC_USER, note: 'Đang tổng hợp', percent: 40 }],
      });
      await env.sleep(due.at + 20 * DAY - (await env.currentTimeMs()));
      await handle.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Đã xong' }] });
      await handle.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] });
      await resultOf(env, handle);
      return handle.fetchHistory();
    });
    const byType = new Map<string, number>();
    for (const e of history.events ?? []) {
      const name = EVENT_NAMES.get(Number(e.eventType)) ?? String(e.eventType);
      byType.set(name, (byType.get(name) ?? 0) + 1);
    }
    const count = (name: string): number => byType.get(name) ?? 0;
    const localActivities = (history.events ?? []).filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    ).length;
    for (const [name, n] of [...byType].sort((a, b) => b[1] - a[1])) {
      console.log(`${String(n).padStart(4)}  ${name}`);
    }
    const events = history.events?.length ?? 0;
    console.log(
      `RESULT life events=${events} activities=${count('ACTIVITY_TASK_SCHEDULED')} ` +
        `local_activities=${localActivities} timers=${count('TIMER_STARTED')} ` +
        `workflow_tasks=${count('WORKFLOW_TASK_COMPLETED')} ` +
        `updates=${count('WORKFLOW_EXECUTION_UPDATE_COMPLETED')} goal=${GOAL}`,
    );
  } finally {
    await env.teardown();
  }
}
