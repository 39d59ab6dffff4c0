import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log's columns, in the order both tables hold them. */
const COLUMNS = ['createdAt', 'operation', 'userId', 'email', 'role', 'targetIds', 'outcome'];

/**
 * The archive of the audit trail (AUDIT_RETENTION_DAYS). Append-only like the log. The
 * log's DELETE trigger now lets a row go only when its exact copy is already in the
 * archive: an entry can move, never vanish or change on the way.
 */
export class AuditArchive1764440000000 implements MigrationInterface {
  name = 'AuditArchive1764440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log_archive" ("createdAt" datetime NOT NULL, "operation" varchar(100) NOT NULL, "userId" varchar(36), "email" varchar(254), "role" varchar(40), "targetIds" text NOT NULL, "outcome" varchar(40) NOT NULL, "id" varchar(36) PRIMARY KEY NOT NULL, "archivedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_archive_createdAt_id" ON "audit_log_archive" ("createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_archive_no_update" BEFORE UPDATE ON "audit_log_archive" BEGIN SELECT RAISE(ABORT, 'audit_log_archive is append-only'); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_archive_no_delete" BEFORE DELETE ON "audit_log_archive" BEGIN SELECT RAISE(ABORT, 'audit_log_archive is append-only'); END`,
    );
    const same = COLUMNS.map((column) => `"archived"."${column}" IS OLD."${column}"`).join(' AND ');
    await queryRunner.query(`DROP TRIGGER "audit_log_no_delete"`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" WHEN NOT EXISTS (SELECT 1 FROM "audit_log_archive" "archived" WHERE "archived"."id" = OLD."id" AND ${same}) BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry leaves it only for the archive'); END`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_log_no_delete"`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    );
    await queryRunner.query(`DROP TABLE "audit_log_archive"`);
  }
}
