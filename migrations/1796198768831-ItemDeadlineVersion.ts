import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow's deadline version becomes a column, so the API can tell a signed mail link of an
 * older deadline (ADR 0011). Existing items get it from their history: 1, plus one per approved
 * extension and per new period of a recurring item (`created` with `period` in its detail).
 */
export class ItemDeadlineVersion1796198768831 implements MigrationInterface {
  name = 'ItemDeadlineVersion1796198768831';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "items" ADD "deadline_version" integer NOT NULL DEFAULT 1`,
    );
    await queryRunner.query(
      `UPDATE "items" i SET "deadline_version" = 1 + (
         SELECT count(*) FROM "item_events" e
          WHERE e."workflow_id" = i."workflow_id"
            AND (e."type" = 'extension_approved'
                 OR (e."type" = 'created' AND (e."detail" ->> 'period') = 'true')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "items" DROP COLUMN "deadline_version"`);
  }
}
