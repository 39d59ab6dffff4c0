import {
  anActivity,
  buildWorld,
  postNeed,
  postOffer,
  RECORD_ACTIVITY,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const COVERAGE = `query Coverage($workingGroupCode: String) {
  coverageReport(workingGroupCode: $workingGroupCode) {
    country { code } workingGroup { code } needs open inTwinning fulfilled
  }
}`;
const SUMMARY = `query Summary($from: DateTime, $to: DateTime) {
  platformSummary(from: $from, to: $to) {
    from to needsPosted twinningsConfirmed twinningsCompleted activitiesDone
    activitiesDoneByKind { kind count }
    participants { women men other total }
    countriesInvolved { code name }
    membersInvolved { name }
  }
}`;

const MIRPS = ['BZ', 'CR', 'GT', 'HN', 'MX', 'PA', 'SV'];
const WORKING_GROUPS = [
  'ASYLUM_SYSTEMS',
  'EDUCATION',
  'HEALTH',
  'INTERNAL_DISPLACEMENT',
  'JOBS_LIVELIHOODS',
  'LOCAL_GOVERNANCE',
  'PRIVATE_SECTOR',
  'SOCIAL_PROTECTION',
  'STATISTICAL_INCLUSION',
];
const HOUR = 3_600_000;

/**
 * A known data set on a database of its own:
 *
 * | need | state, working group | what happens                                 | ends   |
 * |------|----------------------|----------------------------------------------|--------|
 * | n1   | HN ASYLUM_SYSTEMS    | T1 (IRB offer): confirmed, then completed      | FULFILLED |
 * | n2   | HN ASYLUM_SYSTEMS    | T2 (World Bank offer, with n5): confirmed      | IN_TWINNING |
 * | n3   | HN ASYLUM_SYSTEMS    | nothing                                        | OPEN |
 * | n4   | HN ASYLUM_SYSTEMS    | withdrawn                                      | WITHDRAWN |
 * | n5   | GT ASYLUM_SYSTEMS    | T2                                             | IN_TWINNING |
 * | n6   | GT HEALTH            | nothing                                        | OPEN |
 * | n7   | PA EDUCATION         | T3 (IRB): proposed, then cancelled             | OPEN |
 * | n8   | MX JOBS_LIVELIHOODS  | T4 (World Bank): proposed                      | IN_TWINNING |
 *
 * Activities, starting `t0` + hours: a5 MEETING on T1 (done: 2 women, 3 men), a1 TRAINING
 * on T2 with Canada (done: 10, 5, 1 other), a2 WORKSHOP on T2 with Mexico (done: 4, 4),
 * a3 PEER_EXCHANGE on T2 (planned only), and a4 TRAINING on T2 with Panama, done but
 * starting in 2030.
 */
describe('reports', () => {
  let app: TestApp;
  let world: World;
  let t0: Date;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    t0 = new Date();
    const as = world.secretariat;
    const need = (countryCode: string, workingGroupCode = 'ASYLUM_SYSTEMS') =>
      postNeed(app, as, { countryCode, workingGroupCode });
    const step = (mutation: string, variables: Record<string, unknown>) =>
      app.ok(mutation, variables, { as });
    const propose = async (offerId: string, needIds: string[]) =>
      (
        await step(
          'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
          { input: { offerId, needIds } },
        )
      ).proposeTwinning.id as string;
    const accept = (id: string, token: string) =>
      app.ok(
        'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }',
        { id },
        {
          as: token,
        },
      );
    const confirm = (id: string) =>
      step('mutation ($id: ID!) { confirmTwinning(id: $id) { id } }', { id });
    const activity = async (
      twinningId: string,
      input: Record<string, unknown>,
      done?: number[],
    ) => {
      const id = (
        await step(RECORD_ACTIVITY, { input: anActivity(twinningId, { endsAt: null, ...input }) })
      ).recordActivity.id as string;
      if (done) {
        const [women, men, other] = done;
        await step(
          'mutation ($id: ID!, $input: CompleteActivityInput!) { completeActivity(id: $id, input: $input) { id } }',
          { id, input: { women, men, other, outcome: 'Held' } },
        );
      }
    };
    const at = (hours: number) => new Date(t0.getTime() + hours * HOUR).toISOString();

    const irbAsylum = await postOffer(app, as, world.organizationId);
    const irbEducation = await postOffer(app, as, world.organizationId, {
      workingGroupCodes: ['EDUCATION'],
    });
    const bankAsylum = await postOffer(app, as, world.otherOrganizationId, {
      eligibleCountryCodes: [],
    });
    const bankJobs = await postOffer(app, as, world.otherOrganizationId, {
      workingGroupCodes: ['JOBS_LIVELIHOODS'],
      eligibleCountryCodes: [],
    });

    const [n1, n2, , n4, n5, , n7, n8] = [
      await need('HN'),
      await need('HN'),
      await need('HN'),
      await need('HN'),
      await need('GT'),
      await need('GT', 'HEALTH'),
      await need('PA', 'EDUCATION'),
      await need('MX', 'JOBS_LIVELIHOODS'),
    ];
    await step('mutation ($id: ID!) { withdrawNeed(id: $id) { id } }', { id: n4 });

    const t1 = await propose(irbAsylum, [n1]);
    await accept(t1, world.member);
    await accept(t1, world.honduras);
    await confirm(t1);
    await activity(
      t1,
      { kind: 'MEETING', startsAt: at(0.5), participantCountryCodes: [] },
      [2, 3, 0],
    );
    await step('mutation ($id: ID!) { completeTwinning(id: $id) { id } }', { id: t1 });

    const t2 = await propose(bankAsylum, [n2, n5]);
    await accept(t2, world.otherMember);
    await accept(t2, world.honduras);
    await accept(t2, world.guatemala);
    await confirm(t2);
    await activity(
      t2,
      { kind: 'TRAINING', startsAt: at(1), participantCountryCodes: ['CA'] },
      [10, 5, 1],
    );
    await activity(
      t2,
      { kind: 'WORKSHOP', startsAt: at(2), participantCountryCodes: ['MX'] },
      [4, 4, 0],
    );
    await activity(t2, { kind: 'PEER_EXCHANGE', startsAt: at(3), participantCountryCodes: ['BZ'] });
    await activity(
      t2,
      {
        kind: 'TRAINING',
        startsAt: '2030-03-01T10:00:00.000Z',
        endsAt: null,
        participantCountryCodes: ['PA'],
      },
      [50, 50, 0],
    );

    const t3 = await propose(irbEducation, [n7]);
    await step('mutation ($id: ID!) { cancelTwinning(id: $id, reason: "Merged") { id } }', {
      id: t3,
    });
    await propose(bankJobs, [n8]);
  });

  afterAll(() => app.close());

  describe('coverageReport', () => {
    const counts = (cell: any) => [cell.needs, cell.open, cell.inTwinning, cell.fulfilled];

    it('has one cell per MIRPS state and working group, counting needs by status', async () => {
      const data = await app.ok(COVERAGE, {}, { as: world.observer });
      const cells = data.coverageReport;
      expect(cells).toHaveLength(7 * 9);
      expect(cells.map((cell: any) => `${cell.country.code} ${cell.workingGroup.code}`)).toEqual(
        MIRPS.flatMap((country) => WORKING_GROUPS.map((group) => `${country} ${group}`)),
      );
      const nonZero = Object.fromEntries(
        cells
          .filter((cell: any) => cell.needs > 0)
          .map((cell: any) => [`${cell.country.code} ${cell.workingGroup.code}`, counts(cell)]),
      );
      expect(nonZero).toEqual({
        'GT ASYLUM_SYSTEMS': [1, 0, 1, 0],
        'GT HEALTH': [1, 1, 0, 0],
        'HN ASYLUM_SYSTEMS': [3, 1, 1, 1],
        'MX JOBS_LIVELIHOODS': [1, 0, 1, 0],
        'PA EDUCATION': [1, 1, 0, 0],
      });
      for (const cell of cells.filter((cell: any) => cell.needs === 0)) {
        expect(counts(cell)).toEqual([0, 0, 0, 0]);
      }
    });

    it('narrows to one working group: still every MIRPS state', async () => {
      const data = await app.ok(
        COVERAGE,
        { workingGroupCode: 'ASYLUM_SYSTEMS' },
        { as: world.honduras },
      );
      expect(
        data.coverageReport.map((cell: any) => [
          cell.country.code,
          cell.workingGroup.code,
          ...counts(cell),
        ]),
      ).toEqual([
        ['BZ', 'ASYLUM_SYSTEMS', 0, 0, 0, 0],
        ['CR', 'ASYLUM_SYSTEMS', 0, 0, 0, 0],
        ['GT', 'ASYLUM_SYSTEMS', 1, 0, 1, 0],
        ['HN', 'ASYLUM_SYSTEMS', 3, 1, 1, 1],
        ['MX', 'ASYLUM_SYSTEMS', 0, 0, 0, 0],
        ['PA', 'ASYLUM_SYSTEMS', 0, 0, 0, 0],
        ['SV', 'ASYLUM_SYSTEMS', 0, 0, 0, 0],
      ]);
    });

    it('costs a fixed number of statements, whatever the data: the needs are counted in one grouped query', async () => {
      const before = app.queryCount();
      await app.ok(COVERAGE, {}, { as: world.observer });
      // The signed-in user, the working groups, the grouped count, the commitments with
      // their indicators (the MIRPS states come from memory).
      expect(app.queryCount() - before).toBe(4);
    });

    it('refuses an unknown working group, naming workingGroupCode', async () => {
      for (const workingGroupCode of ['CLIMATE', 'health']) {
        const error = await app.fails(COVERAGE, { workingGroupCode }, { as: world.observer });
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
        expect(error.extensions.fields![0].field).toBe('workingGroupCode');
      }
    });
  });

  describe('platformSummary', () => {
    it("gives the period's headline figures exactly", async () => {
      const from = t0.toISOString();
      const to = new Date(t0.getTime() + 24 * HOUR).toISOString();
      const data = await app.ok(SUMMARY, { from, to }, { as: world.observer });
      expect(data.platformSummary).toEqual({
        from,
        to,
        needsPosted: 8,
        twinningsConfirmed: 2,
        twinningsCompleted: 1,
        activitiesDone: 3,
        activitiesDoneByKind: [
          { kind: 'TRAINING', count: 1 },
          { kind: 'PEER_EXCHANGE', count: 0 },
          { kind: 'WORKSHOP', count: 1 },
          { kind: 'MEETING', count: 1 },
          { kind: 'STUDY_VISIT', count: 0 },
          { kind: 'TECHNICAL_ASSISTANCE', count: 0 },
          { kind: 'SECONDMENT', count: 0 },
        ],
        participants: { women: 16, men: 12, other: 1, total: 29 },
        countriesInvolved: [
          { code: 'CA', name: 'Canada' },
          { code: 'GT', name: 'Guatemala' },
          { code: 'HN', name: 'Honduras' },
          { code: 'MX', name: 'Mexico' },
        ],
        membersInvolved: [
          { name: 'Immigration and Refugee Board of Canada' },
          { name: 'World Bank Group' },
        ],
      });
    });

    it('counts the activities done by when they start', async () => {
      const data = await app.ok(
        SUMMARY,
        { from: '2030-01-01T00:00:00.000Z', to: '2031-01-01T00:00:00.000Z' },
        { as: world.observer },
      );
      expect(data.platformSummary).toMatchObject({
        needsPosted: 0,
        twinningsConfirmed: 0,
        twinningsCompleted: 0,
        activitiesDone: 1,
        participants: { women: 50, men: 50, other: 0, total: 100 },
        countriesInvolved: [
          { code: 'GT', name: 'Guatemala' },
          { code: 'HN', name: 'Honduras' },
          { code: 'PA', name: 'Panama' },
        ],
        membersInvolved: [{ name: 'World Bank Group' }],
      });
    });

    it('is all zeros for a period without anything', async () => {
      const data = await app.ok(
        SUMMARY,
        { from: '2020-01-01T00:00:00.000Z', to: '2021-01-01T00:00:00.000Z' },
        { as: world.member },
      );
      expect(data.platformSummary).toMatchObject({
        needsPosted: 0,
        twinningsConfirmed: 0,
        twinningsCompleted: 0,
        activitiesDone: 0,
        participants: { women: 0, men: 0, other: 0, total: 0 },
        countriesInvolved: [],
        membersInvolved: [],
      });
      expect(data.platformSummary.activitiesDoneByKind.every((row: any) => row.count === 0)).toBe(
        true,
      );
    });

    it('covers the current year up to now when no period is given', async () => {
      const before = Date.now();
      const data = await app.ok(SUMMARY, {}, { as: world.guatemala });
      const { from, to, needsPosted } = data.platformSummary;
      expect(from).toBe(new Date(Date.UTC(new Date(to).getUTCFullYear(), 0, 1)).toISOString());
      expect(Date.parse(to)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(to)).toBeLessThanOrEqual(Date.now());
      expect(needsPosted).toBe(8);
    });

    it('refuses a period that ends before it starts, naming to', async () => {
      const error = await app.fails(
        SUMMARY,
        { from: '2026-02-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
        { as: world.observer },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'to', message: 'to must be after the start of the period' }],
      });
    });

    it('refuses an anonymous reader', async () => {
      expect((await app.fails(SUMMARY, {})).extensions.code).toBe('UNAUTHENTICATED');
      expect((await app.fails(COVERAGE, {})).extensions.code).toBe('UNAUTHENTICATED');
    });
  });
});
