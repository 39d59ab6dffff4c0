import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an organization is active: the secretariat disables one (setOrganizationActive),
 * and every organization there was stays active.
 */
export class OrganizationActive1796023000000 implements MigrationInterface {
  name = 'OrganizationActive1796023000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified: altered in the service's schema (the connection's search_path).
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD "active" boolean NOT NULL DEFAULT true`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "active"`);
  }
}
