/** How long a health check waits for any one server. */
export const HEALTH_TIMEOUT_MS = 3000;

/** `p`, or a rejection (code ETIMEDOUT) once HEALTH_TIMEOUT_MS have passed without an answer. */
export function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(
        () =>
          reject(
            Object.assign(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`), {
              code: 'ETIMEDOUT',
            }),
          ),
        HEALTH_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}
