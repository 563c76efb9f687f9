/**
 * Accounts (issue 9, ADR 0020) on the real stack (API, PostgreSQL, a real SMTP server): the
 * secretariat creates a user → an invitation mail with a one-time set-password link that works
 * once; list, disable (its sessions die), re-enable, change role; resets by mail; one's own
 * password; logging out everywhere; the idle timeout; each role allowed or refused.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import type { Application } from 'express';
import { passwordLinkToken, mailsTo, nthMailTo } from '../support/accounts';
import { SEED_PASSWORD, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;
let clients = 0;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  // Failed logins lock the client address (five within 15 minutes): each test's failures come
  // from addresses of their own, as behind the province's proxy.
  (stack.app.getHttpAdapter().getInstance() as Application).set('trust proxy', true);
  secretariat = await stack.login('secretariat@dondoc.local');
}, 120_000);

afterAll(() => stack?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const nextClient = () => `203.0.113.${++clients}`;
const login = (email: string, password: string) =>
  stack
    .http()
    .post('/api/auth/login')
    .set('X-Forwarded-For', nextClient())
    .send({ email, password });
const tokenOf = async (email: string, password: string): Promise<string> => {
  const res = await login(email, password);
  expect(res.status).toBe(200);
  return (res.body as { accessToken: string }).accessToken;
};
const me = (token: string) => stack.http().get('/api/auth/me').set(auth(token));

interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  agencyCode: string | null;
  status: string;
  disabledAt: string | null;
}
interface CreatedUser extends User {
  invitation: { expiresAt: string; mailed: boolean; mailError: string | null };
}

const unique = () => randomBytes(3).toString('hex');

async function createUser(body: Record<string, unknown>): Promise<CreatedUser> {
  const res = await stack.http().post('/api/users').set(auth(secretariat)).send(body);
  expect(res.status).toBe(201);
  return res.body as CreatedUser;
}

/** A user created, invited and with a password set from the invitation. */
async function activeUser(
  role = 'agency',
  agency: string | null = 'STC',
): Promise<{ user: User; password: string }> {
  const email = `u-${unique()}@stc.tinh.gov.vn`;
  const user = await createUser({
    email,
    name: 'Người dùng thử',
    role,
    ...(agency ? { agency } : {}),
  });
  const token = passwordLinkToken(await nthMailTo(stack.smtp, email), stack.config.publicBaseUrl);
  const password = `mật khẩu ${unique()} đủ dài`;
  await stack.http().post(`/api/auth/password-links/${token}`).send({ password }).expect(200);
  return { user, password };
}

