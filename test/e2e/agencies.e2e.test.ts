/**
 * The agency directory (issue 9, ADR 0020): the secretariat creates, renames, sets aliases and
 * addresses, deactivates and reactivates an agency. A new alias is recognised by the notice
 * preview at once; a deactivated agency is neither recognised nor assigned a new item, and keeps
 * its items and their history. Real stack: API, worker, Temporal, PostgreSQL, SMTP.
 */
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;

beforeAll(async () => {
  stack = await startTestStack();
  secretariat = await stack.login('secretariat@dondoc.local');
}, 120_000);

afterAll(() => stack?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Agency {
  code: string;
  name: string;
  aliases: string[];
  contactEmail: string;
  headEmail: string | null;
  active: boolean;
}
interface PreviewItem {
  text: string;
  lead: string[];
}

const NOTICE = `UBND TỈNH CAO BẰNG
VĂN PHÒNG
Số: 401/TB-VPUBND
Cao Bằng, ngày 01 tháng 12 năm 2026
THÔNG BÁO
Kết luận của đồng chí Phó Chủ tịch UBND tỉnh tại buổi làm việc về phát triển du lịch
Sau khi nghe báo cáo, đồng chí Phó Chủ tịch UBND tỉnh kết luận như sau:
1. Giao Sở DL chủ trì xây dựng Kế hoạch phát triển du lịch năm 2027, hoàn thành trước ngày 31/12/2026.
2. Giao Sở Tài chính bố trí kinh phí thực hiện, hoàn thành trong tháng 01/2027.
Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.`;

const leads = async (): Promise<string[][]> => {
  const res = await stack
    .http()
    .post('/api/notices/preview')
    .set(auth(secretariat))
    .send({ text: NOTICE })
    .expect(200);
  return (res.body as { items: PreviewItem[] }).items.map((i) => i.lead);
};

const patch = (code: string, body: Record<string, unknown>, token = secretariat) =>
  stack.http().patch(`/api/agencies/${code}`).set(auth(token)).send(body);

describe('the agency directory', () => {
  it('is readable by every role, with aliases, addresses and whether each is active', async () => {
    for (const email of ['secretariat@dondoc.local', 'head@dondoc.local', 'stc@dondoc.local']) {
      const res = await stack
        .http()
        .get('/api/agencies')
        .set(auth(await stack.login(email)))
        .expect(200);
      const stc = (res.body as Agency[]).find((a) => a.code === 'STC');
      expect(stc).toEqual({
        code: 'STC',
        name: 'Sở Tài chính',
        aliases: stc?.aliases,
        contactEmail: 'stc@dondoc.local',
        headEmail: 'stc-head@dondoc.local',
        active: true,
      });
      expect(stc?.aliases).toContain('Sở TC');
    }
    expect((await stack.http().get('/api/agencies')).status).toBe(401);
  });

  it('only the secretariat changes it (403 for an agency and the committee head)', async () => {
    for (const email of ['stc@dondoc.local', 'head@dondoc.local']) {
      const token = await stack.login(email);
      const created = await stack
        .http()
        .post('/api/agencies')
        .set(auth(token))
        .send({ code: 'SXX', name: 'Sở Thử', contactEmail: 'sxx@x.vn' });
      expect(created.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      expect((await patch('STC', { name: 'Đổi tên' }, token)).status).toBe(403);
    }
    const list = await stack.http().get('/api/agencies').set(auth(secretariat)).expect(200);
    expect((list.body as Agency[]).map((a) => a.code)).not.toContain('SXX');
    expect((list.body as Agency[]).find((a) => a.code === 'STC')?.name).toBe('Sở Tài chính');
  });

  it('a new agency and its alias are recognised by the notice preview at once', async () => {
    const before = await leads();
    expect(before[0]).not.toContain('Sở Du lịch');
    expect(before[1]).toEqual(['Sở Tài chính']);

    const created = await stack
      .http()
      .post('/api/agencies')
      .set(auth(secretariat))
      .send({
        code: 'SDL',
        name: 'Sở Du lịch',
        aliases: [' Sở  DL ', 'sở dl', ''],
        contactEmail: 'VanThu@sdl.tinh.gov.vn',
        headEmail: 'giamdoc@sdl.tinh.gov.vn',
      });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code: 'SDL',
      name: 'Sở Du lịch',
      aliases: ['Sở DL'],
      contactEmail: 'vanthu@sdl.tinh.gov.vn',
      headEmail: 'giamdoc@sdl.tinh.gov.vn',
      active: true,
    });
    expect((await leads())[0]).toEqual(['Sở Du lịch']);
  });

  it('refuses a taken code, a spelling of another agency, bad input', async () => {
    const cases: [string, () => ReturnType<typeof patch>, number, string][] = [
      [
        'a taken code',
        () =>
          stack
            .http()
            .post('/api/agencies')
            .set(auth(secretariat))
            .send({ code: 'STC', name: 'Sở Khác', contactEmail: 'a@b.vn' }),
        409,
        'AGENCY_CODE_TAKEN',
      ],
      [
        'another agency’s name as an alias',
        () => patch('SXD', { aliases: ['Sở XD', 'sở tài chính tỉnh'] }),
        409,
        'AGENCY_NAME_TAKEN',
      ],
      [
        'another agency’s name as a new name',
        () =>
          stack
            .http()
            .post('/api/agencies')
            .set(auth(secretariat))
            .send({ code: 'SMOI', name: 'Sở TC', contactEmail: 'a@b.vn' }),
        409,
        'AGENCY_NAME_TAKEN',
      ],
      ['an unknown agency', () => patch('KHONGCO', { name: 'X' }), 404, 'AGENCY_NOT_FOUND'],
      [
        'a bad address',
        () => patch('SXD', { contactEmail: 'không phải địa chỉ' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a lower-case code',
        () =>
          stack
            .http()
            .post('/api/agencies')
            .set(auth(secretariat))
            .send({ code: 'sdl2', name: 'Sở Hai', contactEmail: 'a@b.vn' }),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [what, call, status, code] of cases) {
      const res = await call();
      expect({ what, status: res.status, code: (res.body as { code: string }).code }).toEqual({
        what,
        status,
        code,
      });
    }
    const sxd = (await stack.http().get('/api/agencies').set(auth(secretariat))).body as Agency[];
    expect(sxd.find((a) => a.code === 'SXD')?.aliases).not.toContain('sở tài chính tỉnh');
  });

  it('renames, changes aliases and addresses; the item mails go to the new contact', async () => {
    const res = await patch('SDL', {
      name: 'Sở Văn hóa và Du lịch',
      aliases: ['Sở DL', 'Sở VH&DL'],
      contactEmail: 'moi@sdl.tinh.gov.vn',
      headEmail: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'SDL',
      name: 'Sở Văn hóa và Du lịch',
      aliases: ['Sở DL', 'Sở VH&DL'],
      contactEmail: 'moi@sdl.tinh.gov.vn',
      headEmail: null,
      active: true,
    });
    expect((await leads())[0]).toEqual(['Sở Văn hóa và Du lịch']);

    const item = await stack
      .http()
      .post('/api/items')
      .set(auth(secretariat))
      .send({
        text: 'Báo cáo kết quả mùa du lịch hè.',
        lead: 'SDL',
        due: new Date(Date.now() + 10 * 60_000).toISOString(),
        policy: { remindBefore: ['PT9M57S'], escalateAfter: [] },
      });
    expect(item.status).toBe(201);
    await stack.smtp.waitFor((m) => m.to.includes('moi@sdl.tinh.gov.vn'), 1, 30_000);
  });

  it('a deactivated agency keeps its items and history, is not recognised and gets no new item', async () => {
    const created = await stack
      .http()
      .post('/api/items')
      .set(auth(secretariat))
      .send({ text: 'Tổng kết năm du lịch 2026.', lead: 'SDL', due: '2026-12-30' })
      .expect(201);
    const itemId = (created.body as { id: string }).id;
    await waitForHistory(itemId, 'created');

    const off = await patch('SDL', { active: false });
    expect(off.body).toMatchObject({ code: 'SDL', active: false });

    const item = await stack.http().get(`/api/items/${itemId}`).set(auth(secretariat)).expect(200);
    expect(item.body).toMatchObject({ id: itemId, lead: 'SDL' });
    expect(await stack.historyTypes(itemId, secretariat)).toContain('created');
    expect(
      (await stack.http().get('/api/items?lead=SDL').set(auth(secretariat))).body,
    ).toHaveLength(2);

    expect((await leads())[0]).not.toContain('Sở Văn hóa và Du lịch');
    const refused = await stack
      .http()
      .post('/api/items')
      .set(auth(secretariat))
      .send({ text: 'Việc mới.', lead: 'SDL', due: '2026-12-30' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'AGENCY_INACTIVE' });
    const support = await stack
      .http()
      .post('/api/items')
      .set(auth(secretariat))
      .send({ text: 'Việc mới.', lead: 'STC', support: ['SDL'], due: '2026-12-30' });
    expect(support.body).toMatchObject({ code: 'AGENCY_INACTIVE' });
    const confirm = await stack
      .http()
      .post('/api/notices')
      .set(auth(secretariat))
      .send({ text: NOTICE, items: [{ code: '1', text: 'Kế hoạch du lịch', lead: ['SDL'] }] });
    expect(confirm.status).toBe(400);
    const reassign = await stack
      .http()
      .post(`/api/items/${itemId}/reassign`)
      .set(auth(secretariat))
      .send({ lead: 'SDL' });
    expect(reassign.body).toMatchObject({
      code: 'AGENCY_INACTIVE',
      // Named as people know it, not only by its code.
      message: 'Sở Văn hóa và Du lịch (mã SDL) đã ngừng hoạt động; không giao được nhiệm vụ mới.',
    });

    // The agency's own user still reads its items.
    const sdlUser = await stack
      .http()
      .post('/api/users')
      .set(auth(secretariat))
      .send({ email: 'nv@sdl.tinh.gov.vn', name: 'Nhân viên', role: 'agency', agency: 'SDL' });
    expect(sdlUser.body).toMatchObject({
      code: 'AGENCY_INACTIVE',
      message:
        'Sở Văn hóa và Du lịch (mã SDL) đã ngừng hoạt động; không gắn được tài khoản mới với cơ quan này.',
    });

    const on = await patch('SDL', { active: true });
    expect(on.body).toMatchObject({ active: true });
    expect((await leads())[0]).toEqual(['Sở Văn hóa và Du lịch']);
    await stack
      .http()
      .post('/api/items')
      .set(auth(secretariat))
      .send({ text: 'Việc mới.', lead: 'SDL', due: '2026-12-30' })
      .expect(201);
  });
});

async function waitForHistory(itemId: string, type: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await stack.historyTypes(itemId, secretariat)).includes(type)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${type} event for item ${itemId}`);
}
