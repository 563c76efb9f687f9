/**
 * Records the histories the replay test (workflows/replay.spec.ts) replays. Run it after a
 * deliberate, *compatible* change and commit the JSON files it writes:
 *
 *   TZ=UTC node -r ts-node/register/transpile-only workflows/test/record-histories.ts
 *
 * Without arguments it records only the scenarios that have no history yet; name scenarios to
 * record them again. Never re-record to make a failing replay pass: a failing replay means the
 * new code would break running items. Guard the change with `patched('<id>')` (old path when false), keep the
 * old histories, and add new ones recorded with the patch.
 *
 * Uses the time-skipping server (provisioned by scripts/provision.sh, or TEMPORAL_TEST_SERVER_PATH)
 * and the in-memory activity fakes of harness.ts.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  acceptUpdate,
  cancelUpdate,
  changeDeadlineUpdate,
  decideExtensionUpdate,
  itemWorkflowId,
  reassignUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnUpdate,
  submitUpdate,
  type DueSpec,
  type ItemWorkflowInput,
} from '../../libs/contracts/src';
import {
  addDays,
  civilDateAt,
  dayOfWeek,
  endOfDay,
  instantAt,
  nextWeeklyOverdueReminder,
  resolveDue,
  vnPublicSectorCalendar as calendar,
  type CivilDate,
} from '../../libs/domain/src';
import type { itemWorkflow } from '../item.workflow';
import { historyToFileJSON } from './history-files';
import {
  createTestEnv,
  DEFAULT_TEST_POLICY,
  FakeActivities,
  itemInput,
  resultOf,
  runWithItemWorker,
  SECRETARIAT,
  STC,
  STC_USER,
  SUB_DAY_POLICY,
  SXD,
} from './harness';

const DAY = 86_400_000;
export const HISTORIES_DIR = join(__dirname, 'histories');

type Handle = WorkflowHandle<typeof itemWorkflow>;
interface Scenario {
  readonly name: string;
  run(
    env: TestWorkflowEnvironment,
    start: (input: ItemWorkflowInput) => Promise<Handle>,
    fakes: FakeActivities,
  ): Promise<Handle>;
}

async function sleepUntil(env: TestWorkflowEnvironment, at: number): Promise<void> {
  const ms = at - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

/** A whole-day deadline as the API resolves it. */
const dueOn = (date: CivilDate): DueSpec => ({ date, at: resolveDue(date, calendar).dueAt });

/** The first day from `from` on that satisfies `ok`. */
function firstDay(from: CivilDate, ok: (d: CivilDate) => boolean): CivilDate {
  let d = from;
  while (!ok(d)) d = addDays(d, 1);
  return d;
}

const cancel = async (env: TestWorkflowEnvironment, h: Handle) => {
  await h.executeUpdate(cancelUpdate, {
    args: [{ actor: SECRETARIAT, reason: 'Kết thúc ghi lịch sử' }],
  });
  await resultOf(env, h);
};

/** A monthly report whose first period is accepted; its next run is cancelled at once. */
const recurringPeriod: Scenario['run'] = async (env, start) => {
  const t0 = await env.currentTimeMs();
  const day = Number(civilDateAt(t0 + 10 * DAY).slice(8, 10));
  const first = firstDay(civilDateAt(t0 + 10 * DAY), (d) => calendar.isWorkingDay(d));
  const h = await start(
    itemInput(dueOn(first), {
      policy: DEFAULT_TEST_POLICY,
      recurrence: { frequency: 'monthly', day: Math.min(day, 28) },
    }),
  );
  const firstRunId = (await h.describe()).runId;
  await sleepUntil(env, instantAt(addDays(first, -1), 10));
  await h.executeUpdate(submitUpdate, {
    args: [{ actor: STC_USER, note: 'Đã báo cáo tháng' }],
  });
  await h.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] });
  const latest = env.client.workflow.getHandle<typeof itemWorkflow>(h.workflowId);
  // The next period is a new run: wait for it before acting on it.
  while ((await latest.describe()).runId === firstRunId) await env.sleep(1000);
  await cancel(env, latest);
  return env.client.workflow.getHandle<typeof itemWorkflow>(h.workflowId, firstRunId);
};

