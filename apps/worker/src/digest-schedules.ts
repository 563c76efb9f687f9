import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleSpec,
} from '@temporalio/client';
import type { TimeOfDay } from '../../../libs/config/src';
import {
  DIGEST_KINDS,
  DIGEST_WORKFLOW_TYPE,
  digestScheduleId,
  type DigestInput,
  type DigestKind,
} from '../../../libs/contracts/src';

export interface DigestScheduleOptions {
  readonly client: Client;
  readonly taskQueue: string;
  /** null: no Schedule for those digests (configured "off"). */
  readonly dailyAt: TimeOfDay | null;
  readonly weeklyAt: TimeOfDay | null;
}

/**
 * When each digest's workflow starts, in Vietnam's time: the secretariat's every day at its hour,
 * the others every Monday at theirs; the workflow asks the working calendar whether the day is
 * one for a digest (a holiday has none, a make-up Saturday does).
 */
export function digestSpec(kind: DigestKind, at: TimeOfDay): ScheduleSpec {
  return {
    calendars: [
      {
        hour: at.hour,
        minute: at.minute,
        ...(kind === 'secretariat' ? {} : { dayOfWeek: 'MONDAY' as const }),
      },
    ],
    timezone: 'Asia/Ho_Chi_Minh',
  };
}

/**
 * Creates each digest's Temporal Schedule unless it exists (idempotent: several workers may start
 * at once). An existing one is left as it is: the secretariat may have paused it, and its hour
 * changes by editing it in the Temporal UI or by recreating it. Says what it did, per kind.
 */
export async function ensureDigestSchedules(
  o: DigestScheduleOptions,
): Promise<Record<DigestKind, 'created' | 'unchanged' | 'off'>> {
  const outcome = {} as Record<DigestKind, 'created' | 'unchanged' | 'off'>;
  for (const kind of DIGEST_KINDS) {
    const at = kind === 'secretariat' ? o.dailyAt : o.weeklyAt;
    if (at === null) {
      outcome[kind] = 'off';
      continue;
    }
    const scheduleId = digestScheduleId(o.taskQueue, kind);
    try {
      await o.client.schedule.getHandle(scheduleId).describe();
      outcome[kind] = 'unchanged';
      continue;
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
    const input: DigestInput = { kind };
    try {
      await o.client.schedule.create({
        scheduleId,
        spec: digestSpec(kind, at),
        action: {
          type: 'startWorkflow',
          workflowType: DIGEST_WORKFLOW_TYPE,
          workflowId: scheduleId,
          taskQueue: o.taskQueue,
          args: [input],
          workflowRunTimeout: '6h',
        },
        // A worker or server down at the hour still sends the day's digest within 6 hours.
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6h' },
        memo: { purpose: `Đôn Đốc: thư tổng hợp (${kind})` },
      });
      outcome[kind] = 'created';
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      outcome[kind] = 'unchanged';
    }
  }
  return outcome;
}
