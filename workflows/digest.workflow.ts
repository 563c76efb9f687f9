import { proxyActivities } from '@temporalio/workflow';
import type { DigestInput, DigestSummary } from '../libs/contracts/src';
import { civilDateAt, isDigestDay, vnPublicSectorCalendar } from '../libs/domain/src';
import type { DigestActivities } from '../activities';

const { sendDigest } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '10m',
  retry: { initialInterval: '30s', backoffCoefficient: 2, maximumInterval: '10m' },
});

/**
 * One digest (issue 11), started by its Temporal Schedule at its hour on every day that could be
 * one; the working calendar decides here whether this day is (workflow time, UTC+7), so a holiday
 * or a make-up Saturday needs no change to the Schedule. The activity sends at most one mail per
 * recipient and day, however often it runs.
 */
export async function digestWorkflow(input: DigestInput): Promise<DigestSummary> {
  const date = civilDateAt(Date.now());
  if (!input.force && !isDigestDay(input.kind, date, vnPublicSectorCalendar)) {
    return { kind: input.kind, date, sent: 0, alreadySent: 0, skipped: 'not-a-digest-day' };
  }
  return sendDigest({ kind: input.kind, date });
}
