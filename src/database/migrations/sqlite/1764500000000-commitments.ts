import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * National Action Plan commitments, their indicators and the indicators' values over
 * time; needs gain the commitment they serve and their visibility (PLATFORM or RESTRICTED).
 */
export class Commitments1764500000000 implements MigrationInterface {
  name = 'Commitments1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "commitments" ("id" varchar PRIMARY KEY NOT NULL, "countryCode" varchar(2) NOT NULL, "code" varchar(40) NOT NULL, "title" varchar(300) NOT NULL, "workingGroupCode" varchar(40) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "FK_6053b05dd5f74df17db54deb778" FOREIGN KEY ("countryCode") REFERENCES "countries" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_fe3da763d256e42ea92865d2639" FOREIGN KEY ("workingGroupCode") REFERENCES "working_groups" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_commitments_workingGroupCode" ON "commitments" ("workingGroupCode") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_commitments_country_code" ON "commitments" ("countryCode", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicators" ("id" varchar PRIMARY KEY NOT NULL, "commitmentId" varchar(36) NOT NULL, "position" integer NOT NULL, "name" varchar(200) NOT NULL, "nameKey" varchar(200) NOT NULL, "unit" varchar(40), "baseline" double precision, "target" double precision, "targetDate" datetime, "current" double precision, "measuredAt" datetime, "createdAt" datetime NOT NULL, CONSTRAINT "FK_d7ca6bb3ef7e5b1e8a5debbf386" FOREIGN KEY ("commitmentId") REFERENCES "commitments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_indicators_commitment_name" ON "indicators" ("commitmentId", "nameKey") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_values" ("id" varchar PRIMARY KEY NOT NULL, "indicatorId" varchar(36) NOT NULL, "value" double precision NOT NULL, "at" datetime NOT NULL, "source" varchar(500), "recordedById" varchar(36) NOT NULL, "recordedAt" datetime NOT NULL, CONSTRAINT "FK_4d57dcc8bd0b410481b456cff10" FOREIGN KEY ("indicatorId") REFERENCES "indicators" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4b216f6391cd731ed5082ee8aa1" FOREIGN KEY ("recordedById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_indicator_values_indicator_at" ON "indicator_values" ("indicatorId", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "needs" ADD COLUMN "visibility" varchar CHECK( "visibility" IN ('PLATFORM','RESTRICTED') ) NOT NULL DEFAULT ('PLATFORM')`,
    );
    await queryRunner.query(`ALTER TABLE "needs" ADD COLUMN "commitmentId" varchar(36)`);
    await queryRunner.query(`CREATE INDEX "IDX_needs_commitmentId" ON "needs" ("commitmentId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_needs_commitmentId"`);
    await queryRunner.query(`ALTER TABLE "needs" DROP COLUMN "commitmentId"`);
    await queryRunner.query(`ALTER TABLE "needs" DROP COLUMN "visibility"`);
    await queryRunner.query(`DROP INDEX "IDX_indicator_values_indicator_at"`);
    await queryRunner.query(`DROP TABLE "indicator_values"`);
    await queryRunner.query(`DROP INDEX "IDX_indicators_commitment_name"`);
    await queryRunner.query(`DROP TABLE "indicators"`);
    await queryRunner.query(`DROP INDEX "IDX_commitments_country_code"`);
    await queryRunner.query(`DROP INDEX "IDX_commitments_workingGroupCode"`);
    await queryRunner.query(`DROP TABLE "commitments"`);
  }
}