describe('creating a user → invitation → set password → log in', () => {
  it('mails a one-time link that sets the password once, then the user logs in', async () => {
    const email = `Hoa.${unique()}@STC.tinh.gov.vn`;
    const created = await createUser({
      email,
      name: 'Nguyễn Thị Hoa',
      role: 'agency',
      agency: 'STC',
    });
    expect(created).toMatchObject({
      email: email.toLowerCase(),
      name: 'Nguyễn Thị Hoa',
      role: 'agency',
      agencyCode: 'STC',
      status: 'invited',
      invitation: { mailed: true, mailError: null },
    });
    const mail = await nthMailTo(stack.smtp, email);
    expect(mail.subject).toBe('Mời sử dụng Đôn Đốc: đặt mật khẩu cho tài khoản của bạn');
    expect(mail.text).toContain('Kính gửi Nguyễn Thị Hoa,');
    expect(mail.text).toContain('- Cơ quan: Sở Tài chính');
    expect(mail.messageId).toMatch(/^<password-link\.[0-9a-f-]{36}@/);
    const token = passwordLinkToken(mail, stack.config.publicBaseUrl);

    // An invited user has no password: no login yet.
    expect((await login(email, 'bất kỳ mật khẩu nào')).body).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });

    const info = await stack.http().get(`/api/auth/password-links/${token}`).expect(200);
    expect(info.body).toMatchObject({
      email: email.toLowerCase(),
      name: 'Nguyễn Thị Hoa',
      purpose: 'invitation',
    });
    const weak = await stack
      .http()
      .post(`/api/auth/password-links/${token}`)
      .send({ password: '123456789' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
      message: 'Mật khẩu cần ít nhất 10 ký tự.',
    });

    const set = await stack
      .http()
      .post(`/api/auth/password-links/${token}`)
      .send({ password: 'hoa-đặt-mật-khẩu-2026' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ email: email.toLowerCase() });
    const again = await stack
      .http()
      .post(`/api/auth/password-links/${token}`)
      .send({ password: 'một-mật-khẩu-khác-2026' });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ code: 'PASSWORD_LINK_USED' });
    expect((await stack.http().get(`/api/auth/password-links/${token}`)).status).toBe(410);

    const session = await tokenOf(email, 'hoa-đặt-mật-khẩu-2026');
    expect((await me(session).expect(200)).body).toMatchObject({
      email: email.toLowerCase(),
      name: 'Nguyễn Thị Hoa',
      role: 'agency',
      agencyCode: 'STC',
    });
    expect(mailsTo(stack.smtp, email)).toHaveLength(1);
    const listed = await stack
      .http()
      .get(`/api/users/${created.id}`)
      .set(auth(secretariat))
      .expect(200);
    expect((listed.body as User).status).toBe('active');
  });

  it('refuses a taken address (409), an agency user without an agency, an agency for other roles, an unknown agency', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ email: 'stc@dondoc.local', name: 'X', role: 'agency', agency: 'STC' }, 409, 'EMAIL_TAKEN'],
      [{ email: `a-${unique()}@x.vn`, name: 'X', role: 'agency' }, 400, 'AGENCY_REQUIRED'],
      [
        { email: `a-${unique()}@x.vn`, name: 'X', role: 'committee_head', agency: 'STC' },
        400,
        'AGENCY_NOT_ALLOWED',
      ],
      [
        { email: `a-${unique()}@x.vn`, name: 'X', role: 'agency', agency: 'KHONGCO' },
        400,
        'UNKNOWN_AGENCY',
      ],
      [{ email: 'not-an-address', name: 'X', role: 'secretariat' }, 400, 'VALIDATION_FAILED'],
      [{ email: `a-${unique()}@x.vn`, name: 'X', role: 'admin' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await stack.http().post('/api/users').set(auth(secretariat)).send(body);
      expect({ body, status: res.status, code: (res.body as { code: string }).code }).toEqual({
        body,
        status,
        code,
      });
      expect(typeof (res.body as { message: unknown }).message).toBe('string');
    }
    const count = await stack.db.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM users WHERE email = 'not-an-address' OR email LIKE 'a-%@x.vn'`,
    );
    expect(Number(count[0]!.n)).toBe(0);
  });
});

describe('who may administer accounts', () => {
  it('the secretariat only: 401 without a token, 403 for an agency and the committee head', async () => {
    const agency = await stack.login('stc@dondoc.local');
    const head = await stack.login('head@dondoc.local');
    const list = await stack.http().get('/api/users').set(auth(secretariat)).expect(200);
    const { id } = (list.body as User[])[0]!;
    const routes = [
      () => stack.http().get('/api/users'),
      () => stack.http().get(`/api/users/${id}`),
      () =>
        stack.http().post('/api/users').send({ email: 'x@y.vn', name: 'X', role: 'secretariat' }),
      () => stack.http().patch(`/api/users/${id}`).send({ disabled: true }),
      () => stack.http().post(`/api/users/${id}/password-reset`),
    ];
    for (const route of routes) {
      expect((await route()).status).toBe(401);
      expect((await route().set(auth(agency))).body).toMatchObject({
        statusCode: 403,
        code: 'FORBIDDEN',
      });
      expect((await route().set(auth(head))).status).toBe(403);
    }
    expect(mailsTo(stack.smtp, 'x@y.vn')).toHaveLength(0);
  });
});

describe('listing', () => {
  it('pages by address with the total in X-Total-Count, filtered by role, agency, status and words', async () => {
    const all = await stack
      .http()
      .get('/api/users?limit=5&offset=0')
      .set(auth(secretariat))
      .expect(200);
    const total = Number(all.headers['x-total-count']);
    expect(total).toBeGreaterThan(25);
    const emails = (all.body as User[]).map((u) => u.email);
    expect(emails).toHaveLength(5);
    expect([...emails].sort()).toEqual(emails);
    const next = await stack
      .http()
      .get('/api/users?limit=5&offset=5')
      .set(auth(secretariat))
      .expect(200);
    expect((next.body as User[])[0]!.email > emails[4]!).toBe(true);

    const heads = await stack
      .http()
      .get('/api/users?role=committee_head')
      .set(auth(secretariat))
      .expect(200);
    expect((heads.body as User[]).map((u) => u.email)).toEqual(['head@dondoc.local']);
    const sxd = await stack.http().get('/api/users?agency=SXD').set(auth(secretariat)).expect(200);
    expect((sxd.body as User[]).map((u) => u.email)).toEqual(['sxd@dondoc.local']);
    const words = await stack
      .http()
      .get('/api/users?q=TRƯỞNG BAN')
      .set(auth(secretariat))
      .expect(200);
    expect((words.body as User[]).map((u) => u.email)).toEqual(['head@dondoc.local']);

    const invitedEmail = `inv-${unique()}@x.vn`;
    await createUser({ email: invitedEmail, name: 'Chưa đặt', role: 'committee_head' });
    const invited = await stack
      .http()
      .get('/api/users?status=invited')
      .set(auth(secretariat))
      .expect(200);
    expect((invited.body as User[]).map((u) => u.email)).toContain(invitedEmail);
    expect((invited.body as User[]).every((u) => u.status === 'invited')).toBe(true);
    expect((await stack.http().get('/api/users?status=nope').set(auth(secretariat))).status).toBe(
      400,
    );
    expect((await stack.http().get('/api/users?limit=0').set(auth(secretariat))).status).toBe(400);
  });
});

describe('disable, re-enable, change role', () => {
  it('a disabled user cannot log in and its sessions die; re-enabled, it logs in again', async () => {
    const { user, password } = await activeUser();
    const session = await tokenOf(user.email, password);
    await me(session).expect(200);

    const disabled = await stack
      .http()
      .patch(`/api/users/${user.id}`)
      .set(auth(secretariat))
      .send({ disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled' });
    expect((await me(session)).status).toBe(401);
    const refused = await login(user.email, password);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: 'ACCOUNT_DISABLED',
      message: 'Tài khoản này đã bị khóa; vui lòng liên hệ Văn phòng để được mở lại.',
    });
    // Only the right password learns that: a wrong one is just wrong.
    expect((await login(user.email, 'sai mật khẩu rồi')).body).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(
      (await stack.http().post(`/api/users/${user.id}/password-reset`).set(auth(secretariat))).body,
    ).toMatchObject({ statusCode: 409, code: 'ACCOUNT_DISABLED' });

    const enabled = await stack
      .http()
      .patch(`/api/users/${user.id}`)
      .set(auth(secretariat))
      .send({ disabled: false });
    expect(enabled.body).toMatchObject({ status: 'active', disabledAt: null });
    await me(await tokenOf(user.email, password)).expect(200);
  });

  it('a session of a user disabled in the database dies at its next request', async () => {
    const { user, password } = await activeUser();
    const session = await tokenOf(user.email, password);
    await stack.db.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [
      user.id,
    ]);
    expect((await me(session)).body).toMatchObject({ code: 'ACCOUNT_DISABLED' });
    const left = await stack.db.dataSource.query<unknown[]>(
      `SELECT 1 FROM sessions WHERE user_id = $1`,
      [user.id],
    );
    expect(left).toHaveLength(0);
  });

  it('changes the role: what the user may do changes at its next request', async () => {
    const { user, password } = await activeUser();
    const session = await tokenOf(user.email, password);
    expect((await stack.http().get('/api/reports/overdue').set(auth(session))).status).toBe(403);
    const noAgency = await stack
      .http()
      .patch(`/api/users/${user.id}`)
      .set(auth(secretariat))
      .send({ role: 'committee_head', agency: 'STC' });
    expect(noAgency.body).toMatchObject({ statusCode: 400, code: 'AGENCY_NOT_ALLOWED' });
    const changed = await stack
      .http()
      .patch(`/api/users/${user.id}`)
      .set(auth(secretariat))
      .send({ role: 'committee_head', name: 'Phó Trưởng Ban' });
    expect(changed.body).toMatchObject({
      role: 'committee_head',
      agencyCode: null,
      name: 'Phó Trưởng Ban',
    });
    await stack.http().get('/api/reports/overdue').set(auth(session)).expect(200);
    const back = await stack
      .http()
      .patch(`/api/users/${user.id}`)
      .set(auth(secretariat))
      .send({ role: 'agency' });
    expect(back.body).toMatchObject({ code: 'AGENCY_REQUIRED' });
    const moved = await stack
      .http()
      .patch(`/api/users/${user.id}`)
      .set(auth(secretariat))
      .send({ role: 'agency', agency: 'SXD' });
    expect(moved.body).toMatchObject({ role: 'agency', agencyCode: 'SXD' });
    expect((await me(session).expect(200)).body).toMatchObject({ agencyCode: 'SXD' });
  });

  it('refuses one’s own disabling or demotion (409), an unknown id (404)', async () => {
    const self = (await me(secretariat).expect(200)).body as { id: string };
    for (const body of [{ disabled: true }, { role: 'committee_head' }]) {
      const res = await stack
        .http()
        .patch(`/api/users/${self.id}`)
        .set(auth(secretariat))
        .send(body);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'CANNOT_CHANGE_SELF',
        message: 'Bạn không thể tự khóa hoặc đổi vai trò của chính tài khoản mình.',
      });
    }
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await stack
        .http()
        .patch(`/api/users/${id}`)
        .set(auth(secretariat))
        .send({ disabled: true });
      expect(res.body).toMatchObject({ statusCode: 404, code: 'USER_NOT_FOUND' });
    }
    await me(secretariat).expect(200);
  });
});

describe('password resets by mail', () => {
  it('the secretariat sends a reset: one mail per 5 minutes, the link ends every session', async () => {
    const { user, password } = await activeUser();
    const session = await tokenOf(user.email, password);
    const sent = await stack
      .http()
      .post(`/api/users/${user.id}/password-reset`)
      .set(auth(secretariat));
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ purpose: 'reset', mailed: true, mailError: null });
    const mail = await nthMailTo(stack.smtp, user.email, 2);
    expect(mail.subject).toBe('Đặt lại mật khẩu tài khoản Đôn Đốc');
    const token = passwordLinkToken(mail, stack.config.publicBaseUrl);

    const twice = await stack
      .http()
      .post(`/api/users/${user.id}/password-reset`)
      .set(auth(secretariat));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'PASSWORD_MAIL_RECENT' });

    await stack
      .http()
      .post(`/api/auth/password-links/${token}`)
      .send({ password: 'mật-khẩu-mới-sau-reset' })
      .expect(200);
    expect((await me(session)).status).toBe(401);
    expect((await login(user.email, password)).status).toBe(401);
    await tokenOf(user.email, 'mật-khẩu-mới-sau-reset');
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(stack.smtp, user.email)).toHaveLength(2);
  });

  it('"Quên mật khẩu" always answers 204; an account gets one mail however often it asks', async () => {
    const { user } = await activeUser();
    for (let i = 0; i < 3; i++) {
      await stack
        .http()
        .post('/api/auth/password-reset')
        .send({ email: user.email.toUpperCase() })
        .expect(204);
    }
    await stack
      .http()
      .post('/api/auth/password-reset')
      .send({ email: `nobody-${unique()}@x.vn` })
      .expect(204);
    const mail = await nthMailTo(stack.smtp, user.email, 2);
    expect(mail.subject).toBe('Đặt lại mật khẩu tài khoản Đôn Đốc');
    await new Promise((r) => setTimeout(r, 1000));
    expect(mailsTo(stack.smtp, user.email)).toHaveLength(2);
    const info = await stack
      .http()
      .get(`/api/auth/password-links/${passwordLinkToken(mail, stack.config.publicBaseUrl)}`)
      .expect(200);
    expect(info.body).toMatchObject({ purpose: 'reset' });
  });

  it('a newer link revokes the older one; an expired or unknown link is refused', async () => {
    const email = `old-${unique()}@x.vn`;
    const created = await createUser({ email, name: 'Thử', role: 'committee_head' });
    const first = passwordLinkToken(await nthMailTo(stack.smtp, email), stack.config.publicBaseUrl);
    // Past the cooldown, the secretariat sends the invitation again.
    await stack.db.dataSource.query(
      `UPDATE password_links SET created_at = now() - interval '6 minutes' WHERE user_id = $1`,
      [created.id],
    );
    const again = await stack
      .http()
      .post(`/api/users/${created.id}/password-reset`)
      .set(auth(secretariat));
    expect(again.body).toMatchObject({ purpose: 'invitation', mailed: true });
    const second = passwordLinkToken(
      await nthMailTo(stack.smtp, email, 2),
      stack.config.publicBaseUrl,
    );
    expect((await stack.http().get(`/api/auth/password-links/${first}`)).body).toMatchObject({
      statusCode: 410,
      code: 'PASSWORD_LINK_REVOKED',
    });
    await stack.db.dataSource.query(
      `UPDATE password_links SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [created.id],
    );
    const expired = await stack
      .http()
      .post(`/api/auth/password-links/${second}`)
      .send({ password: 'đủ-dài-và-lạ-2026' });
    expect(expired.body).toMatchObject({ statusCode: 410, code: 'PASSWORD_LINK_EXPIRED' });
    expect(
      (await stack.http().get('/api/auth/password-links/khong-co-lien-ket-nay')).body,
    ).toMatchObject({
      statusCode: 404,
      code: 'PASSWORD_LINK_INVALID',
    });
    // The links are stored only as their SHA-256.
    const stored = await stack.db.dataSource.query<{ token_hash: string }[]>(
      `SELECT token_hash FROM password_links WHERE user_id = $1`,
      [created.id],
    );
    expect(stored.map((s) => s.token_hash)).not.toContain(first);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });
});

