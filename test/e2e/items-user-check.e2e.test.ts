import { matchesSearch, searchPattern } from '../../libs/persistence/src/items/search-fold';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * What a user check of the web app found (issue 8), at the API on real PostgreSQL (C locale) and
 * Temporal: search without diacritics, the items waiting for an extension decision, and the
 * refusals behind the forms' checks (progress over 100 %, an extension to a date not later).
 */

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

/** The date `days` from today in UTC+7, "YYYY-MM-DD". */
const day = (days: number): string =>
  new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const DUE = day(120);

async function create(text: string, due = DUE): Promise<string> {
  const res = await stack
    .http()
    .post('/api/items')
    .set('authorization', `Bearer ${secretariat}`)
    .send({ text, lead: 'STC', due })
    .expect(201);
  return (res.body as { id: string }).id;
}

const post = (path: string, token: string, body: object) =>
  stack.http().post(path).set('authorization', `Bearer ${token}`).send(body);

async function list(query: Record<string, string>, only: readonly string[]): Promise<string[]> {
  const res = await stack
    .http()
    .get('/api/items')
    .query(query)
    .set('authorization', `Bearer ${secretariat}`)
    .expect(200);
  const ids = (res.body as { id: string }[]).map((i) => i.id).filter((id) => only.includes(id));
  return ids.map((id) => only.indexOf(id)).map((i) => `#${i}`);
}

describe('search (q) without diacritics, in any case', () => {
  const TEXTS = [
    'Sở Tài chính báo cáo kết quả rà soát hồ sơ quyết toán',
    // Typed decomposed ("Unicode tổ hợp"), as some Vietnamese keyboards still do.
    'ĐẨY NHANH giải ngân vốn đầu tư công'.normalize('NFD'),
    'Kiểm tra an toàn thực phẩm (đợt 2), 100% cơ sở',
  ];
  let ids: string[];
  beforeAll(async () => {
    ids = [];
    for (const text of TEXTS) ids.push(await create(text));
  });

  it.each([
    ['so tai chinh', ['#0']],
    ['bao cao', ['#0']],
    ['BÁO CÁO', ['#0']],
    ['day nhanh', ['#1']],
    ['đẩy nhanh', ['#1']],
    ['dau tu cong', ['#1']],
    ['thuc pham (dot 2)', ['#2']],
    ['100%', ['#2']],
    ['SO', ['#0', '#2']],
    ['tai chanh', []],
    ['_', []],
  ])('q=%s finds %j', async (q, expected) => {
    expect(await list({ q, sort: 'due', limit: '1000' }, ids)).toEqual(expected);
  });

  it("the database's regular expression agrees with matchesSearch for every letter", async () => {
    const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const lower = [
      ...vowels.flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))),
      ...'bcdđghklmnpqrstvx',
    ];
    const letters = [...lower, ...lower.map((c) => c.toUpperCase())];
    const texts = [...letters, ...letters.map((c) => c.normalize('NFD'))];
    const queries = [...'abcdefghijklmnopqrstuvwxyz', 'ư', 'Đ', 'ẩ'];
    const rows = await stack.db.dataSource.query<{ text: string; query: string; found: boolean }[]>(
      `SELECT t.text, q.query, t.text ~ q.pattern AS found
         FROM unnest($1::text[]) AS t(text)
         CROSS JOIN unnest($2::text[], $3::text[]) AS q(query, pattern)`,
      [texts, queries, queries.map(searchPattern)],
    );
    expect(rows).toHaveLength(texts.length * queries.length);
    const disagree = rows.filter((r) => r.found !== matchesSearch(r.text, r.query));
    expect(disagree).toEqual([]);
    expect(rows.filter((r) => r.found).length).toBe(
      rows.filter((r) => matchesSearch(r.text, r.query)).length,
    );
    expect(rows.some((r) => r.found)).toBe(true);
  });
});

