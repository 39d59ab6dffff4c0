import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { Need } from '../../src/needs/need.entity';
import { buildWorld, postNeed, postOffer } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const MIGRATION = /^Expiry\d+$/;

/**
 * The expiry migration on a database that already holds postings: undone, it leaves the
 * tables as they were; done again, it gives each existing posting its creation plus 365
 * days, and the new statuses are accepted. Also the opened-at migration that follows it.
 */
describe('the expiry migration', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    const world = await buildWorld(app);
    await postNeed(app, world.secretariat, { title: 'Posted before expiry existed' });
    await postOffer(app, world.member, world.organizationId, { title: 'Offered before' });
    await app.stop();
    dataSource = new DataSource(dataSourceOptions(app.databaseUrl));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await app.close();
  });

  async function ran(): Promise<string[]> {
    const rows: { name: string }[] = await dataSource.query(`SELECT "name" FROM "migrations"`);
    return rows.map((row) => row.name);
  }

  it('gives existing postings their creation plus 365 days, and takes EXPIRED', async () => {
    // Undo down to (and with) the expiry migration.
    while ((await ran()).some((name) => MIGRATION.test(name))) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    for (const table of ['needs', 'offers']) {
      const columns: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM "${table}"`);
      expect(Object.keys(columns[0])).not.toContain('expiresAt');
    }
    const created = '2024-02-29T10:30:00.250Z';
    // Written through TypeORM, which stores a date as each engine does.
    await dataSource
      .createQueryBuilder()
      .update(Need)
      .set({ createdAt: new Date(created) })
      .execute();

    await dataSource.runMigrations({ transaction: 'each' });
    const needs: { expiresAt: Date | string; status: string }[] = await dataSource.query(
      `SELECT "expiresAt", "status" FROM "needs"`,
    );
    expect(needs.map((need) => [asDate(need.expiresAt), need.status])).toEqual([
      ['2025-02-28T10:30:00.250Z', 'OPEN'],
    ]);
    const offers: { expiresAt: Date | string; createdAt: Date | string }[] = await dataSource.query(
      `SELECT "expiresAt", "createdAt" FROM "offers"`,
    );
    expect(
      offers.map(
        (offer) =>
          new Date(asDate(offer.expiresAt)).getTime() - new Date(asDate(offer.createdAt)).getTime(),
      ),
    ).toEqual([365 * 24 * 60 * 60 * 1000]);
    await dataSource.query(`UPDATE "needs" SET "status" = 'EXPIRED'`);
    await dataSource.query(`UPDATE "offers" SET "status" = 'EXPIRED'`);
    expect(await ran()).toContainEqual(expect.stringMatching(MIGRATION));
  });

  it('opened-at: gives an OPEN posting its last change, any other its posting', async () => {
    while ((await ran()).some((name) => /^OpenedAt\d+$/.test(name))) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    for (const table of ['needs', 'offers']) {
      const columns: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM "${table}"`);
      expect(Object.keys(columns[0])).not.toContain('openedAt');
    }
    // The need stays EXPIRED; the offer is OPEN again, last changed after its posting.
    await dataSource.query(`UPDATE "offers" SET "status" = 'OPEN'`);
    for (const table of ['Need', 'Offer'] as const) {
      await dataSource
        .createQueryBuilder()
        .update(table)
        .set({
          createdAt: new Date('2025-01-10T08:00:00.000Z'),
          updatedAt: new Date('2025-06-01T09:15:00.500Z'),
        })
        .execute();
    }

    await dataSource.runMigrations({ transaction: 'each' });
    const openedAt = async (table: string) =>
      (
        await dataSource.query<{ openedAt: Date | string }[]>(`SELECT "openedAt" FROM "${table}"`)
      ).map((row) => asDate(row.openedAt));
    expect(await openedAt('needs')).toEqual(['2025-01-10T08:00:00.000Z']);
    expect(await openedAt('offers')).toEqual(['2025-06-01T09:15:00.500Z']);
  });
});

/** A timestamp as each engine's driver returns it (SQLite: UTC text), as ISO. */
function asDate(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}
