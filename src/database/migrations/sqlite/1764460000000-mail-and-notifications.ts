import { MigrationInterface, QueryRunner } from 'typeorm';

/** The e-mail outbox, notifications, muted e-mail kinds and the scheduled jobs' record. */
export class MailAndNotifications1764460000000 implements MigrationInterface {
  name = 'MailAndNotifications1764460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_mails" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar(40) NOT NULL, "recipient" varchar(254) NOT NULL, "subject" varchar(300) NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','SENT','FAILED') ) NOT NULL DEFAULT ('PENDING'), "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime NOT NULL, "claimedUntil" datetime, "lastError" varchar(500), "createdAt" datetime NOT NULL, "sentAt" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_460bd0f341276cf1c15906eb45" ON "outbox_mails" ("status", "nextAttemptAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "muted_emails" ("userId" varchar(36) NOT NULL, "kind" varchar(40) NOT NULL, CONSTRAINT "FK_efdafc5a391cbd6e96e50328225" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("userId", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" varchar PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "kind" varchar CHECK( "kind" IN ('TWINNING_PROPOSED','TWINNING_ANSWERED','TWINNING_ACCEPTED','TWINNING_CONFIRMED','TWINNING_DECLINED','TWINNING_CANCELLED','TWINNING_COMPLETED','ACTIVITY_UPCOMING','NEW_MATCHES','FOLLOW_UP_DUE','MENTIONED') ) NOT NULL, "title" varchar(300) NOT NULL, "body" text NOT NULL, "link" varchar(500), "createdAt" datetime NOT NULL, "readAt" datetime, "dedupeKey" varchar(200), CONSTRAINT "FK_692a909ee0fa9383e7859f9b406" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4e652c0d7bd0781daccfea1e11" ON "notifications" ("dedupeKey") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_21e65af2f4f242d4c85a92aff4" ON "notifications" ("userId", "createdAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "job_runs" ("name" varchar(60) PRIMARY KEY NOT NULL, "lastRunAt" datetime, "heldUntil" datetime)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_runs"`);
    await queryRunner.query(`DROP INDEX "IDX_21e65af2f4f242d4c85a92aff4"`);
    await queryRunner.query(`DROP INDEX "IDX_4e652c0d7bd0781daccfea1e11"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "muted_emails"`);
    await queryRunner.query(`DROP INDEX "IDX_460bd0f341276cf1c15906eb45"`);
    await queryRunner.query(`DROP TABLE "outbox_mails"`);
  }
}
