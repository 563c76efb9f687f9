/**
 * Test harness for the item workflow on the time-skipping server: in-memory fakes of the
 * activities (recording every call, in workflow time) and input builders. Used by the workflow
 * spec, the replay spec and the history recorder. Not workflow code.
 */
import { activityInfo } from '@temporalio/activity';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type Workflow, type WorkflowResultType } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { createItemWorker } from '../../apps/worker/src/item-worker';
import type {
  AgencyRef,
  DueSpec,
  ItemMailKind,
  ItemProjection,
  ItemRestoreSource,
  ItemWorkflowInput,
  RecordEventsInput,
  RecordMailDeliveryInput,
  RecordedEvent,
  ReminderPolicy,
  SendItemMailInput,
  UnrecordedDelivery,
} from '../../libs/contracts/src';
import { MAIL_UNRECORDED } from '../../libs/contracts/src';
import {
  createItemStepActivities,
  type ItemActivities,
  type ItemStepParts,
} from '../../activities';
import { isLateMail } from '../../libs/mail/src';

export const STC: AgencyRef = {
  code: 'STC',
  name: 'Sở Tài chính',
  contactEmail: 'stc@dondoc.local',
  headEmail: 'stc-head@dondoc.local',
};
export const SXD: AgencyRef = {
  code: 'SXD',
  name: 'Sở Xây dựng',
  contactEmail: 'sxd@dondoc.local',
  headEmail: 'sxd-head@dondoc.local',
};
export const DEFAULT_TEST_POLICY: ReminderPolicy = {
  remindBefore: ['P7D', 'P3D', 'P1D', 'P0D'],
  escalateAfter: ['P1D', 'P3D'],
};
export const SUB_DAY_POLICY: ReminderPolicy = {
  remindBefore: ['PT100S', 'PT60S', 'PT30S'],
  escalateAfter: ['PT30S', 'PT60S'],
};

export const SECRETARIAT = {
  email: 'secretariat@dondoc.local',
  role: 'secretariat',
  agencyCode: null,
} as const;
export const STC_USER = { email: 'stc@dondoc.local', role: 'agency', agencyCode: 'STC' } as const;

export function itemInput(
  due: DueSpec | null,
  over: Partial<ItemWorkflowInput> = {},
): ItemWorkflowInput {
  return {
    itemId: randomUUID(),
    noticeId: null,
    noticeTitle: 'Kết luận phiên họp thứ 3 của Ban Chỉ đạo',
    noticeNumber: '12/TB-BCĐ',
    code: '2.a',
    text: 'Sở Tài chính tham mưu phương án bố trí kinh phí năm 2026.',
    lead: STC,
    support: [],
    reportTo: null,
    due,
    policy: SUB_DAY_POLICY,
    secretariatEmail: 'secretariat@dondoc.local',
    committeeHeadEmail: 'head@dondoc.local',
    createdBy: 'secretariat@dondoc.local',
    ...over,
  };
}

/** Everything the fake activities saw, per workflow id. */
export class FakeActivities {
  readonly events = new Map<string, RecordedEvent[]>();
  readonly projections = new Map<string, ItemProjection>();
  readonly mails = new Map<string, SendItemMailInput[]>();
  /** Recipients whose mail fails permanently. */
  readonly bounce = new Set<string>();
  /**
   * While server time is before this instant, every mail attempt fails as a fault of ours
   * (retryable MAIL_TRANSIENT, like an SMTP server refusing connections).
   */
  failMailUntil: number | null = null;
  /** When set, failMailUntil fails only the mails of these kinds. */
  failMailKinds: ReadonlySet<ItemMailKind> | null = null;
  /**
   * Steps whose next local mail attempt delivers but cannot record it (MAIL_UNRECORDED, ADR
   * 0028): the database failing after the SMTP server's 250. Taken out once used.
   */
  readonly unrecordLocally = new Set<string>();
  /** The `delivered` each durable mail attempt was given, by step. */
  readonly carriedTo = new Map<string, readonly UnrecordedDelivery[]>();
  /** Mail attempts failed by failMailUntil. */
  failedMailAttempts = 0;
  /** Server time of each delivered mail attempt, in the order of `mails`, per workflow id. */
  readonly mailAttemptAt = new Map<string, number[]>();

  eventsOf(workflowId: string): RecordedEvent[] {
    return this.events.get(workflowId) ?? [];
  }
  /**
   * What the reconciler would read of a lost workflow from PostgreSQL (ADR 0022): the row of its
   * last projection and its history as recorded.
   */
  restoreSource(workflowId: string): ItemRestoreSource {
    const p = this.projections.get(workflowId);
    if (!p) throw new Error(`no projection of ${workflowId}`);
    const dueOf = (date: string | null, at: number | null) => (at === null ? null : { date, at });
    return {
      row: {
        status: p.status,
        due: dueOf(p.dueDate, p.dueAt),
        originalDue: dueOf(p.originalDueDate, p.originalDueAt),
        deadlineVersion: p.deadlineVersion ?? 1,
        escalationLevel: p.escalationLevel,
        progressPercent: p.progressPercent,
        completedLate: p.completedLate,
        pendingExtension: p.pendingExtension,
        version: p.version,
      },
      events: this.eventsOf(workflowId).map((e) => ({ ...e })),
    };
  }
  mailsOf(workflowId: string): SendItemMailInput[] {
    return this.mails.get(workflowId) ?? [];
  }
  /**
   * A new item's mails after its assignment (ADR 0024): throws unless the lead agency's
   * assignment mail was sent once and the assignment mails (its copy to the co-ordinating
   * agencies, if any, too) came before any other mail.
   */
  mailsAfterAssignment(workflowId: string): SendItemMailInput[] {
    const all = this.mailsOf(workflowId);
    const isAssignment = (m: SendItemMailInput) =>
      m.kind === 'assigned' || m.kind === 'assigned_copy';
    const rest = all.filter((m) => !isAssignment(m));
    const first = all.slice(0, all.length - rest.length);
    if (first.filter((m) => m.kind === 'assigned').length !== 1 || !first.every(isAssignment)) {
      throw new Error(
        `expected one assignment mail first, got ${all.map((m) => m.step).join(', ') || 'none'}`,
      );
    }
    return rest;
  }

