/**
 * A text carrying U+0000 (Schemathesis sent one in a note): PostgreSQL stores no NUL, so the
 * event could never be recorded, the item's workflow retried the write forever and the command
 * answered 503 after 10 s. The edge refuses it now, 400, and the item goes on as before.
 */
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

it('a note with U+0000 is a 400 VALIDATION_FAILED; the item takes the next report at once', async () => {
  const secretariat = await stack.login('secretariat@dondoc.local');
  const stc = await stack.login('stc@dondoc.local');
  const refused = await stack
    .http()
    .post('/api/items')
    .set('authorization', `Bearer ${secretariat}`)
    .send({ text: 'Việc\u0000thử', lead: 'STC', due: '2027-03-31' });
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED' });

  const created = await stack
    .http()
    .post('/api/items')
    .set('authorization', `Bearer ${secretariat}`)
    .send({ text: 'Việc thử', lead: 'STC', due: '2027-03-31' })
    .expect(201);
  const id = (created.body as { id: string }).id;
  const progress = (note: string) =>
    stack
      .http()
      .post(`/api/items/${id}/progress`)
      .set('authorization', `Bearer ${stc}`)
      .send({ note });
  const nul = await progress('a\u0000b');
  expect(nul.status).toBe(400);
  expect(nul.body).toMatchObject({
    code: 'VALIDATION_FAILED',
    details: [expect.objectContaining({ field: 'note' })],
  });
  const ok = await progress('Đã rà soát 12/24 hồ sơ.');
  expect(ok.status).toBe(200);
  expect(await stack.historyTypes(id, secretariat)).toEqual(['created', 'progress_reported']);
}, 60_000);
