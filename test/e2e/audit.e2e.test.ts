/**
 * The audit log (issue 9, ADR 0020): who, what, when, from where and how it ended, for logins,
 * failed logins, refusals (401/403), account and agency changes and every item command, by HTTP
 * and by a mail's signed link; readable by the secretariat only, newest first, paged, filtered.
 * Real stack: API, worker, Temporal, PostgreSQL, SMTP.
 */
import type { Application } from 'express';
import { signItemLink } from '../../libs/security/src';
import { SEED_PASSWORD, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;
let stc: string;

const CLIENT = '198.51.100.23';

beforeAll(async () => {
  stack = await startTestStack();
  // Behind the province's proxy (TRUST_PROXY): the client's address is X-Forwarded-For's.
  (stack.app.getHttpAdapter().getInstance() as Application).set('trust proxy', true);
  secretariat = await stack.login('secretariat@dondoc.local');
  stc = await stack.login('stc@dondoc.local');
}, 120_000);

afterAll(() => stack?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Entry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  outcome: 'success' | 'failure' | 'refused';
  statusCode: number | null;
  code: string | null;
  clientAddress: string | null;
  request: string | null;
  detail: Record<string, unknown> | null;
}

async function audit(query = ''): Promise<{ entries: Entry[]; total: number }> {
  const res = await stack.http().get(`/api/audit${query}`).set(auth(secretariat)).expect(200);
  return { entries: res.body as Entry[], total: Number(res.headers['x-total-count']) };
}

/** The newest entry of `action` (after the request that wrote it has been answered). */
async function last(action: string, extra = ''): Promise<Entry> {
  const { entries } = await audit(`?action=${action}&limit=1${extra}`);
  expect(entries).toHaveLength(1);
  return entries[0]!;
}

describe('logins and refusals', () => {
  it('records a login and a failed login: who, from where, how it ended; never the password', async () => {
    await stack
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', CLIENT)
      .send({ email: 'SXD@dondoc.local', password: SEED_PASSWORD })
      .expect(200);
    expect(await last('auth.login')).toMatchObject({
      actorEmail: 'sxd@dondoc.local',
      action: 'auth.login',
      outcome: 'success',
      statusCode: 200,
      code: null,
      clientAddress: CLIENT,
      request: 'POST /api/auth/login',
    });
    await stack
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', CLIENT)
      .send({ email: 'sxd@dondoc.local', password: 'mật-khẩu-đoán-sai' })
      .expect(401);
    const failed = await last('auth.login');
    expect(failed).toMatchObject({
      actorEmail: 'sxd@dondoc.local',
      outcome: 'refused',
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      clientAddress: CLIENT,
    });
    expect(Date.now() - Date.parse(failed.at)).toBeLessThan(60_000);
    expect(failed.at).toMatch(/\+07:00$/);
    const secrets = await stack.db.dataSource.query<unknown[]>(
      `SELECT 1 FROM audit_log WHERE detail::text LIKE '%mật-khẩu%' OR request LIKE '%mật-khẩu%'`,
    );
    expect(secrets).toHaveLength(0);
  });

  it('records a request without a token (401), a role refused by the guard and by a service (403)', async () => {
    await stack.http().get('/api/items').set('X-Forwarded-For', CLIENT).expect(401);
    expect(await last('access.refused')).toMatchObject({
      actorEmail: null,
      outcome: 'refused',
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      request: 'GET /api/items',
      clientAddress: CLIENT,
    });

    await stack.http().get('/api/users').set(auth(stc)).expect(403);
    expect(await last('access.refused')).toMatchObject({
      actorEmail: 'stc@dondoc.local',
      actorRole: 'agency',
      statusCode: 403,
      code: 'FORBIDDEN',
      request: 'GET /api/users',
    });

    const other = await createItem('SXD');
    await stack.http().get(`/api/items/${other}`).set(auth(stc)).expect(403);
    expect(await last('access.refused')).toMatchObject({
      actorEmail: 'stc@dondoc.local',
      statusCode: 403,
      request: 'GET /api/items/:id',
    });
  });
});

describe('account and agency changes', () => {
  it('records who created and changed an account and an agency, and what changed', async () => {
    const created = await stack
      .http()
      .post('/api/users')
      .set(auth(secretariat))
      .send({ email: 'kiemtra@x.vn', name: 'Kiểm Tra', role: 'committee_head' })
      .expect(201);
    const userId = (created.body as { id: string }).id;
    expect(await last('user.create')).toMatchObject({
      actorEmail: 'secretariat@dondoc.local',
      actorRole: 'secretariat',
      targetType: 'user',
      targetId: userId,
      // The target as people name it (the audit page shows it, issue 8).
      targetLabel: 'Kiểm Tra',
      outcome: 'success',
      statusCode: 201,
      detail: { email: 'kiemtra@x.vn', name: 'Kiểm Tra', role: 'committee_head' },
    });
    expect((await last('user.create')).actorId).toMatch(/^[0-9a-f-]{36}$/);

    await stack
      .http()
      .patch(`/api/users/${userId}`)
      .set(auth(secretariat))
      .send({ disabled: true })
      .expect(200);
    expect(await last('user.update')).toMatchObject({
      targetId: userId,
      outcome: 'success',
      detail: { disabled: true },
    });
    await stack
      .http()
      .post('/api/users')
      .set(auth(secretariat))
      .send({ email: 'kiemtra@x.vn', name: 'Lần nữa', role: 'committee_head' })
      .expect(409);
    expect(await last('user.create')).toMatchObject({
      outcome: 'failure',
      statusCode: 409,
      code: 'EMAIL_TAKEN',
      targetId: null,
      targetLabel: null,
    });

    await stack
      .http()
      .patch('/api/agencies/SXD')
      .set(auth(secretariat))
      .send({ aliases: ['Sở XD', 'Sở Xây dựng tỉnh Cao Bằng'], active: true })
      .expect(200);
    expect(await last('agency.update')).toMatchObject({
      targetType: 'agency',
      targetId: 'SXD',
      targetLabel: 'Sở Xây dựng',
      detail: { aliases: ['Sở XD', 'Sở Xây dựng tỉnh Cao Bằng'], active: true },
    });
  });
});

describe('item commands', () => {
  it('records every command by HTTP and by signed link, refused ones too', async () => {
    const itemId = await createItem('STC');
    expect(await last('item.create')).toMatchObject({
      targetType: 'item',
      targetId: itemId,
      targetLabel: 'Việc kiểm tra nhật ký của STC.',
      actorEmail: 'secretariat@dondoc.local',
      detail: { lead: 'STC' },
    });

    await stack
      .http()
      .post(`/api/items/${itemId}/progress`)
      .set(auth(stc))
      .send({ percent: 40, note: 'Đã hoàn thành dự thảo.' })
      .expect(200);
    expect(await last('item.progress')).toMatchObject({
      actorEmail: 'stc@dondoc.local',
      targetId: itemId,
      outcome: 'success',
      statusCode: 200,
      detail: { percent: 40 },
    });

    const sxd = await stack.login('sxd@dondoc.local');
    await stack
      .http()
      .post(`/api/items/${itemId}/progress`)
      .set(auth(sxd))
      .send({ note: 'Không phải việc của tôi.' })
      .expect(403);
    expect(await last('item.progress')).toMatchObject({
      actorEmail: 'sxd@dondoc.local',
      targetId: itemId,
      outcome: 'refused',
      statusCode: 403,
    });

    const token = signItemLink(
      { itemId, agencyCode: 'STC', deadlineVersion: 1, issuedAtMs: Date.now() },
      stack.config.linkSigningSecret,
    );
    await stack
      .http()
      .post(`/api/links/${token}/progress`)
      .send({ percent: 60, note: 'Qua liên kết.' })
      .expect(200);
    const viaLink = await last('item.progress');
    expect(viaLink).toMatchObject({
      actorEmail: null,
      actorRole: 'agency',
      targetType: 'item',
      targetId: itemId,
      request: 'POST /api/links/:token/progress',
      detail: { percent: 60, channel: 'link', agency: 'STC' },
    });
    await stack.http().post(`/api/links/${token}x/submit`).send({ note: 'Giả mạo.' }).expect(401);
    expect(await last('item.submit')).toMatchObject({
      outcome: 'refused',
      code: 'LINK_INVALID',
      targetId: null,
      detail: { channel: 'link' },
    });

    await stack
      .http()
      .post(`/api/items/${itemId}/cancel`)
      .set(auth(secretariat))
      .send({ reason: 'Không còn cần thiết.' })
      .expect(200);
    expect(await last('item.cancel')).toMatchObject({ targetId: itemId, outcome: 'success' });

    const byItem = await audit(`?targetId=${itemId}`);
    expect(byItem.entries.map((e) => e.action)).toEqual([
      'item.cancel',
      'item.progress',
      'item.progress',
      'item.progress',
      'item.create',
    ]);
    const tokens = await stack.db.dataSource.query<unknown[]>(
      `SELECT 1 FROM audit_log WHERE request LIKE '%' || $1 || '%' OR detail::text LIKE '%' || $1 || '%'`,
      [token.slice(3, 30)],
    );
    expect(tokens).toHaveLength(0);
  });
});

describe('reading the log', () => {
  it('is for the secretariat only', async () => {
    expect((await stack.http().get('/api/audit').set(auth(stc))).status).toBe(403);
    const head = await stack.login('head@dondoc.local');
    expect((await stack.http().get('/api/audit').set(auth(head))).status).toBe(403);
    expect((await stack.http().get('/api/audit')).status).toBe(401);
  });

  it('pages newest first with the total in X-Total-Count, filtered by action, outcome, actor and day', async () => {
    const all = await audit('?limit=200');
    expect(all.total).toBeGreaterThan(10);
    const ids = all.entries.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const first = await audit('?limit=3&offset=0');
    const second = await audit('?limit=3&offset=3');
    expect(first.total).toBe(all.total); // reading the log is not recorded
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(
      all.entries.slice(0, 6).map((e) => e.id),
    );

    const refusedLogins = await audit('?action=auth.login&outcome=refused');
    expect(refusedLogins.entries.length).toBeGreaterThan(0);
    expect(
      refusedLogins.entries.every((e) => e.action === 'auth.login' && e.outcome === 'refused'),
    ).toBe(true);
    const bySxd = await audit('?actor=SXD@');
    expect(bySxd.entries.length).toBeGreaterThan(0);
    expect(bySxd.entries.every((e) => e.actorEmail === 'sxd@dondoc.local')).toBe(true);

    const today = all.entries[0]!.at.slice(0, 10);
    expect((await audit(`?from=${today}&to=${today}`)).total).toBe(all.total);
    expect((await audit('?to=2020-01-01')).total).toBe(0);
    const bad = await stack.http().get('/api/audit?from=2026-02-30').set(auth(secretariat));
    expect(bad.status).toBe(400);
    expect((await stack.http().get('/api/audit?limit=500').set(auth(secretariat))).status).toBe(
      400,
    );
  });
});

async function createItem(lead: string): Promise<string> {
  const res = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text: `Việc kiểm tra nhật ký của ${lead}.`, lead, due: '2026-12-30' })
    .expect(201);
  return (res.body as { id: string }).id;
}