describe("one's own password and sessions", () => {
  it('changes the password: the current one is checked, the other sessions end, this one stays', async () => {
    const { user, password } = await activeUser();
    const here = await tokenOf(user.email, password);
    const elsewhere = await tokenOf(user.email, password);
    const change = (body: Record<string, string>) =>
      stack.http().post('/api/auth/password').set(auth(here)).send(body);
    expect(
      (await change({ current: 'không phải mật khẩu', next: 'mới-và-đủ-dài-2026' })).body,
    ).toMatchObject({
      statusCode: 400,
      code: 'CURRENT_PASSWORD_WRONG',
    });
    expect((await change({ current: password, next: 'qwertyuiop' })).body).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
    });
    expect((await change({ current: password, next: password })).body).toMatchObject({
      code: 'PASSWORD_UNCHANGED',
    });
    await me(elsewhere).expect(200);
    expect((await change({ current: password, next: 'mới-và-đủ-dài-2026' })).status).toBe(204);
    await me(here).expect(200);
    expect((await me(elsewhere)).status).toBe(401);
    expect((await login(user.email, password)).status).toBe(401);
    await tokenOf(user.email, 'mới-và-đủ-dài-2026');
    expect(
      (await stack.http().post('/api/auth/password').send({ current: 'a', next: 'b' })).status,
    ).toBe(401);
  });

  it('logs out everywhere: every session of the account dies, other accounts keep theirs', async () => {
    const { user, password } = await activeUser();
    const a = await tokenOf(user.email, password);
    const b = await tokenOf(user.email, password);
    const other = await stack.login('sxd@dondoc.local');
    await stack.http().post('/api/auth/logout-all').set(auth(a)).expect(204);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    await me(other).expect(200);
  });
});

