import { GraphQLClient, GraphQLResponse } from './graphql-client';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, TEST_PASSWORD } from './test-app';

/** Readable fixtures: `aNeed({ countryCode: 'GT' })`. */
export function aNeed(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    countryCode: 'HN',
    workingGroupCode: 'ASYLUM_SYSTEMS',
    title: 'Gender-based adjudication training for asylum officers',
    description:
      'Capacitación de oficiales de elegibilidad en adjudicación con enfoque de género para solicitudes de asilo.',
    modalities: ['TRAINING'],
    languages: ['es'],
    beneficiaries: 40,
    earliestStart: '2026-03-01T00:00:00.000Z',
    latestEnd: '2026-11-30T00:00:00.000Z',
    napReference: 'HN-NAP-2026-04',
    priority: 'HIGH',
    ...overrides,
  };
}

export function anOffer(
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    organizationId,
    workingGroupCodes: ['ASYLUM_SYSTEMS'],
    title: 'Asylum adjudication training',
    description:
      'The Immigration and Refugee Board trains adjudicators on gender-based claims, in English or Spanish.',
    modalities: ['TRAINING', 'PEER_EXCHANGE'],
    languages: ['en', 'es'],
    capacity: 5,
    availableFrom: '2026-01-01T00:00:00.000Z',
    availableTo: '2026-12-31T00:00:00.000Z',
    eligibleCountryCodes: ['HN', 'SV', 'CR', 'GT', 'PA'],
    ...overrides,
  };
}

export const NEED_FIELDS = `
  id title description modalities languages beneficiaries earliestStart latestEnd napReference
  priority status createdAt updatedAt
  country { code name isMirpsState }
  workingGroup { code name description }
`;

export const OFFER_FIELDS = `
  id title description modalities languages capacity remainingCapacity availableFrom availableTo
  status createdAt updatedAt
  organization { id name kind country { code } }
  workingGroups { code name }
  eligibleCountries { code name isMirpsState }
`;

export const CREATE_NEED = `mutation CreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { ${NEED_FIELDS} } }`;
export const CREATE_OFFER = `mutation CreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { ${OFFER_FIELDS} } }`;

/**
 * The cast of a test: the secretariat, an organization with its member focal point,
 * focal points of Honduras and Guatemala, and an observer, each with a token.
 */
export interface World {
  secretariat: string;
  member: string;
  otherMember: string;
  honduras: string;
  guatemala: string;
  observer: string;
  organizationId: string;
  otherOrganizationId: string;
}

export async function createOrganization(
  app: GraphQLClient,
  token: string,
  name: string,
  kind = 'STATE',
  countryCode: string | null = 'CA',
): Promise<string> {
  const data = await app.ok<{ createOrganization: { id: string } }>(
    'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { name, kind, ...(countryCode ? { countryCode } : {}) } },
    { as: token },
  );
  return data.createOrganization.id;
}

export async function createUser(
  app: GraphQLClient,
  token: string,
  input: Record<string, unknown>,
): Promise<string> {
  const data = await app.ok<{ createUser: { id: string } }>(
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { password: TEST_PASSWORD, locale: 'EN', ...input } },
    { as: token },
  );
  return data.createUser.id;
}

export async function buildWorld(app: GraphQLClient): Promise<World> {
  const secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
  const organizationId = await createOrganization(
    app,
    secretariat,
    'Immigration and Refugee Board of Canada',
  );
  const otherOrganizationId = await createOrganization(
    app,
    secretariat,
    'World Bank Group',
    'FINANCIAL_INSTITUTION',
    null,
  );
  const users: [string, Record<string, unknown>][] = [
    ['member@irb.test', { role: 'MEMBER_FOCAL_POINT', organizationId }],
    ['member@worldbank.test', { role: 'MEMBER_FOCAL_POINT', organizationId: otherOrganizationId }],
    ['focal@hn.test', { role: 'COUNTRY_FOCAL_POINT', countryCode: 'HN' }],
    ['focal@gt.test', { role: 'COUNTRY_FOCAL_POINT', countryCode: 'GT' }],
    ['observer@oas.test', { role: 'OBSERVER' }],
  ];
  for (const [email, input] of users) await createUser(app, secretariat, { email, ...input });
  const [member, otherMember, honduras, guatemala, observer] = await Promise.all(
    users.map(([email]) => app.login(email)),
  );
  return {
    secretariat,
    member,
    otherMember,
    honduras,
    guatemala,
    observer,
    organizationId,
    otherOrganizationId,
  };
}

