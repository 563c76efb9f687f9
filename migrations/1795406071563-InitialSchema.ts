import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795406071563 implements MigrationInterface {
  name = 'InitialSchema1795406071563';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agencies" ("code" character varying(32) NOT NULL, "name" text NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "contact_email" text NOT NULL, "head_email" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6acd8cc6374916c08b4d7f060c8" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "item_events" ("id" BIGSERIAL NOT NULL, "item_id" uuid NOT NULL, "workflow_id" text NOT NULL, "seq" integer NOT NULL, "type" character varying(32) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" text, "detail" jsonb, CONSTRAINT "uq_item_events_workflow_seq" UNIQUE ("workflow_id", "seq"), CONSTRAINT "PK_b6d5f82a7f54a33cab0e464bbc2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8896f5f4e70ace6250ed723443" ON "item_events" ("item_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "items" ("id" uuid NOT NULL, "workflow_id" text NOT NULL, "notice_id" uuid, "code" text, "text" text NOT NULL, "lead_code" character varying(32) NOT NULL, "support_codes" text array NOT NULL DEFAULT '{}', "report_to" text, "due_date" date, "due_at" TIMESTAMP WITH TIME ZONE, "original_due_date" date, "original_due_at" TIMESTAMP WITH TIME ZONE, "deadline" jsonb, "policy" jsonb NOT NULL, "status" character varying(16) NOT NULL, "completed_late" boolean, "escalation_level" integer NOT NULL DEFAULT '0', "progress_percent" integer, "pending_extension" jsonb, "version" integer NOT NULL DEFAULT '0', "workflow_state" character varying(16) NOT NULL DEFAULT 'pending', "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_2ef6d4301c5f9647683fc0e56e0" UNIQUE ("workflow_id"), CONSTRAINT "PK_ba5885359424c15ca6b9e79bcf6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dd3cf542a4f18bf311b9f5a4f5" ON "items" ("notice_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8d927d902d15f0dd6befa94c0d" ON "items" ("lead_code") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_36275759f2cbc3b5ca32f39341" ON "items" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "mail_log" ("idempotency_key" text NOT NULL, "workflow_id" text NOT NULL, "step" text NOT NULL, "recipient" text NOT NULL, "subject" text NOT NULL, "message_id" text NOT NULL, "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8ae65b1531f7759695757d6fc2d" PRIMARY KEY ("idempotency_key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8156d3460bbc89d90e8cbb9c3e" ON "mail_log" ("workflow_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notices" ("id" uuid NOT NULL, "source_hash" character(64) NOT NULL, "number" text, "title" text, "issued_on" date, "meeting_date" date, "chair" text, "text" text NOT NULL, "parsed" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1ba54464c6a6758b7b0d9fc6ce1" UNIQUE ("source_hash"), CONSTRAINT "PK_3eb18c29da25d6935fcbe584237" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_abaa9e068cdd390bc5210f79884" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "role" character varying(32) NOT NULL, "agency_code" character varying(32), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_085d540d9f418cfbdc7bd55bb1"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "notices"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8156d3460bbc89d90e8cbb9c3e"`);
    await queryRunner.query(`DROP TABLE "mail_log"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_36275759f2cbc3b5ca32f39341"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d927d902d15f0dd6befa94c0d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dd3cf542a4f18bf311b9f5a4f5"`);
    await queryRunner.query(`DROP TABLE "items"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8896f5f4e70ace6250ed723443"`);
    await queryRunner.query(`DROP TABLE "item_events"`);
    await queryRunner.query(`DROP TABLE "agencies"`);
  }
}