/** Created 100 s past its due with both escalations already past; cancelled a minute later. */
const enteredLate: Scenario['run'] = async (env, start) => {
  const now = await env.currentTimeMs();
  const due: DueSpec = { date: null, at: now - 100_000 };
  const h = await start(
    itemInput(due, { policy: { remindBefore: ['PT100S'], escalateAfter: ['PT30S', 'PT60S'] } }),
  );
  await sleepUntil(env, now + 60_000);
  await cancel(env, h);
  return h;
};

const scenarios: Scenario[] = [
  {
    // Default policy over weeks: 4 reminders, overdue, escalations 1 and 2, weekly reminders, progress.
    name: 'default-policy-escalation',
    async run(env, start) {
      const t0 = await env.currentTimeMs();
      const date = firstDay(
        civilDateAt(t0 + 21 * DAY),
        (d) => dayOfWeek(d) === 3 && calendar.isWorkingDay(d),
      );
      const due = dueOn(date);
      const h = await start(itemInput(due, { policy: DEFAULT_TEST_POLICY }));
      await env.sleep(10 * DAY);
      await h.executeUpdate(reportProgressUpdate, {
        args: [{ actor: STC_USER, note: 'Đang tổng hợp', percent: 40 }],
      });
      await sleepUntil(env, due.at + 20 * DAY);
      await cancel(env, h);
      return h;
    },
  },
  {
    // Sub-day policy; extension requested (twice, idempotent), approved, re-planned; submit, accept.
    name: 'extension-approved-completed',
    async run(env, start) {
      const now = await env.currentTimeMs();
      const due: DueSpec = { date: null, at: now + 300_000 };
      const h = await start(itemInput(due, { policy: SUB_DAY_POLICY }));
      await sleepUntil(env, due.at - 50_000);
      const req = {
        actor: STC_USER,
        requestId: 'ext-1',
        due: { date: null, at: now + 1_000_000 },
        reason: 'Chờ ý kiến Bộ',
      };
      await h.executeUpdate(requestExtensionUpdate, { args: [req] });
      await h.executeUpdate(requestExtensionUpdate, { args: [req] });
      await h.executeUpdate(decideExtensionUpdate, {
        args: [{ actor: SECRETARIAT, requestId: 'ext-1', approve: true }],
      });
      await sleepUntil(env, now + 1_000_000 + 40_000);
      await h.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Đã hoàn thành' }] });
      await h.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] });
      await resultOf(env, h);
      return h;
    },
  },
  {
    // Reassign, a rejected update (validator), a reminder to the new lead, then cancel.
    name: 'reassign-cancel',
    async run(env, start) {
      const due: DueSpec = { date: null, at: (await env.currentTimeMs()) + 200_000 };
      const h = await start(itemInput(due, { policy: SUB_DAY_POLICY }));
      await h.executeUpdate(reassignUpdate, {
        args: [{ actor: SECRETARIAT, lead: SXD, reason: 'Đúng chức năng' }],
      });
      await h
        .executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] })
        .catch(() => undefined);
      await sleepUntil(env, due.at - 70_000);
      await cancel(env, h);
      return h;
    },
  },
  {
    // A Sunday deadline (legal due: end of Monday): P1D and P0D merged into one Friday reminder;
    // submitted on Friday, so the overdue mark is skipped; returned after the due: overdue again,
    // escalations, then a weekly reminder.
    name: 'sunday-merged-return-weekly',
    async run(env, start) {
      const t0 = await env.currentTimeMs();
      const sunday = firstDay(
        civilDateAt(t0 + 14 * DAY),
        (d) =>
          dayOfWeek(d) === 0 &&
          !calendar.isWorkingDay(d) &&
          calendar.isWorkingDay(addDays(d, -2)) &&
          calendar.isWorkingDay(addDays(d, 1)),
      );
      const [friday, monday] = [addDays(sunday, -2), addDays(sunday, 1)];
      const h = await start(itemInput(dueOn(sunday), { policy: DEFAULT_TEST_POLICY }));
      await sleepUntil(env, instantAt(friday, 10));
      await h.executeUpdate(submitUpdate, {
        args: [{ actor: STC_USER, note: 'Đã trình UBND tỉnh' }],
      });
      await sleepUntil(env, endOfDay(monday) + 2 * 3600_000);
      await h.executeUpdate(returnUpdate, {
        args: [{ actor: SECRETARIAT, reason: 'Thiếu số liệu' }],
      });
      // Escalations 1 and 2 follow (overdue again); the weekly reminder counts from the last one.
      const weekly = nextWeeklyOverdueReminder(
        instantAt(calendar.addWorkingDays(monday, 3), 8),
        calendar,
      );
      await sleepUntil(env, weekly.at + 60_000);
      await cancel(env, h);
      return h;
    },
  },
  {
    // A monthly report: the first period is submitted and accepted, the workflow opens the next
    // period (patch 'recurring-periods') and continues as new. The recorded history is the first run's.
    name: 'recurring-monthly-period',
    run: recurringPeriod,
  },
  {
    // The same since the patch 'period-mail': the next period's mails go out before
    // continue-as-new.
    name: 'period-mail',
    run: recurringPeriod,
  },
  {
    // Patch 'mail-delivery-faults' (ADR 0018): the mail activity fails (ours) while both reminders
    // fall due and a reassignment queues its notice; the overdue mark and escalation 1 happen on
    // time meanwhile (projection first, events once the mails settle); the new lead's head
    // rejects escalation 1 for good, so the secretariat is told.
    name: 'mail-fault-apart',
    async run(env, start, fakes) {
      const now = await env.currentTimeMs();
      const due: DueSpec = { date: null, at: now + 300_000 };
      fakes.failMailUntil = now + 320_000;
      fakes.bounce.add('sxd-head@dondoc.local');
      const h = await start(
        itemInput(due, {
          policy: { remindBefore: ['PT200S', 'PT100S'], escalateAfter: ['PT10S'] },
        }),
      );
      await sleepUntil(env, now + 150_000);
      await h.executeUpdate(reassignUpdate, {
        args: [{ actor: SECRETARIAT, lead: SXD, reason: 'Đúng chức năng' }],
      });
      await sleepUntil(env, due.at + 120_000);
      fakes.failMailUntil = null;
      fakes.bounce.delete('sxd-head@dondoc.local');
      await cancel(env, h);
      return h;
    },
  },
  {
    // Patch 'assignment-mail' (ADR 0024): a new item with a co-ordinating agency; the lead's
    // assignment mail and the copy go out at the start (the 'created' event pending, then
    // delivered), a progress report, the first reminder, then cancel.
    name: 'assignment-mail',
    async run(env, start) {
      const due: DueSpec = { date: null, at: (await env.currentTimeMs()) + 200_000 };
      const h = await start(
        itemInput(due, {
          support: [SXD],
          noticeIssuedOn: '2026-11-20',
          policy: { remindBefore: ['PT100S'], escalateAfter: [] },
        }),
      );
      await h.executeUpdate(reportProgressUpdate, {
        args: [{ actor: STC_USER, note: 'Đã phân công', percent: 10 }],
      });
      await sleepUntil(env, due.at - 50_000);
      await cancel(env, h);
      return h;
    },
  },
  {
    // Patch 'closing-mail' (ADR 0027): an item with a co-ordinating agency is submitted and
    // accepted; the closing mail ('completed', withdrawing the calendar event) goes to both.
    name: 'closing-mail-completed',
    async run(env, start) {
      const due: DueSpec = { date: null, at: (await env.currentTimeMs()) + 200_000 };
      const h = await start(
        itemInput(due, { support: [SXD], policy: { remindBefore: ['PT100S'], escalateAfter: [] } }),
      );
      await h.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Đã trình' }] });
      await h.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] });
      await resultOf(env, h);
      return h;
    },
  },
  {
    // Patch 'late-escalation': created 100 s past its due with both escalations already past:
    // the assignment, the overdue mark and the last escalation (level 2) at once; then cancel.
    name: 'late-escalation',
    run: enteredLate,
  },
  {
    // Patch 'escalation-catch-up': as 'late-escalation', and the level the owed escalation passes
    // over (1) goes out with it, lowest first; then cancel.
    name: 'escalation-catch-up',
    run: enteredLate,
  },
  {
    // The 'changeDeadline' update (issue 8): the secretariat moves the deadline without a
    // request; a new deadline version, its mail (with the invite), the new plan's reminder.
    name: 'deadline-change',
    async run(env, start) {
      const now = await env.currentTimeMs();
      const due: DueSpec = { date: null, at: now + 200_000 };
      const h = await start(
        itemInput(due, { policy: { remindBefore: ['PT100S'], escalateAfter: [] } }),
      );
      await h.executeUpdate(changeDeadlineUpdate, {
        args: [{ actor: SECRETARIAT, due: { date: null, at: now + 400_000 }, reason: 'Nhập nhầm' }],
      });
      await sleepUntil(env, now + 320_000);
      await cancel(env, h);
      return h;
    },
  },
  {
    // Patch 'closing-mail' (ADR 0027): cancelled after a reminder; the 'cancelled' mail says why.
    name: 'closing-mail-cancelled',
    async run(env, start) {
      const due: DueSpec = { date: null, at: (await env.currentTimeMs()) + 200_000 };
      const h = await start(
        itemInput(due, { policy: { remindBefore: ['PT150S'], escalateAfter: [] } }),
      );
      await sleepUntil(env, due.at - 100_000);
      await cancel(env, h);
      return h;
    },
  },
  {
    // Patch 'extension-request-mail': the secretariat is mailed each request (a retried one
    // once); the first rejected, the second dropped by a cancel.
    name: 'extension-request-mail',
    async run(env, start) {
      const now = await env.currentTimeMs();
      const due: DueSpec = { date: null, at: now + 300_000 };
      const h = await start(itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } }));
      const ask = (requestId: string) => ({
        actor: STC_USER,
        requestId,
        due: { date: null, at: now + 900_000 },
        reason: 'Chờ ý kiến Bộ',
      });
      await h.executeUpdate(requestExtensionUpdate, { args: [ask('ext-1')] });
      await h.executeUpdate(requestExtensionUpdate, { args: [ask('ext-1')] });
      await sleepUntil(env, now + 10_000);
      await h.executeUpdate(decideExtensionUpdate, {
        args: [
          { actor: SECRETARIAT, requestId: 'ext-1', approve: false, reason: 'Không đủ căn cứ' },
        ],
      });
      await h.executeUpdate(requestExtensionUpdate, { args: [ask('ext-2')] });
      await cancel(env, h);
      return h;
    },
  },
  {
    // Patch 'assignment-first': entered overdue, its assignment mail refused for a minute; the
    // overdue notice waits for it; then cancelled.
    name: 'assignment-first',
    async run(env, start, fakes) {
      const now = await env.currentTimeMs();
      const due: DueSpec = { date: null, at: now - 100_000 };
      fakes.failMailKinds = new Set(['assigned']);
      fakes.failMailUntil = now + 60_000;
      try {
        const h = await start(itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } }));
        await sleepUntil(env, now + 300_000);
        await cancel(env, h);
        return h;
      } finally {
        fakes.failMailKinds = null;
        fakes.failMailUntil = null;
      }
    },
  },
  {
    // Patch 'reassigned-away-mail': reassigned twice; each former lead is told it no longer
    // leads (its calendar event withdrawn), then the item is cancelled.
    name: 'reassigned-away-mail',
    async run(env, start) {
      const due: DueSpec = { date: null, at: (await env.currentTimeMs()) + 300_000 };
      const h = await start(itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } }));
      await h.executeUpdate(reassignUpdate, {
        args: [{ actor: SECRETARIAT, lead: SXD, reason: 'Đúng chức năng' }],
      });
      await sleepUntil(env, due.at - 200_000);
      await h.executeUpdate(reassignUpdate, {
        args: [{ actor: SECRETARIAT, lead: STC }],
      });
      await cancel(env, h);
      return h;
    },
  },
  {
    // Patch 'submitted-mail': reported done, returned, reported again and accepted; each report
    // is put to the secretariat.
    name: 'submitted-mail',
    async run(env, start) {
      const due: DueSpec = { date: null, at: (await env.currentTimeMs()) + 300_000 };
      const h = await start(itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } }));
      await h.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Đã trình' }] });
      await h.executeUpdate(returnUpdate, {
        args: [{ actor: SECRETARIAT, reason: 'Thiếu số liệu' }],
      });
      await sleepUntil(env, due.at - 200_000);
      await h.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Đã bổ sung' }] });
      await h.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] });
      return h;
    },
  },
  {
    // Patch 'deadline-copy-mail': with a co-ordinating agency, an extension granted and then a
    // deadline changed; each new deadline is copied to it; then cancelled.
    name: 'deadline-copy-mail',
    async run(env, start) {
      const now = await env.currentTimeMs();
      const due: DueSpec = { date: null, at: now + 300_000 };
      const h = await start(
        itemInput(due, { support: [SXD], policy: { remindBefore: [], escalateAfter: [] } }),
      );
      await h.executeUpdate(requestExtensionUpdate, {
        args: [
          {
            actor: STC_USER,
            requestId: 'ext-1',
            due: { date: null, at: now + 900_000 },
            reason: 'Chờ ý kiến Bộ',
          },
        ],
      });
      await h.executeUpdate(decideExtensionUpdate, {
        args: [{ actor: SECRETARIAT, requestId: 'ext-1', approve: true }],
      });
      await sleepUntil(env, now + 100_000);
      await h.executeUpdate(changeDeadlineUpdate, {
        args: [
          {
            actor: SECRETARIAT,
            due: { date: null, at: now + 1_200_000 },
            reason: 'Chỉ đạo mới',
          },
        ],
      });
      await cancel(env, h);
      return h;
    },
  },
  {
    // ADR 0022: an item's workflow is lost (terminated here) while a reminder's mail is on its
    // way (pending); it is started again from what PostgreSQL holds (the row and the history):
    // a 'restored' event, the pending mail sent and its event completed, then the later steps.
    name: 'restored-pending-mail',
    async run(env, start, fakes) {
      const now = await env.currentTimeMs();
      const due: DueSpec = { date: null, at: now + 300_000 };
      const input = itemInput(due, {
        policy: { remindBefore: ['PT250S', 'PT150S'], escalateAfter: ['PT10S'] },
      });
      const lost = await start(input);
      await sleepUntil(env, now + 100_000); // the first reminder sent
      fakes.failMailUntil = now + 200_000;
      await sleepUntil(env, now + 160_000); // the second on its way
      await lost.terminate('Temporal lost it');
      const h = await start({ ...input, restore: fakes.restoreSource(lost.workflowId) });
      await sleepUntil(env, due.at + 60_000);
      fakes.failMailUntil = null;
      await cancel(env, h);
      return h;
    },
  },
];

