import type { DueSpec } from '../../../contracts/src';

/** A mail that goes out more than this after its step says that it is late (ADR 0018). */
export const MAIL_LATE_AFTER_MS = 10 * 60_000;

/**
 * Whether a mail meant for `stepAtMs` and sent at `sendAtMs` is late: sent more than
 * MAIL_LATE_AFTER_MS after its step, or after the deadline it was written before (a reminder
 * that would otherwise speak of time left).
 */
export function isLateMail(stepAtMs: number, sendAtMs: number, due: DueSpec | null): boolean {
  if (sendAtMs - stepAtMs > MAIL_LATE_AFTER_MS) return true;
  return due !== null && stepAtMs < due.at && sendAtMs >= due.at;
}
