import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes on updatedAt: the matching service asks MAX(updatedAt) of needs and offers on
 * every request to know whether its index is still current.
 */
export class ChangeStamps1764410000000 implements MigrationInterface {
  name = 'ChangeStamps1764410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_needs_updatedAt" ON "needs" ("updatedAt")`);
    await queryRunner.query(`CREATE INDEX "IDX_offers_updatedAt" ON "offers" ("updatedAt")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_offers_updatedAt"`);
    await queryRunner.query(`DROP INDEX "IDX_needs_updatedAt"`);
  }
}
