import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { EmbeddedPostgresHandle } from '../libs/devstack/src/embedded-postgres';

const servers = globalThis as typeof globalThis & {
  __dondocServers?: { postgres?: EmbeddedPostgresHandle; temporal?: TestWorkflowEnvironment };
};

export default async function globalTeardown(): Promise<void> {
  const started = servers.__dondocServers;
  await started?.temporal?.teardown();
  await started?.postgres?.stop();
}