  private readonly parts: ItemStepParts = {
    recordEvents: (input: RecordEventsInput) => {
      const list = this.events.get(input.workflowId) ?? [];
      let inserted = 0;
      for (const ev of input.events) {
        if (!list.some((e) => e.seq === ev.seq)) {
          list.push(ev);
          inserted++;
        }
      }
      list.sort((a, b) => a.seq - b.seq);
      this.events.set(input.workflowId, list);
      const current = this.projections.get(input.workflowId);
      const projected = !current || current.version < input.projection.version;
      if (projected) this.projections.set(input.workflowId, input.projection);
      return Promise.resolve({ inserted, projected });
    },
    recordMailDelivery: (input: RecordMailDeliveryInput) => {
      const event = this.eventsOf(input.workflowId).find((e) => e.seq === input.seq);
      if (!event || event.detail?.mailDelivery !== 'pending') {
        return Promise.resolve({ updated: false });
      }
      Object.assign(event, { detail: { ...event.detail, ...input.delivery } });
      return Promise.resolve({ updated: true });
    },
    sendItemMail: (input: SendItemMailInput) => {
      const info = activityInfo();
      // A local attempt's schedule time is the worker's clock, not the server's (ADR 0028).
      const at = info.isLocal
        ? (input.localAtMs ?? input.nowMs)
        : info.currentAttemptScheduledTimestampMs;
      const failing = this.failMailKinds === null || this.failMailKinds.has(input.kind);
      if (this.failMailUntil !== null && at < this.failMailUntil && failing) {
        this.failedMailAttempts++;
        return Promise.reject(
          ApplicationFailure.retryable('connect ECONNREFUSED 127.0.0.1:25', 'MAIL_TRANSIENT'),
        );
      }
      if (!info.isLocal && input.delivered) this.carriedTo.set(input.step, input.delivered);
      const carried = input.delivered?.some((d) => d.key === `${input.workflowId}:${input.step}`);
      if (carried) return Promise.resolve({ sent: [...input.recipients], skipped: [] });
      const list = this.mails.get(input.workflowId) ?? [];
      list.push(input);
      this.mails.set(input.workflowId, list);
      this.mailAttemptAt.set(input.workflowId, [
        ...(this.mailAttemptAt.get(input.workflowId) ?? []),
        at,
      ]);
      if (info.isLocal && this.unrecordLocally.delete(input.step)) {
        const delivered = [{ key: `${input.workflowId}:${input.step}`, at, late: false }];
        return Promise.reject(
          ApplicationFailure.retryable('not recorded as sent', MAIL_UNRECORDED, { delivered }),
        );
      }
      const failed = input.recipients
        .filter((r) => this.bounce.has(r))
        .map((recipient) => ({ recipient, error: '550' }));
      if (failed.length > 0) {
        return Promise.reject(
          ApplicationFailure.nonRetryable('bounced', 'MAIL_PERMANENT', {
            failed,
            sent: [],
            skipped: [],
          }),
        );
      }
      const late = isLateMail(input.nowMs, Math.max(at, input.nowMs), input.due);
      return Promise.resolve({
        sent: [...input.recipients],
        skipped: [],
        ...(late ? { late } : {}),
      });
    },
  };
  readonly activities: ItemActivities = {
    ...this.parts,
    ...createItemStepActivities(this.parts),
  };
}

/** The time-skipping server (provisioned, or TEMPORAL_TEST_SERVER_PATH): see test/support/temporal.ts. */
export { createTimeSkippingEnv as createTestEnv } from '../../test/support/temporal';

const plainClients = new WeakMap<TestWorkflowEnvironment, Client>();

/**
 * A workflow's result without unlocking time skipping. `env.client`'s `result()` unlocks it while
 * waiting, and the Java test server then jumps to its next timer: with nothing else pending, the
 * 10-year run timeout of a finished run, so the next test would start ten years later (on a
 * weekends-only calendar). Use this once the workflow is about to finish (e.g. after a cancel).
 */
export async function resultOf<W extends Workflow>(
  env: TestWorkflowEnvironment,
  handle: WorkflowHandle<W>,
): Promise<WorkflowResultType<W>> {
  let client = plainClients.get(env);
  if (!client) {
    client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
    plainClients.set(env, client);
  }
  return client.workflow.getHandle<W>(handle.workflowId).result();
}

/** Polls (real time) until `fn` stops throwing. */
export async function eventually<T>(fn: () => T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Runs `fn` while a worker with the real workflows and these fakes' activities polls a task queue
 * of its own on `env` (the histories recorder, the life bench); `fn` gets the queue's name.
 */
export async function runWithItemWorker<T>(
  env: TestWorkflowEnvironment,
  fakes: FakeActivities,
  fn: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = `items-${randomUUID()}`;
  const worker = await createItemWorker({
    connection: env.nativeConnection,
    taskQueue,
    activities: fakes.activities,
  });
  return worker.runUntil(() => fn(taskQueue));
}
