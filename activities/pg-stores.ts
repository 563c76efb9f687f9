import type { DataSource } from 'typeorm';
import type { ItemStore, MailLogStatus, MailLogStore } from './ports';
import type {
  RecordEventsInput,
  RecordEventsResult,
  RecordMailDeliveryInput,
  RecordMailDeliveryResult,
} from '../libs/contracts/src';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** mail_log in PostgreSQL: the primary key on idempotency_key makes `begin` race-free. */
export function pgMailLogStore(dataSource: DataSource): MailLogStore {
  return {
    async begin(e) {
      const rows = await dataSource.query<{ status: MailLogStatus }[]>(
        `WITH ins AS (
           INSERT INTO mail_log (idempotency_key, workflow_id, step, recipient, subject, message_id, status, attempts)
           VALUES ($1, $2, $3, $4, $5, $6, 'sending', 0)
           ON CONFLICT (idempotency_key) DO NOTHING
           RETURNING status
         )
         SELECT status FROM ins
         UNION ALL
         SELECT status FROM mail_log WHERE idempotency_key = $1 AND NOT EXISTS (SELECT 1 FROM ins)`,
        [e.idempotencyKey, e.workflowId, e.step, e.recipient, e.subject, e.messageId],
      );
      const status = rows[0]?.status ?? 'sending';
      if (status !== 'sent') {
        await dataSource.query(
          `UPDATE mail_log SET attempts = attempts + 1 WHERE idempotency_key = $1`,
          [e.idempotencyKey],
        );
      }
      return status;
    },
    async markSent(key, at) {
      await dataSource.query(
        `UPDATE mail_log SET status = 'sent', sent_at = $2, last_error = NULL WHERE idempotency_key = $1`,
        [key, at.toISOString()],
      );
    },
    async markFailed(key, error, permanent) {
      await dataSource.query(
        `UPDATE mail_log SET status = CASE WHEN $3 THEN 'failed' ELSE status END, last_error = $2
         WHERE idempotency_key = $1 AND status <> 'sent'`,
        [key, error.slice(0, 2000), permanent],
      );
    },
  };
}

/**
 * item_events + items in one transaction: events are inserted once per (workflow_id, seq), and
 * the items row only moves forward (`version < $v`), so retries and out-of-order writes are no-ops.
 * An event's delivery keys move once from 'pending' to the outcome of its mails (ADR 0018).
 */
export function pgItemStore(dataSource: DataSource): ItemStore {
  return {
    async record(input: RecordEventsInput): Promise<RecordEventsResult> {
      return dataSource.transaction(async (m) => {
        let inserted = 0;
        if (input.events.length > 0) {
          const params: unknown[] = [];
          const values = input.events.map((ev) => {
            const base = params.length;
            params.push(
              input.itemId,
              input.workflowId,
              ev.seq,
              ev.type,
              iso(ev.at),
              ev.actor ?? null,
              ev.detail === undefined || ev.detail === null ? null : JSON.stringify(ev.detail),
            );
            return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}::jsonb)`;
          });
          const rows = await m.query<unknown[]>(
            `INSERT INTO item_events (item_id, workflow_id, seq, type, at, actor, detail)
             VALUES ${values.join(', ')}
             ON CONFLICT ON CONSTRAINT uq_item_events_workflow_seq DO NOTHING
             RETURNING seq`,
            params,
          );
          inserted = rows.length;
        }
        const p = input.projection;
        const updated = await m.query<unknown>(
          `UPDATE items SET
             status = $2, lead_code = $3, support_codes = $4, due_date = $5, due_at = $6,
             original_due_date = $7, original_due_at = $8, completed_late = $9, escalation_level = $10,
             progress_percent = $11, pending_extension = $12::jsonb, version = $13,
             closed_at = $14, deadline_version = COALESCE($15, deadline_version), updated_at = now()
           WHERE id = $1 AND version < $13
           RETURNING id`,
          [
            input.itemId,
            p.status,
            p.leadCode,
            [...p.supportCodes],
            p.dueDate,
            iso(p.dueAt),
            p.originalDueDate,
            iso(p.originalDueAt),
            p.completedLate,
            p.escalationLevel,
            p.progressPercent,
            p.pendingExtension === null ? null : JSON.stringify(p.pendingExtension),
            p.version,
            iso(p.closedAt),
            p.deadlineVersion ?? null,
          ],
        );
        return { inserted, projected: rowCount(updated) > 0 };
      });
    },
    async recordDelivery(input: RecordMailDeliveryInput): Promise<RecordMailDeliveryResult> {
      const updated = await dataSource.query<unknown>(
        `UPDATE item_events SET detail = COALESCE(detail, '{}'::jsonb) || $3::jsonb
          WHERE workflow_id = $1 AND seq = $2 AND detail->>'mailDelivery' = 'pending'
          RETURNING seq`,
        [input.workflowId, input.seq, JSON.stringify(input.delivery)],
      );
      return { updated: rowCount(updated) > 0 };
    },
  };
}

/** TypeORM's postgres driver returns [rows, count] for UPDATE … RETURNING. */
function rowCount(result: unknown): number {
  if (Array.isArray(result)) {
    if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
      return result[1];
    }
    return result.length;
  }
  return 0;
}
