import { MigrationInterface, QueryRunner } from 'typeorm';

/** Follow-ups of completed twinnings and each party's answer (issue 14). */
export class FollowUps1764490000000 implements MigrationInterface {
  name = 'FollowUps1764490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" varchar PRIMARY KEY NOT NULL, "twinningId" varchar(36) NOT NULL, "dueAt" datetime NOT NULL, "createdAt" datetime NOT NULL, "submittedAt" datetime, CONSTRAINT "FK_3e78503cf5a4e9d86f11e8d3407" FOREIGN KEY ("twinningId") REFERENCES "twinnings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_904d6980ca51149852a4caca61" ON "follow_ups" ("dueAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3e78503cf5a4e9d86f11e8d340" ON "follow_ups" ("twinningId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_responses" ("id" varchar PRIMARY KEY NOT NULL, "followUpId" varchar(36) NOT NULL, "partyId" varchar(36) NOT NULL, "rating" integer NOT NULL, "outcome" varchar(2000) NOT NULL, "at" datetime NOT NULL, "byId" varchar(36) NOT NULL, CONSTRAINT "CHK_follow_up_responses_rating" CHECK ("rating" >= 1 AND "rating" <= 5), CONSTRAINT "FK_21f30a787736ec7fef84331b782" FOREIGN KEY ("followUpId") REFERENCES "follow_ups" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4db97850e91bb007b9954396747" FOREIGN KEY ("partyId") REFERENCES "twinning_parties" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c6e029c4b86b782177c9579f824" FOREIGN KEY ("byId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4db97850e91bb007b995439674" ON "follow_up_responses" ("partyId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_83a79694865384b0aacc6c6569" ON "follow_up_responses" ("followUpId", "partyId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_83a79694865384b0aacc6c6569"`);
    await queryRunner.query(`DROP INDEX "IDX_4db97850e91bb007b995439674"`);
    await queryRunner.query(`DROP TABLE "follow_up_responses"`);
    await queryRunner.query(`DROP INDEX "IDX_3e78503cf5a4e9d86f11e8d340"`);
    await queryRunner.query(`DROP INDEX "IDX_904d6980ca51149852a4caca61"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
  }
}
