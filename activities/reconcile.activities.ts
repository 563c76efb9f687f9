import { heartbeat, log } from '@temporalio/activity';
import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  ITEM_EVENT_TYPES,
  type ItemWorkflowInput,
  type RecordedEvent,
  type ReconcileFailure,
  type ReconcileSummary,
} from '../libs/contracts/src';
import {
  isClosed,
  isItemStatus,
  planSchedule,
  validatePolicy,
  vnPublicSectorCalendar,
} from '../libs/domain/src';
import {
  itemRowState,
  ItemStartRepository,
  type EscalationAddresses,
  type ItemEntity,
} from '../libs/persistence/src';

export interface ReconcileDeps {
  readonly dataSource: DataSource;
  /** A client of the worker's namespace: lists, describes and starts item workflows. */
  readonly client: Client;
  /** The task queue the item workflows run on (and the Schedule's). */
  readonly taskQueue: string;
  readonly addresses: EscalationAddresses;
  /** Rows per page (default 200). */
  readonly pageSize?: number;
}

/** How many failures a summary names (all are logged). */
const FAILURES_KEPT = 20;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * What the workflow needs to rebuild an item, checked here so that a bad row is skipped with a
 * log line instead of starting a workflow that cannot run: an open status, a policy and a
 * deadline the planner takes, a deadline version, known event types and sequence numbers.
 */
function checkRestorable(row: ItemEntity, events: readonly RecordedEvent[]): void {
  if (!isItemStatus(row.status) || isClosed(row.status)) {
    throw new Error(`status "${String(row.status)}" is not an open status`);
  }
  validatePolicy(row.policy);
  if (row.dueAt !== null) {
    planSchedule({
      dueAt: row.dueAt.getTime(),
      ...(row.dueDate === null ? {} : { dueDate: row.dueDate }),
      policy: row.policy,
      calendar: vnPublicSectorCalendar,
    });
  }
  if (!Number.isInteger(row.deadlineVersion) || row.deadlineVersion < 1) {
    throw new Error(`deadline version ${row.deadlineVersion} is not a version`);
  }
  for (const e of events) {
    if (!(ITEM_EVENT_TYPES as readonly string[]).includes(e.type)) {
      throw new Error(`event ${e.seq} has the unknown type "${e.type}"`);
    }
    if (!Number.isInteger(e.seq) || e.seq < 1 || !Number.isFinite(e.at)) {
      throw new Error(`event ${e.seq} has no valid sequence number or time`);
    }
  }
}

/** 'missing', 'RUNNING' or the closed status (COMPLETED, TERMINATED …) of a workflow's latest run. */
export async function workflowStatus(client: Client, workflowId: string): Promise<string> {
  try {
    return (await client.workflow.getHandle(workflowId).describe()).status.name;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return 'missing';
    throw err;
  }
}

/**
 * The reconciler (ADR 0022): every open item whose workflow Temporal does not have (its
 * database lost, the namespace recreated) is started again — with its state rebuilt from the
 * items row and the history when it recorded any, afresh otherwise. Running workflows are left
 * alone; a closed workflow whose row is still open is logged, not restarted. One bad row is
 * logged, counted and skipped; the others go on. Safe to run twice at once: a start that finds
 * the workflow already there changes nothing.
 */
export function createReconcileActivities(deps: ReconcileDeps) {
  const rows = new ItemStartRepository(deps.dataSource);
  const pageSize = deps.pageSize ?? 200;
  const { client, taskQueue } = deps;

  /** The item workflows running on the task queue, from visibility (may lag: describe confirms). */
  async function runningIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    const queue = taskQueue.replace(/['\\]/g, '\\$&');
    const query = `WorkflowType = 'itemWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = '${queue}'`;
    for await (const wf of client.workflow.list({ query })) ids.add(wf.workflowId);
    return ids;
  }

  /** Starts the item's workflow; false when it is there already (another pass restored it). */
  async function start(workflowId: string, input: ItemWorkflowInput): Promise<boolean> {
    try {
      await client.workflow.start('itemWorkflow', {
        workflowId,
        taskQueue,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return true;
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw err;
    }
  }

  /** Restores one missing item: 'restored', 'started' (no history yet) or 'running'. */
  async function restore(row: ItemEntity): Promise<'restored' | 'started' | 'running'> {
    const events = await rows.eventsOf(row.workflowId);
    const input = await rows.workflowInput(row, deps.addresses, null);
    if (events.length === 0) {
      return (await start(row.workflowId, input)) ? 'started' : 'running';
    }
    checkRestorable(row, events);
    const restoring: ItemWorkflowInput = {
      ...input,
      restore: { row: itemRowState(row), events },
    };
    return (await start(row.workflowId, restoring)) ? 'restored' : 'running';
  }

  async function reconcileItems(): Promise<ReconcileSummary> {
    const count = { checked: 0, running: 0, restored: 0, started: 0, closed: 0, failed: 0 };
    const failures: ReconcileFailure[] = [];
    const running = await runningIds();
    let afterId: string | null = null;
    for (;;) {
      const page = await rows.openStartedAfter(afterId, pageSize);
      if (page.length === 0) break;
      afterId = page[page.length - 1]!.id;
      heartbeat();
      for (const row of page) {
        count.checked++;
        if (running.has(row.workflowId)) {
          count.running++;
          continue;
        }
        // Not listed: missing, or visibility lags behind. Temporal errors here end the pass
        // (retried), they are not the row's fault.
        const status = await workflowStatus(client, row.workflowId);
        if (status === 'RUNNING') {
          count.running++;
          continue;
        }
        if (status !== 'missing') {
          count.closed++;
          log.warn('Item workflow closed while its row is open: left alone', {
            itemId: row.id,
            workflowId: row.workflowId,
            workflowStatus: status,
            rowStatus: row.status,
          });
          continue;
        }
        try {
          const outcome = await restore(row);
          count[outcome]++;
          if (outcome !== 'running') {
            log.info(`Item workflow ${outcome}`, { itemId: row.id, workflowId: row.workflowId });
          }
        } catch (err) {
          count.failed++;
          const failure = { itemId: row.id, workflowId: row.workflowId, error: message(err) };
          if (failures.length < FAILURES_KEPT) failures.push(failure);
          log.error('Item workflow not restored: row skipped', { ...failure });
        }
      }
    }
    const summary: ReconcileSummary = { ...count, failures };
    if (count.restored + count.started + count.closed + count.failed > 0) {
      log.warn('Reconciled the open items', { ...count });
    }
    return summary;
  }

  return { reconcileItems };
}

export type ReconcileActivities = ReturnType<typeof createReconcileActivities>;
