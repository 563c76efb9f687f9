/**
 * The secretariat grants an extension to another date than the agency asked for (issue 8): the
 * item's deadline, the event's detail (the date granted and the date asked) and the refusals of a
 * grant that would not extend anything.
 */
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;
let stc: string;

beforeAll(async () => {
  stack = await startTestStack();
  [secretariat, stc] = await Promise.all([
    stack.login('secretariat@dondoc.local'),
    stack.login('stc@dondoc.local'),
  ]);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Item {
  id: string;
  due: string;
  originalDue: string | null;
  pendingExtension: { id: string } | null;
}

async function itemWithRequest(): Promise<{ item: Item; rid: string }> {
  const created = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text: 'Hoàn thiện đề án chuyển đổi số.', lead: 'STC', due: '2027-01-29' });
  expect(created.status).toBe(201);
  const item = created.body as Item;
  const asked = await stack
    .http()
    .post(`/api/items/${item.id}/extension-requests`)
    .set(auth(stc))
    .send({ due: '2027-04-30', reason: 'Chờ ý kiến của bộ.' });
  expect(asked.status).toBe(201);
  return { item, rid: (asked.body as { requestId: string }).requestId };
}

const approve = (id: string, rid: string, body: object) =>
  stack
    .http()
    .post(`/api/items/${id}/extension-requests/${rid}/approve`)
    .set(auth(secretariat))
    .send(body);

it('grants another date than asked; the history says both', async () => {
  const { item, rid } = await itemWithRequest();
  const approved = await approve(item.id, rid, { due: '2027-03-15', reason: 'Gia hạn một phần.' });
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({
    due: '2027-03-15',
    originalDue: '2027-01-29',
    status: 'open',
    pendingExtension: null,
  });
  const history = await stack
    .http()
    .get(`/api/items/${item.id}/history`)
    .set(auth(secretariat))
    .expect(200);
  const events = history.body as { type: string; detail: Record<string, unknown> | null }[];
  const grant = events.find((e) => e.type === 'extension_approved');
  expect(grant?.detail).toMatchObject({
    to: { date: '2027-03-15' },
    requestedDue: { date: '2027-04-30' },
    reason: 'Gia hạn một phần.',
  });
});

it('refuses a grant that extends nothing or is not a date, and changes nothing', async () => {
  const { item, rid } = await itemWithRequest();
  const early = await approve(item.id, rid, { due: '2027-01-20' });
  expect(early.status).toBe(400);
  expect(early.body).toMatchObject({
    code: 'INVALID_COMMAND',
    message: 'Hạn gia hạn phải sau thời hạn hiện tại.',
  });
  const garbled = await approve(item.id, rid, { due: '15/03/2027' });
  expect(garbled.status).toBe(400);
  expect(garbled.body).toMatchObject({ code: 'INVALID_DUE' });
  const after = await stack.http().get(`/api/items/${item.id}`).set(auth(secretariat)).expect(200);
  expect(after.body).toMatchObject({ due: '2027-01-29', pendingExtension: { id: rid } });
  // Granted as asked when no date is given.
  const asAsked = await approve(item.id, rid, {});
  expect(asAsked.status).toBe(200);
  expect(asAsked.body).toMatchObject({ due: '2027-04-30' });
});
