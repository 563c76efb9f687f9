import { join } from 'node:path';
import { startProcess, type ManagedProcess } from '../../libs/devstack/src/child-process';

export interface AppProcess extends ManagedProcess {
  readonly output: string[];
}

/**
 * A real app (apps/<app>/src/main.ts, from source) in a child process, so a test can kill -9 it.
 * Resolves once a line of its output matches `ready`; rejects when it exits or times out first.
 */
export async function startAppProcess(
  app: 'api' | 'worker',
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs: number,
  /** Another entry point run the same way (a bench's own worker); default the app's main.ts. */
  main?: string,
): Promise<AppProcess> {
  const root = join(__dirname, '..', '..');
  const output: string[] = [];
  let isReady: () => void = () => undefined;
  const readiness = new Promise<void>((r) => (isReady = r));
  const proc = startProcess(
    app,
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', main ?? join(root, 'apps', app, 'src', 'main.ts')],
    {
      ...process.env,
      TZ: 'UTC',
      NODE_ENV: 'test',
      // No digest Schedules from a test's worker: one firing at its hour would mail a test.
      DIGEST_DAILY_AT: 'off',
      DIGEST_WEEKLY_AT: 'off',
      ...env,
    },
    (line) => {
      output.push(line);
      if (ready.test(line)) isReady();
    },
  );
  await Promise.race([
    readiness,
    proc.exited.then((code) => {
      throw new Error(`${app} exited (${code}) before it was ready:\n${output.join('\n')}`);
    }),
    new Promise((_, reject) =>
      setTimeout(
        () => reject(new Error(`${app} not ready after ${timeoutMs} ms:\n${output.join('\n')}`)),
        timeoutMs,
      ).unref(),
    ),
  ]);
  return Object.assign(proc, { output });
}
