import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';

/** The migrated database global-setup prepares; every test file clones it. */
export const TEMPLATE_DATABASE = 'dondoc_template';

export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  drop(): Promise<void>;
}

function templateUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('TEST_DATABASE_URL is not set: run through jest (test/global-setup.ts)');
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, migrated database of its own for one test file (CREATE DATABASE … TEMPLATE). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = templateUrl();
  const templateName = new URL(template).pathname.slice(1);
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = new Client({ connectionString: withDatabase(template, 'postgres') });
  await admin.connect();
  try {
    // A template must have no other connections while it is copied; retry briefly if a
    // concurrent clone is still in progress.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
        break;
      } catch (err) {
        if (attempt >= 50 || !String(err).includes('being accessed by other users')) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(template, name);
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  return {
    url,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      const c = new Client({ connectionString: withDatabase(template, 'postgres') });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * Undoes the applied migrations, newest first, down to and including `name`, so a test can set
 * up rows as they were before it and check what its backfill makes of them (runMigrations after).
 */
export async function undoMigrationsThrough(db: TestDatabase, name: string): Promise<void> {
  for (;;) {
    const [last] = await db.dataSource.query<{ name: string }[]>(
      `SELECT name FROM migrations ORDER BY id DESC LIMIT 1`,
    );
    if (!last) throw new Error(`migration ${name} is not applied`);
    await db.dataSource.undoLastMigration();
    if (last.name === name) return;
  }
}
