import { Modality } from '../../src/reference/modality';
import fc from 'fast-check';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { findUnreadableDates } from '../../src/database/unreadable-dates';
import {
  aConfirmedTwinning,
  aNeed,
  anActivity,
  anOffer,
  buildWorld,
  postNeed,
  postOffer,
  World,
} from '../support/builders';
import {
  checkAnswer,
  databaseChecks,
  MutationShape,
  mutationShapes,
  operationFor,
  send,
} from '../support/fuzz-client';
import {
  anyJson,
  fromPool,
  hostileDate,
  hostileId,
  hostileList,
  hostileNumber,
  hostileString,
  resolvePoolRefs,
  spoiled,
} from '../support/fuzz-inputs';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';

/**
 * Random and hostile input at every mutation, as every role: the service answers each call
 * with data or known errors, never a fault, and the database holds exactly what the
 * accepted calls wrote. The seeds are fixed, so a run is the same everywhere.
 */

const SEED = 20260529;

const ROLES = [
  'secretariat',
  'member',
  'otherMember',
  'honduras',
  'guatemala',
  'observer',
  'anonymous',
  'forged',
] as const;
type RoleName = (typeof ROLES)[number];

/** Mostly people who may do things, so that calls get past the guard and into the service. */
const role: fc.Arbitrary<RoleName> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('secretariat' as const) },
  { weight: 3, arbitrary: fc.constantFrom<RoleName>('member', 'honduras', 'guatemala') },
  { weight: 2, arbitrary: fc.constantFrom<RoleName>(...ROLES) },
);

const FORGED_TOKEN =
  'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiLCJyb2xlIjoiU0VDUkVUQVJJQVQifQ.';

/** The tables of the domain, each checked against what the accepted calls wrote. */
const TABLES = [
  'countries',
  'working_groups',
  'organizations',
  'users',
  'needs',
  'offers',
  'offer_working_groups',
  'offer_eligible_countries',
  'twinnings',
  'twinning_needs',
  'twinning_parties',
  'twinning_status_changes',
  'activities',
  'activity_participant_countries',
  'commitments',
  'indicators',
  'indicator_values',
  'pledges',
  'pledge_needs',
  'exchange_rates',
  'chair_terms',
] as const;
type Table = (typeof TABLES)[number];

const MODALITIES: string[] = Object.values(Modality);
const COUNTRY_CODES = ['HN', 'GT', 'SV', 'CR', 'PA', 'MX', 'BZ', 'CA', 'US', 'XX', 'hn', 'H'];
const WORKING_GROUP_CODES = ['ASYLUM_SYSTEMS', 'NOPE', 'asylum_systems', 'A', 'X'.repeat(41)];
const LANGUAGES = ['es', 'en', 'fr', 'pt', 'ES', 'xx', 'e', 'spa'];

const countryCode = fc.oneof(fc.constantFrom(...COUNTRY_CODES), hostileString);
const workingGroupCode = fc.oneof(fc.constantFrom(...WORKING_GROUP_CODES), hostileString);
const modalities = hostileList(fc.oneof(fc.constantFrom(...MODALITIES), hostileString));
const languages = hostileList(fc.oneof(fc.constantFrom(...LANGUAGES), hostileString));
const enumOf = (...values: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(fc.constantFrom(...values), hostileString, anyJson);
const idOf = (pool: string): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: fromPool(pool) }, { weight: 1, arbitrary: hostileId });
const optionalText = fc.oneof(hostileString, fc.constant(null));
const bool = fc.oneof(fc.boolean(), anyJson);

/** How one mutation is fuzzed: its variables, what it selects, what an accepted call writes. */
interface Target {
  variables: fc.Arbitrary<Record<string, unknown>>;
  /** Who calls, when not the usual mix. */
  as?: fc.Arbitrary<RoleName>;
  selection?: string;
  numRuns: number;
  /** Records what an accepted call wrote (and the ids it made) in the model. */
  accepted?: (model: Model, variables: Record<string, any>, result: any) => void;
}

/** What the accepted calls wrote: row counts and the ids callers may aim at. */
interface Model {
  rows: Record<Table, number>;
  /** Links of each offer: working groups and eligible countries. */
  offerLinks: Map<string, { workingGroups: number; countries: number }>;
  /** Rows of each twinning in twinning_needs, twinning_parties and twinning_status_changes. */
  twinningRows: Map<string, { needs: number; parties: number; history: number }>;
  /** The indicators of each commitment, and the values of each indicator. */
  commitmentIndicators: Map<string, string[]>;
  indicatorValues: Map<string, number>;
  pools: Record<string, string[]>;
}

