import { MigrationInterface, QueryRunner } from 'typeorm';

/** Import jobs of needs and offers from spreadsheets (issue 16): the file, progress, problems. */
export class Imports1796010000000 implements MigrationInterface {
  name = 'Imports1796010000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(10) NOT NULL, "dryRun" boolean NOT NULL, "status" character varying(10) NOT NULL, "ownerId" uuid NOT NULL, "locale" character varying(2) NOT NULL, "format" character varying(4) NOT NULL, "content" text NOT NULL, "total" integer NOT NULL, "processed" integer NOT NULL, "created" integer NOT NULL, "updated" integer NOT NULL, "rejected" integer NOT NULL, "problems" text NOT NULL, "leaseUntil" TIMESTAMP(3) WITH TIME ZONE, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4d206c602f173f98e4bb85819a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_import_jobs_owner" ON "import_jobs" ("ownerId", "createdAt")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_import_jobs_status_lease" ON "import_jobs" ("status", "leaseUntil")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_import_jobs_status_lease"`);
    await queryRunner.query(`DROP INDEX "IDX_import_jobs_owner"`);
    await queryRunner.query(`DROP TABLE "import_jobs"`);
  }
}