describe('pendingExtension: the items waiting for the secretariat to decide an extension', () => {
  const later = { due: day(200), reason: 'Chờ số liệu thống kê.' };
  /** #0 waiting; #1 no request; #2 approved; #3 rejected; #4 cancelled while waiting; #5 completed while waiting. */
  let ids: string[];
  beforeAll(async () => {
    ids = [];
    for (let n = 0; n < 6; n++) ids.push(await create(`Nhiệm vụ gia hạn số ${n}`));
    const request = async (n: number) =>
      (
        (await post(`/api/items/${ids[n]}/extension-requests`, stc, later).expect(201)).body as {
          requestId: string;
        }
      ).requestId;
    for (const n of [0, 4, 5]) await request(n);
    const approved = await request(2);
    await post(
      `/api/items/${ids[2]}/extension-requests/${approved}/approve`,
      secretariat,
      {},
    ).expect(200);
    const rejected = await request(3);
    // A refusal tells the agency why: without a reason (or a blank one) it is a 400, nothing decided.
    for (const body of [{}, { reason: '   ' }]) {
      const bare = await post(
        `/api/items/${ids[3]}/extension-requests/${rejected}/reject`,
        secretariat,
        body,
      ).expect(400);
      expect(bare.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    await post(`/api/items/${ids[3]}/extension-requests/${rejected}/reject`, secretariat, {
      reason: 'Không đủ căn cứ.',
    }).expect(200);
    await post(`/api/items/${ids[4]}/cancel`, secretariat, { reason: 'Không còn cần.' }).expect(
      200,
    );
    await post(`/api/items/${ids[5]}/submit`, stc, { note: 'Đã xong.' }).expect(200);
    await post(`/api/items/${ids[5]}/accept`, secretariat, {}).expect(200);
  }, 120_000);

  it('true lists only the open request; false the others; the count is in X-Total-Count', async () => {
    expect(await list({ pendingExtension: 'true' }, ids)).toEqual(['#0']);
    expect(await list({ pendingExtension: 'false', sort: 'due' }, ids)).toEqual([
      '#1',
      '#3',
      '#4',
      '#5',
      '#2',
    ]);
    const res = await stack
      .http()
      .get('/api/items?pendingExtension=true&limit=1')
      .set('authorization', `Bearer ${secretariat}`)
      .expect(200);
    expect(res.headers['x-total-count']).toBe('1');
    expect((res.body as { pendingExtension: { due: { date: string } } }[])[0]).toMatchObject({
      pendingExtension: { due: { date: later.due } },
    });
  });

  it('an agency sees only its own; a bad value is a 400 with a Vietnamese message', async () => {
    const sxd = await stack.login('sxd@dondoc.local');
    const res = await stack
      .http()
      .get('/api/items?pendingExtension=true')
      .set('authorization', `Bearer ${sxd}`)
      .expect(200);
    expect(res.body).toEqual([]);
    const bad = await stack
      .http()
      .get('/api/items?pendingExtension=yes')
      .set('authorization', `Bearer ${secretariat}`)
      .expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((bad.body as { message: string }).message).toContain('pendingExtension');
  });
});

describe('refusals behind the forms', () => {
  let id: string;
  beforeAll(async () => {
    id = await create('Báo cáo tình hình thực hiện chương trình chuyển đổi số');
  });

  it.each([-1, 101, 150, 50.5])('progress %p % is a 400 VALIDATION_FAILED', async (percent) => {
    const res = await post(`/api/items/${id}/progress`, stc, { percent, note: 'Tiến độ.' }).expect(
      400,
    );
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it.each([
    ['a past date', day(-2)],
    ['the current deadline', DUE],
    ['a date before it', day(119)],
  ])(
    'an extension to %s is a 400 INVALID_COMMAND in Vietnamese, nothing recorded',
    async (_, due) => {
      const res = await post(`/api/items/${id}/extension-requests`, stc, {
        due,
        reason: 'Cần thêm thời gian.',
      }).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'INVALID_COMMAND',
        message: 'Thời hạn đề nghị phải sau thời hạn hiện tại.',
      });
      expect(await stack.historyTypes(id, secretariat)).not.toContain('extension_requested');
    },
  );

  it('on an overdue item, an extension to a past date after the deadline is refused too', async () => {
    const overdue = await create('Tổng hợp ý kiến góp ý dự thảo quy chế', day(-30));
    const res = await post(`/api/items/${overdue}/extension-requests`, stc, {
      due: day(-10),
      reason: 'Cần thêm thời gian.',
    }).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'INVALID_COMMAND',
      message: 'Thời hạn đề nghị phải ở tương lai.',
    });
  });
});

