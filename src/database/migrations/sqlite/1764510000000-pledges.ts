import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pledges by member organizations (with the needs they are meant for), the secretariat's
 * exchange rates, and the troika's chair terms.
 */
export class Pledges1764510000000 implements MigrationInterface {
  name = 'Pledges1764510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "exchange_rates" ("id" varchar PRIMARY KEY NOT NULL, "currency" varchar(3) NOT NULL, "usdPerUnit" double precision NOT NULL, "asOf" datetime NOT NULL, "recordedById" varchar(36) NOT NULL, "recordedAt" datetime NOT NULL, CONSTRAINT "FK_c29c187d82dd9fe8ca6f0c3c637" FOREIGN KEY ("recordedById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_exchange_rates_currency_asOf" ON "exchange_rates" ("currency", "asOf")`,
    );
    await queryRunner.query(
      `CREATE TABLE "pledges" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "amount" double precision NOT NULL, "currency" varchar(3) NOT NULL, "status" varchar CHECK( "status" IN ('PLEDGED','COMMITTED','DISBURSED','CANCELLED') ) NOT NULL, "countryCode" varchar(2), "workingGroupCode" varchar(40), "twinningId" varchar(36), "pledgedAt" datetime NOT NULL, "note" varchar(1000), "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "FK_fac4862eeeab6b5e51fa33a7871" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_46909b371a0d883a9cc5da11faf" FOREIGN KEY ("countryCode") REFERENCES "countries" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f5211da09249f3d4c0a4e02bd1c" FOREIGN KEY ("workingGroupCode") REFERENCES "working_groups" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_1959dec481031d2260af8c0cbc3" FOREIGN KEY ("twinningId") REFERENCES "twinnings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_32babca65e02f111b40cfff59a7" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_pledges_pledgedAt" ON "pledges" ("pledgedAt")`);
    await queryRunner.query(`CREATE INDEX "IDX_pledges_countryCode" ON "pledges" ("countryCode")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_pledges_organizationId" ON "pledges" ("organizationId")`,
    );
    await queryRunner.query(
      `CREATE TABLE "pledge_needs" ("pledgeId" varchar(36) NOT NULL, "needId" varchar(36) NOT NULL, CONSTRAINT "FK_ec72b304a401d099a3324997d56" FOREIGN KEY ("pledgeId") REFERENCES "pledges" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_bcabadeb4409c14a9a256af7e0e" FOREIGN KEY ("needId") REFERENCES "needs" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("pledgeId", "needId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_pledge_needs_needId" ON "pledge_needs" ("needId")`);
    await queryRunner.query(
      `CREATE TABLE "chair_terms" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "role" varchar CHECK( "role" IN ('PAST_CHAIR','CHAIR','INCOMING_CHAIR') ) NOT NULL, "from" datetime NOT NULL, "to" datetime, "theme" varchar(300), "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "FK_fd5becba99d2afeb05100ec7d79" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_chair_terms_role_from" ON "chair_terms" ("role", "from")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_chair_terms_role_from"`);
    await queryRunner.query(`DROP TABLE "chair_terms"`);
    await queryRunner.query(`DROP INDEX "IDX_pledge_needs_needId"`);
    await queryRunner.query(`DROP TABLE "pledge_needs"`);
    await queryRunner.query(`DROP INDEX "IDX_pledges_pledgedAt"`);
    await queryRunner.query(`DROP INDEX "IDX_pledges_countryCode"`);
    await queryRunner.query(`DROP INDEX "IDX_pledges_organizationId"`);
    await queryRunner.query(`DROP TABLE "pledges"`);
    await queryRunner.query(`DROP INDEX "IDX_exchange_rates_currency_asOf"`);
    await queryRunner.query(`DROP TABLE "exchange_rates"`);
  }
}
