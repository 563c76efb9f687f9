import { join } from 'node:path';
import { startProcess, type ManagedProcess } from '../../libs/devstack/src/child-process';

export interface WorkerProcess extends ManagedProcess {
  readonly output: string[];
}

/**
 * The real worker app (apps/worker/src/main.ts) in a child process, so a test can kill -9 it.
 * Resolves once it polls its task queue.
 */
export async function startWorkerProcess(
  env: Record<string, string>,
  timeoutMs = 90000,
): Promise<WorkerProcess> {
  const root = join(__dirname, '..', '..');
  const output: string[] = [];
  let ready: () => void = () => undefined;
  const polling = new Promise<void>((r) => (ready = r));
  const proc = startProcess(
    'worker',
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(root, 'apps/worker/src/main.ts')],
    { ...process.env, TZ: 'UTC', NODE_ENV: 'test', ...env },
    (line) => {
      output.push(line);
      if (line.includes('Polling task queue')) ready();
    },
  );
  await Promise.race([
    polling,
    proc.exited.then((code) => {
      throw new Error(`worker exited (${code}) before polling:\n${output.join('\n')}`);
    }),
    new Promise((_, reject) =>
      setTimeout(
        () => reject(new Error(`worker not polling after ${timeoutMs} ms:\n${output.join('\n')}`)),
        timeoutMs,
      ).unref(),
    ),
  ]);
  return Object.assign(proc, { output });
}
