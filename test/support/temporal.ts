import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { resolveTestServer } from '../../libs/devstack/src/temporal-binaries';

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
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: resolveTestServer() },
  });
}
