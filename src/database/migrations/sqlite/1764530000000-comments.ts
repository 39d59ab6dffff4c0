import { MigrationInterface, QueryRunner } from 'typeorm';

/** Comment threads on needs, offers and twinnings (the subject by kind and id). */
export class Comments1764530000000 implements MigrationInterface {
  name = 'Comments1764530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "comments" ("id" varchar PRIMARY KEY NOT NULL, "subjectKind" varchar CHECK( "subjectKind" IN ('NEED','OFFER','TWINNING') ) NOT NULL, "subjectId" varchar(36) NOT NULL, "authorId" varchar(36) NOT NULL, "body" varchar(4000) NOT NULL, "createdAt" datetime NOT NULL, "editedAt" datetime, CONSTRAINT "FK_4548cc4a409b8651ec75f70e280" FOREIGN KEY ("authorId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_comments_subject_created" ON "comments" ("subjectId", "createdAt", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_comments_subject_created"`);
    await queryRunner.query(`DROP TABLE "comments"`);
  }
}
