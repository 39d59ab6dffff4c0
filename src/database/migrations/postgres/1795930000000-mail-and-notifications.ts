import { MigrationInterface, QueryRunner } from 'typeorm';

/** The e-mail outbox, notifications, muted e-mail kinds and the scheduled jobs' record. */
export class MailAndNotifications1795930000000 implements MigrationInterface {
  name = 'MailAndNotifications1795930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified: created in the service's schema (the connection's search_path).
    await queryRunner.query(
      `CREATE TYPE "outbox_mails_status_enum" AS ENUM('PENDING', 'SENT', 'FAILED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_mails" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(40) NOT NULL, "recipient" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "status" "outbox_mails_status_enum" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "nextAttemptAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "claimedUntil" TIMESTAMP(3) WITH TIME ZONE, "lastError" character varying(500), "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "sentAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_b29f3864833e0d790528753c19c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_460bd0f341276cf1c15906eb45" ON "outbox_mails" ("status", "nextAttemptAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "muted_emails" ("userId" uuid NOT NULL, "kind" character varying(40) NOT NULL, CONSTRAINT "PK_6ba711cce689aef8294d44a4918" PRIMARY KEY ("userId", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "notifications_kind_enum" AS ENUM('TWINNING_PROPOSED', 'TWINNING_ANSWERED', 'TWINNING_ACCEPTED', 'TWINNING_CONFIRMED', 'TWINNING_DECLINED', 'TWINNING_CANCELLED', 'TWINNING_COMPLETED', 'ACTIVITY_UPCOMING', 'NEW_MATCHES', 'FOLLOW_UP_DUE', 'MENTIONED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid NOT NULL, "kind" "notifications_kind_enum" NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "link" character varying(500), "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "readAt" TIMESTAMP(3) WITH TIME ZONE, "dedupeKey" character varying(200), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4e652c0d7bd0781daccfea1e11" ON "notifications" ("dedupeKey") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_21e65af2f4f242d4c85a92aff4" ON "notifications" ("userId", "createdAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "job_runs" ("name" character varying(60) NOT NULL, "lastRunAt" TIMESTAMP(3) WITH TIME ZONE, "heldUntil" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_b85618ada5b365476f91f989ed5" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "muted_emails" ADD CONSTRAINT "FK_efdafc5a391cbd6e96e50328225" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_692a909ee0fa9383e7859f9b406" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_runs"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TYPE "notifications_kind_enum"`);
    await queryRunner.query(`DROP TABLE "muted_emails"`);
    await queryRunner.query(`DROP TABLE "outbox_mails"`);
    await queryRunner.query(`DROP TYPE "outbox_mails_status_enum"`);
  }
}
