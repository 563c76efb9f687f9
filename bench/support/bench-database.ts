import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '../../libs/devstack/src/embedded-postgres';
import { freePort } from '../../libs/devstack/src/ports';
import { dataSourceOptions, runMigrations, seedDevData } from '../../libs/persistence/src';

/** Password of the seed users in a bench database. */
export const BENCH_PASSWORD = 'bench';

export interface BenchDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  /** Closes the pool, stops PostgreSQL and removes its files. */
  stop(): Promise<void>;
}

/** A throw-away embedded PostgreSQL, migrated and seeded (users' password BENCH_PASSWORD). */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-bench-'));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: dir,
    port: await freePort(),
    persistent: false,
  });
  await runMigrations(pg.url);
  const dataSource = new DataSource(dataSourceOptions(pg.url));
  await dataSource.initialize();
  await seedDevData(dataSource, BENCH_PASSWORD);
  return {
    url: pg.url,
    dataSource,
    stop: async () => {
      await dataSource.destroy();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
