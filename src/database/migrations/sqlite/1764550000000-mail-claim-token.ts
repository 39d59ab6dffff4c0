import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's claims get a token of their own: a worker finishes an e-mail only while its
 * own claim holds, never over a claim another worker took after its own lapsed.
 */
export class MailClaimToken1764550000000 implements MigrationInterface {
  name = 'MailClaimToken1764550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_mails" ADD COLUMN "claimToken" varchar(36)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_mails" DROP COLUMN "claimToken"`);
  }
}
