/**
 * Failed logins counted per key (an address, a client address) in a sliding window: after
 * `limit` failures within `windowMs` the key is locked until the oldest of them leaves the
 * window. What a request-rate throttler lacks: only failures count, so a user who logs in right
 * is never slowed down.
 */
export interface FailedAttemptsOptions {
  readonly limit: number;
  readonly windowMs: number;
  /** Keys kept at most (oldest dropped): memory stays bounded under a spray of addresses. */
  readonly maxKeys?: number;
}

export class FailedAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: FailedAttemptsOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  lockedForMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.options.limit) return 0;
    const unlockAt = recent[recent.length - this.options.limit]! + this.options.windowMs;
    return Math.max(0, unlockAt - this.now());
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.delete(key); // re-insert: Map order is the eviction order (least recent first)
    this.failures.set(key, recent);
    const max = this.options.maxKeys ?? 100_000;
    for (const oldest of this.failures.keys()) {
      if (this.failures.size <= max) break;
      this.failures.delete(oldest);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
