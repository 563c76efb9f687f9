/**
 * The committee head's reports on real PostgreSQL and real workflows: the notice and period filters
 * change the figures as documented (the period selects by the current due date, UTC+7), the overdue
 * report is the item list's `overdue=true` grouped by lead agency, and a recurring item counts
 * every period it completed, not only the one open now.
 */
import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;
let head: string;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Item {
  id: string;
  status: string;
  due: string | null;
}

interface OverdueReport {
  total: number;
  itemsPerAgency: number;
  agencies: { code: string; overdue: number; items: { id: string; daysOverdue: number }[] }[];
  filter: {
    noticeId: string | null;
    from: string | null;
    to: string | null;
    notice: { id: string; number: string | null; title: string | null } | null;
  };
}

interface Counts {
  total: number;
  open: number;
  overdue: number;
  submitted: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  cancelled: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

interface CompletionReport {
  totals: Counts;
  agencies: (Counts & { code: string })[];
  filter: OverdueReport['filter'];
}

/** Notice 45/TB-BCĐ: three items overdue today (2 December 2026), one due at the end of the year. */
const DISBURSEMENT = [
  'UBND TỈNH LẠNG SƠN',
  'BAN CHỈ ĐẠO',
  'Số: 45/TB-BCĐ',
  'THÔNG BÁO',
  'Kết luận của đồng chí Nguyễn Văn B tại cuộc họp về giải ngân vốn đầu tư công',
  'Ngày 02/09/2026, đồng chí Nguyễn Văn B chủ trì cuộc họp.',
  '2. Nhiệm vụ',
  'a) Sở Tài chính tổng hợp tình hình giải ngân, báo cáo UBND tỉnh chậm nhất ngày 15/10/2026.',
  'b) Sở Xây dựng rà soát các dự án chậm tiến độ, hoàn thành chậm nhất ngày 20/11/2026.',
  'c) Sở Y tế hoàn thiện hồ sơ dự án bệnh viện tỉnh, hoàn thành chậm nhất ngày 30/09/2026.',
  'd) Sở Tài chính xây dựng kế hoạch vốn năm 2027, hoàn thành chậm nhất ngày 31/12/2026.',
].join('\n');

/** Notice 46/TB-BCĐ: one monthly report (first period due 24/12/2026). */
const MONTHLY = [
  'UBND TỈNH LẠNG SƠN',
  'BAN CHỈ ĐẠO',
  'Số: 46/TB-BCĐ',
  'THÔNG BÁO',
  'Kết luận của đồng chí Nguyễn Văn B về chế độ báo cáo',
  'Ngày 20/11/2026, đồng chí Nguyễn Văn B chủ trì cuộc họp.',
  '2. Nhiệm vụ',
  'a) Sở Tài chính định kỳ hằng tháng, trước ngày 25 hằng tháng, báo cáo tình hình thu ngân sách.',
].join('\n');

let disbursement: string;
let monthly: string;
let monthlyItem: string;

async function confirmNotice(text: string): Promise<{ id: string; items: Item[] }> {
  const res = await stack.http().post('/api/notices').set(auth(secretariat)).send({ text });
  expect(res.status).toBe(201);
  return res.body as { id: string; items: Item[] };
}

async function createItem(text: string, lead: string, due: string): Promise<Item> {
  const res = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text, lead, due });
  expect(res.status).toBe(201);
  return res.body as Item;
}

/** The lead agency submits, the secretariat accepts: completed now (late or not). */
async function complete(item: Item, agencyEmail: string): Promise<void> {
  const agency = await stack.login(agencyEmail);
  await stack
    .http()
    .post(`/api/items/${item.id}/submit`)
    .set(auth(agency))
    .send({ note: 'Đã hoàn thành.' })
    .expect(200);
  await stack
    .http()
    .post(`/api/items/${item.id}/accept`)
    .set(auth(secretariat))
    .send({})
    .expect(200);
}

