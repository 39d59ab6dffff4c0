import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, TEST_PASSWORD, TestApp } from './test-app';

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
  app: TestApp,
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
  app: TestApp,
  token: string,
  input: Record<string, unknown>,
): Promise<string> {
  const data = await app.ok<{ createUser: { id: string } }>(
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { password: TEST_PASSWORD, ...input } },
    { as: token },
  );
  return data.createUser.id;
}

export async function buildWorld(app: TestApp): Promise<World> {
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
