import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { resolveTemporalCli, resolveTestServer } from '../../libs/devstack/src/temporal-binaries';

/** Address of the dev server global-setup started (integration tests). */
export function temporalAddress(): string {
  const address = process.env.TEST_TEMPORAL_ADDRESS;
  if (!address) {
    throw new Error('TEST_TEMPORAL_ADDRESS is not set: run through jest (test/global-setup.ts)');
  }
  return address;
}

/** A task queue of its own per test file, so parallel files never steal each other's tasks. */
export function uniqueTaskQueue(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

export async function connectClient(): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address: temporalAddress() });
  return { client: new Client({ connection }), connection };
}

export async function connectWorker(): Promise<NativeConnection> {
  return NativeConnection.connect({ address: temporalAddress() });
}

/** The Java time-skipping test server, provisioned by scripts/provision.sh. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const t0 = Date.now();
  const executable = resolveTestServer();
  const env = await retrySlowStart('time-skipping test server', () =>
    TestWorkflowEnvironment.createTimeSkipping({ server: { executable } }),
  );
  const where = executable.type === 'existing-path' ? executable.path : 'SDK download';
  process.stderr.write(
    `[test servers] time-skipping test server (${where}) in ${Date.now() - t0} ms\n`,
  );
  return env;
}

/**
 * The SDK gives a test server 5 s to accept connections; on a loaded machine a start can miss
 * that window, so a start that timed out is tried again (at most `attempts` times).
 */
async function retrySlowStart<T>(what: string, start: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      const slow = err instanceof Error && /did not start within/.test(err.message);
      if (!slow || attempt >= attempts) throw err;
      process.stderr.write(`[test servers] ${what} slow to start; attempt ${attempt + 1}\n`);
    }
  }
}

/** The Temporal dev server (the provisioned CLI) for global-setup, tests of their own and benches. */
export function startDevServer(
  options: { port?: number; dbFilename?: string; extraArgs?: string[] } = {},
): Promise<TestWorkflowEnvironment> {
  return retrySlowStart('Temporal dev server', () =>
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: resolveTemporalCli(),
        ip: '127.0.0.1',
        ...options,
        log: { format: 'pretty', level: 'error' },
      },
    }),
  );
}
