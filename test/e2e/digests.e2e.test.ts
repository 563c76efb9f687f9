/**
 * GET /api/digests and its commands (issue 11): the secretariat sees when each digest goes out and
 * to whom, pauses and resumes its Schedule, and sends one now for a check; on the dev server with
 * the worker's real Schedules and a real SMTP server.
 */
import type { Client, Connection } from '@temporalio/client';
import { ensureDigestSchedules } from '../../apps/worker/src/digest-schedules';
import { DIGEST_KINDS, digestScheduleId } from '../../libs/contracts/src';
import { isDigestDay, vnPublicSectorCalendar } from '../../libs/domain/src';
import { startTestStack, type TestStack } from '../support/stack';
import { connectClient } from '../support/temporal';

interface Digest {
  kind: string;
  label: string;
  when: string;
  recipients: string;
  scheduled: boolean;
  paused: boolean;
  note: string | null;
  nextRuns: string[];
}

let stack: TestStack;
let client: Client;
let connection: Connection;
let secretariat: string;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** The newest audit entry of `action`. */
const lastAudit = async (action: string) =>
  (
    (
      await stack
        .http()
        .get(`/api/audit?action=${action}&limit=1`)
        .set(auth(secretariat))
        .expect(200)
    ).body as Record<string, unknown>[]
  )[0];
const list = async () =>
  (await stack.http().get('/api/digests').set(auth(secretariat)).expect(200)).body as Digest[];

beforeAll(async () => {
  stack = await startTestStack();
  ({ client, connection } = await connectClient());
  secretariat = await stack.login('secretariat@dondoc.local');
  await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text: 'Rà soát các dự án chậm tiến độ', lead: 'SXD', due: '2026-11-20' })
    .expect(201);
}, 180_000);

afterAll(async () => {
  for (const kind of DIGEST_KINDS) {
    await client?.schedule
      .getHandle(digestScheduleId(stack.config.temporal.taskQueue, kind))
      .delete()
      .catch(() => undefined);
  }
  await connection?.close();
  await stack?.close();
});

it('lists the digests before and after the worker scheduled them', async () => {
  const before = await list();
  expect(before.map((d) => [d.kind, d.scheduled, d.when])).toEqual([
    ['secretariat', false, '07:30 mỗi ngày làm việc'],
    ['head', false, '08:00 thứ Hai hằng tuần (nếu là ngày làm việc)'],
    ['agencies', false, '08:00 thứ Hai hằng tuần (nếu là ngày làm việc)'],
  ]);
  expect(before[0]?.recipients).toBe(stack.config.secretariatEmail);
  const paused = await stack
    .http()
    .post('/api/digests/head/pause')
    .set(auth(secretariat))
    .send({})
    .expect(404);
  expect(paused.body).toMatchObject({ code: 'DIGEST_NOT_SCHEDULED' });
  expect(await lastAudit('digest.pause')).toMatchObject({
    targetType: 'digest',
    targetId: 'head',
    targetLabel: 'Báo cáo tuần gửi Trưởng Ban Chỉ đạo',
    outcome: 'failure',
    statusCode: 404,
    code: 'DIGEST_NOT_SCHEDULED',
  });

  await ensureDigestSchedules({
    client,
    taskQueue: stack.config.temporal.taskQueue,
    ...stack.config.digests,
  });
  const after = await list();
  expect(after.every((d) => d.scheduled && !d.paused)).toBe(true);
  // Up to three (the Schedule's next ten starts, days off left out: a Tết week keeps fewer).
  expect(after[0]?.nextRuns.length).toBeGreaterThanOrEqual(1);
  expect(after[0]?.nextRuns.length).toBeLessThanOrEqual(3);
  expect(after[0]?.nextRuns.every((t) => /T07:30:00\+07:00$/.test(t))).toBe(true);
  // Only days that have one: working days for the daily digest.
  expect(
    after[0]?.nextRuns.every((t) =>
      isDigestDay('secretariat', t.slice(0, 10), vnPublicSectorCalendar),
    ),
  ).toBe(true);
  expect(after[1]?.nextRuns.every((t) => /T08:00:00\+07:00$/.test(t))).toBe(true);
});

it('pauses with a reason and resumes', async () => {
  const paused = await stack
    .http()
    .post('/api/digests/secretariat/pause')
    .set(auth(secretariat))
    .send({ note: 'Tạm dừng trong kỳ nghỉ Tết' })
    .expect(200);
  expect(paused.body).toMatchObject({ paused: true, note: 'Tạm dừng trong kỳ nghỉ Tết' });
  const resumed = await stack
    .http()
    .post('/api/digests/secretariat/resume')
    .set(auth(secretariat))
    .expect(200);
  expect(resumed.body).toMatchObject({ paused: false, note: null });
  // Who paused and resumed which digest; the reason is free text the Schedule keeps, not the log.
  const pause = await lastAudit('digest.pause');
  expect(pause).toMatchObject({
    actorEmail: 'secretariat@dondoc.local',
    targetId: 'secretariat',
    outcome: 'success',
  });
  expect(JSON.stringify(pause)).not.toContain('Tết');
  expect(await lastAudit('digest.resume')).toMatchObject({
    targetId: 'secretariat',
    outcome: 'success',
  });
});

it('sends one now for a check, once a recipient and day', async () => {
  const first = await stack
    .http()
    .post('/api/digests/agencies/send')
    .set(auth(secretariat))
    .expect(200);
  expect(first.body).toMatchObject({ kind: 'agencies', sent: 1, alreadySent: 0, skipped: null });
  const [mail] = await stack.smtp.waitFor((m) =>
    m.subject.startsWith('[Đôn Đốc] Nhiệm vụ của Sở Xây dựng'),
  );
  expect(mail?.text).toContain('Rà soát các dự án chậm tiến độ');
  const again = await stack
    .http()
    .post('/api/digests/agencies/send')
    .set(auth(secretariat))
    .expect(200);
  expect(again.body).toMatchObject({ sent: 0, alreadySent: 1 });
  expect(await lastAudit('digest.send')).toMatchObject({
    targetId: 'agencies',
    outcome: 'success',
    detail: { sent: 0 },
  });
});

it('is the secretariat’s only; an unknown digest is a 400', async () => {
  const head = await stack.login('head@dondoc.local');
  await stack.http().get('/api/digests').set(auth(head)).expect(403);
  await stack.http().post('/api/digests/head/send').set(auth(head)).expect(403);
  const bad = await stack
    .http()
    .post('/api/digests/weekly/send')
    .set(auth(secretariat))
    .expect(400);
  expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
});
