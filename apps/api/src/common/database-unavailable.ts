/**
 * Whether an error means PostgreSQL cannot be reached (stopped, restarting, refusing connections,
 * the pool unable to connect) rather than a fault of the request or of our code. Such errors are
 * answered 503 DATABASE_UNAVAILABLE with a Retry-After, not a 500: the client did nothing wrong
 * and the same request will succeed once the database is back (ADR 0019).
 */

/** Socket-level failures reaching the server (node's `code` on the error). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01–57P03
 * (administrator/crash shutdown, cannot connect now), 53300 (too many connections).
 */
const SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** node-postgres' own messages for a connection lost or never made (no code on these). */
const PG_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
  /^Connection ended unexpectedly/,
];

/** How long a client should wait before asking again, in seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 4 || typeof err !== 'object' || err === null) return false;
  const e = err as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATES.has(e.code))) {
    return true;
  }
  if (typeof e.message === 'string' && PG_MESSAGES.some((m) => m.test(e.message as string))) {
    return true;
  }
  // TypeORM's QueryFailedError keeps pg's error as driverError; AggregateError (several addresses
  // refused) keeps each in errors.
  if (
    isDatabaseUnavailable(e.driverError, depth + 1) ||
    isDatabaseUnavailable(e.cause, depth + 1)
  ) {
    return true;
  }
  return Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1));
}
