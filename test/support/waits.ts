/** Real-time waits of the integration tests. */

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it stops throwing; rejects with its last error after timeoutMs. */
export async function eventually<T>(
  what: string,
  fn: () => Promise<T>,
  timeoutMs: number,
  everyMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) {
        throw new Error(`${what} not within ${timeoutMs} ms: ${(err as Error).message}`);
      }
      await sleep(everyMs);
    }
  }
}

/** `promise`, or a rejection naming `what` after ms. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms).unref(),
    ),
  ]);
}
