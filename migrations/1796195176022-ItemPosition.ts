import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An item's position in its notice becomes a column (it was parsed out of the workflow id).
 * Existing notice items get it from their workflow id, `item-<noticeId>-<n>`; single items
 * (`item-<id>`) keep null.
 */
export class ItemPosition1796195176022 implements MigrationInterface {
  name = 'ItemPosition1796195176022';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "items" ADD "position" integer`);
    await queryRunner.query(
      `UPDATE "items" SET "position" = substring("workflow_id" from '-([0-9]+)$')::integer
        WHERE "notice_id" IS NOT NULL
          AND "workflow_id" ~ ('^item-' || "notice_id"::text || '-[0-9]+$')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_items_notice_position" ON "items" ("notice_id", "position") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_items_notice_position"`);
    await queryRunner.query(`ALTER TABLE "items" DROP COLUMN "position"`);
  }
}
