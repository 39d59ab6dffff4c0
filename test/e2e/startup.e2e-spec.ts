import request from 'supertest';
import { ReferenceSeeder } from '../../src/reference/reference-seeder';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_ENGINE,
  TestApp,
} from '../support/test-app';

describe('start-up', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('answers /health with 200 and the database state', async () => {
    const response = await request(app.app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: { database: { status: 'up', responseTime: expect.any(Number) } },
      error: {},
      details: { database: { status: 'up', responseTime: expect.any(Number) } },
    });
  });

  it('creates the secretariat account from SECRETARIAT_EMAIL/SECRETARIAT_PASSWORD', async () => {
    const data = await app.ok(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email role country { code } organization { id } } } }',
      { email: SECRETARIAT_EMAIL, password: SECRETARIAT_PASSWORD },
    );
    expect(data.login.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(data.login.user).toEqual({
      email: SECRETARIAT_EMAIL,
      role: 'SECRETARIAT',
      country: null,
      organization: null,
    });
  });

  it('seeds every ISO country in English and Spanish, with the seven MIRPS states flagged', async () => {
    const token = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    const all = await app.ok('{ countries { code } }', {}, { as: token });
    expect(all.countries).toHaveLength(250);

    const mirps = await app.ok(
      '{ countries(mirpsOnly: true) { code name isMirpsState } }',
      {},
      { as: token },
    );
    expect(mirps.countries).toEqual([
      { code: 'BZ', name: 'Belize', isMirpsState: true },
      { code: 'CR', name: 'Costa Rica', isMirpsState: true },
      { code: 'SV', name: 'El Salvador', isMirpsState: true },
      { code: 'GT', name: 'Guatemala', isMirpsState: true },
      { code: 'HN', name: 'Honduras', isMirpsState: true },
      { code: 'MX', name: 'Mexico', isMirpsState: true },
      { code: 'PA', name: 'Panama', isMirpsState: true },
    ]);

    // In the signed-in user's language (which outweighs Accept-Language).
    await app.ok(
      'mutation { updateMyProfile(input: { locale: ES }) { locale } }',
      {},
      { as: token },
    );
    const spanish = await app.ok(
      '{ countries(mirpsOnly: true) { code name } }',
      {},
      { as: token, headers: { 'accept-language': 'en' } },
    );
    await app.ok(
      'mutation { updateMyProfile(input: { locale: EN }) { locale } }',
      {},
      { as: token },
    );
    expect(spanish.countries.map((c: { name: string }) => c.name)).toEqual([
      'Belice',
      'Costa Rica',
      'El Salvador',
      'Guatemala',
      'Honduras',
      'México',
      'Panamá',
    ]);
  });

  it('seeds the MIRPS working groups with stable codes, in English and Spanish', async () => {
    const token = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    const data = await app.ok(
      '{ workingGroups { code name description es: name(locale: ES) } }',
      {},
      { as: token },
    );
    expect(data.workingGroups.map((group: { code: string }) => group.code).sort()).toEqual([
      'ASYLUM_SYSTEMS',
      'EDUCATION',
      'HEALTH',
      'INTERNAL_DISPLACEMENT',
      'JOBS_LIVELIHOODS',
      'LOCAL_GOVERNANCE',
      'PRIVATE_SECTOR',
      'SOCIAL_PROTECTION',
      'STATISTICAL_INCLUSION',
    ]);
    expect(data.workingGroups).toContainEqual({
      code: 'ASYLUM_SYSTEMS',
      name: 'Strengthening asylum systems',
      description: 'Reception, admission, case management, eligibility',
      es: 'Fortalecimiento de los sistemas de asilo',
    });
  });

  it('has migrations that build exactly the schema the entities describe', async () => {
    const pending = await app.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('enforces foreign keys', async () => {
    await expect(
      app.sql(
        `INSERT INTO "offer_working_groups" ("offerId", "workingGroupCode") VALUES ('00000000-0000-4000-8000-000000000000', 'HEALTH')`,
      ),
    ).rejects.toThrow(/FOREIGN KEY constraint failed|violates foreign key constraint/);
    expect(await app.rowCount('offer_working_groups')).toBe(0);
  });

  it('runs SQLite with foreign keys on and WAL journaling', async () => {
    // A SQLite property: checked on a SQLite app whatever engine the suite runs on.
    const sqlite = app.engine === 'sqlite' ? app : await startTestApp({ engine: 'sqlite' });
    try {
      expect(await sqlite.sql('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await sqlite.sql('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    } finally {
      if (sqlite !== app) await sqlite.close();
    }
  });

  (TEST_ENGINE === 'postgres' ? it : it.skip)(
    "keeps every table, type and function in the app's own schema, and its connections there",
    async () => {
      const schema = new URL(app.databaseUrl).searchParams.get('schema');
      expect(await app.sql('SELECT current_schema() AS "schema"')).toEqual([{ schema }]);
      const tables = await app.sql<{ table_name: string }>(
        `SELECT "table_name" FROM "information_schema"."tables" WHERE "table_schema" = :schema ORDER BY "table_name"`,
        { schema },
      );
      expect(tables.map((table) => table.table_name)).toEqual([
        'account_tokens',
        'activities',
        'activity_participant_countries',
        'agenda_meetings',
        'audit_log',
        'audit_log_archive',
        'chair_terms',
        'comments',
        'commitments',
        'countries',
        'exchange_rates',
        'follow_up_responses',
        'follow_ups',
        'import_jobs',
        'indicator_values',
        'indicators',
        'job_runs',
        'migrations',
        'muted_emails',
        'needs',
        'notifications',
        'offer_eligible_countries',
        'offer_working_groups',
        'offers',
        'organizations',
        'outbox_mails',
        'platform_event_countries',
        'platform_event_organizations',
        'platform_event_twinnings',
        'platform_event_working_groups',
        'platform_events',
        'pledge_needs',
        'pledges',
        'twinning_needs',
        'twinning_parties',
        'twinning_status_changes',
        'twinnings',
        'users',
        'working_groups',
      ]);
    },
  );
});

describe('a second start on the same database', () => {
  it('seeds nothing new and keeps the first secretariat', async () => {
    const first = await startTestApp();
    const tables = ['countries', 'working_groups', 'users'];
    const before = await Promise.all(tables.map((table) => first.rowCount(table)));
    expect(before).toEqual([250, 9, 1]);
    await first.stop();

    // The same SECRETARIAT_EMAIL: its account exists, so nothing is created (another
    // e-mail set later would be created: see admin-cli.e2e-spec).
    const second = await startTestApp({ databaseUrl: first.databaseUrl });
    try {
      expect(await Promise.all(tables.map((table) => second.rowCount(table)))).toEqual(before);
      expect(await second.app.get(ReferenceSeeder).seed()).toEqual({
        countriesAdded: 0,
        countriesRenamed: 0,
        workingGroupsAdded: 0,
      });
      const emails = await second.sql('SELECT "email" FROM "users"');
      expect(emails).toEqual([{ email: SECRETARIAT_EMAIL }]);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
