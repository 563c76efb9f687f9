/**
 * GET /api/reports/risk on real PostgreSQL and real workflows (issue 12): every open item with a
 * deadline, most at risk first, with its reasons; the lead agency's record is what it completed,
 * late or not; overdue is certain, submitted nearly safe; only the secretariat and the head read it.
 */
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;
let head: string;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The UTC+7 date `days` from today. */
const day = (days: number): string =>
  new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

interface Item {
  id: string;
  status: string;
  overdue: boolean;
}
interface RiskItem {
  item: Item & { text: string; lead: string; leadName: string | null };
  workingDaysLeft: number;
  risk: number;
  reasons: string[];
}
interface RiskReport {
  asOf: string;
  lookBackFrom: string;
  baseLateRate: number | null;
  total: number;
  items: RiskItem[];
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

async function as(email: string, path: string, body: object): Promise<void> {
  const token = email === 'secretariat' ? secretariat : await stack.login(email);
  await stack.http().post(path).set(auth(token)).send(body).expect(200);
}

async function waitFor(id: string, ok: (i: Item) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await stack.http().get(`/api/items/${id}`).set(auth(secretariat)).expect(200);
    if (ok(res.body as Item)) return;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(res.body)}`);
    await sleep(250);
  }
}

const risk = async (query: Record<string, string> = {}): Promise<RiskReport> =>
  (await stack.http().get('/api/reports/risk').query(query).set(auth(head)).expect(200))
    .body as RiskReport;
const find = (r: RiskReport, id: string): RiskItem => {
  const found = r.items.find((x) => x.item.id === id);
  if (!found) throw new Error(`${id} is not in the forecast`);
  return found;
};

const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  [secretariat, head] = await Promise.all([
    stack.login('secretariat@dondoc.local'),
    stack.login('head@dondoc.local'),
  ]);
  // The record: Sở Tài chính finished one item late, Sở Xây dựng one on time.
  const stcPast = await createItem('Báo cáo quyết toán quý III', 'STC', day(-20));
  const sxdPast = await createItem('Kế hoạch duy tu đường tỉnh', 'SXD', day(30));
  for (const [item, email] of [
    [stcPast, 'stc@dondoc.local'],
    [sxdPast, 'sxd@dondoc.local'],
  ] as const) {
    await as(email, `/api/items/${item.id}/submit`, { note: 'Đã hoàn thành.' });
    await as('secretariat', `/api/items/${item.id}/accept`, {});
    await waitFor(item.id, (i) => i.status === 'completed', 'not completed');
  }
  // Open now.
  ids.soon = (await createItem('Tổng hợp số liệu thu ngân sách', 'STC', day(3))).id;
  ids.onPace = (await createItem('Rà soát quy hoạch xây dựng', 'SXD', day(60))).id;
  ids.overdue = (await createItem('Báo cáo giải ngân vốn đầu tư công', 'STC', day(-5))).id;
  ids.submitted = (await createItem('Hoàn thiện hồ sơ bệnh viện tỉnh', 'SYT', day(20))).id;
  await as('sxd@dondoc.local', `/api/items/${ids.onPace}/progress`, {
    note: 'Đã xong phần lớn.',
    percent: 80,
  });
  await as('syt@dondoc.local', `/api/items/${ids.submitted}/submit`, { note: 'Đã xong.' });
  await waitFor(ids.submitted, (i) => i.status === 'submitted', 'not submitted');
  await waitFor(ids.overdue, (i) => i.overdue, 'not overdue');
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe('GET /api/reports/risk', () => {
  it('lists every open item with a deadline, most at risk first', async () => {
    const r = await risk();
    expect(r.total).toBe(4);
    expect(r.items.map((x) => x.item.id).sort()).toEqual(Object.values(ids).sort());
    const risks = r.items.map((x) => x.risk);
    expect([...risks].sort((a, b) => b - a)).toEqual(risks);
    expect(r.items[0]!.item.id).toBe(ids.overdue);
    // One of the two periods of the look-back window was late.
    expect(r.baseLateRate).toBeCloseTo(0.5);
  });

  it('an overdue item is certain, and says by how much', async () => {
    const overdue = find(await risk(), ids.overdue!);
    expect(overdue.risk).toBe(1);
    expect(overdue.workingDaysLeft).toBeLessThan(0);
    expect(overdue.reasons).toEqual([`Đã quá hạn ${-overdue.workingDaysLeft} ngày làm việc.`]);
  });

  it('an item due soon, silent, of an agency that was late, is riskier than one on pace of an agency that was not', async () => {
    const r = await risk();
    const soon = find(r, ids.soon!);
    const onPace = find(r, ids.onPace!);
    expect(soon.risk).toBeGreaterThan(onPace.risk);
    expect(soon.reasons).toContainEqual(
      expect.stringMatching(
        /^Cơ quan chủ trì hoàn thành đúng hạn 0\/1 nhiệm vụ, chậm trung bình \d+ ngày làm việc\.$/,
      ),
    );
    expect(soon.reasons).toContain(
      `Còn ${soon.workingDaysLeft} ngày làm việc, đã qua 0% thời hạn.`,
    );
    expect(onPace.reasons).toContain('Cơ quan chủ trì hoàn thành đúng hạn 1/1 nhiệm vụ.');
    expect(
      onPace.reasons.some((x) => x.startsWith('Tiến độ báo cáo 80% sau 0 ngày làm việc')),
    ).toBe(true);
    expect(soon.item.leadName).toBe('Sở Tài chính');
  });

  it('a submitted item waits for acceptance', async () => {
    const submitted = find(await risk(), ids.submitted!);
    expect(submitted.risk).toBe(0.05);
    expect(submitted.reasons).toEqual(['Đã báo cáo hoàn thành, chờ xác nhận.']);
  });

  it('limit keeps the most at risk; the total still counts them all', async () => {
    const r = await risk({ limit: '2' });
    expect(r.total).toBe(4);
    expect(r.items).toHaveLength(2);
    expect(r.items[0]!.item.id).toBe(ids.overdue);
  });

  it('overdue=false leaves the overdue items out (the overdue report lists them); true keeps only them', async () => {
    const upcoming = await risk({ overdue: 'false' });
    expect(upcoming.total).toBe(3);
    expect(upcoming.items.map((x) => x.item.id)).not.toContain(ids.overdue);
    const overdue = await risk({ overdue: 'true', limit: '5' });
    expect(overdue.items.map((x) => x.item.id)).toEqual([ids.overdue]);
    expect(overdue.total).toBe(1);
  });

  it('is for the secretariat and the head: 403 to an agency, 400 for a bad limit', async () => {
    const agency = await stack.login('stc@dondoc.local');
    const refused = await stack.http().get('/api/reports/risk').set(auth(agency));
    expect(refused.status).toBe(403);
    const bad = await stack
      .http()
      .get('/api/reports/risk')
      .query({ limit: '0' })
      .set(auth(secretariat));
    expect(bad.status).toBe(400);
    expect((bad.body as { code: string }).code).toBe('VALIDATION_FAILED');
    await stack.http().get('/api/reports/risk').set(auth(secretariat)).expect(200);
  });
});
