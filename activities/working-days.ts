import type { DueSpec } from '../libs/contracts/src';

/** Placeholder until libs/domain lands: replaced by the working calendar. */
export function workingDaysLeft(_due: DueSpec, _nowMs: number): number | null {
  return null;
}
