import { MigrationInterface, QueryRunner } from 'typeorm';

/** Comment threads on needs, offers and twinnings (the subject by kind and id). */
export class Comments1796000000000 implements MigrationInterface {
  name = 'Comments1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified: created in the service's schema (the connection's search_path).
    await queryRunner.query(
      `CREATE TYPE "comments_subjectkind_enum" AS ENUM('NEED', 'OFFER', 'TWINNING')`,
    );
    await queryRunner.query(
      `CREATE TABLE "comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subjectKind" "comments_subjectkind_enum" NOT NULL, "subjectId" uuid NOT NULL, "authorId" uuid NOT NULL, "body" character varying(4000) NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "editedAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_comments_subject_created" ON "comments" ("subjectId", "createdAt", "id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" ADD CONSTRAINT "FK_4548cc4a409b8651ec75f70e280" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "comments" DROP CONSTRAINT "FK_4548cc4a409b8651ec75f70e280"`,
    );
    await queryRunner.query(`DROP INDEX "IDX_comments_subject_created"`);
    await queryRunner.query(`DROP TABLE "comments"`);
    await queryRunner.query(`DROP TYPE "comments_subjectkind_enum"`);
  }
}
