import { MigrationInterface, QueryRunner } from 'typeorm';

/** An enum type's values, old and new: the type is made again with the new ones. */
interface EnumChange {
  type: string;
  table: string;
  column: string;
  before: string[];
  after: string[];
  default?: string;
}

const TWINNING_BEFORE = ['PROPOSED', 'ACCEPTED', 'CONFIRMED', 'COMPLETED', 'DECLINED', 'CANCELLED'];
const KINDS_BEFORE = [
  'TWINNING_PROPOSED',
  'TWINNING_ANSWERED',
  'TWINNING_ACCEPTED',
  'TWINNING_CONFIRMED',
  'TWINNING_DECLINED',
  'TWINNING_CANCELLED',
  'TWINNING_COMPLETED',
  'ACTIVITY_UPCOMING',
  'NEW_MATCHES',
  'FOLLOW_UP_DUE',
  'MENTIONED',
];
const KINDS_AFTER = [
  ...KINDS_BEFORE.slice(0, 7),
  'TWINNING_EXPIRED',
  'POSTING_EXPIRING',
  ...KINDS_BEFORE.slice(7),
];

const CHANGES: EnumChange[] = [
  {
    type: 'needs_status_enum',
    table: 'needs',
    column: 'status',
    before: ['OPEN', 'IN_TWINNING', 'FULFILLED', 'WITHDRAWN'],
    after: ['OPEN', 'IN_TWINNING', 'FULFILLED', 'WITHDRAWN', 'EXPIRED'],
    default: 'OPEN',
  },
  {
    type: 'offers_status_enum',
    table: 'offers',
    column: 'status',
    before: ['OPEN', 'FULL', 'WITHDRAWN'],
    after: ['OPEN', 'FULL', 'WITHDRAWN', 'EXPIRED'],
    default: 'OPEN',
  },
  {
    type: 'twinnings_status_enum',
    table: 'twinnings',
    column: 'status',
    before: TWINNING_BEFORE,
    after: [...TWINNING_BEFORE, 'EXPIRED'],
    default: 'PROPOSED',
  },
  {
    type: 'twinning_status_changes_from_enum',
    table: 'twinning_status_changes',
    column: 'from',
    before: TWINNING_BEFORE,
    after: [...TWINNING_BEFORE, 'EXPIRED'],
  },
  {
    type: 'twinning_status_changes_to_enum',
    table: 'twinning_status_changes',
    column: 'to',
    before: TWINNING_BEFORE,
    after: [...TWINNING_BEFORE, 'EXPIRED'],
  },
  {
    type: 'notifications_kind_enum',
    table: 'notifications',
    column: 'kind',
    before: KINDS_BEFORE,
    after: KINDS_AFTER,
  },
];

/** Makes `change.type` again with `values`, converting the column (as TypeORM does). */
async function retype(queryRunner: QueryRunner, change: EnumChange, values: string[]) {
  const { type, table, column } = change;
  await queryRunner.query(`ALTER TYPE "${type}" RENAME TO "${type}_old"`);
  await queryRunner.query(
    `CREATE TYPE "${type}" AS ENUM(${values.map((value) => `'${value}'`).join(', ')})`,
  );
  if (change.default) {
    await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" DROP DEFAULT`);
  }
  await queryRunner.query(
    `ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE "${type}" USING "${column}"::"text"::"${type}"`,
  );
  if (change.default) {
    await queryRunner.query(
      `ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DEFAULT '${change.default}'`,
    );
  }
  await queryRunner.query(`DROP TYPE "${type}_old"`);
}

/**
 * Expiry (issue 14): needs and offers get `expiresAt` (existing rows: created + 365 days,
 * POSTING_VALIDITY_DAYS's default), and the status of needs, offers and twinnings (and
 * the history) and the notification kinds gain their new values.
 */
export class Expiry1795950000000 implements MigrationInterface {
  name = 'Expiry1795950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['needs', 'offers']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "expiresAt" TIMESTAMP(3) WITH TIME ZONE`);
      await queryRunner.query(
        `UPDATE "${table}" SET "expiresAt" = "createdAt" + INTERVAL '365 days'`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "expiresAt" SET NOT NULL`);
    }
    for (const change of CHANGES) await retype(queryRunner, change, change.after);
    await queryRunner.query(
      `CREATE INDEX "IDX_offers_status_expiresAt" ON "offers" ("status", "expiresAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_needs_status_expiresAt" ON "needs" ("status", "expiresAt") `,
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
    await queryRunner.query(`DROP INDEX "IDX_needs_status_expiresAt"`);
    await queryRunner.query(`DROP INDEX "IDX_offers_status_expiresAt"`);
    for (const change of [...CHANGES].reverse()) await retype(queryRunner, change, change.before);
    await queryRunner.query(`ALTER TABLE "offers" DROP COLUMN "expiresAt"`);
    await queryRunner.query(`ALTER TABLE "needs" DROP COLUMN "expiresAt"`);
  }
}
