import { MigrationInterface, QueryRunner } from 'typeorm';

/** Import jobs of needs and offers from spreadsheets (issue 16): the file, progress, problems. */
export class Imports1764540000000 implements MigrationInterface {
  name = 'Imports1764540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_jobs" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar(10) NOT NULL, "dryRun" boolean NOT NULL, "status" varchar(10) NOT NULL, "ownerId" varchar(36) NOT NULL, "locale" varchar(2) NOT NULL, "format" varchar(4) NOT NULL, "content" text NOT NULL, "total" integer NOT NULL, "processed" integer NOT NULL, "created" integer NOT NULL, "updated" integer NOT NULL, "rejected" integer NOT NULL, "problems" text NOT NULL, "leaseUntil" datetime, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_import_jobs_owner" ON "import_jobs" ("ownerId", "createdAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_import_jobs_status_lease" ON "import_jobs" ("status", "leaseUntil") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_import_jobs_status_lease"`);
    await queryRunner.query(`DROP INDEX "IDX_import_jobs_owner"`);
    await queryRunner.query(`DROP TABLE "import_jobs"`);
  }
}
