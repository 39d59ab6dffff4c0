import { anOffer, buildWorld, CREATE_OFFER, OFFER_FIELDS, World } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const OFFER = `query Offer($id: ID!) { offer(id: $id) { ${OFFER_FIELDS} } }`;
const UPDATE_OFFER = `mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { ${OFFER_FIELDS} } }`;
const WITHDRAW_OFFER = `mutation WithdrawOffer($id: ID!, $reason: String) { withdrawOffer(id: $id, reason: $reason) { id status withdrawalReason remainingCapacity createdAt updatedAt } }`;
const OFFER_WITHDRAWAL = `query OfferWithdrawal($id: ID!) { offer(id: $id) { id status withdrawalReason remainingCapacity createdAt updatedAt } }`;
const OFFERS = `query Offers($filter: OfferFilter, $first: Int, $after: String) {
  offers(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id title status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const OFFER_TABLES = ['offers', 'offer_working_groups', 'offer_eligible_countries'];

const ASYLUM_SYSTEMS = { code: 'ASYLUM_SYSTEMS', name: 'Strengthening asylum systems' };
const EDUCATION = { code: 'EDUCATION', name: 'Education' };
const HEALTH = { code: 'HEALTH', name: 'Health' };
const BELIZE = { code: 'BZ', name: 'Belize', isMirpsState: true };
const COSTA_RICA = { code: 'CR', name: 'Costa Rica', isMirpsState: true };
const GUATEMALA = { code: 'GT', name: 'Guatemala', isMirpsState: true };
const HONDURAS = { code: 'HN', name: 'Honduras', isMirpsState: true };
const MEXICO = { code: 'MX', name: 'Mexico', isMirpsState: true };
const PANAMA = { code: 'PA', name: 'Panama', isMirpsState: true };
const EL_SALVADOR = { code: 'SV', name: 'El Salvador', isMirpsState: true };

let markers = 0;
/** A word no other test uses, to find exactly this test's offers with `search`. */
function uniqueMarker(): string {
  markers += 1;
  return `mark${markers}x`;
}

/** Lets the clock move, so that records made one after the other have distinct times. */
function pause(milliseconds = 3): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

describe('offers', () => {
  let app: TestApp;
  let world: World;
  let irb: Record<string, unknown>;
  let worldBank: Record<string, unknown>;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    irb = {
      id: world.organizationId,
      name: 'Immigration and Refugee Board of Canada',
      kind: 'STATE',
      country: { code: 'CA' },
    };
    worldBank = {
      id: world.otherOrganizationId,
      name: 'World Bank Group',
      kind: 'FINANCIAL_INSTITUTION',
      country: null,
    };
  });

  afterAll(() => app.close());

  async function createOffer(token: string, overrides: Record<string, unknown> = {}) {
    const input = anOffer(world.organizationId, overrides);
    const data = await app.ok(CREATE_OFFER, { input }, { as: token });
    return data.createOffer;
  }

  async function readOffer(id: string) {
    const data = await app.ok(OFFER, { id }, { as: world.secretariat });
    return data.offer;
  }

  async function rowCounts(): Promise<number[]> {
    return Promise.all(OFFER_TABLES.map((table) => app.rowCount(table)));
  }

  /** Creates offers one after the other (oldest first); returns their ids in that order. */
  async function createOffersInOrder(titles: string[]) {
    const ids: string[] = [];
    for (const title of titles) {
      ids.push((await createOffer(world.secretariat, { title })).id);
      await pause();
    }
    return ids;
  }

  async function listOffers(variables: Record<string, unknown>, token = world.secretariat) {
    const data = await app.ok(OFFERS, variables, { as: token });
    return data.offers;
  }

  async function titlesFound(filter: Record<string, unknown>) {
    const page = await listOffers({ filter });
    return page.edges.map((edge: { node: { title: string } }) => edge.node.title);
  }

  describe('createOffer', () => {
    it('lets a member focal point create an offer of its organization, returned in full and OPEN', async () => {
      const before = Date.now();
      const offer = await createOffer(world.member);
      const after = Date.now();

      expect(offer).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        title: 'Asylum adjudication training',
        description:
          'The Immigration and Refugee Board trains adjudicators on gender-based claims, in English or Spanish.',
        modalities: ['TRAINING', 'PEER_EXCHANGE'],
        languages: ['en', 'es'],
        capacity: 5,
        remainingCapacity: 5,
        availableFrom: '2026-01-01T00:00:00.000Z',
        availableTo: '2026-12-31T00:00:00.000Z',
        status: 'OPEN',
        createdAt: offer.createdAt,
        updatedAt: offer.createdAt,
        organization: irb,
        workingGroups: [ASYLUM_SYSTEMS],
        eligibleCountries: [COSTA_RICA, GUATEMALA, HONDURAS, PANAMA, EL_SALVADOR],
      });
      expect(Date.parse(offer.createdAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(offer.createdAt)).toBeLessThanOrEqual(after);
      expect(await readOffer(offer.id)).toEqual(offer);
    });

    it('lists several working groups ordered by code', async () => {
      const offer = await createOffer(world.member, {
        workingGroupCodes: ['HEALTH', 'ASYLUM_SYSTEMS', 'EDUCATION'],
      });
      expect(offer.workingGroups).toEqual([ASYLUM_SYSTEMS, EDUCATION, HEALTH]);
    });

    it('gives no eligible countries (every MIRPS state) when eligibleCountryCodes is omitted', async () => {
      const input = anOffer(world.organizationId, { title: 'Open to all' });
      delete input.eligibleCountryCodes;
      delete input.availableFrom;
      delete input.availableTo;
      const data = await app.ok(CREATE_OFFER, { input }, { as: world.member });

      expect(data.createOffer).toMatchObject({
        title: 'Open to all',
        availableFrom: null,
        availableTo: null,
        eligibleCountries: [],
        status: 'OPEN',
      });
      expect(await readOffer(data.createOffer.id)).toEqual(data.createOffer);
    });

    it('gives no eligible countries when eligibleCountryCodes is null', async () => {
      const offer = await createOffer(world.member, { eligibleCountryCodes: null });
      expect(offer.eligibleCountries).toEqual([]);
    });

    it('lets the secretariat create an offer for any organization', async () => {
      const input = anOffer(world.otherOrganizationId, {
        title: 'Labour-market inclusion financing',
        workingGroupCodes: ['JOBS_LIVELIHOODS'],
        modalities: ['FINANCIAL'],
        languages: ['en'],
        capacity: 2,
        eligibleCountryCodes: ['MX'],
      });
      const data = await app.ok(CREATE_OFFER, { input }, { as: world.secretariat });

      expect(data.createOffer).toMatchObject({
        title: 'Labour-market inclusion financing',
        modalities: ['FINANCIAL'],
        languages: ['en'],
        capacity: 2,
        remainingCapacity: 2,
        status: 'OPEN',
        organization: worldBank,
        workingGroups: [{ code: 'JOBS_LIVELIHOODS', name: 'Jobs and livelihoods' }],
        eligibleCountries: [MEXICO],
      });
    });

    it('refuses an unknown working group and a country that is not a MIRPS state, writing nothing', async () => {
      const before = await rowCounts();
      const error = await app.fails(
        CREATE_OFFER,
        {
          input: anOffer(world.organizationId, {
            workingGroupCodes: ['ASYLUM_SYSTEMS', 'NO_SUCH_GROUP'],
            eligibleCountryCodes: ['HN', 'CA'],
          }),
        },
        { as: world.member },
      );

      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'workingGroupCodes', message: '"NO_SUCH_GROUP" is not a working group code' },
          { field: 'eligibleCountryCodes', message: '"CA" is not a MIRPS state' },
        ],
      });
      expect(await rowCounts()).toEqual(before);
    });

    it.each([
      ['the member focal point of another organization', 'otherMember'],
      ['the Honduras focal point', 'honduras'],
      ['the Guatemala focal point', 'guatemala'],
      ['an observer', 'observer'],
    ] as const)('refuses with FORBIDDEN an offer created by %s', async (_who, role) => {
      const before = await rowCounts();
      const error = await app.fails(
        CREATE_OFFER,
        { input: anOffer(world.organizationId) },
        { as: world[role] },
      );

      expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses with UNAUTHENTICATED an offer created without a token', async () => {
      const before = await rowCounts();
      const error = await app.fails(CREATE_OFFER, { input: anOffer(world.organizationId) });

      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('updateOffer', () => {
    it('lets the member replace the fields, working groups and eligible countries; updatedAt moves', async () => {
      const created = await createOffer(world.member);
      await pause();

      const data = await app.ok(
        UPDATE_OFFER,
        {
          id: created.id,
          input: {
            title: '  Education in emergencies  ',
            description: 'Teacher training for schools that receive refugee children.',
            modalities: ['WORKSHOP'],
            languages: ['es'],
            capacity: 8,
            availableFrom: '2026-02-01T00:00:00.000Z',
            availableTo: '2027-06-30T00:00:00.000Z',
            workingGroupCodes: ['HEALTH', 'EDUCATION'],
            eligibleCountryCodes: ['MX', 'BZ'],
          },
        },
        { as: world.member },
      );
      const updated = data.updateOffer;

      expect(updated).toEqual({
        id: created.id,
        title: 'Education in emergencies',
        description: 'Teacher training for schools that receive refugee children.',
        modalities: ['WORKSHOP'],
        languages: ['es'],
        capacity: 8,
        remainingCapacity: 8,
        availableFrom: '2026-02-01T00:00:00.000Z',
        availableTo: '2027-06-30T00:00:00.000Z',
        status: 'OPEN',
        createdAt: created.createdAt,
        updatedAt: updated.updatedAt,
        organization: irb,
        workingGroups: [EDUCATION, HEALTH],
        eligibleCountries: [BELIZE, MEXICO],
      });
      expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
      expect(await readOffer(created.id)).toEqual(updated);
      const links = await app.sql(
        'SELECT "workingGroupCode" FROM "offer_working_groups" WHERE "offerId" = :offerId ORDER BY "workingGroupCode"',
        { offerId: created.id },
      );
      expect(links).toEqual([{ workingGroupCode: 'EDUCATION' }, { workingGroupCode: 'HEALTH' }]);
    });

    it('changes only the fields given, keeping working groups and eligible countries', async () => {
      const created = await createOffer(world.member);
      const data = await app.ok(
        UPDATE_OFFER,
        { id: created.id, input: { capacity: 3 } },
        { as: world.member },
      );

      expect(data.updateOffer).toEqual({
        ...created,
        capacity: 3,
        remainingCapacity: 3,
        updatedAt: data.updateOffer.updatedAt,
      });
    });

    it('clears the eligible countries (every MIRPS state) when given null', async () => {
      const created = await createOffer(world.member);
      const data = await app.ok(
        UPDATE_OFFER,
        { id: created.id, input: { eligibleCountryCodes: null } },
        { as: world.member },
      );

      expect(data.updateOffer).toEqual({
        ...created,
        eligibleCountries: [],
        updatedAt: data.updateOffer.updatedAt,
      });
      expect(await readOffer(created.id)).toEqual(data.updateOffer);
    });

    it('clears the availability dates when given null', async () => {
      const created = await createOffer(world.member);
      const data = await app.ok(
        UPDATE_OFFER,
        { id: created.id, input: { availableFrom: null, availableTo: null } },
        { as: world.member },
      );

      expect(data.updateOffer).toEqual({
        ...created,
        availableFrom: null,
        availableTo: null,
        updatedAt: data.updateOffer.updatedAt,
      });
    });

    it('lets the secretariat update an offer of any organization', async () => {
      const input = anOffer(world.otherOrganizationId, { title: 'World Bank offer' });
      const created = (await app.ok(CREATE_OFFER, { input }, { as: world.otherMember }))
        .createOffer;
      const data = await app.ok(
        UPDATE_OFFER,
        { id: created.id, input: { title: 'Reviewed by the secretariat' } },
        { as: world.secretariat },
      );

      expect(data.updateOffer).toEqual({
        ...created,
        title: 'Reviewed by the secretariat',
        updatedAt: data.updateOffer.updatedAt,
      });
    });

    it.each([
      ['workingGroupCodes', 'workingGroupCodes cannot be null'],
      ['capacity', 'capacity cannot be null'],
      ['title', 'title cannot be null'],
    ])(
      'refuses null for %s with BAD_USER_INPUT naming it, and changes nothing',
      async (field, message) => {
        const created = await createOffer(world.member);
        const error = await app.fails(
          UPDATE_OFFER,
          { id: created.id, input: { [field]: null, languages: ['fr'] } },
          { as: world.member },
        );

        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field, message }] });
        expect(await readOffer(created.id)).toEqual(created);
      },
    );

    it('refuses unknown working groups, leaving the old ones in place', async () => {
      const created = await createOffer(world.member);
      const before = await rowCounts();
      const error = await app.fails(
        UPDATE_OFFER,
        { id: created.id, input: { workingGroupCodes: ['NO_SUCH_GROUP'] } },
        { as: world.member },
      );

      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'workingGroupCodes', message: '"NO_SUCH_GROUP" is not a working group code' },
        ],
      });
      expect(await readOffer(created.id)).toEqual(created);
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses an availableTo before the availableFrom already recorded, naming availableTo', async () => {
      const created = await createOffer(world.member);
      const error = await app.fails(
        UPDATE_OFFER,
        { id: created.id, input: { availableTo: '2025-12-31T00:00:00.000Z' } },
        { as: world.member },
      );

      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'availableTo', message: 'availableTo must be after the start of the period' },
        ],
      });
      expect(await readOffer(created.id)).toEqual(created);
    });

    it('does not take organizationId: an offer cannot move to another organization', async () => {
      const created = await createOffer(world.member);
      const error = await app.fails(
        UPDATE_OFFER,
        { id: created.id, input: { organizationId: world.otherOrganizationId } },
        { as: world.member },
      );

      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(
        'Field "organizationId" is not defined by type "UpdateOfferInput"',
      );
      expect(await readOffer(created.id)).toEqual(created);
    });

    it.each([
      ['the member focal point of another organization', 'otherMember'],
      ['a country focal point', 'honduras'],
      ['an observer', 'observer'],
    ] as const)('refuses with FORBIDDEN an update by %s', async (_who, role) => {
      const created = await createOffer(world.member);
      const before = await rowCounts();
      const error = await app.fails(
        UPDATE_OFFER,
        { id: created.id, input: { title: 'Taken over', workingGroupCodes: ['HEALTH'] } },
        { as: world[role] },
      );

      expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(await readOffer(created.id)).toEqual(created);
      expect(await rowCounts()).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown offer', async () => {
      const error = await app.fails(
        UPDATE_OFFER,
        { id: UNKNOWN_ID, input: { title: 'Nothing' } },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
    });

    it('answers BAD_USER_INPUT naming id for an id that is not a UUID', async () => {
      const error = await app.fails(
        UPDATE_OFFER,
        { id: 'not-an-id', input: { title: 'Nothing' } },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'id', message: 'id must be an id' }],
      });
    });
  });

  describe('withdrawOffer', () => {
    it('withdraws an offer with the reason given', async () => {
      const created = await createOffer(world.member);
      await pause();
      const data = await app.ok(
        WITHDRAW_OFFER,
        { id: created.id, reason: '  Budget cut  ' },
        { as: world.member },
      );

      expect(data.withdrawOffer).toEqual({
        id: created.id,
        status: 'WITHDRAWN',
        withdrawalReason: 'Budget cut',
        remainingCapacity: 5,
        createdAt: created.createdAt,
        updatedAt: data.withdrawOffer.updatedAt,
      });
      expect(Date.parse(data.withdrawOffer.updatedAt)).toBeGreaterThan(
        Date.parse(created.updatedAt),
      );
      expect(await readOffer(created.id)).toEqual({
        ...created,
        status: 'WITHDRAWN',
        updatedAt: data.withdrawOffer.updatedAt,
      });
    });

    it('lets the secretariat withdraw an offer without a reason', async () => {
      const created = await createOffer(world.member);
      const data = await app.ok(WITHDRAW_OFFER, { id: created.id }, { as: world.secretariat });
      expect(data.withdrawOffer).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: null });
    });

    it('refuses a second withdrawal with CONFLICT', async () => {
      const created = await createOffer(world.member);
      const first = await app.ok(
        WITHDRAW_OFFER,
        { id: created.id, reason: 'Budget cut' },
        { as: world.member },
      );
      const error = await app.fails(
        WITHDRAW_OFFER,
        { id: created.id, reason: 'Again' },
        { as: world.member },
      );

      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'OFFER_NOT_OPEN' });
      expect(error.message).toBe('The offer is WITHDRAWN: it cannot be withdrawn');
      const after = await app.ok(OFFER_WITHDRAWAL, { id: created.id }, { as: world.member });
      expect(after.offer).toEqual(first.withdrawOffer);
    });

    it('lets exactly one of two simultaneous withdrawals win; the other gets CONFLICT', async () => {
      const created = await createOffer(world.member);
      const answers = await Promise.all([
        app.gql(WITHDRAW_OFFER, { id: created.id, reason: 'First' }, { as: world.member }),
        app.gql(WITHDRAW_OFFER, { id: created.id, reason: 'Second' }, { as: world.secretariat }),
      ]);

      const codes = answers.map((answer) => answer.errors?.[0]?.extensions.code ?? 'OK');
      expect(codes.sort()).toEqual(['CONFLICT', 'OK']);
      const winner = answers.find((answer) => !answer.errors)!;
      const after = await app.ok(OFFER_WITHDRAWAL, { id: created.id }, { as: world.member });
      expect(after.offer).toEqual(winner.data!.withdrawOffer);
    });

    it('refuses with CONFLICT an update of a withdrawn offer, and changes nothing', async () => {
      const created = await createOffer(world.member);
      await app.ok(WITHDRAW_OFFER, { id: created.id }, { as: world.member });
      const withdrawn = await readOffer(created.id);
      const before = await rowCounts();

      const error = await app.fails(
        UPDATE_OFFER,
        { id: created.id, input: { title: 'Revived', workingGroupCodes: ['HEALTH'] } },
        { as: world.member },
      );

      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'OFFER_NOT_OPEN' });
      expect(error.message).toBe('The offer is WITHDRAWN: it cannot be changed');
      expect(await readOffer(created.id)).toEqual(withdrawn);
      expect(await rowCounts()).toEqual(before);
    });

    it.each([
      ['the member focal point of another organization', 'otherMember'],
      ['a country focal point', 'honduras'],
      ['an observer', 'observer'],
    ] as const)('refuses with FORBIDDEN a withdrawal by %s', async (_who, role) => {
      const created = await createOffer(world.member);
      const error = await app.fails(WITHDRAW_OFFER, { id: created.id }, { as: world[role] });

      expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(await readOffer(created.id)).toEqual(created);
    });

    it('answers NOT_FOUND for an unknown offer', async () => {
      const error = await app.fails(WITHDRAW_OFFER, { id: UNKNOWN_ID }, { as: world.secretariat });
      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
    });
  });

  describe('offer', () => {
    it('is readable by every role', async () => {
      const created = await createOffer(world.member);
      for (const token of [
        world.secretariat,
        world.member,
        world.otherMember,
        world.honduras,
        world.guatemala,
        world.observer,
      ]) {
        const data = await app.ok(OFFER, { id: created.id }, { as: token });
        expect(data.offer).toEqual(created);
      }
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      const error = await app.fails(OFFER, { id: UNKNOWN_ID }, { as: world.observer });

      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
      expect(error.message).toBe(`Offer ${UNKNOWN_ID} was not found`);
    });

    it('answers BAD_USER_INPUT naming id for an id that is not a UUID', async () => {
      const error = await app.fails(OFFER, { id: 'not-an-id' }, { as: world.observer });
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'id', message: 'id must be an id' }],
      });
    });

    it('answers UNAUTHENTICATED without a token', async () => {
      const created = await createOffer(world.member);
      const error = await app.fails(OFFER, { id: created.id });
      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('offers', () => {
    it('filters by organization', async () => {
      const marker = uniqueMarker();
      await createOffer(world.member, { title: `${marker} IRB one` });
      const input = anOffer(world.otherOrganizationId, { title: `${marker} World Bank` });
      await app.ok(CREATE_OFFER, { input }, { as: world.otherMember });
      await pause();
      await createOffer(world.member, { title: `${marker} IRB two` });

      const page = await listOffers({
        filter: { organizationId: world.organizationId, search: marker },
      });
      expect(page.totalCount).toBe(2);
      expect(page.edges.map((edge: any) => edge.node.title)).toEqual([
        `${marker} IRB two`,
        `${marker} IRB one`,
      ]);
      expect(
        await titlesFound({ organizationId: world.otherOrganizationId, search: marker }),
      ).toEqual([`${marker} World Bank`]);
      expect(await titlesFound({ organizationId: UNKNOWN_ID, search: marker })).toEqual([]);
    });

    it('finds an offer serving several working groups by each of them', async () => {
      const marker = uniqueMarker();
      await createOffer(world.member, {
        title: `${marker} asylum and schools`,
        workingGroupCodes: ['ASYLUM_SYSTEMS', 'EDUCATION'],
      });
      await pause();
      await createOffer(world.member, {
        title: `${marker} clinics`,
        workingGroupCodes: ['HEALTH'],
      });

      expect(await titlesFound({ workingGroupCode: 'ASYLUM_SYSTEMS', search: marker })).toEqual([
        `${marker} asylum and schools`,
      ]);
      expect(await titlesFound({ workingGroupCode: 'EDUCATION', search: marker })).toEqual([
        `${marker} asylum and schools`,
      ]);
      expect(await titlesFound({ workingGroupCode: 'HEALTH', search: marker })).toEqual([
        `${marker} clinics`,
      ]);
      expect(await titlesFound({ workingGroupCode: 'PRIVATE_SECTOR', search: marker })).toEqual([]);
      const both = await listOffers({ filter: { search: marker } });
      expect(both.totalCount).toBe(2);
    });

    it('follows a change of working groups', async () => {
      const marker = uniqueMarker();
      const created = await createOffer(world.member, { title: `${marker} moved` });
      await app.ok(
        UPDATE_OFFER,
        { id: created.id, input: { workingGroupCodes: ['HEALTH'] } },
        { as: world.member },
      );

      expect(await titlesFound({ workingGroupCode: 'ASYLUM_SYSTEMS', search: marker })).toEqual([]);
      expect(await titlesFound({ workingGroupCode: 'HEALTH', search: marker })).toEqual([
        `${marker} moved`,
      ]);
    });

    it('filters by status', async () => {
      const marker = uniqueMarker();
      await createOffer(world.member, { title: `${marker} still open` });
      const withdrawn = await createOffer(world.member, { title: `${marker} withdrawn` });
      await app.ok(WITHDRAW_OFFER, { id: withdrawn.id }, { as: world.member });

      expect(await titlesFound({ status: 'OPEN', search: marker })).toEqual([
        `${marker} still open`,
      ]);
      expect(await titlesFound({ status: 'WITHDRAWN', search: marker })).toEqual([
        `${marker} withdrawn`,
      ]);
      expect(await titlesFound({ status: 'FULL', search: marker })).toEqual([]);
    });

    it('combines filters', async () => {
      const marker = uniqueMarker();
      await createOffer(world.member, {
        title: `${marker} IRB health`,
        workingGroupCodes: ['HEALTH'],
      });
      await createOffer(world.member, { title: `${marker} IRB asylum` });
      const input = anOffer(world.otherOrganizationId, {
        title: `${marker} World Bank health`,
        workingGroupCodes: ['HEALTH'],
      });
      await app.ok(CREATE_OFFER, { input }, { as: world.otherMember });

      const page = await listOffers({
        filter: {
          organizationId: world.organizationId,
          workingGroupCode: 'HEALTH',
          status: 'OPEN',
          search: marker,
        },
      });
      expect(page.totalCount).toBe(1);
      expect(page.edges.map((edge: any) => edge.node.title)).toEqual([`${marker} IRB health`]);
    });

    it('searches title and description ignoring accents and case; every word must match', async () => {
      const marker = uniqueMarker();
      await createOffer(world.member, {
        title: `${marker} Capacitación en entrevistas`,
        description: 'Técnicas de ENTREVISTA con enfoque de género',
      });
      await pause();
      await createOffer(world.member, {
        title: `${marker} Gestión de casos`,
        description: 'Sistemas de información para la gestión de casos de asilo',
      });

      expect(await titlesFound({ search: `${marker} capacitacion` })).toEqual([
        `${marker} Capacitación en entrevistas`,
      ]);
      expect(await titlesFound({ search: `GENERO ${marker.toUpperCase()} técnicas` })).toEqual([
        `${marker} Capacitación en entrevistas`,
      ]);
      expect(await titlesFound({ search: `${marker} gestion informacion` })).toEqual([
        `${marker} Gestión de casos`,
      ]);
      expect(await titlesFound({ search: `${marker} capacitacion gestion` })).toEqual([]);
      expect(await titlesFound({ search: `${marker} de` })).toEqual([
        `${marker} Gestión de casos`,
        `${marker} Capacitación en entrevistas`,
      ]);
    });

    it('takes % and _ in a search literally', async () => {
      const marker = uniqueMarker();
      await createOffer(world.member, { title: `${marker} 50% of the costs covered` });
      await createOffer(world.member, { title: `${marker} 50 experts available` });
      await createOffer(world.member, { title: `${marker} e_learning platform` });
      await createOffer(world.member, { title: `${marker} e-learning platform` });

      expect(await titlesFound({ search: `${marker} 50%` })).toEqual([
        `${marker} 50% of the costs covered`,
      ]);
      expect(await titlesFound({ search: `${marker} e_learning` })).toEqual([
        `${marker} e_learning platform`,
      ]);
    });

    it('lists every offer, newest first, with the total count', async () => {
      await createOffersInOrder(['Oldest of the list', 'Newest of the list']);
      const rows = await app.sql<{ id: string }>(
        'SELECT "id" FROM "offers" ORDER BY "createdAt" DESC, "id" DESC',
      );

      const page = await listOffers({ first: 100 });
      expect(page.totalCount).toBe(rows.length);
      expect(page.edges.map((edge: any) => edge.node.id)).toEqual(
        rows.slice(0, 100).map((row) => row.id),
      );
      expect(page.edges[0].node.title).toBe('Newest of the list');
      expect(page.edges[1].node.title).toBe('Oldest of the list');
    });

    it('is readable by every role', async () => {
      const marker = uniqueMarker();
      const created = await createOffer(world.member, { title: `${marker} for everyone` });
      for (const token of [
        world.secretariat,
        world.member,
        world.otherMember,
        world.honduras,
        world.guatemala,
        world.observer,
      ]) {
        const page = await listOffers({ filter: { search: marker } }, token);
        expect(page).toEqual({
          totalCount: 1,
          edges: [
            {
              cursor: page.edges[0].cursor,
              node: { id: created.id, title: `${marker} for everyone`, status: 'OPEN' },
            },
          ],
          pageInfo: { hasNextPage: false, endCursor: page.edges[0].cursor },
        });
      }
    });

    it('refuses a filter organizationId that is not a UUID, naming it', async () => {
      const error = await app.fails(
        OFFERS,
        { filter: { organizationId: 'irb' } },
        { as: world.observer },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'filter.organizationId', message: 'organizationId must be an id' }],
      });
    });

    it('answers UNAUTHENTICATED without a token', async () => {
      const error = await app.fails(OFFERS, {});
      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('offers pagination', () => {
    it('walks every page with first/after, without duplicates or gaps', async () => {
      const marker = uniqueMarker();
      const ids = await createOffersInOrder(
        ['one', 'two', 'three', 'four', 'five'].map((n) => `${marker} ${n}`),
      );
      const newestFirst = [...ids].reverse();
      const filter = { search: marker };

      const first = await listOffers({ filter, first: 2 });
      expect(first.totalCount).toBe(5);
      expect(first.edges.map((edge: any) => edge.node.id)).toEqual(newestFirst.slice(0, 2));
      expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });

      const second = await listOffers({ filter, first: 2, after: first.pageInfo.endCursor });
      expect(second.totalCount).toBe(5);
      expect(second.edges.map((edge: any) => edge.node.id)).toEqual(newestFirst.slice(2, 4));
      expect(second.pageInfo).toEqual({ hasNextPage: true, endCursor: second.edges[1].cursor });

      const third = await listOffers({ filter, first: 2, after: second.pageInfo.endCursor });
      expect(third.totalCount).toBe(5);
      expect(third.edges.map((edge: any) => edge.node.id)).toEqual(newestFirst.slice(4));
      expect(third.pageInfo).toEqual({ hasNextPage: false, endCursor: third.edges[0].cursor });

      const beyond = await listOffers({ filter, first: 2, after: third.pageInfo.endCursor });
      expect(beyond).toEqual({
        totalCount: 5,
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    });

    it('pages without gaps through offers created in the same instant', async () => {
      const marker = uniqueMarker();
      const ids = await createOffersInOrder(
        ['a', 'b', 'c', 'd', 'e'].map((letter) => `${marker} ${letter}`),
      );
      await app.sql(
        'UPDATE "offers" SET "createdAt" = (SELECT "createdAt" FROM "offers" WHERE "id" = :first) WHERE "id" IN (:...ids)',
        { first: ids[0], ids },
      );

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await listOffers({ filter: { search: marker }, first: 2, after });
        seen.push(...page.edges.map((edge: any) => edge.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages += 1;
      } while (after);

      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].sort().reverse());
    });

    it('gives 20 offers when first is not given', async () => {
      const marker = uniqueMarker();
      for (let index = 0; index < 21; index += 1) {
        await createOffer(world.secretariat, { title: `${marker} ${index}` });
      }

      const page = await listOffers({ filter: { search: marker } });
      expect(page.totalCount).toBe(21);
      expect(page.edges).toHaveLength(20);
      expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[19].cursor });
    });

    it.each(['garbage', Buffer.from('v1:yesterday|someone').toString('base64url')])(
      'refuses an after cursor it did not give (%s) with BAD_USER_INPUT naming after',
      async (after) => {
        const error = await app.fails(OFFERS, { first: 5, after }, { as: world.observer });
        expect(error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'after', message: 'is not a cursor this list returned' }],
        });
      },
    );

    it.each([
      [0, 'first must not be less than 1'],
      [101, 'first must not be greater than 100'],
    ])('refuses first: %d with BAD_USER_INPUT naming first', async (first, message) => {
      const error = await app.fails(OFFERS, { first }, { as: world.observer });
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'first', message }],
      });
    });
  });
});
