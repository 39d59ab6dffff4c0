import { ManualClock } from '../../src/common/clock/clock';
import { buildWorld, postNeed, World } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;

const COMMITMENT_FIELDS = `
  id code title country { code } workingGroup { code }
  indicators { id name unit baseline target targetDate current measuredAt }
`;
const CREATE = `mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { ${COMMITMENT_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateCommitmentInput!) { updateCommitment(id: $id, input: $input) { ${COMMITMENT_FIELDS} } }`;
const RECORD = `mutation ($indicator: ID!, $value: Float!, $at: DateTime!, $source: String) {
  recordIndicatorValue(indicatorId: $indicator, value: $value, at: $at, source: $source) {
    id current measuredAt values { value at source }
  }
}`;
const COMMITMENTS = `query ($country: String, $group: String) {
  commitments(countryCode: $country, workingGroupCode: $group) { code country { code } workingGroup { code } }
}`;

interface Indicator {
  id: string;
  name: string;
  current: number | null;
  measuredAt: string | null;
}
interface Commitment {
  id: string;
  code: string;
  indicators: Indicator[];
}

/** HN-2.3 of Honduras's plan, unless told otherwise. */
function aCommitment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    countryCode: 'HN',
    code: 'HN-2.3',
    title: 'Strengthen the refugee status determination procedure',
    workingGroupCode: 'ASYLUM_SYSTEMS',
    indicators: [
      { name: 'Eligibility officers trained', unit: 'officers', baseline: 0, target: 40 },
      { name: 'Backlog of asylum claims', unit: 'claims', baseline: 900, target: 300 },
    ],
    ...overrides,
  };
}

