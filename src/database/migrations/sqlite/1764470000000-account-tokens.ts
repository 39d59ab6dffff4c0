import { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time links sent by e-mail (invitations, password resets), stored hashed. */
export class AccountTokens1764470000000 implements MigrationInterface {
  name = 'AccountTokens1764470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_tokens" ("id" varchar PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "purpose" varchar CHECK( "purpose" IN ('INVITATION','PASSWORD_RESET') ) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "usedAt" datetime, "createdAt" datetime NOT NULL, CONSTRAINT "FK_c846ac09be5a5f4feeb7314469f" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c846ac09be5a5f4feeb7314469" ON "account_tokens" ("userId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_996110bad8e7252c44847d7ceb" ON "account_tokens" ("tokenHash") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_996110bad8e7252c44847d7ceb"`);
    await queryRunner.query(`DROP INDEX "IDX_c846ac09be5a5f4feeb7314469"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
  }
}
