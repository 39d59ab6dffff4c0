import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users as people: a name, a job title, a phone, a language, when they last signed in. */
export class People1795920000000 implements MigrationInterface {
  name = 'People1795920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "name" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "jobTitle" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "phone" character varying(20)`);
    // Unqualified: created in the service's schema (the connection's search_path).
    await queryRunner.query(`CREATE TYPE "users_locale_enum" AS ENUM('EN', 'ES')`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD "locale" "users_locale_enum" NOT NULL DEFAULT 'ES'`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "lastSignedInAt" TIMESTAMP(3) WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['lastSignedInAt', 'locale', 'phone', 'jobTitle', 'name']) {
      await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DROP TYPE "users_locale_enum"`);
  }
}