describe('National Action Plan commitments and indicators', () => {
  let app: TestApp;
  let world: World;
  let clock: ManualClock;
  let serial = 0;

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    app = await startTestApp({ clock });
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  /** A commitment with a code of its own (codes are unique per country). */
  async function create(
    token: string,
    overrides: Record<string, unknown> = {},
  ): Promise<Commitment> {
    serial += 1;
    const data = await app.ok<{ createCommitment: Commitment }>(
      CREATE,
      { input: aCommitment({ code: `HN-9.${serial}`, ...overrides }) },
      { as: token },
    );
    return data.createCommitment;
  }

  describe('writing the plan', () => {
    it("is done by the country's focal points or the secretariat, with the plan's code and indicators", async () => {
      const data = await app.ok(CREATE, { input: aCommitment() }, { as: world.honduras });
      expect(data.createCommitment).toEqual({
        id: expect.any(String),
        code: 'HN-2.3',
        title: 'Strengthen the refugee status determination procedure',
        country: { code: 'HN' },
        workingGroup: { code: 'ASYLUM_SYSTEMS' },
        indicators: [
          {
            id: expect.any(String),
            name: 'Eligibility officers trained',
            unit: 'officers',
            baseline: 0,
            target: 40,
            targetDate: null,
            current: null,
            measuredAt: null,
          },
          {
            id: expect.any(String),
            name: 'Backlog of asylum claims',
            unit: 'claims',
            baseline: 900,
            target: 300,
            targetDate: null,
            current: null,
            measuredAt: null,
          },
        ],
      });
      const bySecretariat = await app.ok(
        CREATE,
        { input: aCommitment({ countryCode: 'GT', code: 'HN-2.3', indicators: null }) },
        { as: world.secretariat },
      );
      // The same code in another country's plan is another commitment.
      expect(bySecretariat.createCommitment).toMatchObject({
        code: 'HN-2.3',
        country: { code: 'GT' },
        indicators: [],
      });
    });

    it('refuses other countries, members and observers', async () => {
      for (const token of [world.guatemala, world.member, world.observer]) {
        const refused = await app.fails(
          CREATE,
          { input: aCommitment({ code: 'HN-7' }) },
          {
            as: token,
          },
        );
        expect(refused.extensions.code).toBe('FORBIDDEN');
      }
      expect(await app.sql(`SELECT id FROM "commitments" WHERE "code" = 'HN-7'`)).toEqual([]);
    });

    it('refuses a code the country already has: CONFLICT, DUPLICATE', async () => {
      await create(world.honduras, { code: 'HN-DUP' });
      const refused = await app.fails(
        CREATE,
        { input: aCommitment({ code: 'HN-DUP' }) },
        {
          as: world.honduras,
        },
      );
      expect(refused).toMatchObject({
        message: 'HN already has a commitment HN-DUP',
        extensions: { code: 'CONFLICT', reason: 'DUPLICATE' },
      });
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const before = await app.rowCount('commitments');
      const cases: [Record<string, unknown>, string][] = [
        [{ workingGroupCode: 'NO_SUCH_GROUP' }, 'workingGroupCode'],
        [{ countryCode: 'CA' }, 'countryCode'],
        [{ title: '   ' }, 'title'],
        [
          {
            indicators: [{ name: 'Officers trained' }, { name: 'officers TRAINED' }],
          },
          'indicators',
        ],
        [{ indicators: [{ name: 'Officers', target: 'many' }] }, 'input'],
      ];
      for (const [overrides, field] of cases) {
        const refused = await app.fails(
          CREATE,
          { input: aCommitment({ code: 'HN-BAD', ...overrides }) },
          { as: world.secretariat },
        );
        expect(refused.extensions.code).toBe('BAD_USER_INPUT');
        if (field !== 'input') {
          expect(refused.extensions.fields!.map((problem) => problem.field)).toEqual([field]);
        }
      }
      expect(await app.rowCount('commitments')).toBe(before);
    });

    it('lists commitments by country then code, filtered by country and working group', async () => {
      await create(world.secretariat, {
        countryCode: 'PA',
        code: 'PA-1.2',
        workingGroupCode: 'HEALTH',
      });
      await create(world.secretariat, { countryCode: 'PA', code: 'PA-1.1' });
      const panama = await app.ok(COMMITMENTS, { country: 'PA' }, { as: world.observer });
      expect(panama.commitments).toEqual([
        { code: 'PA-1.1', country: { code: 'PA' }, workingGroup: { code: 'ASYLUM_SYSTEMS' } },
        { code: 'PA-1.2', country: { code: 'PA' }, workingGroup: { code: 'HEALTH' } },
      ]);
      const health = await app.ok(
        COMMITMENTS,
        { country: 'PA', group: 'HEALTH' },
        { as: world.member },
      );
      expect(health.commitments.map((commitment: { code: string }) => commitment.code)).toEqual([
        'PA-1.2',
      ]);
    });
  });

  describe('indicator values over time', () => {
    it('keeps every value; current is the latest by date, whatever order they are recorded in', async () => {
      const commitment = await create(world.honduras);
      const officers = commitment.indicators[0].id;
      const now = clock.now().getTime();
      const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();

      const first = await app.ok(
        RECORD,
        { indicator: officers, value: 12, at: at(30), source: 'Training register' },
        { as: world.honduras },
      );
      expect(first.recordIndicatorValue).toEqual({
        id: officers,
        current: 12,
        measuredAt: at(30),
        values: [{ value: 12, at: at(30), source: 'Training register' }],
      });
      await app.ok(
        RECORD,
        { indicator: officers, value: 25, at: at(5) },
        { as: world.secretariat },
      );
      // Recorded later, measured earlier: history, not current.
      const late = await app.ok(
        RECORD,
        { indicator: officers, value: 18, at: at(20) },
        { as: world.honduras },
      );
      expect(late.recordIndicatorValue).toEqual({
        id: officers,
        current: 25,
        measuredAt: at(5),
        values: [
          { value: 12, at: at(30), source: 'Training register' },
          { value: 18, at: at(20), source: null },
          { value: 25, at: at(5), source: null },
        ],
      });
    });

    it('refuses a value from the future, others than the country and the secretariat, unknown ids', async () => {
      const commitment = await create(world.honduras);
      const officers = commitment.indicators[0].id;
      const tomorrow = new Date(clock.now().getTime() + DAY).toISOString();
      const future = await app.fails(
        RECORD,
        { indicator: officers, value: 1, at: tomorrow },
        { as: world.honduras },
      );
      expect(future.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'at', message: 'at must not be in the future' }],
      });
      const today = clock.now().toISOString();
      const other = await app.fails(
        RECORD,
        { indicator: officers, value: 1, at: today },
        { as: world.guatemala },
      );
      expect(other.extensions.code).toBe('FORBIDDEN');
      const missing = await app.fails(
        RECORD,
        { indicator: '00000000-0000-4000-8000-000000000000', value: 1, at: today },
        { as: world.honduras },
      );
      expect(missing.extensions.code).toBe('NOT_FOUND');
      expect(
        await app.sql('SELECT id FROM "indicator_values" WHERE "indicatorId" = :id', {
          id: officers,
        }),
      ).toEqual([]);
    });
  });

  describe('updating a commitment', () => {
    it('replaces the indicators: those matched by name keep their values, others go, new ones come', async () => {
      const commitment = await create(world.honduras);
      const [officers, backlog] = commitment.indicators;
      await app.ok(
        RECORD,
        { indicator: officers.id, value: 20, at: clock.now().toISOString() },
        { as: world.honduras },
      );
      await app.ok(
        RECORD,
        { indicator: backlog.id, value: 700, at: clock.now().toISOString() },
        { as: world.honduras },
      );
      const updated = await app.ok(
        UPDATE,
        {
          id: commitment.id,
          input: {
            title: 'A fair and efficient asylum procedure',
            workingGroupCode: 'LOCAL_GOVERNANCE',
            indicators: [
              { name: 'Offices opened', target: 3 },
              // Case and accents do not matter: the same indicator, with new terms.
              { name: 'ELIGIBILITY OFFICERS TRAINED', unit: 'people', baseline: 5, target: 60 },
            ],
          },
        },
        { as: world.honduras },
      );
      expect(updated.updateCommitment).toMatchObject({
        title: 'A fair and efficient asylum procedure',
        workingGroup: { code: 'LOCAL_GOVERNANCE' },
        indicators: [
          { name: 'Offices opened', target: 3, current: null },
          {
            id: officers.id,
            name: 'ELIGIBILITY OFFICERS TRAINED',
            unit: 'people',
            baseline: 5,
            target: 60,
            current: 20,
          },
        ],
      });
      // The backlog indicator went, with its values.
      expect(
        await app.sql('SELECT id FROM "indicator_values" WHERE "indicatorId" = :id', {
          id: backlog.id,
        }),
      ).toEqual([]);
      // Left out, the list stays.
      const renamed = await app.ok(
        UPDATE,
        { id: commitment.id, input: { title: 'Renamed' } },
        { as: world.secretariat },
      );
      expect(renamed.updateCommitment.indicators).toHaveLength(2);
    });

    it('refuses other countries, null for a required field, unknown ids', async () => {
      const commitment = await create(world.honduras);
      const other = await app.fails(
        UPDATE,
        { id: commitment.id, input: { title: 'Mine' } },
        {
          as: world.guatemala,
        },
      );
      expect(other.extensions.code).toBe('FORBIDDEN');
      const nulled = await app.fails(
        UPDATE,
        { id: commitment.id, input: { title: null } },
        {
          as: world.honduras,
        },
      );
      expect(nulled.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'title' }],
      });
      const missing = await app.fails(
        UPDATE,
        { id: '00000000-0000-4000-8000-000000000000', input: { title: 'X' } },
        { as: world.secretariat },
      );
      expect(missing.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('needs serve commitments', () => {
    const NEED_COMMITMENT = `query ($id: ID!) { need(id: $id) { commitment { code country { code } } } }`;

    it("links a need to a commitment of its own country's plan, and only such a one", async () => {
      const own = await create(world.honduras);
      const guatemalan = await create(world.secretariat, { countryCode: 'GT', code: 'GT-1' });
      const linked = await postNeed(app, world.honduras, { commitmentId: own.id });
      expect(await app.ok(NEED_COMMITMENT, { id: linked }, { as: world.observer })).toEqual({
        need: { commitment: { code: own.code, country: { code: 'HN' } } },
      });

      const before = await app.rowCount('needs');
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const [commitmentId, message] of [
        [guatemalan.id, 'Commitment GT-1 is of GT, not of HN'],
        [missing, `No commitment has the id ${missing}`],
      ]) {
        const refused = await app.fails(
          'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
          { input: { ...needInput(), commitmentId } },
          { as: world.honduras },
        );
        expect(refused.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'commitmentId', message }],
        });
      }
      expect(await app.rowCount('needs')).toBe(before);

      // updateNeed sets, refuses and clears it the same way.
      const update = (commitmentId: string | null) =>
        app.gql(
          'mutation ($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { commitment { code } } }',
          { id: linked, input: { commitmentId } },
          { as: world.honduras },
        );
      expect((await update(guatemalan.id)).errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'commitmentId' }],
      });
      expect((await update(null)).data).toEqual({ updateNeed: { commitment: null } });
      expect((await update(own.id)).data).toEqual({
        updateNeed: { commitment: { code: own.code } },
      });
    });

    it("a commitment's needs are those the reader may read", async () => {
      const commitment = await create(world.honduras);
      const open = await postNeed(app, world.honduras, { commitmentId: commitment.id });
      const restricted = await postNeed(app, world.honduras, {
        commitmentId: commitment.id,
        visibility: 'RESTRICTED',
      });
      const needsOf = async (token: string) => {
        const data = await app.ok(
          'query ($country: String) { commitments(countryCode: $country) { id needs { id } } }',
          { country: 'HN' },
          { as: token },
        );
        // Oldest first; two needs posted within one millisecond tie, so compare as sets.
        return data.commitments
          .find((row: { id: string }) => row.id === commitment.id)
          .needs.map((need: { id: string }) => need.id)
          .sort();
      };
      expect(await needsOf(world.honduras)).toEqual([open, restricted].sort());
      expect(await needsOf(world.secretariat)).toEqual([open, restricted].sort());
      expect(await needsOf(world.guatemala)).toEqual([open]);
      expect(await needsOf(world.member)).toEqual([open]);
      expect(await needsOf(world.observer)).toEqual([open]);
    });
  });

  it('lists commitments with their relations in a fixed number of statements', async () => {
    const QUERY = `{
      commitments {
        code country { name } workingGroup { name }
        indicators { name current values { value } }
        needs { id commitment { code } }
      }
    }`;
    const count = async () => {
      const before = app.queryCount();
      await app.ok(QUERY, {}, { as: world.observer });
      return app.queryCount() - before;
    };
    const few = await count();
    for (let index = 0; index < 5; index += 1) {
      const commitment = await create(world.honduras);
      await postNeed(app, world.honduras, { commitmentId: commitment.id });
      await app.ok(
        RECORD,
        { indicator: commitment.indicators[0].id, value: index, at: clock.now().toISOString() },
        { as: world.honduras },
      );
    }
    // The user, the commitments, their indicators, the indicators' values, their needs,
    // the needs' commitments: countries and working groups come from memory.
    expect(await count()).toBe(6);
    expect(few).toBe(6);
  });

  describe('coverage: commitments and indicators on track', () => {
    const COVERAGE = `{ coverageReport(workingGroupCode: "JOBS_LIVELIHOODS") { country { code } commitments indicatorsOnTrack } }`;

    async function cellOf(countryCode: string) {
      const data = await app.ok(COVERAGE, {}, { as: world.observer });
      const { commitments, indicatorsOnTrack } = data.coverageReport.find(
        (cell: { country: { code: string } }) => cell.country.code === countryCode,
      );
      return { commitments, indicatorsOnTrack };
    }

    it('counts each cell’s commitments, and the indicators on track as the clock moves', async () => {
      expect(await cellOf('SV')).toEqual({ commitments: 0, indicatorsOnTrack: 0 });
      const start = clock.now();
      const due = new Date(start.getTime() + 100 * DAY).toISOString();
      const commitment = await create(world.secretariat, {
        countryCode: 'SV',
        code: 'SV-3.1',
        workingGroupCode: 'JOBS_LIVELIHOODS',
        indicators: [
          { name: 'Refugees placed in jobs', baseline: 0, target: 100, targetDate: due },
          { name: 'Work permits issued', baseline: 0, target: 500 },
          { name: 'Employers engaged' },
        ],
      });
      await create(world.secretariat, {
        countryCode: 'SV',
        code: 'SV-3.2',
        workingGroupCode: 'JOBS_LIVELIHOODS',
        indicators: [],
      });
      expect(await cellOf('SV')).toEqual({ commitments: 2, indicatorsOnTrack: 0 });

      const [jobs, permits] = commitment.indicators;
      clock.advanceDays(50);
      await app.ok(
        RECORD,
        { indicator: jobs.id, value: 60, at: clock.now().toISOString() },
        { as: world.secretariat },
      );
      // Halfway through, 60% of the way: on track. Permits have no date: only the target counts.
      await app.ok(
        RECORD,
        { indicator: permits.id, value: 499, at: clock.now().toISOString() },
        { as: world.secretariat },
      );
      expect(await cellOf('SV')).toEqual({ commitments: 2, indicatorsOnTrack: 1 });
      // Each indicator says the same of itself (Indicator.onTrack).
      const standing = async () =>
        (
          await app.ok(
            '{ commitments(countryCode: "SV") { code indicators { name onTrack } } }',
            {},
            { as: world.observer },
          )
        ).commitments.find((row: { code: string }) => row.code === 'SV-3.1').indicators;
      expect(await standing()).toEqual([
        { name: 'Refugees placed in jobs', onTrack: true },
        { name: 'Work permits issued', onTrack: false },
        { name: 'Employers engaged', onTrack: false },
      ]);

      // 80 days in, still 60%: behind.
      clock.advanceDays(30);
      expect(await cellOf('SV')).toEqual({ commitments: 2, indicatorsOnTrack: 0 });
      expect((await standing())[0]).toEqual({ name: 'Refugees placed in jobs', onTrack: false });

      // Both targets reached: on track whatever the date.
      clock.advanceDays(40);
      for (const [indicator, value] of [
        [jobs.id, 100],
        [permits.id, 500],
      ] as const) {
        await app.ok(
          RECORD,
          { indicator, value, at: clock.now().toISOString() },
          { as: world.secretariat },
        );
      }
      expect(await cellOf('SV')).toEqual({ commitments: 2, indicatorsOnTrack: 2 });
    });
  });
});

function needInput(): Record<string, unknown> {
  return {
    countryCode: 'HN',
    workingGroupCode: 'ASYLUM_SYSTEMS',
    title: 'A need',
    description: 'What it is about.',
    modalities: ['TRAINING'],
    languages: ['es'],
  };
}
