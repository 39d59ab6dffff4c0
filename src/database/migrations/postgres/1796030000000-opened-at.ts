import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs and offers get `openedAt`: when each last became open for matching (posted, or
 * back to OPEN), which the NEW_MATCHES digest selects on. Existing OPEN rows: their last
 * change (they may have been reopened then); the others: their posting.
 */
export class OpenedAt1796030000000 implements MigrationInterface {
  name = 'OpenedAt1796030000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['needs', 'offers']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "openedAt" TIMESTAMP(3) WITH TIME ZONE`);
      await queryRunner.query(
        `UPDATE "${table}" SET "openedAt" = CASE WHEN "status" = 'OPEN' THEN "updatedAt" ELSE "createdAt" END`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "openedAt" SET NOT NULL`);
      await queryRunner.query(
        `CREATE INDEX "IDX_${table}_status_openedAt" ON "${table}" ("status", "openedAt") `,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['offers', 'needs']) {
      await queryRunner.query(`DROP INDEX "IDX_${table}_status_openedAt"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "openedAt"`);
    }
  }
}
