import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startProcess } from '../../libs/devstack/src/child-process';
import { freePort } from '../../libs/devstack/src/ports';
import { seedDevData } from '../../libs/persistence/src';
import { createTestDatabase, type TestDatabase } from '../support/database';

const ROOT = join(__dirname, '..', '..');

interface Outcome {
  readonly exit: number | string | null;
  readonly output: string;
}

/**
 * Runs an app's main.ts with only `env` (no inherited variables, so no development default
 * sneaks in) until it exits or prints `until`; then stops it.
 */
async function run(app: 'api' | 'worker', env: Record<string, string>, until?: string) {
  const lines: string[] = [];
  let matched: () => void = () => undefined;
  const seen = new Promise<void>((r) => (matched = r));
  const proc = startProcess(
    app,
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, `apps/${app}/src/main.ts`)],
    { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', ...env },
    (line) => {
      lines.push(line);
      if (until && line.includes(until)) matched();
    },
  );
  const exit = await Promise.race([
    proc.exited,
    seen.then(() => null),
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 90_000).unref()),
  ]);
  await proc.stop(5000);
  return { exit, output: lines.join('\n') } satisfies Outcome;
}

const PRODUCTION_VARIABLES = [
  'DATABASE_URL',
  'LINK_SIGNING_SECRET',
  'PUBLIC_BASE_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'SECRETARIAT_EMAIL',
  'COMMITTEE_HEAD_EMAIL',
];

describe('NODE_ENV=production refuses the development defaults', () => {
  it.each(['api', 'worker'] as const)(
    'the %s exits 78 naming every variable left at its default, in one line, no stack trace',
    async (app) => {
      const { exit, output } = await run(app, { NODE_ENV: 'production' });
      expect(exit).toBe(78);
      const line = output.split('\n').find((l) => l.includes('Refusing to start'));
      expect(line).toBeDefined();
      for (const name of PRODUCTION_VARIABLES) expect(line).toContain(name);
      expect(output).not.toMatch(/\n\s+at /);
    },
    120_000,
  );

  describe('with every variable set', () => {
    let db: TestDatabase;
    let env: Record<string, string>;
    let secrets: string[];
    const role = `prod_${randomBytes(4).toString('hex')}`;

    beforeAll(async () => {
      db = await createTestDatabase();
      // The embedded server's own login is the development one (dondoc:dondoc), which production
      // refuses: a role of the test's own with a real password stands for the province's.
      const password = randomBytes(12).toString('hex');
      const dbName = new URL(db.url).pathname.slice(1);
      await db.dataSource.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}'`);
      await db.dataSource.query(`GRANT ALL ON DATABASE "${dbName}" TO "${role}"`);
      await db.dataSource.query(`GRANT ALL ON ALL TABLES IN SCHEMA public TO "${role}"`);
      const url = new URL(db.url);
      url.username = role;
      url.password = password;
      env = {
        NODE_ENV: 'production',
        PORT: String(await freePort()),
        DATABASE_URL: url.toString(),
        SMTP_URL: 'smtp://127.0.0.1:1',
        MAIL_FROM: 'Đôn Đốc <dondoc@tinh.gov.vn>',
        SECRETARIAT_EMAIL: 'vanphong@tinh.gov.vn',
        COMMITTEE_HEAD_EMAIL: 'truongban@tinh.gov.vn',
        PUBLIC_BASE_URL: 'https://dondoc.tinh.gov.vn',
        LINK_SIGNING_SECRET: randomBytes(32).toString('hex'),
        TEMPORAL_ADDRESS: '127.0.0.1:1',
      };
      secrets = [password, env.LINK_SIGNING_SECRET as string];
    }, 60_000);

    afterAll(async () => {
      await db?.dataSource.query(`DROP OWNED BY "${role}"`).catch(() => undefined);
      await db?.drop();
      const admin = await createTestDatabase();
      await admin.dataSource.query(`DROP ROLE IF EXISTS "${role}"`).catch(() => undefined);
      await admin.drop();
    });

    it('the API refuses a database holding the development seed, and starts once it is gone', async () => {
      await seedDevData(db.dataSource, 'dondoc-dev');
      const refused = await run('api', env, 'Listening on');
      expect(refused.exit).toBe(1);
      expect(refused.output).toContain('development seed');

      await db.dataSource.query(`DELETE FROM users WHERE email LIKE '%@dondoc.local'`);
      const started = await run('api', env, 'Listening on');
      expect(started.exit).toBeNull();
      for (const secret of secrets) expect(started.output).not.toContain(secret);
    }, 180_000);
  });
});
