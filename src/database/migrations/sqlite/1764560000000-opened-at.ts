import { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuild } from './1764480000000-expiry';

/**
 * Needs and offers get `openedAt`: when each last became open for matching (posted, or
 * back to OPEN), which the NEW_MATCHES digest selects on. Existing OPEN rows: their last
 * change (they may have been reopened then); the others: their posting.
 *
 * SQLite adds a NOT NULL column without a default only by rebuilding the table.
 */
export class OpenedAt1764560000000 implements MigrationInterface {
  name = 'OpenedAt1764560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['needs', 'offers']) {
      await rebuild(
        queryRunner,
        table,
        [
          [
            `"updatedAt" datetime NOT NULL`,
            `"updatedAt" datetime NOT NULL, "openedAt" datetime NOT NULL`,
          ],
        ],
        { openedAt: `CASE WHEN "status" = 'OPEN' THEN "updatedAt" ELSE "createdAt" END` },
      );
      await queryRunner.query(
        `CREATE INDEX "IDX_${table}_status_openedAt" ON "${table}" ("status", "openedAt") `,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['offers', 'needs']) {
      await queryRunner.query(`DROP INDEX "IDX_${table}_status_openedAt"`);
      await rebuild(queryRunner, table, [[`, "openedAt" datetime NOT NULL`, ``]]);
    }
  }
}
