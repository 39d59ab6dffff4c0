import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expiry (issue 14): needs and offers get `expiresAt` (existing rows: created + 365 days,
 * POSTING_VALIDITY_DAYS's default), and the status of needs, offers and twinnings (and
 * the history) and the notification kinds gain their new values.
 *
 * SQLite keeps an enum as a CHECK in the table's definition, which only a rebuild changes.
 * Each table is rebuilt from its definition as it stands (read from sqlite_master), with
 * only the listed edits, so columns and constraints other migrations added survive.
 */
export class Expiry1764480000000 implements MigrationInterface {
  name = 'Expiry1764480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const expiresAt = `strftime('%Y-%m-%d %H:%M:%f', "createdAt", '+365 days')`;
    await rebuild(
      queryRunner,
      'needs',
      [
        [`'WITHDRAWN')`, `'WITHDRAWN','EXPIRED')`],
        [
          `"updatedAt" datetime NOT NULL`,
          `"updatedAt" datetime NOT NULL, "expiresAt" datetime NOT NULL`,
        ],
      ],
      { expiresAt },
    );
    await rebuild(
      queryRunner,
      'offers',
      [
        [`'WITHDRAWN')`, `'WITHDRAWN','EXPIRED')`],
        [
          `"updatedAt" datetime NOT NULL`,
          `"updatedAt" datetime NOT NULL, "expiresAt" datetime NOT NULL`,
        ],
      ],
      { expiresAt },
    );
    await rebuild(queryRunner, 'twinnings', [[`'CANCELLED')`, `'CANCELLED','EXPIRED')`]]);
    await rebuild(queryRunner, 'twinning_status_changes', [
      [`'CANCELLED')`, `'CANCELLED','EXPIRED')`],
      [`'CANCELLED')`, `'CANCELLED','EXPIRED')`],
    ]);
    await rebuild(queryRunner, 'notifications', [
      [`'TWINNING_COMPLETED',`, `'TWINNING_COMPLETED','TWINNING_EXPIRED','POSTING_EXPIRING',`],
    ]);
    await queryRunner.query(
      `CREATE INDEX "IDX_needs_status_expiresAt" ON "needs" ("status", "expiresAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_offers_status_expiresAt" ON "offers" ("status", "expiresAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // What the new values stood for has no older equivalent: expired postings are OPEN
    // again, expired proposals DECLINED, and the new notifications go.
    await queryRunner.query(
      `DELETE FROM "notifications" WHERE "kind" IN ('TWINNING_EXPIRED', 'POSTING_EXPIRING')`,
    );
    await queryRunner.query(
      `UPDATE "twinning_status_changes" SET "to" = 'DECLINED' WHERE "to" = 'EXPIRED'`,
    );
    await queryRunner.query(
      `UPDATE "twinnings" SET "status" = 'DECLINED' WHERE "status" = 'EXPIRED'`,
    );
    await queryRunner.query(`UPDATE "offers" SET "status" = 'OPEN' WHERE "status" = 'EXPIRED'`);
    await queryRunner.query(`UPDATE "needs" SET "status" = 'OPEN' WHERE "status" = 'EXPIRED'`);
    await queryRunner.query(`DROP INDEX "IDX_offers_status_expiresAt"`);
    await queryRunner.query(`DROP INDEX "IDX_needs_status_expiresAt"`);
    await rebuild(queryRunner, 'notifications', [
      [`'TWINNING_COMPLETED','TWINNING_EXPIRED','POSTING_EXPIRING',`, `'TWINNING_COMPLETED',`],
    ]);
    await rebuild(queryRunner, 'twinning_status_changes', [
      [`'CANCELLED','EXPIRED')`, `'CANCELLED')`],
      [`'CANCELLED','EXPIRED')`, `'CANCELLED')`],
    ]);
    await rebuild(queryRunner, 'twinnings', [[`'CANCELLED','EXPIRED')`, `'CANCELLED')`]]);
    for (const table of ['offers', 'needs']) {
      await rebuild(queryRunner, table, [
        [`'WITHDRAWN','EXPIRED')`, `'WITHDRAWN')`],
        [`, "expiresAt" datetime NOT NULL`, ``],
      ]);
    }
  }
}

/**
 * Rebuilds `table` from its current definition with each [from, to] edit made once, in
 * order (each must be found), copying every row; `computed` gives new columns' values as
 * SQL over the old row. Its indexes are made again. Foreign keys are off during migrations.
 */
export async function rebuild(
  queryRunner: QueryRunner,
  table: string,
  edits: readonly [string, string][],
  computed: Record<string, string> = {},
): Promise<void> {
  const [definition] = (await queryRunner.query(
    `SELECT "sql" FROM "sqlite_master" WHERE "type" = 'table' AND "name" = ?`,
    [table],
  )) as { sql: string }[];
  const indexes = (await queryRunner.query(
    `SELECT "sql" FROM "sqlite_master" WHERE "type" = 'index' AND "tbl_name" = ? AND "sql" IS NOT NULL`,
    [table],
  )) as { sql: string }[];
  let sql = definition.sql;
  for (const [from, to] of edits) {
    const at = sql.indexOf(from);
    if (at < 0) throw new Error(`Migration: "${from}" is not in the definition of ${table}`);
    sql = sql.slice(0, at) + to + sql.slice(at + from.length);
  }
  const kept = ((await queryRunner.query(`PRAGMA table_info("${table}")`)) as { name: string }[])
    .map((column) => column.name)
    .filter((name) => new RegExp(`"${name}" `).test(sql));
  const temporary = `temporary_${table}`;
  const target = [...kept, ...Object.keys(computed)].map((name) => `"${name}"`).join(', ');
  const source = [...kept.map((name) => `"${name}"`), ...Object.values(computed)].join(', ');
  await queryRunner.query(sql.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${temporary}"`));
  await queryRunner.query(
    `INSERT INTO "${temporary}" (${target}) SELECT ${source} FROM "${table}"`,
  );
  await queryRunner.query(`DROP TABLE "${table}"`);
  await queryRunner.query(`ALTER TABLE "${temporary}" RENAME TO "${table}"`);
  for (const index of indexes) await queryRunner.query(index.sql);
}
