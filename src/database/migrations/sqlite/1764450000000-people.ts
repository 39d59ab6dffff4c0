import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users as people: a name, a job title, a phone, a language, when they last signed in. */
export class People1764450000000 implements MigrationInterface {
  name = 'People1764450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "name" varchar(200)`);
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "jobTitle" varchar(200)`);
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "phone" varchar(20)`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD COLUMN "locale" varchar CHECK( "locale" IN ('EN','ES') ) NOT NULL DEFAULT ('ES')`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "lastSignedInAt" datetime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['lastSignedInAt', 'locale', 'phone', 'jobTitle', 'name']) {
      await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "${column}"`);
    }
  }
}
