/**
 * The digests (issue 11) on the real stack: the digest workflow on the dev server with its real
 * activity, PostgreSQL and a real SMTP server; the Schedules the worker creates. Each digest goes
 * out once per recipient and day however often it runs, the head's carries the overdue
 * spreadsheet (read by openpyxl), an agency with nothing open gets none.
 */
import type { Client, Connection } from '@temporalio/client';
import {
  DIGEST_KINDS,
  digestScheduleId,
  type DigestInput,
  type DigestSummary,
} from '../../libs/contracts/src';
import {
  civilDateAt,
  formatVnDate,
  isDigestDay,
  vnPublicSectorCalendar,
} from '../../libs/domain/src';
import { ensureDigestSchedules } from '../../apps/worker/src/digest-schedules';
import type { digestWorkflow } from '../../workflows/digest.workflow';
import { readXlsx } from '../support/office-readers';
import { startTestStack, type TestStack } from '../support/stack';
import { connectClient, uniqueTaskQueue } from '../support/temporal';

let stack: TestStack;
let client: Client;
let connection: Connection;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function digest(input: DigestInput): Promise<DigestSummary> {
  return client.workflow.execute<typeof digestWorkflow>('digestWorkflow', {
    taskQueue: stack.config.temporal.taskQueue,
    workflowId: `digest-test-${input.kind}-${Math.random().toString(36).slice(2)}`,
    args: [input],
  });
}

beforeAll(async () => {
  stack = await startTestStack();
  ({ client, connection } = await connectClient());
  const secretariat = await stack.login('secretariat@dondoc.local');
  for (const [text, lead, due] of [
    ['Tổng hợp tình hình giải ngân vốn đầu tư công', 'STC', '2026-10-15'],
    ['Rà soát các dự án chậm tiến độ', 'SXD', '2026-11-20'],
    ['Xây dựng kế hoạch vốn năm sau', 'STC', '2099-12-31'],
    ['Báo cáo nhanh tình hình dịch bệnh', 'SYT', civilDateAt(Date.now())],
  ] as const) {
    await stack
      .http()
      .post('/api/items')
      .set(auth(secretariat))
      .send({ text, lead, due })
      .expect(201);
  }
}, 180_000);

afterAll(async () => {
  await connection?.close();
  await stack?.close();
});

const today = () => civilDateAt(Date.now());

it("the secretariat's digest: once a day whatever the retries, on working days only", async () => {
  const first = await digest({ kind: 'secretariat', force: true });
  expect(first).toEqual({
    kind: 'secretariat',
    date: today(),
    sent: 1,
    alreadySent: 0,
    skipped: null,
  });
  const [mail] = await stack.smtp.waitFor((m) => m.subject.startsWith('[Đôn Đốc] Tổng hợp ngày'));
  expect(mail!.to).toEqual([stack.config.secretariatEmail]);
  expect(mail!.subject).toContain(formatVnDate(today()));
  if (vnPublicSectorCalendar.isWorkingDay(today())) {
    expect(mail!.subject).toContain('1 đến hạn hôm nay');
    expect(mail!.text).toContain('Đến hạn hôm nay (1):');
    expect(mail!.text).toContain('Báo cáo nhanh tình hình dịch bệnh · Sở Y tế');
  } else {
    // On a day off (the run's day in Vietnam) nothing is legally due: the date named today runs
    // to the next working day.
    expect(mail!.subject).not.toContain('đến hạn hôm nay');
    expect(mail!.text).toContain('Mới quá hạn (kể cả nhiệm vụ mới nhập đã quá hạn) (2):');
  }
  // Again the same day: nothing twice.
  const again = await digest({ kind: 'secretariat', force: true });
  expect([again.sent, again.alreadySent]).toEqual([0, 1]);
  // Without `force`, the working calendar decides (today is whatever day the test runs).
  const scheduled = await digest({ kind: 'secretariat' });
  expect(scheduled.skipped).toBe(
    isDigestDay('secretariat', today(), vnPublicSectorCalendar) ? null : 'not-a-digest-day',
  );
  expect(
    stack.smtp.messages.filter((m) => m.subject.startsWith('[Đôn Đốc] Tổng hợp ngày')),
  ).toHaveLength(1);
});

