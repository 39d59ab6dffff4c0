import { TransactionRunner } from '../../src/database/transaction-runner';
import { randomUUID } from 'node:crypto';
import { Activity } from '../../src/activities/activity.entity';
import {
  DATE_TIME_FORMAT_RULE,
  DATE_TIME_RANGE_RULE,
} from '../../src/common/scalars/date-time.scalar';
import { findUnreadableDates } from '../../src/database/unreadable-dates';
import {
  aConfirmedTwinning,
  aNeed,
  anActivity,
  anOffer,
  buildWorld,
  COMPLETE_ACTIVITY,
  CREATE_NEED,
  CREATE_OFFER,
  RECORD_ACTIVITY,
  World,
} from '../support/builders';
import { GraphQLErrorShape, startTestApp, TestApp } from '../support/test-app';

/** Values a lax date parser takes and turns into something else, and the rule each breaks. */
const REFUSED: [string, unknown, string][] = [
  [
    'a year before 0000 (SQLite kept it as "00-1-…")',
    '-000001-01-01T00:00:00Z',
    DATE_TIME_FORMAT_RULE,
  ],
  ['30 February (became 2 March)', '2026-02-30T00:00:00Z', DATE_TIME_FORMAT_RULE],
  [
    'a number (taken as milliseconds: 1970-01-20)',
    1700000000,
    `${DATE_TIME_FORMAT_RULE} (a string)`,
  ],
  ['no offset (read in the server zone)', '2026-06-01T00:00:00', DATE_TIME_FORMAT_RULE],
  ['an extended year (came back as 5760)', '+275760-09-13T00:00:00Z', DATE_TIME_FORMAT_RULE],
  ['a date without a time', '2026-06-01', DATE_TIME_FORMAT_RULE],
  ['24:00', '2026-06-01T24:00:00Z', DATE_TIME_FORMAT_RULE],
  ['a leap second that was not', '2026-06-30T23:59:60Z', DATE_TIME_FORMAT_RULE],
  ['before 1990', '1989-12-31T23:59:59.999Z', DATE_TIME_RANGE_RULE],
  ['after 2100', '2101-01-01T00:00:00Z', DATE_TIME_RANGE_RULE],
  ['after 2100 once in UTC', '2100-12-31T20:00:00-06:00', DATE_TIME_RANGE_RULE],
  ['year 9999', '9999-12-31T23:59:59Z', DATE_TIME_RANGE_RULE],
];

