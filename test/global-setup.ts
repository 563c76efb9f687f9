import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '../libs/devstack/src/embedded-postgres';
import { freePort } from '../libs/devstack/src/ports';
import { resolveTemporalCli } from '../libs/devstack/src/temporal-binaries';
import { runMigrations } from '../libs/persistence/src/migrate';
import { TEMPLATE_DATABASE } from './support/database';
import { ensureWebBuild } from './support/web-build';
import { startDevServer } from './support/temporal';

interface Servers {
  postgres?: EmbeddedPostgresHandle;
  temporal?: TestWorkflowEnvironment;
}
const servers = globalThis as typeof globalThis & { __dondocServers?: Servers };

/**
 * Starts the real servers the integration tests share: embedded PostgreSQL (migrated template
 * database each test file clones) and the Temporal dev server (CLI). An external server is used
 * instead when TEST_DATABASE_URL / TEST_TEMPORAL_ADDRESS are set.
 */
export default async function globalSetup(): Promise<void> {
  const started: Servers = {};
  servers.__dondocServers = started;
  const log = (line: string) => process.stderr.write(`[test servers] ${line}\n`);

  if (!process.env.TEST_DATABASE_URL) {
    const t0 = Date.now();
    const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-test-pg-'));
    // mkdtemp creates 0700; as root the server runs as the `postgres` user, which must enter it.
    await chmod(dataDir, 0o755);
    started.postgres = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      persistent: false,
      database: TEMPLATE_DATABASE,
    });
    process.env.TEST_DATABASE_URL = started.postgres.url;
    log(`embedded PostgreSQL at ${started.postgres.url} in ${Date.now() - t0} ms`);
  }
  const applied = await runMigrations(process.env.TEST_DATABASE_URL);
  log(`migrations applied: ${applied.join(', ') || 'none pending'}`);

  if (!process.env.TEST_TEMPORAL_ADDRESS) {
    const t0 = Date.now();
    const executable = resolveTemporalCli();
    const temporal = await startDevServer();
    started.temporal = temporal;
    process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
    log(
      `Temporal dev server (${executable.type === 'existing-path' ? executable.path : 'SDK download'}) at ${temporal.address} in ${Date.now() - t0} ms`,
    );
  }

  // The API serves the web app from dist/web (ADR 0013): build it when the sources are newer.
  ensureWebBuild(log);

  if (!process.env.TEST_WORKFLOW_BUNDLE) {
    // Bundled once here rather than by every test file's worker.
    const t0 = Date.now();
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      logger: quietLogger,
    });
    const path = join(await mkdtemp(join(tmpdir(), 'dondoc-test-bundle-')), 'workflows.js');
    await writeFile(path, code);
    process.env.TEST_WORKFLOW_BUNDLE = path;
    log(`workflow bundle ${path} in ${Date.now() - t0} ms`);
  }
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => process.stderr.write(`[bundle] ${message}\n`),
  error: (message: string) => process.stderr.write(`[bundle] ${message}\n`),
};
