import { MigrationInterface, QueryRunner } from 'typeorm';

/** Follow-ups of completed twinnings and each party's answer (issue 14). */
export class FollowUps1795960000000 implements MigrationInterface {
  name = 'FollowUps1795960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified: created in the service's schema (the connection's search_path).
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "twinningId" uuid NOT NULL, "dueAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "submittedAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_904d6980ca51149852a4caca61" ON "follow_ups" ("dueAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3e78503cf5a4e9d86f11e8d340" ON "follow_ups" ("twinningId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "followUpId" uuid NOT NULL, "partyId" uuid NOT NULL, "rating" integer NOT NULL, "outcome" character varying(2000) NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "byId" uuid NOT NULL, CONSTRAINT "CHK_follow_up_responses_rating" CHECK ("rating" >= 1 AND "rating" <= 5), CONSTRAINT "PK_ec7fb6c4f435a71c22159083bb8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4db97850e91bb007b995439674" ON "follow_up_responses" ("partyId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_83a79694865384b0aacc6c6569" ON "follow_up_responses" ("followUpId", "partyId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_3e78503cf5a4e9d86f11e8d3407" FOREIGN KEY ("twinningId") REFERENCES "twinnings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_responses" ADD CONSTRAINT "FK_21f30a787736ec7fef84331b782" FOREIGN KEY ("followUpId") REFERENCES "follow_ups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_responses" ADD CONSTRAINT "FK_4db97850e91bb007b9954396747" FOREIGN KEY ("partyId") REFERENCES "twinning_parties"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_responses" ADD CONSTRAINT "FK_c6e029c4b86b782177c9579f824" FOREIGN KEY ("byId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "follow_up_responses" DROP CONSTRAINT "FK_c6e029c4b86b782177c9579f824"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_responses" DROP CONSTRAINT "FK_4db97850e91bb007b9954396747"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_responses" DROP CONSTRAINT "FK_21f30a787736ec7fef84331b782"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_3e78503cf5a4e9d86f11e8d3407"`,
    );
    await queryRunner.query(`DROP INDEX "IDX_83a79694865384b0aacc6c6569"`);
    await queryRunner.query(`DROP INDEX "IDX_4db97850e91bb007b995439674"`);
    await queryRunner.query(`DROP TABLE "follow_up_responses"`);
    await queryRunner.query(`DROP INDEX "IDX_3e78503cf5a4e9d86f11e8d340"`);
    await queryRunner.query(`DROP INDEX "IDX_904d6980ca51149852a4caca61"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
  }
}
