import { ManualClock } from '../../src/common/clock/clock';
import {
  aConfirmedTwinning,
  buildWorld,
  createOrganization,
  createUser,
  postNeed,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const PLEDGE_FIELDS = `
  id amount currency amountUsd status pledgedAt note nextStatuses
  organization { id } country { code } workingGroup { code }
  needs { id } twinning { id }
`;
const CREATE = `mutation ($input: CreatePledgeInput!) { createPledge(input: $input) { ${PLEDGE_FIELDS} } }`;
const SET_STATUS = `mutation ($id: ID!, $status: PledgeStatus!) { setPledgeStatus(id: $id, status: $status) { id status nextStatuses } }`;
const SET_RATE = `mutation ($currency: String!, $rate: Float!, $asOf: DateTime!) {
  setExchangeRate(currency: $currency, usdPerUnit: $rate, asOf: $asOf)
}`;
const PLEDGES = `query ($organizationId: ID, $countryCode: String, $status: PledgeStatus, $first: Int, $after: String) {
  pledges(organizationId: $organizationId, countryCode: $countryCode, status: $status, first: $first, after: $after) {
    totalCount edges { node { id note } } pageInfo { hasNextPage endCursor }
  }
}`;
const SUMMARY = `query ($from: DateTime, $to: DateTime) {
  platformSummary(from: $from, to: $to) {
    pledges pledgedUsd disbursedUsd pledgesWithoutRate privateSectorPartners
    pledgesByMember { organization { name } pledges pledgedUsd disbursedUsd }
  }
}`;
const SET_CHAIR_TERM = `mutation ($input: ChairTermInput!) {
  setChairTerm(input: $input) { id role from to theme organization { name } }
}`;
const TROIKA = `query {
  troika {
    chair { organization { name } theme }
    pastChair { organization { name } role }
    incomingChair { organization { name } role }
  }
}`;

interface Pledge {
  id: string;
  amount: number;
  currency: string;
  amountUsd: number | null;
  status: string;
  nextStatuses: string[];
  country: { code: string } | null;
  needs: { id: string }[];
  twinning: { id: string } | null;
}

describe('pledges, exchange rates, money totals and the troika', () => {
  let app: TestApp;
  let world: World;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(new Date('2026-12-07T12:00:00.000Z'));
    app = await startTestApp({ clock });
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  async function pledge(token: string, overrides: Record<string, unknown> = {}): Promise<Pledge> {
    const data = await app.ok<{ createPledge: Pledge }>(
      CREATE,
      {
        input: {
          organizationId: world.organizationId,
          amount: 1000,
          currency: 'USD',
          ...overrides,
        },
      },
      { as: token },
    );
    // A second apart: lists are newest first.
    clock.set(new Date(clock.now().getTime() + 1000));
    return data.createPledge;
  }

  async function notesOf(token: string, variables: Record<string, unknown>): Promise<string[]> {
    const data = await app.ok<{ pledges: { edges: { node: { note: string } }[] } }>(
      PLEDGES,
      { first: 100, ...variables },
      { as: token },
    );
    return data.pledges.edges.map((edge) => edge.node.note);
  }

  describe('recording a pledge', () => {
    it("is done by the organization's member focal points or the secretariat", async () => {
      const created = await pledge(world.member, {
        amount: 13_150_000,
        currency: 'CAD',
        countryCode: 'HN',
        workingGroupCode: 'ASYLUM_SYSTEMS',
        note: 'Humanitarian assistance announced at the Solidarity Event',
      });
      expect(created).toEqual({
        id: expect.any(String),
        amount: 13_150_000,
        currency: 'CAD',
        amountUsd: null,
        status: 'PLEDGED',
        pledgedAt: '2026-12-07T12:00:00.000Z',
        note: 'Humanitarian assistance announced at the Solidarity Event',
        nextStatuses: ['COMMITTED', 'CANCELLED'],
        organization: { id: world.organizationId },
        country: { code: 'HN' },
        workingGroup: { code: 'ASYLUM_SYSTEMS' },
        needs: [],
        twinning: null,
      });
      const bySecretariat = await pledge(world.secretariat, {
        organizationId: world.otherOrganizationId,
        amount: 2_500_000.5,
        pledgedAt: '2026-09-21T15:00:00.000Z',
      });
      expect(bySecretariat).toMatchObject({
        amountUsd: 2_500_000.5,
        country: null,
        pledgedAt: '2026-09-21T15:00:00.000Z',
      });
    });

    it('refuses other members, countries and observers, writing nothing', async () => {
      const before = await app.rowCount('pledges');
      for (const token of [world.otherMember, world.honduras, world.observer]) {
        const refused = await app.fails(
          CREATE,
          { input: { organizationId: world.organizationId, amount: 5, currency: 'USD' } },
          { as: token },
        );
        expect(refused.extensions.code).toBe('FORBIDDEN');
      }
      expect(await app.rowCount('pledges')).toBe(before);
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const before = await app.rowCount('pledges');
      const cases: [Record<string, unknown>, string, string][] = [
        [{ currency: 'XYZ' }, 'currency', 'XYZ is not an ISO 4217 currency code'],
        [{ currency: 'eur' }, 'currency', 'currency must be an ISO 4217 code such as USD or EUR'],
        [{ amount: 0 }, 'amount', 'amount must not be less than 0.01'],
        [{ countryCode: 'CA' }, 'countryCode', '"CA" is not a MIRPS state'],
        [
          { workingGroupCode: 'NO_SUCH_GROUP' },
          'workingGroupCode',
          '"NO_SUCH_GROUP" is not a working group code',
        ],
        [
          { pledgedAt: '2026-12-08T00:00:00.000Z' },
          'pledgedAt',
          'pledgedAt must not be in the future',
        ],
      ];
      for (const [overrides, field, message] of cases) {
        const refused = await app.fails(
          CREATE,
          {
            input: {
              organizationId: world.organizationId,
              amount: 5,
              currency: 'USD',
              ...overrides,
            },
          },
          { as: world.member },
        );
        expect(refused.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ field, message }],
        });
      }
      expect(await app.rowCount('pledges')).toBe(before);
    });

    it('answers in Spanish to a Spanish reader', async () => {
      await createUser(app, world.secretariat, {
        email: 'miembro@irb.test',
        role: 'MEMBER_FOCAL_POINT',
        organizationId: world.organizationId,
        locale: 'ES',
      });
      const refused = await app.fails(
        CREATE,
        { input: { organizationId: world.organizationId, amount: 5, currency: 'XYZ' } },
        { as: await app.login('miembro@irb.test') },
      );
      expect(refused.extensions.fields).toEqual([
        { field: 'currency', message: 'XYZ no es un código de moneda ISO 4217' },
      ]);
    });
  });

  describe('links to needs and twinnings', () => {
    it('takes its country from its needs, and refuses needs of another country', async () => {
      const honduran = await postNeed(app, world.honduras, { title: 'Reception centre staff' });
      const guatemalan = await postNeed(app, world.guatemala, { countryCode: 'GT' });
      const linked = await pledge(world.member, { needIds: [honduran] });
      expect(linked).toMatchObject({ country: { code: 'HN' }, needs: [{ id: honduran }] });

      const mixed = await app.fails(
        CREATE,
        {
          input: {
            organizationId: world.organizationId,
            amount: 5,
            currency: 'USD',
            needIds: [honduran, guatemalan],
          },
        },
        { as: world.member },
      );
      expect(mixed.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'needIds', message: 'The needs are of GT and HN: a pledge serves one country' },
        ],
      });
      const otherCountry = await app.fails(
        CREATE,
        {
          input: {
            organizationId: world.organizationId,
            amount: 5,
            currency: 'USD',
            countryCode: 'GT',
            needIds: [honduran],
          },
        },
        { as: world.member },
      );
      expect(otherCountry.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          {
            field: 'needIds',
            message: 'The need "Reception centre staff" is of HN, not of GT',
          },
        ],
      });
    });

    it('keeps a restricted need out of reach of those who may not see it', async () => {
      const restricted = await postNeed(app, world.honduras, { visibility: 'RESTRICTED' });
      const refused = await app.fails(
        CREATE,
        {
          input: {
            organizationId: world.organizationId,
            amount: 5,
            currency: 'USD',
            needIds: [restricted],
          },
        },
        { as: world.member },
      );
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'needIds', message: `No need you may see has the id ${restricted}` }],
      });
      // The secretariat may link it; the member then reads the pledge without that need.
      const linked = await pledge(world.secretariat, {
        needIds: [restricted],
        note: 'restricted link',
      });
      expect(linked.needs).toEqual([{ id: restricted }]);
      const asMember = await app.ok<{
        pledges: { edges: { node: { id: string; needs: unknown[] } }[] };
      }>(
        `query ($org: ID) { pledges(organizationId: $org, first: 100) { edges { node { id needs { id } } } } }`,
        { org: world.organizationId },
        { as: world.member },
      );
      expect(asMember.pledges.edges.find((edge) => edge.node.id === linked.id)?.node.needs).toEqual(
        [],
      );
      const asHonduras = await notesOf(world.honduras, { countryCode: 'HN' });
      expect(asHonduras).toContain('restricted link');
    });

    it('takes its country from its twinning, which must be one the caller sees and of that country', async () => {
      const twinningId = await aConfirmedTwinning(app, world);
      const linked = await pledge(world.member, { twinningId });
      expect(linked).toMatchObject({ country: { code: 'HN' }, twinning: { id: twinningId } });
      const otherCountry = await app.fails(
        CREATE,
        {
          input: {
            organizationId: world.organizationId,
            amount: 5,
            currency: 'USD',
            countryCode: 'GT',
            twinningId,
          },
        },
        { as: world.member },
      );
      expect(otherCountry.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'twinningId', message: 'GT is not a party to this twinning' }],
      });
      // A twinning that does not exist, even for the secretariat, who reads every one.
      const before = await app.rowCount('pledges');
      const unknown = await app.fails(
        CREATE,
        {
          input: {
            organizationId: world.organizationId,
            amount: 5,
            currency: 'USD',
            twinningId: '00000000-0000-4000-8000-000000000000',
          },
        },
        { as: world.secretariat },
      );
      expect(unknown.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'twinningId' }],
      });
      expect(await app.rowCount('pledges')).toBe(before);
    });
  });

  describe('who reads pledges', () => {
    it('the secretariat and observers all; members their own; countries those for them', async () => {
      const tag = 'visibility';
      await pledge(world.member, { countryCode: 'HN', note: `${tag} IRB for HN` });
      await pledge(world.member, { note: `${tag} IRB` });
      await pledge(world.secretariat, {
        organizationId: world.otherOrganizationId,
        countryCode: 'GT',
        note: `${tag} World Bank for GT`,
      });
      const mine = async (token: string) =>
        (await notesOf(token, {})).filter((note) => note?.startsWith(tag));
      expect(await mine(world.secretariat)).toEqual([
        `${tag} World Bank for GT`,
        `${tag} IRB`,
        `${tag} IRB for HN`,
      ]);
      expect(await mine(world.observer)).toEqual(await mine(world.secretariat));
      expect(await mine(world.member)).toEqual([`${tag} IRB`, `${tag} IRB for HN`]);
      expect(await mine(world.otherMember)).toEqual([`${tag} World Bank for GT`]);
      expect(await mine(world.honduras)).toEqual([`${tag} IRB for HN`]);
      expect(await mine(world.guatemala)).toEqual([`${tag} World Bank for GT`]);
    });

    it('filters by organization, country and status, and pages newest first', async () => {
      const all = await app.ok<{ pledges: { totalCount: number } }>(
        PLEDGES,
        { organizationId: world.otherOrganizationId },
        { as: world.secretariat },
      );
      const first = await app.ok<{
        pledges: {
          totalCount: number;
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(
        PLEDGES,
        { organizationId: world.otherOrganizationId, first: 1 },
        { as: world.secretariat },
      );
      expect(first.pledges.totalCount).toBe(all.pledges.totalCount);
      expect(first.pledges.edges).toHaveLength(1);
      expect(first.pledges.pageInfo.hasNextPage).toBe(true);
      const next = await app.ok<{ pledges: { edges: { node: { id: string } }[] } }>(
        PLEDGES,
        {
          organizationId: world.otherOrganizationId,
          first: 1,
          after: first.pledges.pageInfo.endCursor,
        },
        { as: world.secretariat },
      );
      expect(next.pledges.edges[0].node.id).not.toBe(first.pledges.edges[0].node.id);
      expect(await notesOf(world.secretariat, { countryCode: 'GT', status: 'PLEDGED' })).toContain(
        'visibility World Bank for GT',
      );
      expect(await notesOf(world.secretariat, { countryCode: 'GT', status: 'DISBURSED' })).toEqual(
        [],
      );
    });
  });

  describe('its status', () => {
    it('moves PLEDGED → COMMITTED → DISBURSED, and nothing leaves DISBURSED', async () => {
      const { id } = await pledge(world.member);
      const committed = await app.ok(SET_STATUS, { id, status: 'COMMITTED' }, { as: world.member });
      expect(committed.setPledgeStatus).toEqual({
        id,
        status: 'COMMITTED',
        nextStatuses: ['DISBURSED', 'CANCELLED'],
      });
      const disbursed = await app.ok(
        SET_STATUS,
        { id, status: 'DISBURSED' },
        { as: world.secretariat },
      );
      expect(disbursed.setPledgeStatus).toEqual({ id, status: 'DISBURSED', nextStatuses: [] });
      const refused = await app.fails(
        SET_STATUS,
        { id, status: 'CANCELLED' },
        { as: world.member },
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(refused.message).toBe(
        'The pledge is disbursed: that is final, its status cannot change',
      );
    });

    it('may be CANCELLED from PLEDGED or COMMITTED, and not skip a step', async () => {
      const { id } = await pledge(world.member);
      const skipped = await app.fails(
        SET_STATUS,
        { id, status: 'DISBURSED' },
        { as: world.member },
      );
      expect(skipped.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(skipped.message).toBe(
        'A pledged pledge cannot become disbursed: only committed and cancelled may follow',
      );
      await app.ok(SET_STATUS, { id, status: 'CANCELLED' }, { as: world.member });
      const again = await app.fails(SET_STATUS, { id, status: 'PLEDGED' }, { as: world.member });
      expect(again.extensions.code).toBe('CONFLICT');
    });

    it("is changed only by the organization's focal points and the secretariat", async () => {
      const { id } = await pledge(world.member);
      for (const token of [world.otherMember, world.honduras, world.observer]) {
        const refused = await app.fails(SET_STATUS, { id, status: 'COMMITTED' }, { as: token });
        expect(refused.extensions.code).toBe('FORBIDDEN');
      }
      const asObserver = await app.ok<{
        pledges: { edges: { node: { id: string; nextStatuses: string[] } }[] };
      }>(
        `query { pledges(first: 1) { edges { node { id nextStatuses } } } }`,
        {},
        { as: world.observer },
      );
      expect(asObserver.pledges.edges[0].node).toEqual({ id, nextStatuses: [] });
      const missing = await app.fails(
        SET_STATUS,
        { id: '00000000-0000-4000-8000-000000000000', status: 'COMMITTED' },
        { as: world.secretariat },
      );
      expect(missing.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('exchange rates', () => {
    it('are set by the secretariat only, never for USD, and kept with their history', async () => {
      const refused = await app.fails(
        SET_RATE,
        { currency: 'JPY', rate: 0.0067, asOf: '2026-01-01T00:00:00.000Z' },
        { as: world.member },
      );
      expect(refused.extensions.code).toBe('FORBIDDEN');
      const usd = await app.fails(
        SET_RATE,
        { currency: 'USD', rate: 1.1, asOf: '2026-01-01T00:00:00.000Z' },
        { as: world.secretariat },
      );
      expect(usd.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'currency' }],
      });
      const unknown = await app.fails(
        SET_RATE,
        { currency: 'ABC', rate: 1.1, asOf: '2026-01-01T00:00:00.000Z' },
        { as: world.secretariat },
      );
      expect(unknown.extensions.fields).toEqual([
        { field: 'currency', message: 'ABC is not an ISO 4217 currency code' },
      ]);

      const yen = await pledge(world.member, { amount: 1_000_000, currency: 'JPY' });
      expect(yen.amountUsd).toBeNull();
      const amountUsd = async () =>
        (
          await app.ok<{
            pledges: { edges: { node: { id: string; amountUsd: number | null } }[] };
          }>(
            `query ($org: ID) { pledges(organizationId: $org, first: 100) { edges { node { id amountUsd } } } }`,
            { org: world.organizationId },
            { as: world.member },
          )
        ).pledges.edges.find((edge) => edge.node.id === yen.id)?.node.amountUsd;

      await app.ok(
        SET_RATE,
        { currency: 'JPY', rate: 0.0067, asOf: '2026-01-01T00:00:00.000Z' },
        { as: world.secretariat },
      );
      expect(await amountUsd()).toBe(6700);
      // A rate from a later date is not in force until then.
      await app.ok(
        SET_RATE,
        { currency: 'JPY', rate: 0.007, asOf: '2026-12-10T00:00:00.000Z' },
        { as: world.secretariat },
      );
      expect(await amountUsd()).toBe(6700);
      clock.set(new Date('2026-12-10T00:00:00.000Z'));
      expect(await amountUsd()).toBe(7000);

      const history = await app.ok<{
        exchangeRates: { currency: string; usdPerUnit: number; asOf: string }[];
      }>('query { exchangeRates { currency usdPerUnit asOf } }', {}, { as: world.observer });
      expect(history.exchangeRates.filter((rate) => rate.currency === 'JPY')).toEqual([
        { currency: 'JPY', usdPerUnit: 0.007, asOf: '2026-12-10T00:00:00.000Z' },
        { currency: 'JPY', usdPerUnit: 0.0067, asOf: '2026-01-01T00:00:00.000Z' },
      ]);
    });
  });

  describe('the platform summary', () => {
    it('totals the period’s pledges in US dollars at the rates now, by member', async () => {
      const unhcr = await createOrganization(
        app,
        world.secretariat,
        'UNHCR',
        'INTERNATIONAL_ORGANIZATION',
        null,
      );
      const manager = async (token: string, input: Record<string, unknown>, status?: string[]) => {
        const created = await pledge(token, input);
        for (const next of status ?? []) {
          await app.ok(SET_STATUS, { id: created.id, status: next }, { as: world.secretariat });
        }
      };
      // The year 2025, which no other test pledges in.
      const in2025 = (day: string) => `2025-${day}T12:00:00.000Z`;
      await app.ok(
        SET_RATE,
        { currency: 'EUR', rate: 1.08, asOf: '2025-01-01T00:00:00.000Z' },
        { as: world.secretariat },
      );
      await app.ok(
        SET_RATE,
        { currency: 'CAD', rate: 0.74, asOf: '2025-01-01T00:00:00.000Z' },
        { as: world.secretariat },
      );
      // IRB: USD 1,000,000 disbursed; CAD 13,150,000 committed; EUR 500,000 cancelled.
      await manager(
        world.secretariat,
        { amount: 1_000_000, currency: 'USD', pledgedAt: in2025('03-01') },
        ['COMMITTED', 'DISBURSED'],
      );
      await manager(
        world.secretariat,
        { amount: 13_150_000, currency: 'CAD', pledgedAt: in2025('09-21') },
        ['COMMITTED'],
      );
      await manager(
        world.secretariat,
        { amount: 500_000, currency: 'EUR', pledgedAt: in2025('09-21') },
        ['CANCELLED'],
      );
      // World Bank: EUR 2,000,000 disbursed; MXN 10,000,000 without a rate.
      await manager(
        world.secretariat,
        {
          organizationId: world.otherOrganizationId,
          amount: 2_000_000,
          currency: 'EUR',
          pledgedAt: in2025('06-30'),
        },
        ['COMMITTED', 'DISBURSED'],
      );
      await manager(world.secretariat, {
        organizationId: world.otherOrganizationId,
        amount: 10_000_000,
        currency: 'MXN',
        pledgedAt: in2025('07-01'),
      });
      // UNHCR: USD 0.10 and USD 0.20 (cents add up exactly); and one of 2026, outside the period.
      await manager(world.secretariat, {
        organizationId: unhcr,
        amount: 0.1,
        currency: 'USD',
        pledgedAt: in2025('01-01'),
      });
      await manager(world.secretariat, {
        organizationId: unhcr,
        amount: 0.2,
        currency: 'USD',
        pledgedAt: in2025('12-31'),
      });
      await manager(world.secretariat, {
        organizationId: unhcr,
        amount: 99,
        currency: 'USD',
        pledgedAt: '2026-01-01T00:00:00.000Z',
      });

      const period = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
      const summary = async () =>
        (
          await app.ok<{ platformSummary: Record<string, unknown> }>(SUMMARY, period, {
            as: world.observer,
          })
        ).platformSummary;
      // IRB 1,000,000 + 13,150,000 × 0.74 = 9,731,000 → 10,731,000 (1,000,000 disbursed);
      // World Bank 2,000,000 × 1.08 = 2,160,000, disbursed; MXN has no rate; UNHCR 0.30.
      expect(await summary()).toEqual({
        pledges: 6,
        pledgedUsd: 12_891_000.3,
        disbursedUsd: 3_160_000,
        pledgesWithoutRate: 1,
        privateSectorPartners: 0,
        pledgesByMember: [
          {
            organization: { name: 'Immigration and Refugee Board of Canada' },
            pledges: 2,
            pledgedUsd: 10_731_000,
            disbursedUsd: 1_000_000,
          },
          {
            organization: { name: 'World Bank Group' },
            pledges: 2,
            pledgedUsd: 2_160_000,
            disbursedUsd: 2_160_000,
          },
          { organization: { name: 'UNHCR' }, pledges: 2, pledgedUsd: 0.3, disbursedUsd: 0 },
        ],
      });

      // The rates change later: the totals follow; MXN gets a rate.
      await app.ok(
        SET_RATE,
        { currency: 'CAD', rate: 0.7, asOf: '2026-06-01T00:00:00.000Z' },
        { as: world.secretariat },
      );
      await app.ok(
        SET_RATE,
        { currency: 'MXN', rate: 0.05, asOf: '2026-06-01T00:00:00.000Z' },
        { as: world.secretariat },
      );
      // IRB 1,000,000 + 13,150,000 × 0.70 = 9,205,000 → 10,205,000; World Bank 2,160,000 + 500,000.
      expect(await summary()).toMatchObject({
        pledges: 6,
        pledgedUsd: 12_865_000.3,
        disbursedUsd: 3_160_000,
        pledgesWithoutRate: 0,
        pledgesByMember: [
          {
            organization: { name: 'Immigration and Refugee Board of Canada' },
            pledgedUsd: 10_205_000,
          },
          {
            organization: { name: 'World Bank Group' },
            pledgedUsd: 2_660_000,
            disbursedUsd: 2_160_000,
          },
          { organization: { name: 'UNHCR' }, pledgedUsd: 0.3 },
        ],
      });
    });

    it('counts the private sector partners network, which the organizations list filters', async () => {
      await createOrganization(
        app,
        world.secretariat,
        'Tent Partnership for Refugees',
        'PRIVATE_SECTOR',
        'US',
      );
      await createOrganization(app, world.secretariat, 'Banco Atlántida', 'PRIVATE_SECTOR', 'HN');
      const data = await app.ok<{
        organizations: { name: string; kind: string }[];
        platformSummary: { privateSectorPartners: number };
      }>(
        'query { organizations(kind: PRIVATE_SECTOR) { name kind } platformSummary { privateSectorPartners } }',
        {},
        { as: world.member },
      );
      expect(data).toEqual({
        organizations: [
          { name: 'Banco Atlántida', kind: 'PRIVATE_SECTOR' },
          { name: 'Tent Partnership for Refugees', kind: 'PRIVATE_SECTOR' },
        ],
        platformSummary: { privateSectorPartners: 2 },
      });
    });
  });

  describe('the troika', () => {
    it('is set by the secretariat, and derived at the clock’s now', async () => {
      const canada = await createOrganization(app, world.secretariat, 'Government of Canada');
      const us = await createOrganization(
        app,
        world.secretariat,
        'Government of the United States',
        'STATE',
        'US',
      );
      const spain = await createOrganization(
        app,
        world.secretariat,
        'Government of Spain',
        'STATE',
        'ES',
      );
      const refused = await app.fails(
        SET_CHAIR_TERM,
        { input: { organizationId: canada, role: 'CHAIR', from: '2021-07-01T00:00:00.000Z' } },
        { as: world.member },
      );
      expect(refused.extensions.code).toBe('FORBIDDEN');

      const terms: [string, string, string | null, string | null][] = [
        [spain, '2019-12-17T00:00:00.000Z', '2021-07-01T00:00:00.000Z', null],
        [
          canada,
          '2021-07-01T00:00:00.000Z',
          '2022-09-21T00:00:00.000Z',
          'Protection and Empowerment of Women and Girls on the Move',
        ],
        [
          us,
          '2022-09-21T00:00:00.000Z',
          '2027-07-01T00:00:00.000Z',
          'The Benefits of Successful Integration',
        ],
      ];
      for (const [organizationId, from, to, theme] of terms) {
        await app.ok(
          SET_CHAIR_TERM,
          { input: { organizationId, role: 'CHAIR', from, to, theme } },
          { as: world.secretariat },
        );
      }
      const troika = await app.ok(TROIKA, {}, { as: world.observer });
      expect(troika.troika).toEqual({
        chair: {
          organization: { name: 'Government of the United States' },
          theme: 'The Benefits of Successful Integration',
        },
        pastChair: { organization: { name: 'Government of Canada' }, role: 'CHAIR' },
        incomingChair: null,
      });

      // Named seats win; an overlapping term of the same seat is a CONFLICT.
      await app.ok(
        SET_CHAIR_TERM,
        {
          input: {
            organizationId: spain,
            role: 'INCOMING_CHAIR',
            from: '2026-01-01T00:00:00.000Z',
            to: '2027-07-01T00:00:00.000Z',
          },
        },
        { as: world.secretariat },
      );
      const overlapping = await app.fails(
        SET_CHAIR_TERM,
        { input: { organizationId: canada, role: 'CHAIR', from: '2027-01-01T00:00:00.000Z' } },
        { as: world.secretariat },
      );
      expect(overlapping.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'OVERLAPPING_TERM',
      });
      const badPeriod = await app.fails(
        SET_CHAIR_TERM,
        {
          input: {
            organizationId: canada,
            role: 'PAST_CHAIR',
            from: '2027-01-01T00:00:00.000Z',
            to: '2026-01-01T00:00:00.000Z',
          },
        },
        { as: world.secretariat },
      );
      expect(badPeriod.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'to' }],
      });
      const after = await app.ok(TROIKA, {}, { as: world.member });
      expect(after.troika.incomingChair).toEqual({
        organization: { name: 'Government of Spain' },
        role: 'INCOMING_CHAIR',
      });
      const listed = await app.ok<{
        chairTerms: { role: string; organization: { name: string } }[];
      }>('query { chairTerms { role organization { name } } }', {}, { as: world.honduras });
      expect(listed.chairTerms.map((term) => `${term.role} ${term.organization.name}`)).toEqual([
        'INCOMING_CHAIR Government of Spain',
        'CHAIR Government of the United States',
        'CHAIR Government of Canada',
        'CHAIR Government of Spain',
      ]);
    });
  });

  it('records every change in the audit trail', async () => {
    const created = await pledge(world.member, { note: 'audited' });
    const data = await app.ok<{
      auditLog: { edges: { node: { operation: string; targetIds: string[]; outcome: string } }[] };
    }>(
      `query { auditLog(first: 5) { edges { node { operation targetIds outcome } } } }`,
      {},
      { as: world.secretariat },
    );
    expect(data.auditLog.edges[0].node).toEqual({
      operation: 'createPledge',
      targetIds: expect.arrayContaining([created.id, world.organizationId]),
      outcome: 'OK',
    });
  });
});
