import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first schema: reference data, accounts, organizations, needs and offers. */
export class Initial1764370000000 implements MigrationInterface {
  name = 'Initial1764370000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "countries" ("code" varchar(2) PRIMARY KEY NOT NULL, "nameEn" varchar(100) NOT NULL, "nameEs" varchar(100) NOT NULL, "isMirpsState" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE TABLE "working_groups" ("code" varchar(40) PRIMARY KEY NOT NULL, "nameEn" varchar(200) NOT NULL, "nameEs" varchar(200) NOT NULL, "descriptionEn" varchar(1000), "descriptionEs" varchar(1000), "createdAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "nameKey" varchar(200) NOT NULL, "kind" varchar CHECK( "kind" IN ('STATE','INTERNATIONAL_ORGANIZATION','FINANCIAL_INSTITUTION','REGIONAL_BODY','PRIVATE_SECTOR','CIVIL_SOCIETY','ACADEMIA') ) NOT NULL, "countryCode" varchar(2), "createdAt" datetime NOT NULL, CONSTRAINT "FK_36d6f1638eced9e8c2ee0dbbdf6" FOREIGN KEY ("countryCode") REFERENCES "countries" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3e78b5333b1e574af70e32e45e" ON "organizations" ("nameKey")`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "passwordHash" varchar(300) NOT NULL, "role" varchar CHECK( "role" IN ('SECRETARIAT','COUNTRY_FOCAL_POINT','MEMBER_FOCAL_POINT','OBSERVER') ) NOT NULL, "countryCode" varchar(2), "organizationId" varchar(36), "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL, CONSTRAINT "FK_a0ed47f0ee7de871cdbcf9d1f93" FOREIGN KEY ("countryCode") REFERENCES "countries" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f3d6aea8fcca58182b2e80ce979" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")`,
    );
    await queryRunner.query(
      `CREATE TABLE "needs" ("id" varchar PRIMARY KEY NOT NULL, "countryCode" varchar(2) NOT NULL, "workingGroupCode" varchar(40) NOT NULL, "title" varchar(200) NOT NULL, "description" text NOT NULL, "modalities" text NOT NULL, "languages" text NOT NULL, "beneficiaries" integer, "earliestStart" datetime, "latestEnd" datetime, "napReference" varchar(200), "priority" varchar CHECK( "priority" IN ('HIGH','MEDIUM','LOW') ) NOT NULL DEFAULT ('MEDIUM'), "status" varchar CHECK( "status" IN ('OPEN','IN_TWINNING','FULFILLED','WITHDRAWN') ) NOT NULL DEFAULT ('OPEN'), "withdrawalReason" varchar(1000), "searchText" text NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "FK_7228225be5c3ffc80729159edbc" FOREIGN KEY ("countryCode") REFERENCES "countries" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_073f0630db34df6cc6046410e5b" FOREIGN KEY ("workingGroupCode") REFERENCES "working_groups" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0044ff1743f0e47a84bdd5cc2ac" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2769d9d8fb363ef293dfebd0b5" ON "needs" ("workingGroupCode", "status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_95e4326991c79eec76f0108b81" ON "needs" ("countryCode", "status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b445246f32d5dd611520c7665c" ON "needs" ("createdAt", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "offers" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "description" text NOT NULL, "modalities" text NOT NULL, "languages" text NOT NULL, "capacity" integer NOT NULL, "reservedCapacity" integer NOT NULL DEFAULT (0), "availableFrom" datetime, "availableTo" datetime, "status" varchar CHECK( "status" IN ('OPEN','FULL','WITHDRAWN') ) NOT NULL DEFAULT ('OPEN'), "withdrawalReason" varchar(1000), "searchText" text NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "CHK_offers_capacity" CHECK ("capacity" > 0 AND "reservedCapacity" >= 0 AND "reservedCapacity" <= "capacity"), CONSTRAINT "FK_531330d7396291798408abcc800" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_85a7620d737fa59f750f8abe52f" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_81800b15e24863e34b3029195d" ON "offers" ("organizationId", "status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_45c0e7e07f046c76e6ff3933fc" ON "offers" ("createdAt", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "offer_eligible_countries" ("offerId" varchar(36) NOT NULL, "countryCode" varchar(2) NOT NULL, CONSTRAINT "FK_0de074accd4ef7154ea24bb0b5c" FOREIGN KEY ("offerId") REFERENCES "offers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3f8db27aba6e6676fb5f83be17e" FOREIGN KEY ("countryCode") REFERENCES "countries" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("offerId", "countryCode"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "offer_working_groups" ("offerId" varchar(36) NOT NULL, "workingGroupCode" varchar(40) NOT NULL, CONSTRAINT "FK_a3e906addb0008196798ec8683c" FOREIGN KEY ("offerId") REFERENCES "offers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_bcd75d5ce8992fcc3b0c5997192" FOREIGN KEY ("workingGroupCode") REFERENCES "working_groups" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("offerId", "workingGroupCode"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bcd75d5ce8992fcc3b0c599719" ON "offer_working_groups" ("workingGroupCode")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "offer_working_groups"`);
    await queryRunner.query(`DROP TABLE "offer_eligible_countries"`);
    await queryRunner.query(`DROP TABLE "offers"`);
    await queryRunner.query(`DROP TABLE "needs"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP TABLE "working_groups"`);
    await queryRunner.query(`DROP TABLE "countries"`);
  }
}
