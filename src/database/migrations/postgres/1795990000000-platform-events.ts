import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform events (meetings, workshops, twinning meetings, high-level events), the
 * countries, organizations and working groups taking part, the twinnings made at them,
 * and the twinning meeting's agenda.
 */
export class PlatformEvents1795990000000 implements MigrationInterface {
  name = 'PlatformEvents1795990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified: created in the service's schema (the connection's search_path).
    await queryRunner.query(
      `CREATE TYPE "platform_events_kind_enum" AS ENUM('TECHNICAL_MEETING', 'TECHNICAL_WORKSHOP', 'TWINNING_MEETING', 'HIGH_LEVEL_EVENT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "platform_events_kind_enum" NOT NULL, "title" character varying(300) NOT NULL, "startsAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "endsAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "location" character varying(300), "virtual" boolean NOT NULL DEFAULT false, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a3d9dca88450e28327df69903e0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_platform_events_startsAt" ON "platform_events" ("startsAt", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "agenda_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "rank" integer NOT NULL, "needId" uuid NOT NULL, "offerId" uuid NOT NULL, "score" double precision NOT NULL, "slot" integer, "room" integer, "startsAt" TIMESTAMP(3) WITH TIME ZONE, "endsAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_8c9bc5ce4c244d8465a606be138" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_agenda_meetings_event_rank" ON "agenda_meetings" ("eventId", "rank") `,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_event_countries" ("eventId" uuid NOT NULL, "countryCode" character varying(2) NOT NULL, CONSTRAINT "PK_9a2cd4b0839773f91843a530f9f" PRIMARY KEY ("eventId", "countryCode"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1eec58f510f9e97f8b68c7343d" ON "platform_event_countries" ("countryCode") `,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_event_organizations" ("eventId" uuid NOT NULL, "organizationId" uuid NOT NULL, CONSTRAINT "PK_5a7fef8ee636016d49084946c9f" PRIMARY KEY ("eventId", "organizationId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6a607fbfc18dd0d61f14ebb0a3" ON "platform_event_organizations" ("organizationId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_event_working_groups" ("eventId" uuid NOT NULL, "workingGroupCode" character varying(40) NOT NULL, CONSTRAINT "PK_e12c6d66415a54d170f5f49622c" PRIMARY KEY ("eventId", "workingGroupCode"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2794b50161cc7aeaabd9694484" ON "platform_event_working_groups" ("workingGroupCode") `,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_event_twinnings" ("twinningId" uuid NOT NULL, "eventId" uuid NOT NULL, "linkedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_836cb6db962b50cd8d101afe62a" PRIMARY KEY ("twinningId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8993ee9679f72ba3a461abb742" ON "platform_event_twinnings" ("eventId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_meetings" ADD CONSTRAINT "FK_583092a8ecc83b051a588279136" FOREIGN KEY ("eventId") REFERENCES "platform_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_meetings" ADD CONSTRAINT "FK_0b4bf60debb98d87a8c5756ad3a" FOREIGN KEY ("needId") REFERENCES "needs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_meetings" ADD CONSTRAINT "FK_25fa707121d67d49c0fd47f40aa" FOREIGN KEY ("offerId") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_countries" ADD CONSTRAINT "FK_56c0f2f4c0f69175a8ab4fc28b4" FOREIGN KEY ("eventId") REFERENCES "platform_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_countries" ADD CONSTRAINT "FK_1eec58f510f9e97f8b68c7343df" FOREIGN KEY ("countryCode") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_organizations" ADD CONSTRAINT "FK_50ba45946d56c15e5210b66206b" FOREIGN KEY ("eventId") REFERENCES "platform_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_organizations" ADD CONSTRAINT "FK_6a607fbfc18dd0d61f14ebb0a3e" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_working_groups" ADD CONSTRAINT "FK_311550b578ea8f7c54e5687ee75" FOREIGN KEY ("eventId") REFERENCES "platform_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_working_groups" ADD CONSTRAINT "FK_2794b50161cc7aeaabd96944840" FOREIGN KEY ("workingGroupCode") REFERENCES "working_groups"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_twinnings" ADD CONSTRAINT "FK_836cb6db962b50cd8d101afe62a" FOREIGN KEY ("twinningId") REFERENCES "twinnings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_twinnings" ADD CONSTRAINT "FK_8993ee9679f72ba3a461abb742c" FOREIGN KEY ("eventId") REFERENCES "platform_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "platform_event_twinnings" DROP CONSTRAINT "FK_8993ee9679f72ba3a461abb742c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_twinnings" DROP CONSTRAINT "FK_836cb6db962b50cd8d101afe62a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_working_groups" DROP CONSTRAINT "FK_2794b50161cc7aeaabd96944840"`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_working_groups" DROP CONSTRAINT "FK_311550b578ea8f7c54e5687ee75"`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_organizations" DROP CONSTRAINT "FK_6a607fbfc18dd0d61f14ebb0a3e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_organizations" DROP CONSTRAINT "FK_50ba45946d56c15e5210b66206b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_countries" DROP CONSTRAINT "FK_1eec58f510f9e97f8b68c7343df"`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_event_countries" DROP CONSTRAINT "FK_56c0f2f4c0f69175a8ab4fc28b4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_meetings" DROP CONSTRAINT "FK_25fa707121d67d49c0fd47f40aa"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_meetings" DROP CONSTRAINT "FK_0b4bf60debb98d87a8c5756ad3a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_meetings" DROP CONSTRAINT "FK_583092a8ecc83b051a588279136"`,
    );
    await queryRunner.query(`DROP INDEX "IDX_8993ee9679f72ba3a461abb742"`);
    await queryRunner.query(`DROP TABLE "platform_event_twinnings"`);
    await queryRunner.query(`DROP INDEX "IDX_2794b50161cc7aeaabd9694484"`);
    await queryRunner.query(`DROP TABLE "platform_event_working_groups"`);
    await queryRunner.query(`DROP INDEX "IDX_6a607fbfc18dd0d61f14ebb0a3"`);
    await queryRunner.query(`DROP TABLE "platform_event_organizations"`);
    await queryRunner.query(`DROP INDEX "IDX_1eec58f510f9e97f8b68c7343d"`);
    await queryRunner.query(`DROP TABLE "platform_event_countries"`);
    await queryRunner.query(`DROP INDEX "IDX_agenda_meetings_event_rank"`);
    await queryRunner.query(`DROP TABLE "agenda_meetings"`);
    await queryRunner.query(`DROP INDEX "IDX_platform_events_startsAt"`);
    await queryRunner.query(`DROP TABLE "platform_events"`);
    await queryRunner.query(`DROP TYPE "platform_events_kind_enum"`);
  }
}
