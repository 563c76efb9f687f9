/**
 * Reading notices, role by role (ADR 0015): the secretariat and the committee head read every
 * notice and item; an agency reads only the notices in which it leads or co-ordinates an item, and
 * only those items; writing stays the secretariat's. The list's counts (SQL) agree with the
 * notice's (mapped items) for every reader.
 */
import { startTestStack, type TestStack } from '../support/stack';

interface Counts {
  total: number;
  open: number;
  overdue: number;
  submitted: number;
  completed: number;
  cancelled: number;
}
interface NoticeItem {
  id: string;
  code: string | null;
  lead: string;
  support: string[];
  status: string;
  overdue: boolean;
  noticeNumber: string | null;
  noticeTitle: string | null;
}
interface Summary {
  id: string;
  number: string | null;
  title: string | null;
  issuedOn: string | null;
  meetingDate: string | null;
  chair: string | null;
  createdAt: string;
  counts: Counts;
}
interface Notice extends Summary {
  items: NoticeItem[];
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const NOTICE_A = {
  number: '12/TB-BCĐ',
  title: 'Kết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ nhất',
  issuedOn: '2026-01-16',
  meetingDate: '2026-01-15',
  chair: 'Đoàn Thanh Sơn',
};

let stack: TestStack;
const tokens: Record<'secretariat' | 'head' | 'stc' | 'syt' | 'snv', string> = {
  secretariat: '',
  head: '',
  stc: '',
  syt: '',
  snv: '',
};
let a: Notice;
let b: Notice;

const as = (who: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[who]}` });

async function confirm(
  notice: Record<string, string | null>,
  items: Record<string, unknown>[],
): Promise<Notice> {
  const res = await stack
    .http()
    .post('/api/notices')
    .set(as('secretariat'))
    .send({ parsed: { notice, items: [], warnings: [] }, items });
  expect(res.status).toBe(201);
  return res.body as Notice;
}

async function waitForStatus(itemId: string, status: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await stack.http().get(`/api/items/${itemId}`).set(as('secretariat')).expect(200);
    if ((res.body as { status: string }).status === status) return;
    if (Date.now() > deadline) {
      throw new Error(`${itemId} not ${status}: ${JSON.stringify(res.body)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  stack = await startTestStack();
  tokens.secretariat = await stack.login('secretariat@dondoc.local');
  tokens.head = await stack.login('head@dondoc.local');
  tokens.stc = await stack.login('stc@dondoc.local');
  tokens.syt = await stack.login('syt@dondoc.local');
  tokens.snv = await stack.login('snv@dondoc.local');
  a = await confirm(NOTICE_A, [
    { code: '2.a', text: 'Rà soát nợ đọng xây dựng cơ bản.', lead: 'STC', due: '2026-01-22' },
    {
      code: '2.b',
      text: 'Hoàn thiện quy hoạch vùng huyện.',
      lead: 'SXD',
      support: ['STC'],
      due: '2099-06-30',
    },
    { code: '2.c', text: 'Kiểm tra an toàn thực phẩm.', lead: 'SYT', due: '2099-03-31' },
    { code: '2.d', text: 'Tổng kết phong trào thi đua.', lead: 'SYT', due: '2099-12-31' },
  ]);
  b = await confirm(
    {
      number: null,
      title: 'Kết luận về y tế cơ sở',
      issuedOn: null,
      meetingDate: null,
      chair: null,
    },
    [{ code: '1', text: 'Nâng cấp trạm y tế xã.', lead: 'SYT', due: '2099-09-30' }],
  );
  // 2.c: submitted and accepted → completed; 2.d: submitted, waiting.
  const [, , c, d] = a.items;
  for (const item of [c!, d!]) {
    await stack
      .http()
      .post(`/api/items/${item.id}/submit`)
      .set(as('syt'))
      .send({ note: 'Đã hoàn thành' })
      .expect(200);
  }
  await stack.http().post(`/api/items/${c!.id}/accept`).set(as('secretariat')).send({}).expect(200);
  await waitForStatus(c!.id, 'completed');
  // 2.a's deadline has passed: its workflow marks it overdue as it starts.
  await waitForStatus(a.items[0]!.id, 'overdue');
  await waitForStatus(d!.id, 'submitted');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const list = async (who: keyof typeof tokens): Promise<Summary[]> =>
  (await stack.http().get('/api/notices').set(as(who)).expect(200)).body as Summary[];
const get = (who: keyof typeof tokens, id: string) =>
  stack.http().get(`/api/notices/${id}`).set(as(who));

describe.each(['secretariat', 'head'] as const)('the %s', (who) => {
  it('lists every notice newest first with its facts and live counts', async () => {
    const notices = await list(who);
    expect(notices.map((n) => n.id)).toEqual([b.id, a.id]);
    expect(notices[1]).toEqual({
      id: a.id,
      ...NOTICE_A,
      createdAt: a.createdAt,
      counts: { total: 4, open: 1, overdue: 1, submitted: 1, completed: 1, cancelled: 0 },
    });
    expect(notices[0]).toMatchObject({ number: null, title: 'Kết luận về y tế cơ sở' });
    expect(notices[0]!.counts).toMatchObject({ total: 1, open: 1 });
  });

  it('reads a notice with all its items in notice order, counted as the list counts them', async () => {
    const res = await get(who, a.id).expect(200);
    const notice = res.body as Notice;
    expect(notice).toMatchObject({ id: a.id, ...NOTICE_A });
    expect(notice.items.map((i) => i.code)).toEqual(['2.a', '2.b', '2.c', '2.d']);
    expect(notice.items.map((i) => [i.status, i.overdue])).toEqual([
      ['overdue', true],
      ['open', false],
      ['completed', false],
      ['submitted', false],
    ]);
    const summary = (await list(who)).find((n) => n.id === a.id);
    expect(notice.counts).toEqual(summary?.counts);
  });

  it('404 for an unknown notice and for an id that is not one', async () => {
    expect((await get(who, UNKNOWN).expect(404)).body).toMatchObject({
      statusCode: 404,
      code: 'NOTICE_NOT_FOUND',
      message: 'Không tìm thấy thông báo.',
    });
    await get(who, 'not-a-uuid').expect(404);
  });
});

describe('the committee head', () => {
  it('may not preview or confirm a notice (403)', async () => {
    const preview = await stack
      .http()
      .post('/api/notices/preview')
      .set(as('head'))
      .send({ text: 'Thông báo' });
    expect(preview.status).toBe(403);
    expect(preview.body).toMatchObject({ code: 'FORBIDDEN' });
    const before = (await list('secretariat')).length;
    await stack
      .http()
      .post('/api/notices')
      .set(as('head'))
      .send({ text: 'Thông báo', items: [{ text: 'Việc', lead: 'STC', due: '2099-01-01' }] })
      .expect(403);
    expect(await list('secretariat')).toHaveLength(before);
  });
});

describe('an agency', () => {
  it('lists only the notices with items it leads or co-ordinates, counting only those', async () => {
    const notices = await list('stc');
    expect(notices.map((n) => n.id)).toEqual([a.id]);
    expect(notices[0]).toMatchObject({ number: NOTICE_A.number, title: NOTICE_A.title });
    expect(notices[0]!.counts).toEqual({
      total: 2,
      open: 1,
      overdue: 1,
      submitted: 0,
      completed: 0,
      cancelled: 0,
    });
    expect((await list('syt')).map((n) => n.id)).toEqual([b.id, a.id]);
    expect(await list('snv')).toEqual([]);
  });

  it("reads a notice with its own items only, never another agency's", async () => {
    const notice = (await get('stc', a.id).expect(200)).body as Notice;
    expect(notice.items.map((i) => i.code)).toEqual(['2.a', '2.b']);
    for (const i of notice.items) expect([i.lead, ...i.support]).toContain('STC');
    expect(JSON.stringify(notice)).not.toContain('Kiểm tra an toàn thực phẩm');
    expect(notice.counts).toEqual((await list('stc'))[0]!.counts);

    const syt = (await get('syt', a.id).expect(200)).body as Notice;
    expect(syt.items.map((i) => i.code)).toEqual(['2.c', '2.d']);
    expect(syt.counts).toEqual((await list('syt')).find((n) => n.id === a.id)?.counts);
  });

  it('403 for a notice without any of its items, 404 for an unknown one', async () => {
    const res = await get('stc', b.id).expect(403);
    expect(res.body).toEqual({
      statusCode: 403,
      code: 'FORBIDDEN',
      message: 'Thông báo này không có nhiệm vụ nào của cơ quan bạn.',
    });
    await get('snv', a.id).expect(403);
    await get('stc', UNKNOWN).expect(404);
  });

  it('may not preview or confirm a notice (403)', async () => {
    await stack
      .http()
      .post('/api/notices')
      .set(as('stc'))
      .send({ text: 'Thông báo', items: [{ text: 'Việc', lead: 'STC', due: '2099-01-01' }] })
      .expect(403);
  });
});

describe('an item', () => {
  it("names its notice's number and title; an item created on its own names none", async () => {
    const item = (await stack.http().get(`/api/items/${a.items[0]!.id}`).set(as('stc')).expect(200))
      .body as NoticeItem;
    expect(item).toMatchObject({
      code: '2.a',
      noticeNumber: '12/TB-BCĐ',
      noticeTitle: NOTICE_A.title,
    });
    const listed = (
      await stack.http().get(`/api/items?noticeId=${b.id}`).set(as('head')).expect(200)
    ).body as NoticeItem[];
    expect(listed.map((i) => [i.noticeNumber, i.noticeTitle])).toEqual([
      [null, 'Kết luận về y tế cơ sở'],
    ]);
    const single = await stack
      .http()
      .post('/api/items')
      .set(as('secretariat'))
      .send({ text: 'Việc riêng lẻ', lead: 'STC', due: '2099-01-01' })
      .expect(201);
    expect(single.body).toMatchObject({ noticeId: null, noticeNumber: null, noticeTitle: null });
  });
});

describe('without a login', () => {
  it('401 for the list and a notice', async () => {
    await stack.http().get('/api/notices').expect(401);
    await stack.http().get(`/api/notices/${a.id}`).expect(401);
  });
});
