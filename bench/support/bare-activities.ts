import type { Pool } from 'pg';
import type { Mailer } from '../../libs/mail/src';

/** The baselines' one table: a row per bare workflow (the item workflow's `created` event). */
export const BARE_TABLE_SQL = `CREATE TABLE IF NOT EXISTS bench_rows (
  workflow_id text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`;

/** Header naming the bare workflow a mail came from. */
export const BARE_MAIL_HEADER = 'x-bench-workflow';

/** The baselines' activities: one INSERT, one mail through the project's nodemailer adapter. */
export function createBareActivities(pool: Pool, mailer: Mailer) {
  return {
    async insertRow(workflowId: string): Promise<void> {
      await pool.query('INSERT INTO bench_rows (workflow_id) VALUES ($1) ON CONFLICT DO NOTHING', [
        workflowId,
      ]);
    },
    async sendBareMail(workflowId: string, to: string): Promise<void> {
      await mailer.send({
        to,
        subject: `Bench ${workflowId}`,
        text: 'Nhắc việc (bench).',
        html: '<p>Nhắc việc (bench).</p>',
        messageId: `<${workflowId}@bench.dondoc.local>`,
        headers: { [BARE_MAIL_HEADER]: workflowId },
      });
    },
  };
}

export type BareActivities = ReturnType<typeof createBareActivities>;
