import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log's columns, in the order both tables hold them. */
const COLUMNS = ['createdAt', 'operation', 'userId', 'email', 'role', 'targetIds', 'outcome'];

/**
 * The archive of the audit trail (AUDIT_RETENTION_DAYS). Append-only like the log. The
 * log still refuses UPDATE and TRUNCATE outright; a DELETE now goes row by row, and a row
 * may go only when its exact copy is already in the archive: an entry can move, never
 * vanish or change on the way.
 */
export class AuditArchive1795910000000 implements MigrationInterface {
  name = 'AuditArchive1795910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log_archive" ("createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "operation" character varying(100) NOT NULL, "userId" uuid, "email" character varying(254), "role" character varying(40), "targetIds" text NOT NULL, "outcome" character varying(40) NOT NULL, "id" uuid NOT NULL, "archivedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e586d50f8fb2433c817494456c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_archive_createdAt_id" ON "audit_log_archive" ("createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE FUNCTION "audit_log_archive_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log_archive is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_archive_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log_archive" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_archive_append_only"()`,
    );
    const same = COLUMNS.map(
      (column) => `"archived"."${column}" IS NOT DISTINCT FROM OLD."${column}"`,
    ).join(' AND ');
    await queryRunner.query(
      `CREATE FUNCTION "audit_log_leaves_for_archive"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NOT EXISTS (SELECT 1 FROM "audit_log_archive" "archived" WHERE "archived"."id" = OLD."id" AND ${same}) THEN RAISE EXCEPTION 'audit_log is append-only: an entry leaves it only for the archive'; END IF; RETURN OLD; END $$`,
    );
    await queryRunner.query(`DROP TRIGGER "audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_leaves_for_archive" BEFORE DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_leaves_for_archive"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_log_leaves_for_archive" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_leaves_for_archive"()`);
    await queryRunner.query(`DROP TRIGGER "audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"()`,
    );
    await queryRunner.query(`DROP TABLE "audit_log_archive"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_archive_append_only"()`);
  }
}
