import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pledges by member organizations (with the needs they are meant for), the secretariat's
 * exchange rates, and the troika's chair terms.
 */
export class Pledges1795980000000 implements MigrationInterface {
  name = 'Pledges1795980000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified: created in the service's schema (the connection's search_path).
    await queryRunner.query(
      `CREATE TABLE "exchange_rates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "currency" character varying(3) NOT NULL, "usdPerUnit" double precision NOT NULL, "asOf" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "recordedById" uuid NOT NULL, "recordedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_33a614bad9e61956079d817ebe2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_exchange_rates_currency_asOf" ON "exchange_rates" ("currency", "asOf")`,
    );
    await queryRunner.query(
      `CREATE TYPE "pledges_status_enum" AS ENUM('PLEDGED', 'COMMITTED', 'DISBURSED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "pledges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "amount" double precision NOT NULL, "currency" character varying(3) NOT NULL, "status" "pledges_status_enum" NOT NULL, "countryCode" character varying(2), "workingGroupCode" character varying(40), "twinningId" uuid, "pledgedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "note" character varying(1000), "createdById" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cbc41e4e1ba6b2690543f158d22" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_pledges_pledgedAt" ON "pledges" ("pledgedAt")`);
    await queryRunner.query(`CREATE INDEX "IDX_pledges_countryCode" ON "pledges" ("countryCode")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_pledges_organizationId" ON "pledges" ("organizationId")`,
    );
    await queryRunner.query(
      `CREATE TABLE "pledge_needs" ("pledgeId" uuid NOT NULL, "needId" uuid NOT NULL, CONSTRAINT "PK_f459ca72b50d2e51a2ab82837eb" PRIMARY KEY ("pledgeId", "needId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_pledge_needs_needId" ON "pledge_needs" ("needId")`);
    await queryRunner.query(
      `CREATE TYPE "chair_terms_role_enum" AS ENUM('PAST_CHAIR', 'CHAIR', 'INCOMING_CHAIR')`,
    );
    await queryRunner.query(
      `CREATE TABLE "chair_terms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "role" "chair_terms_role_enum" NOT NULL, "from" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "to" TIMESTAMP(3) WITH TIME ZONE, "theme" character varying(300), "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b050f04ea8b7c4adf78f6f48cf3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_chair_terms_role_from" ON "chair_terms" ("role", "from")`,
    );
    await queryRunner.query(
      `ALTER TABLE "exchange_rates" ADD CONSTRAINT "FK_c29c187d82dd9fe8ca6f0c3c637" FOREIGN KEY ("recordedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" ADD CONSTRAINT "FK_fac4862eeeab6b5e51fa33a7871" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" ADD CONSTRAINT "FK_46909b371a0d883a9cc5da11faf" FOREIGN KEY ("countryCode") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" ADD CONSTRAINT "FK_f5211da09249f3d4c0a4e02bd1c" FOREIGN KEY ("workingGroupCode") REFERENCES "working_groups"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" ADD CONSTRAINT "FK_1959dec481031d2260af8c0cbc3" FOREIGN KEY ("twinningId") REFERENCES "twinnings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" ADD CONSTRAINT "FK_32babca65e02f111b40cfff59a7" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledge_needs" ADD CONSTRAINT "FK_ec72b304a401d099a3324997d56" FOREIGN KEY ("pledgeId") REFERENCES "pledges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledge_needs" ADD CONSTRAINT "FK_bcabadeb4409c14a9a256af7e0e" FOREIGN KEY ("needId") REFERENCES "needs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chair_terms" ADD CONSTRAINT "FK_fd5becba99d2afeb05100ec7d79" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "chair_terms" DROP CONSTRAINT "FK_fd5becba99d2afeb05100ec7d79"`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledge_needs" DROP CONSTRAINT "FK_bcabadeb4409c14a9a256af7e0e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledge_needs" DROP CONSTRAINT "FK_ec72b304a401d099a3324997d56"`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" DROP CONSTRAINT "FK_32babca65e02f111b40cfff59a7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" DROP CONSTRAINT "FK_1959dec481031d2260af8c0cbc3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" DROP CONSTRAINT "FK_f5211da09249f3d4c0a4e02bd1c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" DROP CONSTRAINT "FK_46909b371a0d883a9cc5da11faf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "pledges" DROP CONSTRAINT "FK_fac4862eeeab6b5e51fa33a7871"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exchange_rates" DROP CONSTRAINT "FK_c29c187d82dd9fe8ca6f0c3c637"`,
    );
    await queryRunner.query(`DROP INDEX "IDX_chair_terms_role_from"`);
    await queryRunner.query(`DROP TABLE "chair_terms"`);
    await queryRunner.query(`DROP TYPE "chair_terms_role_enum"`);
    await queryRunner.query(`DROP INDEX "IDX_pledge_needs_needId"`);
    await queryRunner.query(`DROP TABLE "pledge_needs"`);
    await queryRunner.query(`DROP INDEX "IDX_pledges_organizationId"`);
    await queryRunner.query(`DROP INDEX "IDX_pledges_countryCode"`);
    await queryRunner.query(`DROP INDEX "IDX_pledges_pledgedAt"`);
    await queryRunner.query(`DROP TABLE "pledges"`);
    await queryRunner.query(`DROP TYPE "pledges_status_enum"`);
    await queryRunner.query(`DROP INDEX "IDX_exchange_rates_currency_asOf"`);
    await queryRunner.query(`DROP TABLE "exchange_rates"`);
  }
}
