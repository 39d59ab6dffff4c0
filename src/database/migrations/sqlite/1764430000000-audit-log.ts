import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one row per mutation. Append-only: the service has no path that
 * changes or removes a row, and triggers refuse UPDATE and DELETE on the table.
 */
export class AuditLog1764430000000 implements MigrationInterface {
  name = 'AuditLog1764430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL, "operation" varchar(100) NOT NULL, "userId" varchar(36), "email" varchar(254), "role" varchar(40), "targetIds" text NOT NULL, "outcome" varchar(40) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_createdAt_id" ON "audit_log" ("createdAt", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_userId" ON "audit_log" ("userId")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_operation" ON "audit_log" ("operation")`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_log_no_delete"`);
    await queryRunner.query(`DROP TRIGGER "audit_log_no_update"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