/**
 * The lives recorded again once the patch 'local-steps' (ADR 0028) took their steps to local
 * activities, as `local-steps-<name>`: the files without the prefix keep the paths before it.
 */
const LOCAL_STEPS_LIVES = [
  'default-policy-escalation',
  'extension-approved-completed',
  'recurring-monthly-period',
  'mail-fault-apart',
  'closing-mail-completed',
  'assignment-first',
  'deadline-copy-mail',
  'restored-pending-mail',
];
const allScenarios: Scenario[] = [
  ...scenarios,
  ...scenarios
    .filter((x) => LOCAL_STEPS_LIVES.includes(x.name))
    .map((x): Scenario => ({ ...x, name: `local-steps-${x.name}` })),
];

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const env = await createTestEnv();
  const fakes = new FakeActivities();
  try {
    await runWithItemWorker(env, fakes, async (taskQueue) => {
      await mkdir(HISTORIES_DIR, { recursive: true });
      // `record-histories.ts NAME …` records those scenarios again; without names, only the
      // scenarios that have no history yet: a history recorded before a patch is never replaced
      // by one that takes the patched path.
      const only = process.argv.slice(2);
      const recorded = new Set(await readdir(HISTORIES_DIR));
      const todo = allScenarios.filter((x) =>
        only.length > 0 ? only.includes(x.name) : !recorded.has(`${x.name}.json`),
      );
      for (const scenario of todo) {
        const handle = await scenario.run(
          env,
          (input) =>
            env.client.workflow.start<typeof itemWorkflow>('itemWorkflow', {
              taskQueue,
              workflowId: itemWorkflowId(input.itemId),
              args: [input],
            }),
          fakes,
        );
        const history = await handle.fetchHistory();
        const file = join(HISTORIES_DIR, `${scenario.name}.json`);
        await writeFile(file, historyToFileJSON(history));
        process.stderr.write(`${file}: ${history.events?.length ?? 0} events\n`);
      }
    });
  } finally {
    await env.teardown();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