describe('session lifetime', () => {
  const sessionOf = async (token: string) =>
    (
      await stack.db.dataSource.query<{ token_hash: string; last_used_at: Date }[]>(
        `SELECT token_hash, last_used_at FROM sessions WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
        [token],
      )
    )[0]!;

  it('dies after 30 minutes unused (401 SESSION_IDLE); a session used within them lives on', async () => {
    const idle = await stack.login('skhcn@dondoc.local');
    const used = await stack.login('skhcn@dondoc.local');
    await stack.db.dataSource.query(
      `UPDATE sessions SET last_used_at = now() - interval '30 minutes 1 second' WHERE token_hash = $1`,
      [(await sessionOf(idle)).token_hash],
    );
    await stack.db.dataSource.query(
      `UPDATE sessions SET last_used_at = now() - interval '29 minutes' WHERE token_hash = $1`,
      [(await sessionOf(used)).token_hash],
    );
    const res = await me(idle);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'SESSION_IDLE',
      message:
        'Phiên đăng nhập đã kết thúc vì không có thao tác nào trong 30 phút; vui lòng đăng nhập lại.',
    });
    await me(used).expect(200);
    // Its use was recorded: the idle clock starts again.
    const touched = await sessionOf(used);
    expect(Date.now() - touched.last_used_at.getTime()).toBeLessThan(60_000);
  });

  it('dies at its absolute expiry (401 TOKEN_EXPIRED) however much it is used', async () => {
    const token = await stack.login('skhcn@dondoc.local');
    await stack.db.dataSource.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [(await sessionOf(token)).token_hash],
    );
    expect((await me(token)).body).toMatchObject({ statusCode: 401, code: 'TOKEN_EXPIRED' });
  });
});

describe('password hashes', () => {
  it('rehashes a hash of the old parameters at the next successful login', async () => {
    const salt = randomBytes(16);
    const key = scryptSync(SEED_PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 });
    const old = ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    await stack.db.dataSource.query(
      `UPDATE users SET password_hash = $1 WHERE email = 'sct@dondoc.local'`,
      [old],
    );
    const hashOf = async () =>
      (
        await stack.db.dataSource.query<{ password_hash: string }[]>(
          `SELECT password_hash FROM users WHERE email = 'sct@dondoc.local'`,
        )
      )[0]!.password_hash;
    expect((await login('sct@dondoc.local', 'sai mật khẩu')).status).toBe(401);
    expect(await hashOf()).toBe(old);
    await tokenOf('sct@dondoc.local', SEED_PASSWORD);
    const now = await hashOf();
    expect(now).toMatch(/^scrypt\$131072\$8\$1\$/);
    await tokenOf('sct@dondoc.local', SEED_PASSWORD);
    expect(await hashOf()).toBe(now);
  });
});
