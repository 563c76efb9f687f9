import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Items due at the same instant (a notice's items share its deadline and its creation time) are
 * listed in their order in the notice, not by id: `position` joins the due-order indexes so a
 * page in that order is still an index range read (ADR 0023).
 */
export class ItemOrderInNotice1796500000000 implements MigrationInterface {
  name = 'ItemOrderInNotice1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(queryRunner, '"position", ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(queryRunner, '');
  }

  private async recreate(queryRunner: QueryRunner, position: string): Promise<void> {
    const indexes: [string, string][] = [
      ['IDX_items_lead_status_due', '"lead_code", "status", '],
      ['IDX_items_status_due', '"status", '],
      ['IDX_items_due', ''],
    ];
    for (const [name, prefix] of indexes) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "items" (${prefix}"due_at", "created_at", ${position}"id") `,
      );
    }
  }
}
