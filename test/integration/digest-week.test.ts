/**
 * A week of digests across a holiday (issue 11) on the time-skipping server: the digest workflow
 * runs at 07:30 (UTC+7) each day of the next week that has a weekday off, as its Schedule would
 * start it, with the real activity, PostgreSQL and a real SMTP server. The secretariat's digest
 * arrives on the working days only, the head's on the Monday if it is one; none on the holiday
 * or the weekend.
 */
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createActivities, createWorkerDigestActivities } from '../../activities';
import { createItemWorker } from '../../apps/worker/src/item-worker';
import type { DigestKind } from '../../libs/contracts/src';
import { createMailer } from '../../libs/mail/src';
import {
  addDays,
  civilDateAt,
  dayOfWeek,
  instantAt,
  isDigestDay,
  vnPublicSectorCalendar as calendar,
  type CivilDate,
} from '../../libs/domain/src';
import { ItemStartRepository, seedDevData } from '../../libs/persistence/src';
import type { digestWorkflow } from '../../workflows/digest.workflow';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { createTimeSkippingEnv } from '../support/temporal';

const SECRETARIAT = 'secretariat@dondoc.local';
const HEAD = 'head@dondoc.local';
const taskQueue = `digest-week-${randomUUID()}`;

let env: TestWorkflowEnvironment;
let db: TestDatabase;
let smtp: TestSmtpServer;
let worker: Worker;
let running: Promise<void>;

/** The Monday of the first week after today with a weekday off (a holiday). */
function weekWithHoliday(from: CivilDate): CivilDate {
  let monday = addDays(from, (8 - dayOfWeek(from)) % 7 || 7);
  for (;;) {
    const weekdays = [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
    if (weekdays.some((d) => !calendar.isWorkingDay(d))) return monday;
    monday = addDays(monday, 7);
  }
}

beforeAll(async () => {
  [env, db, smtp] = await Promise.all([
    createTimeSkippingEnv(),
    createTestDatabase(),
    startSmtpServer(),
  ]);
  await seedDevData(db.dataSource, 'test-password');
  // An item handed in and waiting for the secretariat: something to say every day.
  const [row] = await new ItemStartRepository(db.dataSource).insertPending([
    {
      id: randomUUID(),
      workflowId: `item-${randomUUID()}`,
      noticeId: null,
      position: null,
      code: null,
      text: 'Báo cáo kết quả rà soát thủ tục hành chính',
      leadCode: 'SNV',
      supportCodes: [],
      reportTo: null,
      dueDate: '2099-12-31',
      dueAt: instantAt('2100-01-01'),
      deadline: { kind: 'date', input: '2099-12-31', movedToWorkingDay: false },
      policy: { remindBefore: [], escalateAfter: [] },
    },
  ]);
  await db.dataSource.query(`UPDATE items SET status = 'submitted' WHERE id = $1`, [row!.id]);
  const mailer = createMailer(smtp.url, 'Đôn Đốc <dondoc@dondoc.local>');
  const deps = {
    dataSource: db.dataSource,
    mailer,
    config: { publicBaseUrl: 'http://dondoc.test', linkSigningSecret: 'test-secret' },
  };
  worker = await createItemWorker({
    connection: env.nativeConnection,
    taskQueue,
    activities: {
      ...createActivities(deps),
      ...createWorkerDigestActivities({
        ...deps,
        recipients: { secretariat: SECRETARIAT, head: HEAD },
      }),
    },
    ...(process.env.TEST_WORKFLOW_BUNDLE
      ? { workflowBundlePath: process.env.TEST_WORKFLOW_BUNDLE }
      : {}),
  });
  running = worker.run();
}, 180_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await smtp?.close();
  await db?.drop();
});

/**
 * Through a plain client, not the environment's: that one unlocks time skipping while it waits,
 * and the server then skips through the activity's time-outs; here the days move by env.sleep
 * only.
 */
const run = (kind: DigestKind, day: CivilDate) =>
  new Client({ connection: env.connection }).workflow.execute<typeof digestWorkflow>(
    'digestWorkflow',
    {
      taskQueue,
      workflowId: `digest-${kind}-${day}`,
      args: [{ kind }],
    },
  );

it('sends on the working days of a week with a holiday, none on the days off', async () => {
  const now = await env.currentTimeMs();
  const monday = weekWithHoliday(civilDateAt(now));
  // To 07:30 on that Monday, in Vietnam: the Schedule's hour.
  await env.sleep(instantAt(monday, 7, 30) - now);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const outcome: Record<string, string | null> = {};
  for (const day of days) {
    expect(civilDateAt(await env.currentTimeMs())).toBe(day);
    const daily = await run('secretariat', day);
    const weekly = await run('head', day);
    outcome[day] = [
      daily.skipped ?? `sent ${daily.sent}`,
      weekly.skipped ?? `sent ${weekly.sent}`,
    ].join(' / ');
    await env.sleep(24 * 3_600_000);
  }
  const expected = Object.fromEntries(
    days.map((day) => [
      day,
      [
        isDigestDay('secretariat', day, calendar) ? 'sent 1' : 'not-a-digest-day',
        isDigestDay('head', day, calendar) ? 'sent 1' : 'not-a-digest-day',
      ].join(' / '),
    ]),
  );
  expect(outcome).toEqual(expected);
  // The week has a day off on a weekday: at most four daily digests, and the mails agree.
  const sentDays = days.filter((d) => isDigestDay('secretariat', d, calendar));
  expect(sentDays.length).toBeLessThanOrEqual(4);
  const daily = smtp.messages.filter((m) => m.to.includes(SECRETARIAT));
  expect(daily.map((m) => m.headers.get('x-dondoc-digest'))).toEqual(
    sentDays.map((d) => `secretariat:${d}`),
  );
  expect(daily[0]?.text).toContain('Đã báo cáo hoàn thành, chờ xác nhận (1):');
}, 180_000);