it("the head's digest carries the overdue spreadsheet; Mondays only without force", async () => {
  const sent = await digest({ kind: 'head', force: true });
  expect(sent.sent).toBe(1);
  const [mail] = await stack.smtp.waitFor((m) => m.subject.startsWith('[Đôn Đốc] Báo cáo tuần'));
  expect(mail!.to).toEqual([stack.config.committeeHeadEmail]);
  expect(mail!.subject).toMatch(/: 2 nhiệm vụ quá hạn, tỷ lệ hoàn thành 0%$/);
  const [file] = mail!.attachments;
  expect(file?.filename).toBe(`nhiem-vu-qua-han-${today()}.xlsx`);
  const [sheet] = await readXlsx(file!.content);
  expect(sheet!.rows.slice(1).map((r) => r[4]?.value)).toEqual(['Sở Tài chính', 'Sở Xây dựng']);
  const scheduled = await digest({ kind: 'head' });
  expect(scheduled.skipped).toBe(
    isDigestDay('head', today(), vnPublicSectorCalendar) ? null : 'not-a-digest-day',
  );
});

it('each agency with open items gets its own; the others none', async () => {
  const sent = await digest({ kind: 'agencies', force: true });
  expect(sent.sent).toBe(3);
  const mails = await stack.smtp.waitFor((m) => m.subject.startsWith('[Đôn Đốc] Nhiệm vụ của'), 3);
  const stc = mails.find((m) => m.subject.startsWith('[Đôn Đốc] Nhiệm vụ của Sở Tài chính'));
  expect(stc?.subject).toMatch(/: 2 cần thực hiện, trong đó 1 quá hạn$/);
  // Overdue first.
  expect(stc!.text.indexOf('giải ngân')).toBeLessThan(stc!.text.indexOf('kế hoạch vốn'));
  // Each item's link opens it for the agency without a login, as its item mails do.
  const tokens = [...stc!.text.matchAll(/Mở nhiệm vụ: \S+\/items\/[\w-]+\?t=(\S+)/g)].map((m) =>
    decodeURIComponent(m[1]!),
  );
  expect(tokens).toHaveLength(2);
  for (const token of tokens) {
    const opened = await stack
      .http()
      .get(`/api/links/${encodeURIComponent(token)}`)
      .expect(200);
    expect(opened.body).toMatchObject({ agency: { code: 'STC' } });
  }
  expect(mails.map((m) => m.subject.split(' tuần')[0]).sort()).toEqual([
    '[Đôn Đốc] Nhiệm vụ của Sở Tài chính',
    '[Đôn Đốc] Nhiệm vụ của Sở Xây dựng',
    '[Đôn Đốc] Nhiệm vụ của Sở Y tế',
  ]);
  // An agency with nothing open (Sở Nội vụ) gets none.
  expect(mails.some((m) => m.subject.includes('Sở Nội vụ'))).toBe(false);
});

it('the worker creates one Schedule a digest, at its hour in Vietnam, once', async () => {
  const taskQueue = uniqueTaskQueue('digests');
  const options = {
    client,
    taskQueue,
    dailyAt: { hour: 7, minute: 30 },
    weeklyAt: { hour: 8, minute: 0 },
  };
  expect(await ensureDigestSchedules(options)).toEqual({
    secretariat: 'created',
    head: 'created',
    agencies: 'created',
  });
  expect(await ensureDigestSchedules(options)).toEqual({
    secretariat: 'unchanged',
    head: 'unchanged',
    agencies: 'unchanged',
  });
  // Configured "off": no Schedule for those digests.
  expect(
    await ensureDigestSchedules({
      ...options,
      taskQueue: uniqueTaskQueue('none'),
      dailyAt: null,
      weeklyAt: null,
    }),
  ).toEqual({ secretariat: 'off', head: 'off', agencies: 'off' });
  try {
    const daily = await client.schedule
      .getHandle(digestScheduleId(taskQueue, 'secretariat'))
      .describe();
    expect(daily.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(daily.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 7, end: 7, step: 1 }],
      minute: [{ start: 30, end: 30, step: 1 }],
    });
    const weekly = await client.schedule.getHandle(digestScheduleId(taskQueue, 'head')).describe();
    expect(weekly.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 8, end: 8, step: 1 }],
      dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }],
    });
    // Its next start is at 07:30 in Vietnam (00:30 UTC).
    const next = daily.info.nextActionTimes[0]!;
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 30]);
  } finally {
    for (const kind of DIGEST_KINDS) {
      await client.schedule.getHandle(digestScheduleId(taskQueue, kind)).delete();
    }
  }
});
