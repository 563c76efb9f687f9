/**
 * Audit log retention (ADR 0020, "Retention"): entries older than AUDIT_RETENTION_DAYS are deleted
 * once the API has started and then every hour; recent ones stay. Real PostgreSQL with the
 * migrations, the real AppModule.
 */
import { AUDIT_PURGE_BATCH, AuditRetention } from '../../apps/api/src/audit/audit-retention';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestStack, type TestStack } from '../support/stack';

let db: TestDatabase;
let stack: TestStack;

const DAY_MS = 24 * 3600_000;

/** Writes an entry `daysAgo` days old (by the database's clock); its action names its age. */
async function entry(daysAgo: number, action = `test.age-${daysAgo}`): Promise<void> {
  await db.dataSource.query(
    `INSERT INTO audit_log (at, action, outcome) VALUES (now() - make_interval(secs => $1), $2, 'success')`,
    [(daysAgo * DAY_MS) / 1000, action],
  );
}

async function actions(): Promise<string[]> {
  const rows = await db.dataSource.query<{ action: string }[]>(
    `SELECT action FROM audit_log WHERE action LIKE 'test.%' ORDER BY at`,
  );
  return rows.map((r) => r.action);
}

async function count(action: string): Promise<number> {
  const [row] = await db.dataSource.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM audit_log WHERE action = $1',
    [action],
  );
  return row!.n;
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Written before the API starts: its first pass, once started, must delete the old ones.
  for (const days of [800, 366, 365.01, 364.9, 30, 0]) await entry(days);
  stack = await startTestStack({ database: db, worker: false });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await db?.drop();
});

describe('audit log retention (AUDIT_RETENTION_DAYS, default 365)', () => {
  it('deletes the entries older than 365 days once the API has started; recent ones stay', async () => {
    expect(stack.config.auditRetentionDays).toBe(365);
    const deadline = Date.now() + 60_000;
    while ((await actions()).length > 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await actions()).toEqual(['test.age-364.9', 'test.age-30', 'test.age-0']);
  });

  it('keeps what the API writes now, and its reader still pages it', async () => {
    const token = await stack.login('secretariat@dondoc.local');
    expect(await stack.app.get(AuditRetention).purge()).toBe(0);
    const res = await stack
      .http()
      .get('/api/audit?action=auth.login&limit=1')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(res.body).toEqual([expect.objectContaining({ action: 'auth.login' })]);
  });

  it('follows the setting: 30 days deletes what is older than 30 days', async () => {
    const config = stack.config as { auditRetentionDays: number };
    config.auditRetentionDays = 30;
    try {
      await entry(29);
      await entry(31);
      expect(await stack.app.get(AuditRetention).purge()).toBe(3); // 364.9, 31 and 30.0…
      expect(await actions()).toEqual(['test.age-29', 'test.age-0']);
    } finally {
      config.auditRetentionDays = 365;
    }
  });

  it('deletes more than a batch, and two API processes purging at once delete each entry once', async () => {
    const old = 2 * AUDIT_PURGE_BATCH + 123;
    await db.dataSource.query(
      `INSERT INTO audit_log (at, action, outcome)
       SELECT now() - make_interval(days => 400) - make_interval(secs => g), 'test.bulk', 'success'
       FROM generate_series(1, $1) AS g`,
      [old],
    );
    await entry(1, 'test.recent');
    expect(await count('test.bulk')).toBe(old);
    // A second process: its own AuditRetention over the same database and configuration.
    const other = new AuditRetention(db.dataSource, stack.config);
    const [a, b] = await Promise.all([stack.app.get(AuditRetention).purge(), other.purge()]);
    expect(a + b).toBe(old);
    expect(await count('test.bulk')).toBe(0);
    expect(await count('test.recent')).toBe(1);
  });
});
