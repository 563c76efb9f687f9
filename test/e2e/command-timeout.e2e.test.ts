/**
 * Issue 9: commands never hang. With no worker to take it, an Update is answered 503
 * WORKFLOW_UNAVAILABLE within COMMAND_WAIT_MS, and when a worker comes back the workflow refuses
 * the late command (its notAfter has passed): the item is unchanged.
 */
import { COMMAND_WAIT_MS } from '../../apps/api/src/items/item-commands.service';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;
let stc: string;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  stack = await startTestStack();
  secretariat = await stack.login('secretariat@dondoc.local');
  stc = await stack.login('stc@dondoc.local');
}, 120_000);

afterAll(() => stack?.close(), 60_000);

it('answers 503 when the workflow cannot take the command in time, and changes nothing', async () => {
  const created = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text: 'Rà soát danh mục dự án đầu tư công năm 2027.', lead: 'STC', due: '2027-03-31' });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;
  const progress = (note: string) =>
    stack.http().post(`/api/items/${id}/progress`).set(auth(stc)).send({ percent: 40, note });
  expect((await progress('Đã lập danh mục sơ bộ.')).status).toBe(200);

  await stack.stopWorker();
  const t0 = Date.now();
  const refused = await progress('Gửi khi hệ thống bận.');
  const waitedMs = Date.now() - t0;
  expect(refused.status).toBe(503);
  expect(refused.body).toMatchObject({ statusCode: 503, code: 'WORKFLOW_UNAVAILABLE' });
  expect((refused.body as { message: string }).message).toMatch(/chưa được thực hiện/);
  expect(waitedMs).toBeGreaterThanOrEqual(COMMAND_WAIT_MS - 1000);

  // The worker returns: the command that waited on the server reaches the workflow, too late.
  await stack.startWorker();
  await sleep(8000);
  const notes = async () => {
    const res = await stack.http().get(`/api/items/${id}/history`).set(auth(stc)).expect(200);
    return (res.body as { type: string; detail?: { note?: string } }[])
      .filter((e) => e.type === 'progress_reported')
      .map((e) => e.detail?.note);
  };
  expect(await notes()).toEqual(['Đã lập danh mục sơ bộ.']);

  expect((await progress('Gửi lại khi hệ thống đã sẵn sàng.')).status).toBe(200);
  expect(await notes()).toEqual(['Đã lập danh mục sơ bộ.', 'Gửi lại khi hệ thống đã sẵn sàng.']);
}, 120_000);
