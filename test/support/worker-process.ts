import { startAppProcess, type AppProcess } from './app-process';

export type WorkerProcess = AppProcess;

/**
 * The real worker app (apps/worker/src/main.ts) in a child process, so a test can kill -9 it.
 * Resolves once it polls its task queue.
 */
export function startWorkerProcess(
  env: Record<string, string>,
  timeoutMs = 90000,
): Promise<WorkerProcess> {
  return startAppProcess('worker', env, /Polling task queue/, timeoutMs);
}
