import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports at scale (ADR 0023).
 *
 * - `items`: indexes for the list's pages in due order (the list's default order): an agency's
 *   items of a status (also the overdue report's most overdue items per agency), a status, all
 *   items; the first two replace the single-column indexes on `lead_code` and `status`.
 * - `item_periods`: every period an item had to be done by (ADR 0016), one row each: the item's
 *   current period (seq 0, from its row) and each period a recurring item completed before it
 *   (seq of its 'completed' event; events are numbered from 1), with its lead, notice, status, due
 *   day, due instant and lateness. Kept by triggers on `items` and `item_events`, so every writer
 *   (API, projection, seeds, a hand-made fix) keeps it exact; read with period or notice filters.
 * - `report_counts`: the periods per (lead, status, late, late vs original, current), as deltas
 *   appended by the same triggers (no row is ever updated, so writers never wait on each other)
 *   and summed on read; `report_counts_compact()` folds them (one change in 64 calls it).
 *
 * This SQL is the one definition of a period (what PERIODS_SQL in item-reports.ts was); the
 * literal due day is `literalDueDateSql` of libs/persistence/src/items/due-date.sql.ts, written
 * out (test/e2e/report-periods.e2e.test.ts proves both agree with the item list).
 */
/**
 * The statement triggers that refresh the periods of the items a statement touched: an item's row
 * (only when a column a period reads changed: a reminder or a progress report leaves the reports
 * alone), or a 'completed' event of its history.
 */
const TRIGGERS = [
  {
    table: 'items',
    event: 'INSERT',
    transition: 'NEW TABLE AS new_rows',
    ids: 'SELECT id FROM new_rows',
  },
  {
    table: 'items',
    event: 'UPDATE',
    transition: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    ids: `SELECT COALESCE(n.id, o.id)
            FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
           WHERE (o.lead_code, o.notice_id, o.status, o.due_date, o.due_at, o.completed_late,
                  o.original_due_at, o.closed_at)
                 IS DISTINCT FROM
                 (n.lead_code, n.notice_id, n.status, n.due_date, n.due_at, n.completed_late,
                  n.original_due_at, n.closed_at)`,
  },
  {
    table: 'items',
    event: 'DELETE',
    transition: 'OLD TABLE AS old_rows',
    ids: 'SELECT id FROM old_rows',
  },
  {
    table: 'item_events',
    event: 'INSERT',
    transition: 'NEW TABLE AS new_rows',
    ids: "SELECT DISTINCT item_id FROM new_rows WHERE type = 'completed'",
  },
  {
    table: 'item_events',
    event: 'UPDATE',
    transition: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    ids: `SELECT item_id FROM old_rows WHERE type = 'completed'
          UNION SELECT item_id FROM new_rows WHERE type = 'completed'`,
  },
  {
    table: 'item_events',
    event: 'DELETE',
    transition: 'OLD TABLE AS old_rows',
    ids: "SELECT DISTINCT item_id FROM old_rows WHERE type = 'completed'",
  },
].map((t) => ({ ...t, name: `${t.table}_periods_${t.event.toLowerCase()}` }));

export class ReportPeriods1796400000000 implements MigrationInterface {
  name = 'ReportPeriods1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_8d927d902d15f0dd6befa94c0d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_36275759f2cbc3b5ca32f39341"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_items_lead_status_due" ON "items" ("lead_code", "status", "due_at", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_items_status_due" ON "items" ("status", "due_at", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_items_due" ON "items" ("due_at", "created_at", "id") `,
    );
    await queryRunner.query(`
      CREATE TABLE "item_periods" (
        "item_id" uuid NOT NULL,
        "seq" integer NOT NULL,
        "lead_code" character varying(32) NOT NULL,
        "notice_id" uuid,
        "status" character varying(16) NOT NULL,
        "due_day" date,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "late" boolean NOT NULL,
        "late_vs_original" boolean NOT NULL,
        CONSTRAINT "PK_item_periods" PRIMARY KEY ("item_id", "seq")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_item_periods_notice" ON "item_periods" ("notice_id") WHERE "notice_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_item_periods_due_day" ON "item_periods" ("due_day")
         INCLUDE ("lead_code", "status", "due_at", "late", "late_vs_original")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_item_periods_status_due" ON "item_periods" ("status", "due_at")
         INCLUDE ("lead_code", "late", "late_vs_original")`,
    );
    await queryRunner.query(`
      CREATE TABLE "report_counts" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "lead_code" character varying(32) NOT NULL,
        "status" character varying(16) NOT NULL,
        "late" boolean NOT NULL,
        "late_vs_original" boolean NOT NULL,
        "current_period" boolean NOT NULL,
        "periods" bigint NOT NULL,
        CONSTRAINT "PK_report_counts" PRIMARY KEY ("id")
      )`);
    // The periods of some items as their rows and histories are now.
    await queryRunner.query(`
      CREATE FUNCTION item_periods_of(ids uuid[]) RETURNS SETOF item_periods
      LANGUAGE sql STABLE AS $$
        SELECT i.id, 0, i.lead_code, i.notice_id, i.status,
               COALESCE(i.due_date,
                        ((i.due_at - interval '1 millisecond') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
               i.due_at,
               COALESCE(i.completed_late, false),
               COALESCE(i.original_due_at IS NOT NULL AND i.closed_at > i.original_due_at, false)
          FROM items i
         WHERE i.id = ANY (ids)
        UNION ALL
        SELECT i.id, e.seq, i.lead_code, i.notice_id, 'completed',
               COALESCE((e.detail->'due'->>'date')::date,
                        ((to_timestamp((e.detail->'due'->>'at')::numeric / 1000)
                          - interval '1 millisecond') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
               NULL,
               COALESCE((e.detail->>'late')::boolean, false),
               COALESCE((e.detail->>'lateVsOriginal')::boolean, false)
          FROM (SELECT c.item_id, c.seq, c.detail, max(c.seq) OVER (PARTITION BY c.item_id) AS last_seq
                  FROM item_events c
                 WHERE c.item_id = ANY (ids) AND c.type = 'completed') e
          JOIN items i ON i.id = e.item_id
         WHERE i.status <> 'completed' OR e.seq < e.last_seq
      $$`);
    // Replaces the periods of these items and appends the change to report_counts.
    await queryRunner.query(`
      CREATE FUNCTION item_periods_refresh(ids uuid[]) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(ids) = 0 THEN
          RETURN;
        END IF;
        WITH gone AS (
          DELETE FROM item_periods p WHERE p.item_id = ANY (ids)
          RETURNING p.lead_code, p.status, p.late, p.late_vs_original, p.seq = 0 AS current_period
        )
        INSERT INTO report_counts (lead_code, status, late, late_vs_original, current_period, periods)
        SELECT lead_code, status, late, late_vs_original, current_period, -count(*)
          FROM gone GROUP BY 1, 2, 3, 4, 5;
        WITH made AS (
          INSERT INTO item_periods SELECT * FROM item_periods_of(ids)
          RETURNING lead_code, status, late, late_vs_original, seq = 0 AS current_period
        )
        INSERT INTO report_counts (lead_code, status, late, late_vs_original, current_period, periods)
        SELECT lead_code, status, late, late_vs_original, current_period, count(*)
          FROM made GROUP BY 1, 2, 3, 4, 5;
        -- About one change in 64 folds the deltas: the table stays a few rows a key.
        IF random() < 1.0 / 64 THEN
          PERFORM report_counts_compact();
        END IF;
      END
      $$`);
    for (const t of TRIGGERS) {
      await queryRunner.query(`
        CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM item_periods_refresh(ARRAY(${t.ids}));
          RETURN NULL;
        END
        $$`);
      await queryRunner.query(
        `CREATE TRIGGER "${t.name}" AFTER ${t.event} ON "${t.table}" REFERENCING ${t.transition}
           FOR EACH STATEMENT EXECUTE FUNCTION ${t.name}()`,
      );
    }
    // Everything again from items and item_events (the backfill, and after a TRUNCATE).
    await queryRunner.query(`
      CREATE FUNCTION report_periods_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE item_periods, report_counts;
        INSERT INTO item_periods SELECT * FROM item_periods_of(ARRAY(SELECT id FROM items));
        INSERT INTO report_counts (lead_code, status, late, late_vs_original, current_period, periods)
        SELECT lead_code, status, late, late_vs_original, seq = 0, count(*)
          FROM item_periods GROUP BY 1, 2, 3, 4, 5;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION report_periods_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM report_periods_rebuild();
        RETURN NULL;
      END
      $$`);
    // Folds the deltas into one row per key; a second caller meanwhile does nothing.
    await queryRunner.query(`
      CREATE FUNCTION report_counts_compact() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        folded integer;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('report_counts_compact')) THEN
          RETURN 0;
        END IF;
        WITH gone AS (
          DELETE FROM report_counts
          RETURNING lead_code, status, late, late_vs_original, current_period, periods
        ),
        kept AS (
          INSERT INTO report_counts (lead_code, status, late, late_vs_original, current_period, periods)
          SELECT lead_code, status, late, late_vs_original, current_period, sum(periods)
            FROM gone GROUP BY 1, 2, 3, 4, 5 HAVING sum(periods) <> 0
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM kept) INTO folded;
        RETURN folded;
      END
      $$`);
    for (const table of ['items', 'item_events']) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_periods_truncate" AFTER TRUNCATE ON "${table}"
           FOR EACH STATEMENT EXECUTE FUNCTION report_periods_truncated()`,
      );
    }
    await queryRunner.query(`SELECT report_periods_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['items', 'item_events']) {
      await queryRunner.query(`DROP TRIGGER "${table}_periods_truncate" ON "${table}"`);
    }
    for (const t of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER "${t.name}" ON "${t.table}"`);
      await queryRunner.query(`DROP FUNCTION ${t.name}()`);
    }
    await queryRunner.query(`DROP FUNCTION report_periods_truncated()`);
    await queryRunner.query(`DROP FUNCTION report_periods_rebuild()`);
    await queryRunner.query(`DROP FUNCTION report_counts_compact()`);
    await queryRunner.query(`DROP FUNCTION item_periods_refresh(uuid[])`);
    await queryRunner.query(`DROP FUNCTION item_periods_of(uuid[])`);
    await queryRunner.query(`DROP TABLE "report_counts"`);
    await queryRunner.query(`DROP TABLE "item_periods"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_items_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_items_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_items_lead_status_due"`);
    await queryRunner.query(`CREATE INDEX "IDX_36275759f2cbc3b5ca32f39341" ON "items" ("status") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_8d927d902d15f0dd6befa94c0d" ON "items" ("lead_code") `,
    );
  }
}
