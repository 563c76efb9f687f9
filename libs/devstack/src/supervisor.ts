import type { ManagedProcess } from './child-process';
import { decideRestart, DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy';

export interface Supervised {
  readonly name: string;
  /** The process now running (a new one after each restart). */
  current(): ManagedProcess;
  /** Resolves with the reason once the supervisor stops restarting (a crash loop). */
  readonly gaveUp: Promise<string>;
  /** Stops restarting, then stops the process. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Keeps a process of `npm start` running: when it exits without being asked to, it is started
 * again after a backoff; on a crash loop the supervisor gives up (restart-policy.ts).
 */
export function supervise(
  name: string,
  start: () => ManagedProcess,
  say: (line: string) => void,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): Supervised {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const crashes: number[] = [];
  let resolveGaveUp: (reason: string) => void = () => undefined;
  const gaveUp = new Promise<string>((r) => (resolveGaveUp = r));
  let proc: ManagedProcess;

  const run = (): void => {
    proc = start();
    const mine = proc;
    void mine.exited.then((code) => {
      if (stopped) return;
      crashes.push(Date.now());
      const decision = decideRestart(crashes, policy);
      if ('giveUp' in decision) {
        say(`${name} exited (${code}); ${decision.giveUp}: not restarting it.`);
        resolveGaveUp(decision.giveUp);
        return;
      }
      const seconds = (decision.restartInMs / 1000).toFixed(1);
      say(`${name} exited (${code}); restarting it in ${seconds} s.`);
      timer = setTimeout(() => {
        if (!stopped) run();
      }, decision.restartInMs);
    });
  };
  run();

  return {
    name,
    current: () => proc,
    gaveUp,
    async stop(graceMs) {
      stopped = true;
      clearTimeout(timer);
      await proc.stop(graceMs);
    },
  };
}
