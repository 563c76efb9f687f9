/**
 * When the supervisor of `npm start` restarts a process that died, and when it gives up: pure,
 * so the rule is tested without processes.
 */
export interface RestartPolicy {
  /** Wait before the first restart; doubled for each further crash inside the window. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** A crash loop: this many crashes within windowMs. */
  readonly crashLoopCrashes: number;
  readonly windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  crashLoopCrashes: 5,
  windowMs: 120_000,
};

export type RestartDecision = { readonly restartInMs: number } | { readonly giveUp: string };

/**
 * `crashes`: the instants (ms) of this process's crashes so far, the newest last. A process that
 * ran for a whole window before crashing starts again from the initial delay.
 */
export function decideRestart(
  crashes: readonly number[],
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): RestartDecision {
  const last = crashes[crashes.length - 1];
  if (last === undefined) return { restartInMs: policy.initialDelayMs };
  const recent = crashes.filter((t) => last - t < policy.windowMs).length;
  if (recent >= policy.crashLoopCrashes) {
    return {
      giveUp: `${recent} crashes within ${Math.round(policy.windowMs / 1000)} s (a crash loop)`,
    };
  }
  const delay = policy.initialDelayMs * 2 ** Math.max(0, recent - 1);
  return { restartInMs: Math.min(delay, policy.maxDelayMs) };
}