export const TWINNING_FIELDS = `
  id status note createdAt updatedAt confirmedAt completedAt summary cancellationReason
  offer { id status capacity remainingCapacity }
  needs { id title status country { code } }
  parties { country { code } organization { id } response respondedAt comment }
  history { from to by { email } at note }
`;
export const PROPOSE_TWINNING = `mutation ProposeTwinning($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { ${TWINNING_FIELDS} } }`;
export const RESPOND_TO_TWINNING = `mutation RespondToTwinning($id: ID!, $accept: Boolean!, $comment: String) { respondToTwinning(id: $id, accept: $accept, comment: $comment) { ${TWINNING_FIELDS} } }`;
export const CONFIRM_TWINNING = `mutation ConfirmTwinning($id: ID!) { confirmTwinning(id: $id) { ${TWINNING_FIELDS} } }`;
export const COMPLETE_TWINNING = `mutation CompleteTwinning($id: ID!, $summary: String) { completeTwinning(id: $id, summary: $summary) { ${TWINNING_FIELDS} } }`;
export const CANCEL_TWINNING = `mutation CancelTwinning($id: ID!, $reason: String!) { cancelTwinning(id: $id, reason: $reason) { ${TWINNING_FIELDS} } }`;

export const ACTIVITY_FIELDS = `
  id kind title startsAt endsAt location virtual status outcome cancellationReason
  participantCountries { code }
  participants { women men other total }
  twinning { id status }
`;
export const RECORD_ACTIVITY = `mutation RecordActivity($input: RecordActivityInput!) { recordActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const COMPLETE_ACTIVITY = `mutation CompleteActivity($id: ID!, $input: CompleteActivityInput!) { completeActivity(id: $id, input: $input) { ${ACTIVITY_FIELDS} } }`;

/** An activity of a twinning: `anActivity(twinningId, { kind: 'WORKSHOP' })`. */
export function anActivity(
  twinningId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    twinningId,
    kind: 'TRAINING',
    title: 'Gender-based adjudication training, module 1',
    startsAt: '2026-11-02T14:00:00.000Z',
    endsAt: '2026-11-04T22:00:00.000Z',
    location: 'Tegucigalpa',
    virtual: false,
    participantCountryCodes: ['CA'],
    ...overrides,
  };
}

/** Posts a need (as the secretariat unless told) and returns its id. */
export async function postNeed(
  app: GraphQLClient,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const data = await app.ok<{ createNeed: { id: string } }>(
    'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
    { input: aNeed(overrides) },
    { as: token },
  );
  return data.createNeed.id;
}

/** Posts an offer of `organizationId` and returns its id. */
export async function postOffer(
  app: GraphQLClient,
  token: string,
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const data = await app.ok<{ createOffer: { id: string } }>(
    'mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }',
    { input: anOffer(organizationId, overrides) },
    { as: token },
  );
  return data.createOffer.id;
}

/**
 * A CONFIRMED twinning of a new offer of the world's organization serving one new need of
 * each of `countries` (HN and GT have focal points in the world): proposed by the member,
 * accepted by each country, confirmed by the secretariat. Returns its id.
 */
export async function aConfirmedTwinning(
  app: GraphQLClient,
  world: World,
  options: {
    countries?: ('HN' | 'GT')[];
    need?: Record<string, unknown>;
    offer?: Record<string, unknown>;
  } = {},
): Promise<string> {
  const countries = options.countries ?? ['HN'];
  const offerId = await postOffer(app, world.member, world.organizationId, options.offer);
  const needIds: string[] = [];
  for (const countryCode of countries) {
    needIds.push(await postNeed(app, world.secretariat, { ...options.need, countryCode }));
  }
  const proposed = await app.ok<{ proposeTwinning: { id: string } }>(
    'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
    { input: { offerId, needIds } },
    { as: world.member },
  );
  const id = proposed.proposeTwinning.id;
  for (const countryCode of countries) {
    await app.ok(
      'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }',
      { id },
      { as: countryCode === 'HN' ? world.honduras : world.guatemala },
    );
  }
  await app.ok(
    'mutation ($id: ID!) { confirmTwinning(id: $id) { id } }',
    { id },
    { as: world.secretariat },
  );
  return id;
}

/**
 * The answers of simultaneous proposals for the last unit of an offer of capacity 1:
 * exactly one took it, every other was refused with CONFLICT. Returns the winner's twinning.
 */
export function theOneWinningProposal<T>(answers: GraphQLResponse<{ proposeTwinning: T }>[]): T {
  const winners = answers.filter((answer) => answer.data?.proposeTwinning);
  const losers = answers.filter((answer) => answer.errors);
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(answers.length - 1);
  for (const loser of losers) {
    expect(loser.errors).toEqual([
      expect.objectContaining({
        message: 'The offer has 0 of its capacity of 1 left: not enough for 1 need',
        extensions: { code: 'CONFLICT', reason: 'CAPACITY_EXHAUSTED' },
      }),
    ]);
  }
  return winners[0].data!.proposeTwinning;
}
