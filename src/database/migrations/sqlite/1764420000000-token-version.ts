import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The version of a user's tokens: every token carries it (`ver`), and changing the
 * password or disabling the account raises it, so that every token issued before is refused.
 */
export class TokenVersion1764420000000 implements MigrationInterface {
  name = 'TokenVersion1764420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD COLUMN "tokenVersion" integer NOT NULL DEFAULT (0)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "tokenVersion"`);
  }
}
