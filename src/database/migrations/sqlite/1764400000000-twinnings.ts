import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Twinning arrangements (their needs, parties and history), follow-up activities, and the
 * users' calendar tokens.
 */
export class Twinnings1764400000000 implements MigrationInterface {
  name = 'Twinnings1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "calendarToken" varchar(64)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8a7c3b8a51777ff58cd7026f81" ON "users" ("calendarToken")`,
    );

    await queryRunner.query(
      `CREATE TABLE "twinnings" ("id" varchar PRIMARY KEY NOT NULL, "offerId" varchar(36) NOT NULL, "status" varchar CHECK( "status" IN ('PROPOSED','ACCEPTED','CONFIRMED','COMPLETED','DECLINED','CANCELLED') ) NOT NULL DEFAULT ('PROPOSED'), "note" varchar(1000), "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "confirmedAt" datetime, "completedAt" datetime, "summary" text, "cancellationReason" varchar(1000), CONSTRAINT "FK_b58f5d8d33ac4e0a6e90b7aa401" FOREIGN KEY ("offerId") REFERENCES "offers" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_87d02e8b365631d81be789aca83" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_baa6e4c0533b715cf542e5408b" ON "twinnings" ("createdAt", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b58f5d8d33ac4e0a6e90b7aa40" ON "twinnings" ("offerId")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_83c43b7f0e79566a8bc6d6d8d8" ON "twinnings" ("status")`,
    );

    await queryRunner.query(
      `CREATE TABLE "twinning_needs" ("twinningId" varchar(36) NOT NULL, "needId" varchar(36) NOT NULL, CONSTRAINT "FK_6814728c7a4a14c1fc26c20928b" FOREIGN KEY ("twinningId") REFERENCES "twinnings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a9a4ff1650e8524c8a712e4aa7d" FOREIGN KEY ("needId") REFERENCES "needs" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("twinningId", "needId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a9a4ff1650e8524c8a712e4aa7" ON "twinning_needs" ("needId")`,
    );

    await queryRunner.query(
      `CREATE TABLE "twinning_parties" ("id" varchar PRIMARY KEY NOT NULL, "twinningId" varchar(36) NOT NULL, "countryCode" varchar(2), "organizationId" varchar(36), "response" varchar CHECK( "response" IN ('PENDING','ACCEPTED','DECLINED') ) NOT NULL DEFAULT ('PENDING'), "respondedAt" datetime, "respondedById" varchar(36), "comment" varchar(1000), CONSTRAINT "CHK_twinning_parties_side" CHECK (("countryCode" IS NULL) <> ("organizationId" IS NULL)), CONSTRAINT "FK_e90a122f3fba4dea6aa672d6e4d" FOREIGN KEY ("twinningId") REFERENCES "twinnings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_5270dcf96d262a565fd5762a4e9" FOREIGN KEY ("countryCode") REFERENCES "countries" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_fc8fc64b356bbcc3cd1c92acb2b" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_8b40ec6dab5eea2f8e8507d0e47" FOREIGN KEY ("respondedById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a37c58f8c758f84bc2574acd14" ON "twinning_parties" ("twinningId", "countryCode")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c2460cea65c2fea48d3bb4a407" ON "twinning_parties" ("twinningId", "organizationId")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5270dcf96d262a565fd5762a4e" ON "twinning_parties" ("countryCode")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fc8fc64b356bbcc3cd1c92acb2" ON "twinning_parties" ("organizationId")`,
    );

    await queryRunner.query(
      `CREATE TABLE "twinning_status_changes" ("id" varchar PRIMARY KEY NOT NULL, "twinningId" varchar(36) NOT NULL, "sequence" integer NOT NULL, "from" varchar CHECK( "from" IN ('PROPOSED','ACCEPTED','CONFIRMED','COMPLETED','DECLINED','CANCELLED') ), "to" varchar CHECK( "to" IN ('PROPOSED','ACCEPTED','CONFIRMED','COMPLETED','DECLINED','CANCELLED') ) NOT NULL, "byId" varchar(36) NOT NULL, "at" datetime NOT NULL, "note" text, CONSTRAINT "FK_a7e32abf39a61412b590945b06f" FOREIGN KEY ("twinningId") REFERENCES "twinnings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_cd9e941bd0878f30c9a8b002d51" FOREIGN KEY ("byId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_369380c1f5a4eadf0184215d7e" ON "twinning_status_changes" ("twinningId", "sequence")`,
    );

    await queryRunner.query(
      `CREATE TABLE "activities" ("id" varchar PRIMARY KEY NOT NULL, "twinningId" varchar(36) NOT NULL, "kind" varchar CHECK( "kind" IN ('TRAINING','PEER_EXCHANGE','WORKSHOP','MEETING','STUDY_VISIT','TECHNICAL_ASSISTANCE','SECONDMENT') ) NOT NULL, "title" varchar(200) NOT NULL, "startsAt" datetime NOT NULL, "endsAt" datetime, "location" varchar(200), "virtual" boolean NOT NULL DEFAULT (0), "status" varchar CHECK( "status" IN ('PLANNED','DONE','CANCELLED') ) NOT NULL DEFAULT ('PLANNED'), "women" integer, "men" integer, "other" integer, "outcome" text, "cancellationReason" varchar(1000), "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "CHK_activities_participants" CHECK ("women" >= 0 AND "men" >= 0 AND "other" >= 0), CONSTRAINT "FK_3197f5193eb4e56869f067d862b" FOREIGN KEY ("twinningId") REFERENCES "twinnings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_579056df0c92b0f6432e96b2048" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c5bc0c59579db70aa50f9b1f07" ON "activities" ("createdAt", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3197f5193eb4e56869f067d862" ON "activities" ("twinningId")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3c12867cd7795f4684c07f5588" ON "activities" ("startsAt")`,
    );

    await queryRunner.query(
      `CREATE TABLE "activity_participant_countries" ("activityId" varchar(36) NOT NULL, "countryCode" varchar(2) NOT NULL, CONSTRAINT "FK_2f69f723a81be4d4c3ef2ff4ed6" FOREIGN KEY ("activityId") REFERENCES "activities" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a3e27b7b46da89979ff575c7cdf" FOREIGN KEY ("countryCode") REFERENCES "countries" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("activityId", "countryCode"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a3e27b7b46da89979ff575c7cd" ON "activity_participant_countries" ("countryCode")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "activity_participant_countries"`);
    await queryRunner.query(`DROP TABLE "activities"`);
    await queryRunner.query(`DROP TABLE "twinning_status_changes"`);
    await queryRunner.query(`DROP TABLE "twinning_parties"`);
    await queryRunner.query(`DROP TABLE "twinning_needs"`);
    await queryRunner.query(`DROP TABLE "twinnings"`);
    await queryRunner.query(`DROP INDEX "IDX_8a7c3b8a51777ff58cd7026f81"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "calendarToken"`);
  }
}
