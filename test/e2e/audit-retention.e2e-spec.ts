import { AuditRetention } from '../../src/audit/audit-retention';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TestApp,
} from '../support/test-app';

const DAY = 86_400_000;
const AUDIT_LOG = `query AuditLog($filter: AuditFilter) {
  auditLog(filter: $filter, first: 100) {
    totalCount
    edges { node { id createdAt operation userId email role targetIds outcome } }
  }
}`;

type Entry = Record<string, unknown>;

/**
 * Audit retention (issue 11): past AUDIT_RETENTION_DAYS entries move from the log to its
 * archive unchanged; both stay append-only, and the database lets an entry leave the log
 * only for its exact copy in the archive.
 */
describe('audit retention', () => {
  let app: TestApp;
  let secretariat: string;

  const log = async (filter: Record<string, unknown> = {}) =>
    (
      await app.ok<{ auditLog: { totalCount: number; edges: { node: Entry }[] } }>(
        AUDIT_LOG,
        { filter },
        { as: secretariat },
      )
    ).auditLog;

  beforeAll(async () => {
    app = await startTestApp({ env: { AUDIT_RETENTION_DAYS: '30' } });
    secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    for (const name of ['Universidad de Costa Rica', 'FLACSO']) {
      await app.ok(
        'mutation ($name: String!) { createOrganization(input: { name: $name, kind: ACADEMIA }) { id } }',
        { name },
        { as: secretariat },
      );
    }
  });
  afterAll(() => app.close());

  it('moves only what is older than the retention, unchanged, and is safe to run twice at once', async () => {
    const before = await log();
    expect(before.totalCount).toBe(3); // the login and two organizations
    const retention = app.app.get(AuditRetention);
    // 30 days on, nothing is old enough; a day more, everything is.
    expect(await retention.archive(new Date(Date.now() + 29 * DAY))).toBe(0);
    const later = new Date(Date.now() + 31 * DAY);
    const moved = await Promise.all([retention.archive(later), retention.archive(later)]);
    expect(moved[0] + moved[1]).toBe(3);

    expect((await log()).totalCount).toBe(0);
    const archived = await log({ archived: true });
    expect(archived.edges.map((edge) => edge.node)).toEqual(before.edges.map((edge) => edge.node));
    expect(await log({ archived: true, operation: 'createOrganization' })).toMatchObject({
      totalCount: 2,
    });
    expect(await app.rowCount('audit_log_archive')).toBe(3);
  });

  it('keeps both append-only: an entry leaves the log only for its exact copy in the archive', async () => {
    await app.ok(
      'mutation { createOrganization(input: { name: "IOM", kind: INTERNATIONAL_ORGANIZATION }) { id } }',
      {},
      {
        as: secretariat,
      },
    );
    const [entry] = await app.sql<{ id: string }>('SELECT "id" FROM "audit_log"');
    await expect(app.sql('DELETE FROM "audit_log"')).rejects.toThrow(
      'audit_log is append-only: an entry leaves it only for the archive',
    );
    // A doctored copy in the archive does not let the entry go either.
    await app.sql(
      `INSERT INTO "audit_log_archive" ("id", "createdAt", "operation", "userId", "email", "role", "targetIds", "outcome", "archivedAt")
       SELECT "id", "createdAt", 'login', "userId", "email", "role", "targetIds", "outcome", "createdAt" FROM "audit_log" WHERE "id" = :id`,
      { id: entry.id },
    );
    await expect(
      app.sql('DELETE FROM "audit_log" WHERE "id" = :id', { id: entry.id }),
    ).rejects.toThrow('audit_log is append-only');
    for (const statement of [
      `UPDATE "audit_log_archive" SET "outcome" = 'FORBIDDEN'`,
      'DELETE FROM "audit_log_archive"',
    ]) {
      await expect(app.sql(statement)).rejects.toThrow('audit_log_archive is append-only');
    }
    expect(await app.rowCount('audit_log')).toBe(1);
    expect(await app.rowCount('audit_log_archive')).toBe(4);
  });

  it('catches up at start-up after downtime', async () => {
    await app.stop();
    // An entry written 40 days ago, while retention was off.
    const old = await startTestApp({ databaseUrl: app.databaseUrl });
    const oldId = '6f1c1c9e-8d52-4c1f-9b0e-3f3f3f3f3f3f';
    try {
      const createdAt = new Date(Date.now() - 40 * DAY);
      await old.dataSource
        .createQueryBuilder()
        .insert()
        .into('audit_log')
        .values({ id: oldId, createdAt, operation: 'createNeed', targetIds: [], outcome: 'OK' })
        .execute();
    } finally {
      await old.stop();
    }
    app = await startTestApp({ databaseUrl: app.databaseUrl, env: { AUDIT_RETENTION_DAYS: '30' } });
    secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    const archived = await log({ archived: true, operation: 'createNeed' });
    expect(archived.edges.map((edge) => edge.node.id)).toEqual([oldId]);
  });
});
