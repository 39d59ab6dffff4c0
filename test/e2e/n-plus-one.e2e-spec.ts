import { aNeed, anOffer, buildWorld, createOrganization, World } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const MIRPS_STATES: Record<string, string> = {
  BZ: 'Belize',
  CR: 'Costa Rica',
  SV: 'El Salvador',
  GT: 'Guatemala',
  HN: 'Honduras',
  MX: 'Mexico',
  PA: 'Panama',
};
const COUNTRY_CODES = Object.keys(MIRPS_STATES);

const NEEDS_PAGE = `query Needs($first: Int!) {
  needs(first: $first) {
    totalCount
    edges { node { id title country { code name } workingGroup { code name } } }
  }
}`;
const OFFERS_PAGE = `query Offers($first: Int!) {
  offers(first: $first) {
    totalCount
    edges {
      node {
        id title
        organization { name country { code } }
        workingGroups { code }
        eligibleCountries { code }
      }
    }
  }
}`;

/**
 * Statements one page costs: the signed-in user, the total count, the page itself, then
 * one batched statement per relation, whatever the page size. Countries and working groups
 * are reference data, answered from memory.
 */
const NEEDS_PAGE_STATEMENTS = 3; // user, count, page
const OFFERS_PAGE_STATEMENTS = 6; // user, count, page, organizations, working groups, eligible countries

interface NeedNode {
  id: string;
  title: string;
  country: { code: string; name: string };
  workingGroup: { code: string; name: string };
}
interface OfferNode {
  id: string;
  title: string;
  organization: { name: string; country: { code: string } | null };
  workingGroups: { code: string }[];
  eligibleCountries: { code: string }[];
}

describe('lists with nested relations (N+1)', () => {
  let app: TestApp;
  let world: World;
  const expectedNeeds = new Map<string, NeedNode>();
  const expectedOffers = new Map<string, OfferNode>();

  /** Runs one query and returns its data with the number of SQL statements it took. */
  async function measure<T>(query: string, variables: Record<string, unknown>) {
    const before = app.queryCount();
    const data = await app.ok<T>(query, variables, { as: world.observer });
    return { data, statements: app.queryCount() - before };
  }

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);

    const groups = await app.ok<{ workingGroups: { code: string; name: string }[] }>(
      '{ workingGroups { code name } }',
      {},
      { as: world.observer },
    );
    const groupCodes = groups.workingGroups.map((group) => group.code).sort();
    const groupNames = new Map(groups.workingGroups.map((group) => [group.code, group.name]));

    for (let index = 0; index < 50; index += 1) {
      const countryCode = COUNTRY_CODES[index % COUNTRY_CODES.length];
      const workingGroupCode = groupCodes[index % groupCodes.length];
      const title = `Need ${index + 1} of ${countryCode} on ${workingGroupCode}`;
      const data = await app.ok(
        'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
        { input: aNeed({ countryCode, workingGroupCode, title }) },
        { as: world.secretariat },
      );
      expectedNeeds.set(data.createNeed.id, {
        id: data.createNeed.id,
        title,
        country: { code: countryCode, name: MIRPS_STATES[countryCode] },
        workingGroup: { code: workingGroupCode, name: groupNames.get(workingGroupCode)! },
      });
    }

    const organizations = [
      { id: world.organizationId, name: 'Immigration and Refugee Board of Canada', country: 'CA' },
      { id: world.otherOrganizationId, name: 'World Bank Group', country: null },
    ];
    for (const [name, country] of [
      ['Agencia Española de Cooperación Internacional para el Desarrollo', 'ES'],
      ['Agence Française de Développement', 'FR'],
      ['Deutsche Gesellschaft für Internationale Zusammenarbeit', 'DE'],
    ]) {
      const id = await createOrganization(app, world.secretariat, name, 'STATE', country);
      organizations.push({ id, name, country });
    }

    for (let index = 0; index < 50; index += 1) {
      const organization = organizations[index % organizations.length];
      const workingGroupCodes = [
        ...new Set(
          [0, 2, 5]
            .slice(0, 1 + (index % 3))
            .map((step) => groupCodes[(index + step) % groupCodes.length]),
        ),
      ].sort();
      // Every fifth offer is open to every MIRPS state (no eligible countries listed).
      const eligibleCountryCodes =
        index % 5 === 0
          ? []
          : [0, 3].map((step) => COUNTRY_CODES[(index + step) % COUNTRY_CODES.length]).sort();
      const title = `Offer ${index + 1} by ${organization.name}`;
      const data = await app.ok(
        'mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }',
        { input: anOffer(organization.id, { title, workingGroupCodes, eligibleCountryCodes }) },
        { as: world.secretariat },
      );
      expectedOffers.set(data.createOffer.id, {
        id: data.createOffer.id,
        title,
        organization: {
          name: organization.name,
          country: organization.country ? { code: organization.country } : null,
        },
        workingGroups: workingGroupCodes.map((code) => ({ code })),
        eligibleCountries: eligibleCountryCodes.map((code) => ({ code })),
      });
    }
  });

  afterAll(() => app.close());

  it.each([5, 50])(
    'reads %i needs with their country and working group in a fixed number of statements',
    async (first) => {
      const { data, statements } = await measure<{
        needs: { totalCount: number; edges: { node: NeedNode }[] };
      }>(NEEDS_PAGE, { first });

      expect(statements).toBe(NEEDS_PAGE_STATEMENTS);
      expect(data.needs.totalCount).toBe(50);
      expect(data.needs.edges).toHaveLength(first);
      for (const { node } of data.needs.edges) expect(node).toEqual(expectedNeeds.get(node.id));
    },
  );

  it.each([5, 50])(
    'reads %i offers with their organization, working groups and eligible countries in a fixed number of statements',
    async (first) => {
      const { data, statements } = await measure<{
        offers: { totalCount: number; edges: { node: OfferNode }[] };
      }>(OFFERS_PAGE, { first });

      expect(statements).toBe(OFFERS_PAGE_STATEMENTS);
      expect(data.offers.totalCount).toBe(50);
      expect(data.offers.edges).toHaveLength(first);
      for (const { node } of data.offers.edges) expect(node).toEqual(expectedOffers.get(node.id));
    },
  );

  it('reads every one of the 50 needs and 50 offers exactly as created', async () => {
    const { data: needs } = await measure<{ needs: { edges: { node: NeedNode }[] } }>(NEEDS_PAGE, {
      first: 50,
    });
    const { data: offers } = await measure<{ offers: { edges: { node: OfferNode }[] } }>(
      OFFERS_PAGE,
      { first: 50 },
    );
    const byId = <T extends { id: string }>(nodes: T[]) =>
      Object.fromEntries(nodes.map((node) => [node.id, node]));

    expect(byId(needs.needs.edges.map((edge) => edge.node))).toEqual(
      Object.fromEntries(expectedNeeds),
    );
    expect(byId(offers.offers.edges.map((edge) => edge.node))).toEqual(
      Object.fromEntries(expectedOffers),
    );
  });
});
