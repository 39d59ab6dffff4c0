import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's claims get a token of their own: a worker finishes an e-mail only while its
 * own claim holds, never over a claim another worker took after its own lapsed.
 */
export class MailClaimToken1796020000000 implements MigrationInterface {
  name = 'MailClaimToken1796020000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_mails" ADD "claimToken" character varying(36)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_mails" DROP COLUMN "claimToken"`);
  }
}
