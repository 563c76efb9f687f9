import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and the audit log (ADR 0020): invited users without a password yet, disabled users,
 * the sessions' last use (idle timeout), deactivated agencies, one-time set-password links and
 * the audit log. Generated from the entities, then reviewed.
 */
export class AccountsAndAudit1796290000000 implements MigrationInterface {
  name = 'AccountsAndAudit1796290000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" text, "actor_role" character varying(32), "action" character varying(64) NOT NULL, "target_type" character varying(32), "target_id" text, "outcome" character varying(16) NOT NULL, "status_code" integer, "code" character varying(64), "client_address" character varying(64), "request" text, "detail" jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_actor_email" ON "audit_log" ("actor_email") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_action" ON "audit_log" ("action") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_target_id" ON "audit_log" ("target_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "password_links" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "purpose" character varying(16) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "mailed_at" TIMESTAMP WITH TIME ZONE, "mail_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_password_links_token_hash" UNIQUE ("token_hash"), CONSTRAINT "PK_ac2d6833bc67a2684b10875ac4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_password_links_user_id" ON "password_links" ("user_id") `,
    );
    await queryRunner.query(`ALTER TABLE "agencies" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "disabled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // An invited user without a password gets one that never verifies (not a scrypt hash).
    await queryRunner.query(
      `UPDATE "users" SET "password_hash" = '!' WHERE "password_hash" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "disabled_at"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "last_used_at"`);
    await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "active"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_links_user_id"`);
    await queryRunner.query(`DROP TABLE "password_links"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_target_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_actor_email"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
