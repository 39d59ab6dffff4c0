import { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time links sent by e-mail (invitations, password resets), stored hashed. */
export class AccountTokens1795940000000 implements MigrationInterface {
  name = 'AccountTokens1795940000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified: created in the service's schema (the connection's search_path).
    await queryRunner.query(
      `CREATE TYPE "account_tokens_purpose_enum" AS ENUM('INVITATION', 'PASSWORD_RESET')`,
    );
    await queryRunner.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid NOT NULL, "purpose" "account_tokens_purpose_enum" NOT NULL, "tokenHash" character varying(64) NOT NULL, "expiresAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP(3) WITH TIME ZONE, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c846ac09be5a5f4feeb7314469" ON "account_tokens" ("userId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_996110bad8e7252c44847d7ceb" ON "account_tokens" ("tokenHash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_c846ac09be5a5f4feeb7314469f" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "account_tokens" DROP CONSTRAINT "FK_c846ac09be5a5f4feeb7314469f"`,
    );
    await queryRunner.query(`DROP INDEX "IDX_996110bad8e7252c44847d7ceb"`);
    await queryRunner.query(`DROP INDEX "IDX_c846ac09be5a5f4feeb7314469"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
    await queryRunner.query(`DROP TYPE "account_tokens_purpose_enum"`);
  }
}