const OFFER_SELECTION = '{ id status workingGroups { code } eligibleCountries { code } }';
const TWINNING_SELECTION = '{ id status needs { id } parties { response } history { at } }';
const ACTIVITY_SELECTION = '{ id status participantCountries { code } }';

function twinningAccepted(model: Model, _variables: unknown, twinning: any): void {
  model.twinningRows.set(twinning.id, {
    needs: twinning.needs.length,
    parties: twinning.parties.length,
    history: twinning.history.length,
  });
}

const needInput = (valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  spoiled(valid, {
    countryCode,
    workingGroupCode,
    title: hostileString,
    description: hostileString,
    modalities,
    languages,
    beneficiaries: fc.oneof(hostileNumber, fc.constant(null)),
    earliestStart: hostileDate,
    latestEnd: hostileDate,
    napReference: optionalText,
    priority: enumOf('HIGH', 'MEDIUM', 'LOW'),
    visibility: enumOf('PLATFORM', 'RESTRICTED'),
    commitmentId: fc.oneof(idOf('commitments'), fc.constant(null)),
  });

const indicatorInput = spoiled(
  { name: 'Officers trained', unit: 'people', baseline: 0, target: 40 },
  {
    name: fc.oneof(hostileString, fc.constantFrom('Officers trained', 'OFFICERS TRAINED')),
    unit: optionalText,
    baseline: fc.oneof(hostileNumber, fc.constant(null)),
    target: fc.oneof(hostileNumber, fc.constant(null)),
    targetDate: fc.oneof(hostileDate, fc.constant(null)),
  },
);

const commitmentTerms = {
  title: hostileString,
  workingGroupCode,
  indicators: fc.oneof(hostileList(indicatorInput, 60), fc.constant(null)),
};

/** A commitment's indicators as an accepted call answered them. */
function commitmentAccepted(model: Model, _variables: unknown, commitment: any): void {
  const ids: string[] = commitment.indicators.map((indicator: { id: string }) => indicator.id);
  for (const gone of model.commitmentIndicators.get(commitment.id) ?? []) {
    if (!ids.includes(gone)) model.indicatorValues.delete(gone);
  }
  for (const id of ids) {
    if (!model.indicatorValues.has(id)) {
      model.indicatorValues.set(id, 0);
      model.pools.indicators.push(id);
    }
  }
  model.commitmentIndicators.set(commitment.id, ids);
}

const offerInput = (valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  spoiled(valid, {
    organizationId: idOf('organizations'),
    workingGroupCodes: hostileList(workingGroupCode),
    title: hostileString,
    description: hostileString,
    modalities,
    languages,
    capacity: hostileNumber,
    availableFrom: hostileDate,
    availableTo: hostileDate,
    eligibleCountryCodes: fc.oneof(hostileList(countryCode, 70), fc.constant(null)),
  });

const PLEDGE_STATUSES = ['PLEDGED', 'COMMITTED', 'DISBURSED', 'CANCELLED'];
const currency = fc.oneof(
  fc.constantFrom('USD', 'EUR', 'CAD', 'XYZ', 'eur', 'EURO'),
  hostileString,
);

/** Pledges, exchange rates and chair terms. */
const PLEDGE_TARGETS: Record<string, Target> = {
  createPledge: {
    numRuns: 40,
    variables: spoiled(
      { organizationId: fromPool('memberOrganization'), amount: 1000, currency: 'EUR' },
      {
        organizationId: idOf('organizations'),
        amount: hostileNumber,
        currency,
        countryCode: fc.oneof(countryCode, fc.constant(null)),
        workingGroupCode: fc.oneof(workingGroupCode, fc.constant(null)),
        needIds: fc.oneof(hostileList(idOf('needs'), 60), fc.constant(null)),
        twinningId: fc.oneof(idOf('twinnings'), fc.constant(null)),
        pledgedAt: fc.oneof(hostileDate, fc.constant(null)),
        note: optionalText,
      },
    ).map((input) => ({ input })),
    selection: '{ id needs { id } }',
    accepted: (model, _variables, pledge) => {
      model.rows.pledges += 1;
      model.rows.pledge_needs += pledge.needs.length;
      model.pools.pledges.push(pledge.id);
    },
  },
  setPledgeStatus: {
    numRuns: 30,
    variables: fc.record({ id: idOf('pledges'), status: enumOf(...PLEDGE_STATUSES) }),
    selection: '{ id status }',
  },
  setExchangeRate: {
    numRuns: 30,
    variables: spoiled(
      { currency: 'EUR', usdPerUnit: 1.08, asOf: '2026-01-01T00:00:00.000Z' },
      { currency, usdPerUnit: hostileNumber, asOf: hostileDate },
    ),
    accepted: (model) => {
      model.rows.exchange_rates += 1;
    },
  },
  setChairTerm: {
    numRuns: 30,
    variables: spoiled(
      fc
        .tuple(fc.nat({ max: 10 ** 6 }), fromPool('memberOrganization'))
        .map(([n, organizationId]) => ({
          organizationId,
          role: 'CHAIR',
          from: new Date(Date.UTC(2000, 0, 1) + n * 60_000).toISOString(),
          to: new Date(Date.UTC(2000, 0, 1) + (n + 1) * 60_000).toISOString(),
        })),
      {
        organizationId: idOf('organizations'),
        role: enumOf('PAST_CHAIR', 'CHAIR', 'INCOMING_CHAIR'),
        from: hostileDate,
        to: fc.oneof(hostileDate, fc.constant(null)),
        theme: optionalText,
      },
    ).map((input) => ({ input })),
    selection: '{ id }',
    accepted: (model, _variables, term) => {
      // A term of the same seat and start is replaced, not added.
      if (!model.pools.chairTerms.includes(term.id)) {
        model.pools.chairTerms.push(term.id);
        model.rows.chair_terms += 1;
      }
    },
  },
};

const TARGETS: Record<string, Target> = {
  login: {
    numRuns: 12,
    variables: spoiled(
      fc.constantFrom(
        { email: SECRETARIAT_EMAIL, password: SECRETARIAT_PASSWORD },
        { email: 'member@irb.test', password: TEST_PASSWORD },
        { email: 'focal@hn.test', password: TEST_PASSWORD },
        { email: 'member@irb.test', password: 'a-wrong-password' },
        { email: 'nobody@mirps.test', password: TEST_PASSWORD },
      ),
      { email: hostileString, password: hostileString },
    ),
    selection: '{ token user { id } }',
  },
  createUser: {
    numRuns: 25,
    variables: spoiled(
      fc.uuid().map((uuid) => ({
        email: `fuzz-${uuid}@mirps.test`,
        password: TEST_PASSWORD,
        role: 'OBSERVER',
      })),
      {
        email: fc.oneof(
          hostileString,
          hostileString.map((text) => `${text}@mirps.test`),
          fc.constantFrom(SECRETARIAT_EMAIL, 'FOCAL@HN.TEST', 'a@b', '@', 'x@y@z'),
        ),
        password: hostileString,
        role: enumOf('SECRETARIAT', 'COUNTRY_FOCAL_POINT', 'MEMBER_FOCAL_POINT', 'OBSERVER'),
        countryCode,
        organizationId: idOf('organizations'),
      },
    ).map((input) => ({ input })),
    selection: '{ id email role }',
    accepted: (model, _variables, user) => {
      model.rows.users += 1;
      model.pools.users.push(user.id);
    },
  },
  inviteUser: {
    numRuns: 25,
    variables: spoiled(
      fc.uuid().map((uuid) => ({
        email: `invited-${uuid}@mirps.test`,
        name: 'Invited by the fuzz',
        role: 'OBSERVER',
      })),
      {
        email: fc.oneof(
          hostileString,
          hostileString.map((text) => `${text}@mirps.test`),
          fc.constantFrom(SECRETARIAT_EMAIL, 'FOCAL@HN.TEST', 'a@b', '@', 'x@y@z'),
        ),
        name: hostileString,
        role: enumOf('SECRETARIAT', 'COUNTRY_FOCAL_POINT', 'MEMBER_FOCAL_POINT', 'OBSERVER'),
        countryCode,
        organizationId: idOf('organizations'),
        locale: enumOf('ES', 'EN'),
      },
    ).map((input) => ({ input })),
    selection: '{ id email role invitationPending }',
    accepted: (model, _variables, user) => {
      // Inviting a pending account again sends a new link: no new row.
      if (model.pools.users.includes(user.id)) return;
      model.rows.users += 1;
      model.pools.users.push(user.id);
    },
  },
  createOrganization: {
    numRuns: 40,
    variables: spoiled(
      fc.uuid().map((uuid) => ({ name: `Fuzz ${uuid}`, kind: 'CIVIL_SOCIETY', countryCode: 'CA' })),
      {
        name: hostileString,
        kind: enumOf('STATE', 'ACADEMIA', 'CIVIL_SOCIETY', 'PRIVATE_SECTOR'),
        countryCode,
      },
    ).map((input) => ({ input })),
    selection: '{ id name kind }',
    accepted: (model, _variables, organization) => {
      model.rows.organizations += 1;
      model.pools.organizations.push(organization.id);
    },
  },
  createWorkingGroup: {
    numRuns: 40,
    variables: spoiled(
      fc.nat({ max: 10 ** 9 }).map((n) => ({
        code: `FUZZ_${n}`,
        nameEn: 'Fuzzing',
        nameEs: 'Fuzzing',
        descriptionEn: 'Random input',
      })),
      {
        code: fc.oneof(workingGroupCode, fc.constantFrom('ASYLUM_SYSTEMS', 'FUZZ_1')),
        nameEn: hostileString,
        nameEs: hostileString,
        descriptionEn: optionalText,
        descriptionEs: optionalText,
      },
    ).map((input) => ({ input })),
    selection: '{ code name }',
    accepted: (model) => {
      model.rows.working_groups += 1;
    },
  },
  createNeed: {
    numRuns: 60,
    variables: needInput(aNeed()).map((input) => ({ input })),
    selection: '{ id status }',
    accepted: (model, _variables, need) => {
      model.rows.needs += 1;
      model.pools.needs.push(need.id);
    },
  },
  updateNeed: {
    numRuns: 50,
    variables: fc.record({
      id: idOf('needs'),
      input: needInput({ title: 'Retitled need' }).map(({ countryCode: _code, ...rest }) => rest),
    }),
    selection: '{ id status }',
  },
  withdrawNeed: {
    numRuns: 30,
    variables: fc.record({ id: idOf('needs'), reason: optionalText }),
    selection: '{ id status }',
  },
  renewNeed: {
    numRuns: 20,
    variables: fc.record({ id: idOf('needs') }),
    selection: '{ id status expiresAt }',
  },
  createOffer: {
    numRuns: 60,
    variables: fc
      .tuple(fromPool('organizations'), fc.boolean())
      .chain(([organizationId, eligibleToAll]) =>
        offerInput(
          anOffer(
            organizationId as unknown as string,
            eligibleToAll ? { eligibleCountryCodes: null } : {},
          ),
        ),
      )
      .map((input) => ({ input })),
    selection: OFFER_SELECTION,
    accepted: (model, _variables, offer) => {
      model.rows.offers += 1;
      model.pools.offers.push(offer.id);
      model.offerLinks.set(offer.id, {
        workingGroups: offer.workingGroups.length,
        countries: offer.eligibleCountries.length,
      });
    },
  },
  updateOffer: {
    numRuns: 50,
    variables: fc.record({
      id: idOf('offers'),
      input: offerInput({ capacity: 7 }).map(({ organizationId: _id, ...rest }) => rest),
    }),
    selection: OFFER_SELECTION,
    accepted: (model, _variables, offer) => {
      model.offerLinks.set(offer.id, {
        workingGroups: offer.workingGroups.length,
        countries: offer.eligibleCountries.length,
      });
    },
  },
  withdrawOffer: {
    numRuns: 25,
    variables: fc.record({ id: idOf('offers'), reason: optionalText }),
    selection: '{ id status }',
  },
  renewOffer: {
    numRuns: 20,
    variables: fc.record({ id: idOf('offers') }),
    selection: '{ id status expiresAt }',
  },
  proposeTwinning: {
    numRuns: 60,
    variables: spoiled(
      fc.record({
        offerId: fromPool('offers'),
        needIds: fc.array(fromPool('needs'), { minLength: 1, maxLength: 3 }),
        note: fc.constant('Fuzzed proposal'),
      }),
      {
        offerId: idOf('offers'),
        needIds: hostileList(idOf('needs'), 60),
        note: optionalText,
      },
    ).map((input) => ({ input })),
    selection: TWINNING_SELECTION,
    accepted: (model, variables, twinning) => {
      model.rows.twinnings += 1;
      model.pools.twinnings.push(twinning.id);
      model.pools.proposedTwinnings.push(twinning.id);
      twinningAccepted(model, variables, twinning);
    },
  },
  respondToTwinning: {
    numRuns: 50,
    variables: fc.record({
      id: fc.oneof(fromPool('proposedTwinnings'), idOf('twinnings')),
      accept: bool,
      comment: optionalText,
    }),
    // The proposals waiting for an answer wait for Guatemala's.
    as: fc.oneof(fc.constant('guatemala' as const), role),
    selection: TWINNING_SELECTION,
    accepted: twinningAccepted,
  },
  confirmTwinning: {
    numRuns: 30,
    variables: fc.record({ id: idOf('twinnings') }),
    selection: TWINNING_SELECTION,
    accepted: twinningAccepted,
  },
  recordActivity: {
    numRuns: 60,
    variables: fromPool('confirmedTwinnings')
      .chain((twinningId) =>
        spoiled(anActivity(twinningId as unknown as string), {
          twinningId: idOf('twinnings'),
          kind: enumOf('TRAINING', 'WORKSHOP', 'MEETING'),
          title: hostileString,
          startsAt: hostileDate,
          endsAt: fc.oneof(hostileDate, fc.constant(null)),
          location: optionalText,
          virtual: bool,
          participantCountryCodes: fc.oneof(hostileList(countryCode, 70), fc.constant(null)),
        }),
      )
      .map((input) => ({ input })),
    selection: ACTIVITY_SELECTION,
    accepted: (model, _variables, activity) => {
      model.rows.activities += 1;
      model.rows.activity_participant_countries += activity.participantCountries.length;
      model.pools.activities.push(activity.id);
    },
  },
  completeActivity: {
    numRuns: 40,
    variables: fc.record({
      id: idOf('activities'),
      input: spoiled(
        { women: 12, men: 9, other: 1, outcome: 'Done' },
        {
          women: hostileNumber,
          men: hostileNumber,
          other: hostileNumber,
          outcome: hostileString,
        },
      ),
    }),
    selection: ACTIVITY_SELECTION,
  },
  cancelActivity: {
    numRuns: 30,
    variables: fc.record({ id: idOf('activities'), reason: hostileString }),
    selection: ACTIVITY_SELECTION,
  },
  completeTwinning: {
    numRuns: 30,
    variables: fc.record({ id: idOf('twinnings'), summary: optionalText }),
    selection: TWINNING_SELECTION,
    accepted: twinningAccepted,
  },
  cancelTwinning: {
    numRuns: 30,
    variables: fc.record({ id: idOf('twinnings'), reason: hostileString }),
    selection: TWINNING_SELECTION,
    accepted: twinningAccepted,
  },
  resetCalendarUrl: {
    numRuns: 10,
    variables: fc.constant({}),
  },
  createCommitment: {
    numRuns: 40,
    variables: spoiled(
      fc.nat({ max: 10 ** 9 }).map((n) => ({
        countryCode: 'HN',
        code: `HN-${n}`,
        title: 'A fuzzed commitment',
        workingGroupCode: 'ASYLUM_SYSTEMS',
        indicators: [{ name: 'Officers trained', baseline: 0, target: 40 }],
      })),
      { countryCode, code: fc.oneof(hostileString, fc.constant('HN-1')), ...commitmentTerms },
    ).map((input) => ({ input })),
    selection: '{ id indicators { id } }',
    accepted: (model, variables, commitment) => {
      model.pools.commitments.push(commitment.id);
      commitmentAccepted(model, variables, commitment);
    },
  },
  updateCommitment: {
    numRuns: 40,
    variables: fc.record({
      id: idOf('commitments'),
      input: spoiled({ title: 'Retitled commitment' }, commitmentTerms),
    }),
    selection: '{ id indicators { id } }',
    accepted: commitmentAccepted,
  },
  recordIndicatorValue: {
    numRuns: 40,
    variables: fromPool('indicators').chain((indicatorId) =>
      spoiled(
        { indicatorId, value: 12, at: '2026-01-01T00:00:00.000Z' },
        {
          indicatorId: idOf('indicators'),
          value: hostileNumber,
          at: hostileDate,
          source: optionalText,
        },
      ),
    ),
    selection: '{ id current }',
    accepted: (model, _variables, indicator) => {
      model.indicatorValues.set(indicator.id, (model.indicatorValues.get(indicator.id) ?? 0) + 1);
    },
  },
  ...PLEDGE_TARGETS,
};

/** Account and notification changes: they write no row the model counts. */
const WITHOUT_MODEL = [
  'changePassword',
  'setUserActive',
  'updateMyProfile',
  'acceptInvitation',
  'requestPasswordReset',
  'resetPassword',
  'markNotificationsRead',
  'updateEmailPreferences',
  'signOut',
  // Writes a follow-up answer, which no table of the model holds.
  'submitFollowUp',
  // Write platform events, their participants, links and agenda: no table of the model.
  'createPlatformEvent',
  'scheduleMeetings',
  'linkTwinningToEvent',
  // Write comments, which no table of the model holds.
  'addComment',
  'editComment',
  // An organization's active flag, which the model does not hold.
  'setOrganizationActive',
];

/**
 * Mutations this file has no model for (added later, such as account changes): their
 * arguments are built from the schema's types; they must write nothing the model tracks.
 * They run last, since they may end the tokens the other calls use.
 */
function genericVariables(shape: MutationShape): fc.Arbitrary<Record<string, unknown>> {
  const forType = (type: string): fc.Arbitrary<unknown> => {
    const named = type.replace(/[[\]!]/g, '');
    const value: fc.Arbitrary<unknown> =
      named === 'ID'
        ? idOf('victims')
        : named === 'String'
          ? fc.oneof(hostileString, fc.constantFrom(TEST_PASSWORD, 'another-long-password'))
          : named === 'Boolean'
            ? bool
            : named === 'Int' || named === 'Float'
              ? hostileNumber
              : anyJson;
    return type.startsWith('[') ? hostileList(value) : value;
  };
  return fc.record(Object.fromEntries(shape.args.map((arg) => [arg.name, forType(arg.type)])));
}

describe('fuzzing every mutation', () => {
  let app: TestApp;
  let world: World;
  let tokens: Record<RoleName, string | undefined>;
  let shapes: Map<string, MutationShape>;
  const model: Model = {
    rows: {} as Record<Table, number>,
    offerLinks: new Map(),
    twinningRows: new Map(),
    commitmentIndicators: new Map(),
    indicatorValues: new Map(),
    pools: {},
  };
  const tally = { accepted: 0, refused: 0 };

  async function count(sql: string): Promise<Map<string, number>> {
    const rows: { id: string; count: number }[] = await app.dataSource.query(sql);
    return new Map(rows.map((row) => [row.id, Number(row.count)]));
  }

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    tokens = {
      secretariat: world.secretariat,
      member: world.member,
      otherMember: world.otherMember,
      honduras: world.honduras,
      guatemala: world.guatemala,
      observer: world.observer,
      anonymous: undefined,
      forged: FORGED_TOKEN,
    };
    // Something of everyone's to aim at: needs, offers, twinnings in each state, activities.
    for (const countryCode of ['HN', 'GT', 'HN', 'SV']) {
      await postNeed(app, world.secretariat, { countryCode });
    }
    await postOffer(app, world.member, world.organizationId);
    await postOffer(app, world.otherMember, world.otherOrganizationId, { capacity: 1 });
    const confirmed = [
      await aConfirmedTwinning(app, world),
      await aConfirmedTwinning(app, world, { countries: ['HN', 'GT'] }),
      await aConfirmedTwinning(app, world),
      await aConfirmedTwinning(app, world, { countries: ['GT'] }),
    ];
    for (const twinningId of confirmed) {
      await app.ok(
        'mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }',
        { input: anActivity(twinningId) },
        { as: world.secretariat },
      );
    }
    // Three PROPOSED twinnings and two ACCEPTED ones.
    const proposedTwinnings: string[] = [];
    const offerId = await postOffer(app, world.member, world.organizationId);
    for (let index = 0; index < 5; index += 1) {
      const needId = await postNeed(app, world.secretariat, { countryCode: 'GT' });
      const proposed = await app.ok<{ proposeTwinning: { id: string } }>(
        'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
        { input: { offerId, needIds: [needId] } },
        { as: world.member },
      );
      if (index >= 2) proposedTwinnings.push(proposed.proposeTwinning.id);
      else {
        await app.ok(
          'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }',
          { id: proposed.proposeTwinning.id },
          { as: world.guatemala },
        );
      }
    }
    await app.ok(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: 'victim@mirps.test', password: TEST_PASSWORD, role: 'OBSERVER' } },
      { as: world.secretariat },
    );

    await app.ok(
      'mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }',
      {
        input: {
          countryCode: 'HN',
          code: 'HN-1',
          title: 'A commitment to aim at',
          workingGroupCode: 'ASYLUM_SYSTEMS',
          indicators: [{ name: 'Officers trained' }, { name: 'Backlog', baseline: 900 }],
        },
      },
      { as: world.honduras },
    );
    const ids = async (table: string, where = ''): Promise<string[]> => {
      const rows: { id: string }[] = await app.dataSource.query(
        `SELECT "id" FROM "${table}" ${where} ORDER BY "id"`,
      );
      return rows.map((row) => row.id);
    };
    model.pools = {
      organizations: await ids('organizations'),
      users: await ids('users'),
      needs: await ids('needs'),
      offers: await ids('offers'),
      twinnings: await ids('twinnings'),
      activities: await ids('activities'),
      confirmedTwinnings: confirmed,
      proposedTwinnings,
      victims: await ids('users', `WHERE "email" = 'victim@mirps.test'`),
      commitments: await ids('commitments'),
      indicators: [],
      memberOrganization: [world.organizationId],
      pledges: [],
      chairTerms: [],
    };
    const indicators: { id: string; commitmentId: string }[] = await app.dataSource.query(
      'SELECT "id", "commitmentId" FROM "indicators" ORDER BY "id"',
    );
    for (const { id, commitmentId } of indicators) {
      model.commitmentIndicators.set(commitmentId, [
        ...(model.commitmentIndicators.get(commitmentId) ?? []),
        id,
      ]);
      model.indicatorValues.set(id, 0);
      model.pools.indicators.push(id);
    }
    for (const table of TABLES) model.rows[table] = await app.rowCount(table);
    const workingGroups = await count(
      'SELECT "offerId" AS id, COUNT(*) AS count FROM "offer_working_groups" GROUP BY "offerId"',
    );
    const countries = await count(
      'SELECT "offerId" AS id, COUNT(*) AS count FROM "offer_eligible_countries" GROUP BY "offerId"',
    );
    for (const offerId of model.pools.offers) {
      model.offerLinks.set(offerId, {
        workingGroups: workingGroups.get(offerId) ?? 0,
        countries: countries.get(offerId) ?? 0,
      });
    }
    const needs = await count(
      'SELECT "twinningId" AS id, COUNT(*) AS count FROM "twinning_needs" GROUP BY "twinningId"',
    );
    const parties = await count(
      'SELECT "twinningId" AS id, COUNT(*) AS count FROM "twinning_parties" GROUP BY "twinningId"',
    );
    const history = await count(
      'SELECT "twinningId" AS id, COUNT(*) AS count FROM "twinning_status_changes" GROUP BY "twinningId"',
    );
    for (const twinningId of model.pools.twinnings) {
      model.twinningRows.set(twinningId, {
        needs: needs.get(twinningId) ?? 0,
        parties: parties.get(twinningId) ?? 0,
        history: history.get(twinningId) ?? 0,
      });
    }
    shapes = new Map(
      (await mutationShapes(app, world.secretariat)).map((shape) => [shape.name, shape]),
    );
  });

  afterAll(() => app?.close());

  async function fuzz(name: string, target: Target, seed: number): Promise<void> {
    const shape = shapes.get(name);
    if (!shape) throw new Error(`The schema has no mutation ${name}`);
    const result = await fc.check(
      fc.asyncProperty(
        target.variables,
        target.as ?? role,
        fc.oneof(
          { weight: 9, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
        async (generated, as, inline) => {
          const variables = resolvePoolRefs(generated, model.pools) as Record<string, unknown>;
          const query = operationFor(shape, target.selection ?? '', variables, inline);
          const answer = await send(app, query, inline ? undefined : variables, tokens[as]);
          if (checkAnswer(name, answer)) {
            tally.accepted += 1;
            target.accepted?.(model, variables, answer.body.data![name]);
          } else {
            tally.refused += 1;
          }
        },
      ),
      { numRuns: target.numRuns, seed, endOnFailure: true },
    );
    if (result.failed) {
      // Counterexamples may hold 90 KB strings: say what failed, briefly.
      const cause = result.errorInstance instanceof Error ? result.errorInstance.message : '';
      const example = JSON.stringify(result.counterexample).slice(0, 1000);
      throw new Error(`${name} (seed ${seed}, run ${result.numRuns}): ${cause}\n${example}`);
    }
  }

  it('has a target for every mutation of the schema, or knows it needs no model', () => {
    const modelled = Object.keys(TARGETS).filter((name) => shapes.has(name));
    expect(modelled.sort()).toEqual(Object.keys(TARGETS).sort());
    const generic = [...shapes.keys()].filter((name) => !(name in TARGETS));
    expect(generic.filter((name) => !WITHOUT_MODEL.includes(name))).toEqual([]);
  });

  for (const [index, [name, target]] of Object.entries(TARGETS).entries()) {
    it(`answers ${name} with data or known errors`, () => fuzz(name, target, SEED + index));
  }

  it('answers the mutations without a model (account changes) with known errors', async () => {
    const generic = [...shapes.values()].filter((shape) => !(shape.name in TARGETS));
    for (const [index, shape] of generic.entries()) {
      await fuzz(shape.name, { variables: genericVariables(shape), numRuns: 25 }, SEED - index);
    }
  });

  it('answers hostile documents, not only hostile values, with known errors', async () => {
    const documents = [
      'mutation { createNeed(input: { title: "x" }) { id } ',
      'mutation { createNeed(input: $input) { id } }',
      'mutation { __typename } mutation { __typename }',
      'mutation M($id: ID!) { withdrawNeed(id: $id) { id } } query { me { id } }',
      'mutation { withdrawNeed(id: "\\uD800") { id } }',
      'mutation { withdrawNeed(id: "x", id: "y") { id } }',
      'mutation { cancelTwinning(id: 1e999, reason: 0x10) { id } }',
      'mutation { login(email: "\' OR 1=1 --", password: "") { token } }',
      `mutation { createOrganization(input: { name: "${'\\u0000'.repeat(10)}", kind: "STATE" }) { id } }`,
      'subscription { needs { id } }',
      '{ needs(first: 2147483648) { totalCount } }',
      '{ needs(first: -1) { totalCount } }',
      '{ needs(after: "\u0000\uD800") { totalCount } }',
    ];
    for (const query of documents) {
      for (const as of ['secretariat', 'anonymous'] as const) {
        const answer = await send(app, query, {}, tokens[as]);
        checkAnswer('__none__', { ...answer, body: { ...answer.body, data: null } });
        expect(answer.body.errors?.length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses a subscription sent over HTTP as a bad request, not as a fault', async () => {
    // Found by this file when the schema had no subscriptions: INTERNAL_SERVER_ERROR. Now
    // that it has some, over HTTP they would run without their event (and their guards).
    const answer = await send(
      app,
      'subscription { twinningChanged { id } }',
      undefined,
      world.observer,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [
        {
          message:
            'Subscriptions are served over WebSocket (the graphql-transport-ws protocol of graphql-ws) at /graphql',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('leaves a sound database that holds exactly what the accepted calls wrote', async () => {
    const sum = <T>(values: Iterable<T>, of: (value: T) => number): number =>
      [...values].reduce((total, value) => total + of(value), 0);
    model.rows.offers = model.offerLinks.size;
    model.rows.offer_working_groups = sum(
      model.offerLinks.values(),
      (links) => links.workingGroups,
    );
    model.rows.offer_eligible_countries = sum(
      model.offerLinks.values(),
      (links) => links.countries,
    );
    model.rows.twinnings = model.twinningRows.size;
    model.rows.twinning_needs = sum(model.twinningRows.values(), (rows) => rows.needs);
    model.rows.twinning_parties = sum(model.twinningRows.values(), (rows) => rows.parties);
    model.rows.twinning_status_changes = sum(model.twinningRows.values(), (rows) => rows.history);
    model.rows.commitments = model.commitmentIndicators.size;
    model.rows.indicators = model.indicatorValues.size;
    model.rows.indicator_values = sum(model.indicatorValues.values(), (values) => values);

    const actual: Record<string, number> = {};
    for (const table of TABLES) actual[table] = await app.rowCount(table);
    expect(actual).toEqual(model.rows);
    expect(await databaseChecks(app.dataSource)).toEqual({
      integrity: ['ok'],
      foreignKeyViolations: [],
    });
    // Every date stored is one every reader can read back (issue 11).
    expect(await findUnreadableDates(app.dataSource)).toEqual([]);
    // A token of the first secretariat account as it is now (the fuzz may have changed its
    // password or revoked its tokens): reads are what is checked here, not sign-in.
    const [account] = await app.sql<{ id: string; tokenVersion: number }>(
      'SELECT "id", "tokenVersion" FROM "users" WHERE "email" = :email',
      { email: SECRETARIAT_EMAIL },
    );
    await app.sql('UPDATE "users" SET "active" = :active WHERE "id" = :id', {
      active: true,
      id: account.id,
    });
    const secretariat = app.app
      .get(JwtService)
      .sign({ sub: account.id, role: 'SECRETARIAT', ver: Number(account.tokenVersion) });
    const everything = await app.gql(
      `{ needs(first: 100) { edges { node { earliestStart latestEnd createdAt } } }
         offers(first: 100) { edges { node { availableFrom availableTo } } }
         activities(first: 100) { edges { node { startsAt endsAt participants { total } } } }
         platformSummary(from: "1990-01-01T00:00:00Z") { participants { total } } }`,
      {},
      { as: secretariat },
    );
    expect(everything.errors).toBeUndefined();
    const feed = await app.ok<{ me: { calendarUrl: string } }>(
      '{ me { calendarUrl } }',
      {},
      {
        as: secretariat,
      },
    );
    const calendar = await request(app.app.getHttpServer()).get(
      `/calendar.ics${new URL(feed.me.calendarUrl).search}`,
    );
    expect(calendar.status).toBe(200);
    // The run reached the service: many calls were accepted, many refused.
    expect(tally.accepted).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(300);
  });
});