describe('DateTime: strict on input, readable by everyone (issue 11)', () => {
  let app: TestApp;
  let world: World;
  let twinningId: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    twinningId = await aConfirmedTwinning(app, world);
  });
  afterAll(() => app.close());

  const errorsOf = async (
    query: string,
    variables: Record<string, unknown>,
    options: { as: string },
  ): Promise<GraphQLErrorShape[]> => (await app.gql(query, variables, options)).errors ?? [];

  const counts = async () => ({
    needs: await app.rowCount('needs'),
    offers: await app.rowCount('offers'),
    activities: await app.rowCount('activities'),
  });

  describe.each(REFUSED)('%s', (_label, value, rule) => {
    it('is refused as recordActivity.startsAt, createNeed.earliestStart, createOffer.availableFrom, naming the rule; nothing is written', async () => {
      const before = await counts();
      const attempts: [string, Record<string, unknown>, string, string][] = [
        [
          RECORD_ACTIVITY,
          anActivity(twinningId, { startsAt: value, endsAt: null }),
          'input.startsAt',
          world.member,
        ],
        [CREATE_NEED, aNeed({ earliestStart: value }), 'input.earliestStart', world.honduras],
        [
          CREATE_OFFER,
          anOffer(world.organizationId, { availableFrom: value }),
          'input.availableFrom',
          world.member,
        ],
      ];
      for (const [mutation, input, field, token] of attempts) {
        const errors = await errorsOf(mutation, { input }, { as: token });
        expect(errors).toHaveLength(1);
        expect(errors[0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field, message: rule }],
        });
      }
      expect(await counts()).toEqual(before);
    });

    it('is refused as an argument (activities(from:)) and in the query text', async () => {
      const asVariable = await errorsOf(
        'query ($from: DateTime) { activities(from: $from) { totalCount } }',
        { from: value },
        { as: world.secretariat },
      );
      expect(asVariable[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'from', message: rule }],
      });
      const inline = await errorsOf(
        `{ activities(from: ${JSON.stringify(value)}) { totalCount } }`,
        {},
        { as: world.secretariat },
      );
      expect(inline[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(inline[0].message).toContain(rule);
    });
  });

  it('takes any offset and answers in UTC, to the millisecond; the bounds are inclusive of 1990 and 2100', async () => {
    const data = await app.ok<{ recordActivity: { startsAt: string; endsAt: string } }>(
      RECORD_ACTIVITY,
      {
        input: anActivity(twinningId, {
          startsAt: '2026-06-01T09:00:00-06:00',
          endsAt: '2026-06-02T02:30:00.25+05:30',
        }),
      },
      { as: world.member },
    );
    expect(data.recordActivity).toMatchObject({
      startsAt: '2026-06-01T15:00:00.000Z',
      endsAt: '2026-06-01T21:00:00.250Z',
    });
    // endsAt before startsAt is refused by the activity's own rule: only bounds are at stake here.
    const edges = await app.ok<{ createNeed: { earliestStart: string; latestEnd: string } }>(
      CREATE_NEED,
      {
        input: aNeed({
          earliestStart: '1990-01-01T00:00:00Z',
          latestEnd: '2100-12-31T23:59:59.999Z',
        }),
      },
      { as: world.honduras },
    );
    expect(edges.createNeed).toMatchObject({
      earliestStart: '1990-01-01T00:00:00.000Z',
      latestEnd: '2100-12-31T23:59:59.999Z',
    });
  });

  it('the start-up check names the rows whose dates cannot be read, and the service still starts', async () => {
    const other = await startTestApp();
    try {
      const otherWorld = await buildWorld(other);
      const otherTwinning = await aConfirmedTwinning(other, otherWorld);
      const recorded = await other.ok<{ recordActivity: { id: string } }>(
        RECORD_ACTIVITY,
        { input: anActivity(otherTwinning) },
        { as: otherWorld.member },
      );
      const id = recorded.recordActivity.id;
      expect(await findUnreadableDates(other.dataSource)).toEqual([]);
      // What a lax parser let in before: SQLite kept year -1 as "00-1-01-01 …"; PostgreSQL
      // keeps it as 2 BC.
      const bad =
        other.engine === 'sqlite' ? '00-1-01-01 00:00:00.000' : '0002-01-01 00:00:00+00 BC';
      await other.sql('UPDATE "activities" SET "startsAt" = :bad WHERE "id" = :id', { bad, id });
      expect(await findUnreadableDates(other.dataSource)).toEqual([
        { table: 'activities', column: 'startsAt', count: 1, sample: [id] },
      ]);
      await other.stop();
      const again = await startTestApp({ databaseUrl: other.databaseUrl });
      try {
        expect(await findUnreadableDates(again.dataSource)).toHaveLength(1);
        const health = await again.ok<{ me: { email: string } }>(
          '{ me { email } }',
          {},
          {
            as: await again.login('member@irb.test'),
          },
        );
        expect(health.me.email).toBe('member@irb.test');
      } finally {
        await again.stop();
      }
    } finally {
      await other.close();
    }
  });
});

describe('platformSummary cannot overflow (issue 11)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('sums 720 activities of 3,000,000 participants each exactly (past GraphQL Int)', async () => {
    const world = await buildWorld(app);
    const twinningId = await aConfirmedTwinning(app, world);
    const recorded = await app.ok<{ recordActivity: { id: string } }>(
      RECORD_ACTIVITY,
      { input: anActivity(twinningId, { startsAt: '2026-03-02T14:00:00Z', endsAt: null }) },
      { as: world.member },
    );
    const id = recorded.recordActivity.id;
    // The most each count may be: the cap of CompleteActivityInput.
    await app.ok(
      COMPLETE_ACTIVITY,
      { id, input: { women: 1_000_000, men: 1_000_000, other: 1_000_000, outcome: 'Done' } },
      { as: world.member },
    );
    // 719 copies of it, written directly: 1,438 API calls would say nothing more.
    const columns = app.dataSource
      .getMetadata(Activity)
      .columns.map((column) => `"${column.databaseName}"`)
      .filter((name) => name !== '"id"');
    // Through the service's runner: on SQLite its background work takes turns with this.
    await app.app.get(TransactionRunner).run(async (manager) => {
      for (let copy = 0; copy < 719; copy += 1) {
        const [sql, values] = app.dataSource.driver.escapeQueryWithParameters(
          `INSERT INTO "activities" ("id", ${columns.join(', ')}) SELECT :copy, ${columns.join(', ')} FROM "activities" WHERE "id" = :id`,
          { copy: randomUUID(), id },
          {},
        );
        await manager.query(sql, values);
      }
    });
    const data = await app.ok<{
      platformSummary: { activitiesDone: number; participants: Record<string, number> };
    }>(
      'query { platformSummary(from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { activitiesDone participants { women men other total } } }',
      {},
      { as: world.secretariat },
    );
    expect(data.platformSummary).toEqual({
      activitiesDone: 720,
      participants: {
        women: 720_000_000,
        men: 720_000_000,
        other: 720_000_000,
        total: 2_160_000_000,
      },
    });
    expect(2_160_000_000).toBeGreaterThan(2 ** 31 - 1);
  });
});
