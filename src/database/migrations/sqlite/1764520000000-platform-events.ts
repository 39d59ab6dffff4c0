import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform events (meetings, workshops, twinning meetings, high-level events), the
 * countries, organizations and working groups taking part, the twinnings made at them,
 * and the twinning meeting's agenda.
 */
export class PlatformEvents1764520000000 implements MigrationInterface {
  name = 'PlatformEvents1764520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "platform_events" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar CHECK( "kind" IN ('TECHNICAL_MEETING','TECHNICAL_WORKSHOP','TWINNING_MEETING','HIGH_LEVEL_EVENT') ) NOT NULL, "title" varchar(300) NOT NULL, "startsAt" datetime NOT NULL, "endsAt" datetime NOT NULL, "location" varchar(300), "virtual" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_platform_events_startsAt" ON "platform_events" ("startsAt", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_event_countries" ("eventId" varchar(36) NOT NULL, "countryCode" varchar(2) NOT NULL, CONSTRAINT "FK_56c0f2f4c0f69175a8ab4fc28b4" FOREIGN KEY ("eventId") REFERENCES "platform_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1eec58f510f9e97f8b68c7343df" FOREIGN KEY ("countryCode") REFERENCES "countries" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("eventId", "countryCode"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1eec58f510f9e97f8b68c7343d" ON "platform_event_countries" ("countryCode")`,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_event_organizations" ("eventId" varchar(36) NOT NULL, "organizationId" varchar(36) NOT NULL, CONSTRAINT "FK_50ba45946d56c15e5210b66206b" FOREIGN KEY ("eventId") REFERENCES "platform_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6a607fbfc18dd0d61f14ebb0a3e" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("eventId", "organizationId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6a607fbfc18dd0d61f14ebb0a3" ON "platform_event_organizations" ("organizationId")`,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_event_working_groups" ("eventId" varchar(36) NOT NULL, "workingGroupCode" varchar(40) NOT NULL, CONSTRAINT "FK_311550b578ea8f7c54e5687ee75" FOREIGN KEY ("eventId") REFERENCES "platform_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_2794b50161cc7aeaabd96944840" FOREIGN KEY ("workingGroupCode") REFERENCES "working_groups" ("code") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("eventId", "workingGroupCode"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2794b50161cc7aeaabd9694484" ON "platform_event_working_groups" ("workingGroupCode")`,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_event_twinnings" ("twinningId" varchar(36) PRIMARY KEY NOT NULL, "eventId" varchar(36) NOT NULL, "linkedAt" datetime NOT NULL, CONSTRAINT "FK_836cb6db962b50cd8d101afe62a" FOREIGN KEY ("twinningId") REFERENCES "twinnings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_8993ee9679f72ba3a461abb742c" FOREIGN KEY ("eventId") REFERENCES "platform_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8993ee9679f72ba3a461abb742" ON "platform_event_twinnings" ("eventId")`,
    );
    await queryRunner.query(
      `CREATE TABLE "agenda_meetings" ("id" varchar PRIMARY KEY NOT NULL, "eventId" varchar(36) NOT NULL, "rank" integer NOT NULL, "needId" varchar(36) NOT NULL, "offerId" varchar(36) NOT NULL, "score" double precision NOT NULL, "slot" integer, "room" integer, "startsAt" datetime, "endsAt" datetime, CONSTRAINT "FK_583092a8ecc83b051a588279136" FOREIGN KEY ("eventId") REFERENCES "platform_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0b4bf60debb98d87a8c5756ad3a" FOREIGN KEY ("needId") REFERENCES "needs" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_25fa707121d67d49c0fd47f40aa" FOREIGN KEY ("offerId") REFERENCES "offers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_agenda_meetings_event_rank" ON "agenda_meetings" ("eventId", "rank")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_agenda_meetings_event_rank"`);
    await queryRunner.query(`DROP TABLE "agenda_meetings"`);
    await queryRunner.query(`DROP INDEX "IDX_8993ee9679f72ba3a461abb742"`);
    await queryRunner.query(`DROP TABLE "platform_event_twinnings"`);
    await queryRunner.query(`DROP INDEX "IDX_2794b50161cc7aeaabd9694484"`);
    await queryRunner.query(`DROP TABLE "platform_event_working_groups"`);
    await queryRunner.query(`DROP INDEX "IDX_6a607fbfc18dd0d61f14ebb0a3"`);
    await queryRunner.query(`DROP TABLE "platform_event_organizations"`);
    await queryRunner.query(`DROP INDEX "IDX_1eec58f510f9e97f8b68c7343d"`);
    await queryRunner.query(`DROP TABLE "platform_event_countries"`);
    await queryRunner.query(`DROP INDEX "IDX_platform_events_startsAt"`);
    await queryRunner.query(`DROP TABLE "platform_events"`);
  }
}