describe('an extension granted to another date than asked (the blind check of issue 8)', () => {
  /** An item due 29/01/2027 with STC's request for 30/04/2027 waiting; the request's id. */
  async function withRequest(): Promise<{ id: string; rid: string }> {
    const id = await create('Hoàn thiện đề án chuyển đổi số.', '2027-01-29');
    const asked = await post(`/api/items/${id}/extension-requests`, stc, {
      due: '2027-04-30',
      reason: 'Chờ ý kiến của bộ.',
    });
    expect(asked.status).toBe(201);
    return { id, rid: (asked.body as { requestId: string }).requestId };
  }
  const approve = (id: string, rid: string, body: object) =>
    post(`/api/items/${id}/extension-requests/${rid}/approve`, secretariat, body);

  it('grants another date than asked; the history says both', async () => {
    const { id, rid } = await withRequest();
    const approved = await approve(id, rid, { due: '2027-03-15', reason: 'Gia hạn một phần.' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      due: '2027-03-15',
      originalDue: '2027-01-29',
      status: 'open',
      pendingExtension: null,
    });
    const history = await stack
      .http()
      .get(`/api/items/${id}/history`)
      .set('authorization', `Bearer ${secretariat}`)
      .expect(200);
    const events = history.body as { type: string; detail: Record<string, unknown> | null }[];
    expect(events.find((e) => e.type === 'extension_approved')?.detail).toMatchObject({
      to: { date: '2027-03-15' },
      requestedDue: { date: '2027-04-30' },
      reason: 'Gia hạn một phần.',
    });
  });

  it('refuses a grant that extends nothing or is not a date, and changes nothing', async () => {
    const { id, rid } = await withRequest();
    const early = await approve(id, rid, { due: '2027-01-20' });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({
      code: 'INVALID_COMMAND',
      message: 'Hạn gia hạn phải sau thời hạn hiện tại.',
    });
    const garbled = await approve(id, rid, { due: '15/03/2027' });
    expect(garbled.status).toBe(400);
    expect(garbled.body).toMatchObject({ code: 'INVALID_DUE' });
    const after = await stack
      .http()
      .get(`/api/items/${id}`)
      .set('authorization', `Bearer ${secretariat}`)
      .expect(200);
    expect(after.body).toMatchObject({ due: '2027-01-29', pendingExtension: { id: rid } });
    // Granted as asked when no date is given.
    const asAsked = await approve(id, rid, {});
    expect(asAsked.status).toBe(200);
    expect(asAsked.body).toMatchObject({ due: '2027-04-30' });
  });
});

describe("a notice's items due at the same instant (the blind check of issue 8)", () => {
  it('are listed in their order in the notice, in every order of the list', async () => {
    const codes = ['1', '2', '3.a', '3.b', '4', '5', '6', '7', '8', '9'];
    const confirmed = await post('/api/notices', secretariat, {
      text: `Thông báo thử thứ tự ${Date.now()}`,
      items: codes.map((code) => ({
        code,
        text: `Nhiệm vụ ${code} cùng hạn`,
        lead: code === '4' ? 'SXD' : 'STC',
        due: DUE,
      })),
    }).expect(201);
    const noticeId = (confirmed.body as { id: string }).id;
    const listed = async (query: Record<string, string>, token = secretariat) =>
      (
        (
          await stack
            .http()
            .get('/api/items')
            .query({ noticeId, ...query })
            .set('authorization', `Bearer ${token}`)
            .expect(200)
        ).body as { code: string }[]
      ).map((i) => i.code);
    expect(await listed({ sort: 'due' })).toEqual(codes);
    expect(await listed({})).toEqual(codes);
    expect(await listed({ sort: 'due', lead: 'STC' })).toEqual(codes.filter((c) => c !== '4'));
    expect(await listed({ sort: 'due', limit: '3', offset: '3' })).toEqual(codes.slice(3, 6));
    expect(await listed({}, stc)).toEqual(codes.filter((c) => c !== '4'));
  }, 60_000);
});
