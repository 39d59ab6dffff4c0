import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * National Action Plan commitments, their indicators and the indicators' values over
 * time; needs gain the commitment they serve and their visibility (PLATFORM or RESTRICTED).
 */
export class Commitments1795970000000 implements MigrationInterface {
  name = 'Commitments1795970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified: created in the service's schema (the connection's search_path).
    await queryRunner.query(
      `CREATE TABLE "commitments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "countryCode" character varying(2) NOT NULL, "code" character varying(40) NOT NULL, "title" character varying(300) NOT NULL, "workingGroupCode" character varying(40) NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_82060edcfe810ce82b7565521af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_commitments_workingGroupCode" ON "commitments" ("workingGroupCode")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_commitments_country_code" ON "commitments" ("countryCode", "code")`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "commitmentId" uuid NOT NULL, "position" integer NOT NULL, "name" character varying(200) NOT NULL, "nameKey" character varying(200) NOT NULL, "unit" character varying(40), "baseline" double precision, "target" double precision, "targetDate" TIMESTAMP(3) WITH TIME ZONE, "current" double precision, "measuredAt" TIMESTAMP(3) WITH TIME ZONE, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_indicators_commitment_name" ON "indicators" ("commitmentId", "nameKey")`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_values" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicatorId" uuid NOT NULL, "value" double precision NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "source" character varying(500), "recordedById" uuid NOT NULL, "recordedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_611038cccc7a74de92fed3da44d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_indicator_values_indicator_at" ON "indicator_values" ("indicatorId", "at")`,
    );
    await queryRunner.query(
      `CREATE TYPE "needs_visibility_enum" AS ENUM('PLATFORM', 'RESTRICTED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "needs" ADD "visibility" "needs_visibility_enum" NOT NULL DEFAULT 'PLATFORM'`,
    );
    await queryRunner.query(`ALTER TABLE "needs" ADD "commitmentId" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_needs_commitmentId" ON "needs" ("commitmentId")`);
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_6053b05dd5f74df17db54deb778" FOREIGN KEY ("countryCode") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_fe3da763d256e42ea92865d2639" FOREIGN KEY ("workingGroupCode") REFERENCES "working_groups"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicators" ADD CONSTRAINT "FK_d7ca6bb3ef7e5b1e8a5debbf386" FOREIGN KEY ("commitmentId") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_values" ADD CONSTRAINT "FK_4d57dcc8bd0b410481b456cff10" FOREIGN KEY ("indicatorId") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_values" ADD CONSTRAINT "FK_4b216f6391cd731ed5082ee8aa1" FOREIGN KEY ("recordedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "indicator_values" DROP CONSTRAINT "FK_4b216f6391cd731ed5082ee8aa1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_values" DROP CONSTRAINT "FK_4d57dcc8bd0b410481b456cff10"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicators" DROP CONSTRAINT "FK_d7ca6bb3ef7e5b1e8a5debbf386"`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" DROP CONSTRAINT "FK_fe3da763d256e42ea92865d2639"`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" DROP CONSTRAINT "FK_6053b05dd5f74df17db54deb778"`,
    );
    await queryRunner.query(`DROP INDEX "IDX_needs_commitmentId"`);
    await queryRunner.query(`ALTER TABLE "needs" DROP COLUMN "commitmentId"`);
    await queryRunner.query(`ALTER TABLE "needs" DROP COLUMN "visibility"`);
    await queryRunner.query(`DROP TYPE "needs_visibility_enum"`);
    await queryRunner.query(`DROP INDEX "IDX_indicator_values_indicator_at"`);
    await queryRunner.query(`DROP TABLE "indicator_values"`);
    await queryRunner.query(`DROP INDEX "IDX_indicators_commitment_name"`);
    await queryRunner.query(`DROP TABLE "indicators"`);
    await queryRunner.query(`DROP INDEX "IDX_commitments_country_code"`);
    await queryRunner.query(`DROP INDEX "IDX_commitments_workingGroupCode"`);
    await queryRunner.query(`DROP TABLE "commitments"`);
  }
}
