/**
 * `npm run admin -- create-user` (issue 9, ADR 0020) as a child process on an empty production
 * database (migrated, no seed, NODE_ENV=production with every variable set): it creates the
 * first secretariat and prints a one-time set-password link that works in the API; the user then
 * administers. Also its refusals, `password-link`, and a database with a pending migration.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { startAppStack, type AppStack } from '../support/app-stack';
import { createTestDatabase, undoMigrationsThrough, type TestDatabase } from '../support/database';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { temporalAddress, uniqueTaskQueue } from '../support/temporal';

const ROOT = join(__dirname, '..', '..');
const PUBLIC_BASE_URL = 'https://dondoc.tinh.gov.vn';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI with only `env` (nothing inherited: no development default sneaks in). */
function admin(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(ROOT, 'apps/cli/src/admin.ts'), ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', ...env },
        timeout: 90_000,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A role of the test's own with a real password: production refuses the embedded one's. */
async function productionEnv(db: TestDatabase, role: string): Promise<Record<string, string>> {
  const password = randomBytes(12).toString('hex');
  const dbName = new URL(db.url).pathname.slice(1);
  await db.dataSource.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}'`);
  await db.dataSource.query(`GRANT ALL ON DATABASE "${dbName}" TO "${role}"`);
  await db.dataSource.query(`GRANT ALL ON ALL TABLES IN SCHEMA public TO "${role}"`);
  await db.dataSource.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "${role}"`);
  const url = new URL(db.url);
  url.username = role;
  url.password = password;
  return {
    NODE_ENV: 'production',
    DATABASE_URL: url.toString(),
    SMTP_URL: 'smtp://127.0.0.1:1',
    MAIL_FROM: 'Đôn Đốc <dondoc@tinh.gov.vn>',
    SECRETARIAT_EMAIL: 'vanphong@tinh.gov.vn',
    COMMITTEE_HEAD_EMAIL: 'truongban@tinh.gov.vn',
    PUBLIC_BASE_URL,
    LINK_SIGNING_SECRET: randomBytes(32).toString('hex'),
  };
}

async function dropRole(db: TestDatabase | undefined, role: string): Promise<void> {
  await db?.dataSource.query(`DROP OWNED BY "${role}"`).catch(() => undefined);
  await db?.drop();
  const other = await createTestDatabase();
  await other.dataSource.query(`DROP ROLE IF EXISTS "${role}"`).catch(() => undefined);
  await other.drop();
}

const linkPattern = new RegExp(
  `^${PUBLIC_BASE_URL.replace(/[./]/g, '\\$&')}/dat-mat-khau\\?t=([A-Za-z0-9_-]{43})\\n$`,
);

describe('npm run admin -- create-user on an empty production database', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let smtp: TestSmtpServer;
  let api: AppStack | undefined;
  const role = `cli_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = await productionEnv(db, role);
    smtp = await startSmtpServer();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    await dropRole(db, role);
  });

  it('refuses bad usage (2) and the development defaults of production (78)', async () => {
    for (const args of [
      [],
      ['create-user', '--email', 'x@y.vn'],
      ['create-user', '--email', 'x@y.vn', '--role', 'admin'],
      ['create-user', '--email', 'không-phải-địa-chỉ', '--role', 'secretariat'],
      ['delete-user', '--email', 'x@y.vn'],
    ]) {
      const run = await admin(args, env);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toContain('Cách dùng:');
      expect(run.stdout).toBe('');
    }
    const defaults = await admin(['create-user', '--email', 'x@y.vn', '--role', 'secretariat'], {
      NODE_ENV: 'production',
    });
    expect(defaults.code).toBe(78);
    expect(defaults.stderr).toContain('DATABASE_URL');
    expect(defaults.stderr).toContain('LINK_SIGNING_SECRET');
    const users = await db.dataSource.query<unknown[]>('SELECT 1 FROM users');
    expect(users).toHaveLength(0);
  }, 180_000);

  it('creates the first secretariat and prints a one-time link that sets its password', async () => {
    const run = await admin(
      [
        'create-user',
        '--email',
        'VanPhong@tinh.gov.vn',
        '--role',
        'secretariat',
        '--name',
        'Văn phòng UBND tỉnh',
      ],
      env,
    );
    expect(run.stderr).toContain('Đã tạo tài khoản vanphong@tinh.gov.vn (vai trò secretariat).');
    expect(run.code).toBe(0);
    const token = linkPattern.exec(run.stdout)?.[1];
    expect(token).toBeDefined();

    const again = await admin(
      ['create-user', '--email', 'vanphong@tinh.gov.vn', '--role', 'secretariat'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Đã có tài khoản với địa chỉ này');
    const agency = await admin(
      ['create-user', '--email', 'a@tinh.gov.vn', '--role', 'agency'],
      env,
    );
    expect(agency.code).toBe(1);
    expect(agency.stderr).toContain('cần --agency');

    const rows = await db.dataSource.query<
      { email: string; role: string; password_hash: string | null }[]
    >('SELECT email, role, password_hash FROM users');
    expect(rows).toEqual([
      { email: 'vanphong@tinh.gov.vn', role: 'secretariat', password_hash: null },
    ]);
    const audited = await db.dataSource.query<
      { action: string; detail: Record<string, unknown> }[]
    >(`SELECT action, detail FROM audit_log`);
    expect(audited).toEqual([
      {
        action: 'user.create',
        detail: { email: 'vanphong@tinh.gov.vn', role: 'secretariat', channel: 'cli' },
      },
    ]);

    api = await startAppStack({
      dataSource: db.dataSource,
      databaseUrl: db.url,
      temporalAddress: temporalAddress(),
      smtpUrl: smtp.url,
      taskQueue: uniqueTaskQueue('cli'),
      seedPassword: 'unused-no-seed',
    });
    const http = () => request(api!.app.getHttpServer() as Parameters<typeof request>[0]);
    const info = await http().get(`/api/auth/password-links/${token}`).expect(200);
    expect(info.body).toMatchObject({ email: 'vanphong@tinh.gov.vn', purpose: 'invitation' });
    await http()
      .post(`/api/auth/password-links/${token}`)
      .send({ password: 'mật khẩu đầu tiên của tỉnh' })
      .expect(200);
    const login = await http()
      .post('/api/auth/login')
      .send({ email: 'vanphong@tinh.gov.vn', password: 'mật khẩu đầu tiên của tỉnh' })
      .expect(200);
    const bearer = {
      Authorization: `Bearer ${(login.body as { accessToken: string }).accessToken}`,
    };
    // The first secretariat administers: it adds an agency and invites its user.
    await http()
      .post('/api/agencies')
      .set(bearer)
      .send({ code: 'STC', name: 'Sở Tài chính', contactEmail: 'stc@tinh.gov.vn' })
      .expect(201);
    await http()
      .post('/api/users')
      .set(bearer)
      .send({ email: 'nv@stc.tinh.gov.vn', name: 'Nhân viên', role: 'agency', agency: 'STC' })
      .expect(201);
    await smtp.waitFor((m) => m.to.includes('nv@stc.tinh.gov.vn'));
  }, 180_000);

  it('password-link prints a new link for an account; the older ones die', async () => {
    const first = await admin(['password-link', '--email', 'nv@stc.tinh.gov.vn'], env);
    expect(first.code).toBe(0);
    const second = await admin(['password-link', '--email', 'nv@stc.tinh.gov.vn'], env);
    const [a, b] = [linkPattern.exec(first.stdout)?.[1], linkPattern.exec(second.stdout)?.[1]];
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    const http = () => request(api!.app.getHttpServer() as Parameters<typeof request>[0]);
    expect((await http().get(`/api/auth/password-links/${a}`)).body).toMatchObject({
      code: 'PASSWORD_LINK_REVOKED',
    });
    expect((await http().get(`/api/auth/password-links/${b}`).expect(200)).body).toMatchObject({
      email: 'nv@stc.tinh.gov.vn',
      purpose: 'invitation',
    });
    const unknown = await admin(['password-link', '--email', 'khongco@tinh.gov.vn'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có tài khoản');
  }, 180_000);
});

describe('npm run admin on a database with a pending migration', () => {
  const role = `cli_${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;

  afterAll(() => dropRole(db, role));

  it('refuses and says to run the migrations first', async () => {
    db = await createTestDatabase();
    await undoMigrationsThrough(db, 'AccountsAndAudit1796290000000');
    const run = await admin(
      ['create-user', '--email', 'vp@tinh.gov.vn', '--role', 'secretariat'],
      await productionEnv(db, role),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm run migration:run');
    expect(run.stdout).toBe('');
  }, 180_000);
});
