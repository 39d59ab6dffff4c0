import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an organization is active: the secretariat disables one (setOrganizationActive),
 * and every organization there was stays active.
 */
export class OrganizationActive1764553000000 implements MigrationInterface {
  name = 'OrganizationActive1764553000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD COLUMN "active" boolean NOT NULL DEFAULT (1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "active"`);
  }
}