async function waitFor(id: string, ok: (i: Item) => boolean, what: string): Promise<Item> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await stack.http().get(`/api/items/${id}`).set(auth(secretariat)).expect(200);
    const item = res.body as Item;
    if (ok(item)) return item;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(item)}`);
    await sleep(250);
  }
}

async function report<T>(kind: 'overdue' | 'completion', query: Record<string, string> = {}) {
  const res = await stack.http().get(`/api/reports/${kind}`).query(query).set(auth(head));
  expect(res.status).toBe(200);
  return res.body as T;
}
const overdue = (query?: Record<string, string>) => report<OverdueReport>('overdue', query);
const completion = (query?: Record<string, string>) =>
  report<CompletionReport>('completion', query);

const byAgency = (r: OverdueReport): Record<string, number> =>
  Object.fromEntries(r.agencies.map((a) => [a.code, a.overdue]));
const agencyCounts = (r: CompletionReport, code: string) => r.agencies.find((a) => a.code === code);

beforeAll(async () => {
  stack = await startTestStack();
  [secretariat, head] = await Promise.all([
    stack.login('secretariat@dondoc.local'),
    stack.login('head@dondoc.local'),
  ]);
  disbursement = (await confirmNotice(DISBURSEMENT)).id;
  const recurring = await confirmNotice(MONTHLY);
  monthly = recurring.id;
  monthlyItem = recurring.items[0]!.id;
  expect(recurring.items[0]!.due).toBe('2026-12-24');
  await createItem('Báo cáo tiến độ chuyển đổi số', 'STC', '2026-10-20');
  // An exact instant: 00:00 on 1 November is the end of 31 October, an October deadline.
  await createItem('Rà soát danh mục thuốc', 'SYT', '2026-11-01T00:00:00+07:00');
  const late = await createItem('Báo cáo cải cách hành chính', 'SNV', '2026-10-05');
  const early = await createItem('Kế hoạch xây dựng năm 2027', 'SXD', '2027-01-15');
  await complete(late, 'snv@dondoc.local');
  await complete(early, 'sxd@dondoc.local');
  await complete({ id: monthlyItem, status: 'open', due: '2026-12-24' }, 'stc@dondoc.local');
  // Accepting the period opens the next one (24/01/2027) on the same item.
  await waitFor(
    monthlyItem,
    (i) => i.status === 'open' && i.due === '2027-01-24',
    'the next period did not open',
  );
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe('GET /api/reports/overdue', () => {
  it('without a filter: every overdue item, by lead agency', async () => {
    const r = await overdue();
    expect(r.total).toBe(5);
    expect(byAgency(r)).toEqual({ STC: 2, SYT: 2, SXD: 1 });
    expect(r.filter).toEqual({ noticeId: null, from: null, to: null, notice: null });
  });

  it('by notice: only that notice’s items; the filter is echoed with the notice', async () => {
    const r = await overdue({ noticeId: disbursement });
    expect(r.total).toBe(3);
    expect(byAgency(r)).toEqual({ STC: 1, SXD: 1, SYT: 1 });
    expect(r.filter).toEqual({
      noticeId: disbursement,
      from: null,
      to: null,
      notice: expect.objectContaining({ id: disbursement, number: '45/TB-BCĐ' }) as unknown,
    });
    expect((await overdue({ noticeId: monthly })).total).toBe(0);
  });

  it('by period: the items whose current due date (UTC+7) falls in it, bounds included', async () => {
    const october = await overdue({ from: '2026-10-01', to: '2026-10-31' });
    // 15/10 and 20/10 (STC), the instant 01/11 00:00 +07:00 = the end of 31/10 (SYT).
    expect(byAgency(october)).toEqual({ STC: 2, SYT: 1 });
    expect(byAgency(await overdue({ from: '2026-10-15', to: '2026-10-15' }))).toEqual({ STC: 1 });
    expect(byAgency(await overdue({ from: '2026-11-01' }))).toEqual({ SXD: 1 });
    expect(byAgency(await overdue({ to: '2026-09-30' }))).toEqual({ SYT: 1 });
    const both = await overdue({ noticeId: disbursement, from: '2026-10-01', to: '2026-11-30' });
    expect(byAgency(both)).toEqual({ STC: 1, SXD: 1 });
    expect(both.filter).toMatchObject({ from: '2026-10-01', to: '2026-11-30' });
  });

  it('empty parameters, as a form sends them, mean no filter', async () => {
    expect((await overdue({ noticeId: '', from: '', to: '' })).total).toBe(5);
  });

  it('each agency’s figure is the item list with lead, overdue=true and the same filter', async () => {
    const filters: Record<string, string>[] = [
      {},
      { noticeId: disbursement },
      { from: '2026-10-01', to: '2026-10-31' },
      { noticeId: disbursement, from: '2026-10-01', to: '2026-11-30' },
    ];
    for (const f of filters) {
      const r = await overdue(f);
      const c = await completion(f);
      for (const a of r.agencies) {
        const list = await stack
          .http()
          .get('/api/items')
          .query({
            lead: a.code,
            overdue: 'true',
            ...(f.noticeId ? { noticeId: f.noticeId } : {}),
            ...(f.from ? { dueFrom: f.from } : {}),
            ...(f.to ? { dueTo: f.to } : {}),
          })
          .set(auth(head))
          .expect(200);
        expect(Number(list.headers['x-total-count'])).toBe(a.overdue);
        expect((list.body as Item[]).map((i) => i.id).sort()).toEqual(
          a.items.map((i) => i.id).sort(),
        );
        // The completion report counts the same overdue items.
        expect(agencyCounts(c, a.code)?.overdue).toBe(a.overdue);
      }
      expect(c.totals.overdue).toBe(r.total);
    }
  });
});

describe('GET /api/reports/overdue: a bounded list of items per agency', () => {
  it('lists at most itemsPerAgency items of each agency, the most overdue first', async () => {
    const all = await overdue();
    expect(all.itemsPerAgency).toBe(10);
    const one = await overdue({ itemsPerAgency: '1' });
    expect(one.itemsPerAgency).toBe(1);
    // The counts stay whole; the items are the first of the agency's overdue list.
    expect(byAgency(one)).toEqual(byAgency(all));
    for (const a of one.agencies) {
      const list = await stack
        .http()
        .get('/api/items')
        .query({ lead: a.code, overdue: 'true', limit: '1' })
        .set(auth(head))
        .expect(200);
      expect(a.items.map((i) => i.id)).toEqual((list.body as Item[]).map((i) => i.id));
    }
    // An item of the report says what the item list says of it.
    for (const a of all.agencies) {
      for (const i of a.items) {
        const res = await stack.http().get(`/api/items/${i.id}`).set(auth(head)).expect(200);
        const item = res.body as Record<string, unknown>;
        const fields = [
          'code',
          'text',
          'noticeNumber',
          'noticeTitle',
          'due',
          'dueAt',
          'status',
          'escalationLevel',
          'daysOverdue',
        ];
        expect(i).toEqual(Object.fromEntries(['id', ...fields].map((k) => [k, item[k]])));
      }
    }
    expect(one.agencies.find((a) => a.code === 'STC')?.items).toHaveLength(1);
    const none = await overdue({ itemsPerAgency: '0' });
    expect(none.total).toBe(all.total);
    expect(none.agencies.every((a) => a.items.length === 0)).toBe(true);
  });

  it.each(['101', '-1', '1.5', 'all'])('itemsPerAgency=%s is 400 VALIDATION_FAILED', async (n) => {
    const res = await stack
      .http()
      .get('/api/reports/overdue')
      .query({ itemsPerAgency: n })
      .set(auth(head));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('GET /api/reports/completion', () => {
  it('counts each completed period of a recurring item besides the one open now', async () => {
    const r = await completion();
    // 4 + 2 + 2 items, and the monthly item twice: December (completed) and January (open).
    expect(r.totals).toMatchObject({
      total: 10,
      open: 2,
      overdue: 5,
      submitted: 0,
      completed: 3,
      completedOnTime: 2,
      completedLate: 1,
      cancelled: 0,
    });
    expect(r.totals.completionRate).toBeCloseTo(0.3);
    expect(r.totals.onTimeRate).toBeCloseTo(2 / 3);
    expect(agencyCounts(r, 'STC')).toMatchObject({ total: 5, open: 2, overdue: 2, completed: 1 });
  });

  it('by notice: the recurring notice has two periods, one completed on time', async () => {
    const r = await completion({ noticeId: monthly });
    expect(r.totals).toMatchObject({ total: 2, open: 1, completed: 1, completedOnTime: 1 });
    expect(r.totals.onTimeRate).toBe(1);
    expect(r.agencies.map((a) => a.code)).toEqual(['STC']);
    expect(r.filter.notice).toMatchObject({ id: monthly, number: '46/TB-BCĐ' });
    const d = await completion({ noticeId: disbursement });
    expect(d.totals).toMatchObject({ total: 4, overdue: 3, open: 1, completed: 0 });
    expect(d.totals.completionRate).toBe(0);
    expect(d.totals.onTimeRate).toBeNull();
  });

  it('by period: each period by its own due date', async () => {
    const december = await completion({ from: '2026-12-01', to: '2026-12-31' });
    // 2.d (31/12, open) and the monthly report's December period (24/12, completed).
    expect(december.totals).toMatchObject({ total: 2, open: 1, completed: 1, completedOnTime: 1 });
    const january = await completion({ from: '2027-01-01', to: '2027-01-31' });
    // The SXD plan (15/01, completed early) and the monthly report's January period (open).
    expect(january.totals).toMatchObject({ total: 2, open: 1, completed: 1, completedOnTime: 1 });
    expect(agencyCounts(january, 'SXD')).toMatchObject({ total: 1, completed: 1 });
    const october = await completion({ from: '2026-10-01', to: '2026-10-31' });
    expect(october.totals).toMatchObject({
      total: 4,
      overdue: 3,
      completed: 1,
      completedLate: 1,
      completedOnTime: 0,
    });
    expect(october.totals.onTimeRate).toBe(0);
    const both = await completion({ noticeId: monthly, from: '2027-01-01' });
    expect(both.totals).toMatchObject({ total: 1, open: 1, completed: 0 });
  });
});

describe('bad report parameters', () => {
  const get = (kind: string, query: Record<string, string>, token = head) =>
    stack.http().get(`/api/reports/${kind}`).query(query).set(auth(token));

  it.each([
    ['overdue', { noticeId: 'abc' }],
    ['completion', { from: '2026-02-30' }],
    ['overdue', { to: '31/12/2026' }],
    ['completion', { period: 'Q4' }],
  ])('%s %j: 400 VALIDATION_FAILED', async (kind, query) => {
    const res = await get(kind, query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((res.body as { message: string }).message).toMatch(/^Dữ liệu không hợp lệ/);
  });

  it.each(['overdue', 'completion'])(
    '%s: a period that ends before it starts is 400',
    async (kind) => {
      const res = await get(kind, { from: '2026-12-31', to: '2026-12-01' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'REPORT_PERIOD_INVALID',
        message:
          'Khoảng thời gian không hợp lệ: "Từ ngày" (31/12/2026) sau "Đến ngày" (01/12/2026).',
      });
    },
  );

  it('a notice that does not exist is 404', async () => {
    const res = await get('overdue', { noticeId: randomUUID() });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: 'NOTICE_NOT_FOUND',
      message: 'Không tìm thấy thông báo.',
    });
  });

  it('an agency may not read the reports', async () => {
    const stc = await stack.login('stc@dondoc.local');
    expect((await get('completion', {}, stc)).status).toBe(403);
  });
});
