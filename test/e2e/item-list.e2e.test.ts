import { startTestStack, type TestStack } from '../support/stack';

/** GET /api/items: the web app's filters, search, order and paging (total in X-Total-Count). */

let stack: TestStack;
let secretariat: string;
const ids: Record<string, string> = {};

const ITEMS = [
  {
    key: 'a',
    text: 'Lập kế hoạch 100% vốn đầu tư công',
    lead: 'STC',
    support: ['SXD'],
    due: '2027-03-10',
  },
  { key: 'b', text: 'Rà soát quy hoạch xây dựng', lead: 'SXD', support: [], due: '2027-01-15' },
  {
    key: 'c',
    text: 'Báo cáo giải ngân vốn đầu tư công',
    lead: 'STC',
    support: [],
    due: '2027-06-30',
  },
  {
    key: 'd',
    text: 'Kiểm tra an toàn thực phẩm',
    lead: 'SYT',
    support: ['STC'],
    due: '2027-02-01',
  },
];

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  secretariat = await stack.login('secretariat@dondoc.local');
  for (const { key, ...body } of ITEMS) {
    const res = await stack
      .http()
      .post('/api/items')
      .set('authorization', `Bearer ${secretariat}`)
      .send(body)
      .expect(201);
    ids[key] = (res.body as { id: string }).id;
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function list(query: string, token = secretariat) {
  const res = await stack
    .http()
    .get(`/api/items?${query}`)
    .set('authorization', `Bearer ${token}`)
    .expect(200);
  const keys = (res.body as { id: string }[]).map(
    (i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0],
  );
  return { keys, total: Number(res.headers['x-total-count']) };
}

describe('GET /api/items', () => {
  it('orders by due (soonest first) by default; -due reverses; the total is in X-Total-Count', async () => {
    expect(await list('')).toEqual({ keys: ['b', 'd', 'a', 'c'], total: 4 });
    expect(await list('sort=-due')).toEqual({ keys: ['c', 'a', 'd', 'b'], total: 4 });
  });

  it('pages with limit/offset and still counts every match', async () => {
    expect(await list('limit=2&offset=1')).toEqual({ keys: ['d', 'a'], total: 4 });
  });

  it('searches the text, case-insensitively, with LIKE wildcards taken literally', async () => {
    expect(await list(`q=${encodeURIComponent('VỐN ĐẦU TƯ')}`)).toEqual({
      keys: ['a', 'c'],
      total: 2,
    });
    expect(await list(`q=${encodeURIComponent('100%')}`)).toEqual({ keys: ['a'], total: 1 });
    expect(await list(`q=${encodeURIComponent('_')}`)).toEqual({ keys: [], total: 0 });
  });

  it('finds every word typed, each anywhere in the text; a quoted phrase as typed', async () => {
    // Issue 8 blind check: the words had to stand side by side, as typed.
    expect(await list(`q=${encodeURIComponent('ke hoach cong')}`)).toEqual({
      keys: ['a'],
      total: 1,
    });
    expect(await list(`q=${encodeURIComponent('công vốn')}`)).toEqual({
      keys: ['a', 'c'],
      total: 2,
    });
    expect(await list(`q=${encodeURIComponent('"công vốn"')}`)).toEqual({ keys: [], total: 0 });
  });

  it('filters by due date range (inclusive) and by co-ordinating agency', async () => {
    expect(await list('dueFrom=2027-02-01&dueTo=2027-03-10')).toEqual({
      keys: ['d', 'a'],
      total: 2,
    });
    expect(await list('support=STC')).toEqual({ keys: ['d'], total: 1 });
  });

  it('an agency sees what it leads or supports; lead= narrows it to its own', async () => {
    const stc = await stack.login('stc@dondoc.local');
    expect(await list('', stc)).toEqual({ keys: ['d', 'a', 'c'], total: 3 });
    expect(await list('lead=STC&sort=overdue', stc)).toEqual({ keys: ['a', 'c'], total: 2 });
  });

  it('rejects a bad sort or date with 400', async () => {
    for (const q of ['sort=text', 'dueFrom=01/02/2027']) {
      await stack
        .http()
        .get(`/api/items?${q}`)
        .set('authorization', `Bearer ${secretariat}`)
        .expect(400);
    }
  });
});

describe('GET /api/items/:id/actions', () => {
  const actions = async (key: string, token: string) =>
    (
      (
        await stack
          .http()
          .get(`/api/items/${ids[key]}/actions`)
          .set('authorization', `Bearer ${token}`)
          .expect(200)
      ).body as { actions: string[] }
    ).actions;

  it("is what the caller's role may do in the item's status (the domain's transition table)", async () => {
    const stc = await stack.login('stc@dondoc.local');
    const head = await stack.login('head@dondoc.local');
    expect(await actions('a', stc)).toEqual(['progress', 'submit', 'extension-request']);
    expect(await actions('d', stc)).toEqual([]); // co-ordinating: read-only
    expect(await actions('a', secretariat)).toEqual(['reassign', 'cancel', 'deadline']);
    expect(await actions('a', head)).toEqual([]);
  });
});
