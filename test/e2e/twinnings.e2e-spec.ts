import {
  CANCEL_TWINNING,
  COMPLETE_TWINNING,
  CONFIRM_TWINNING,
  createUser,
  postNeed,
  postOffer,
  PROPOSE_TWINNING,
  RESPOND_TO_TWINNING,
  TWINNING_FIELDS,
  buildWorld,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const TWINNING = `query Twinning($id: ID!) { twinning(id: $id) { ${TWINNING_FIELDS} } }`;
const TWINNINGS = `query Twinnings($filter: TwinningFilter, $first: Int, $after: String) {
  twinnings(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id status } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const NEED_STATE = `query NeedState($id: ID!) { need(id: $id) { id status updatedAt twinnings { id status } } }`;
const OFFER_STATE = `query OfferState($id: ID!) { offer(id: $id) { id status capacity remainingCapacity updatedAt twinnings { id status } } }`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const TWINNING_TABLES = [
  'twinnings',
  'twinning_needs',
  'twinning_parties',
  'twinning_status_changes',
];

const MEMBER_EMAIL = 'member@irb.test';
const HONDURAS_EMAIL = 'focal@hn.test';
const GUATEMALA_EMAIL = 'focal@gt.test';
const SECRETARIAT_EMAIL = 'secretariat@mirps.test';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('twinning arrangements', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  /** A fresh offer of the world's organization (capacity 5 unless told). */
  function newOffer(overrides: Record<string, unknown> = {}) {
    return postOffer(app, world.member, world.organizationId, overrides);
  }

  function newNeed(countryCode = 'HN', overrides: Record<string, unknown> = {}) {
    return postNeed(app, world.secretariat, { countryCode, ...overrides });
  }

  async function propose(
    token: string,
    offerId: string,
    needIds: string[],
    note?: string,
  ): Promise<any> {
    const data = await app.ok(
      PROPOSE_TWINNING,
      { input: { offerId, needIds, note } },
      { as: token },
    );
    return data.proposeTwinning;
  }

  async function respond(token: string, id: string, accept: boolean, comment?: string) {
    const data = await app.ok(RESPOND_TO_TWINNING, { id, accept, comment }, { as: token });
    return data.respondToTwinning;
  }

  /** As the secretariat, who reads every e-mail of the history (others see only their own). */
  async function readTwinning(id: string) {
    return (await app.ok(TWINNING, { id }, { as: world.secretariat })).twinning;
  }

  async function readNeed(id: string) {
    return (await app.ok(NEED_STATE, { id }, { as: world.observer })).need;
  }

  async function readOffer(id: string) {
    return (await app.ok(OFFER_STATE, { id }, { as: world.observer })).offer;
  }

  async function rowCounts(): Promise<number[]> {
    return Promise.all(TWINNING_TABLES.map((table) => app.rowCount(table)));
  }

  /** A twinning of a new offer for a Honduran and a Guatemalan need, proposed by the member. */
  async function proposedForTwoCountries() {
    const offerId = await newOffer();
    const hondurasNeed = await newNeed('HN');
    const guatemalaNeed = await newNeed('GT');
    const twinning = await propose(world.member, offerId, [hondurasNeed, guatemalaNeed]);
    return { offerId, hondurasNeed, guatemalaNeed, twinning };
  }

  /** The same, accepted by both countries. */
  async function acceptedForTwoCountries() {
    const proposed = await proposedForTwoCountries();
    await respond(world.honduras, proposed.twinning.id, true);
    const twinning = await respond(world.guatemala, proposed.twinning.id, true);
    return { ...proposed, twinning };
  }

  async function confirmedForTwoCountries() {
    const accepted = await acceptedForTwoCountries();
    const data = await app.ok(
      CONFIRM_TWINNING,
      { id: accepted.twinning.id },
      { as: world.secretariat },
    );
    return { ...accepted, twinning: data.confirmTwinning };
  }

  describe('proposeTwinning', () => {
    it("lets the offer's member propose: its side starts ACCEPTED and its capacity is reserved; the countries' needs stay OPEN", async () => {
      const offerId = await newOffer({ capacity: 5 });
      const hondurasNeed = await newNeed('HN');
      const guatemalaNeed = await newNeed('GT');
      const offerBefore = await readOffer(offerId);

      const twinning = await propose(
        world.member,
        offerId,
        [hondurasNeed, guatemalaNeed],
        'Both asked for adjudication training',
      );

      expect(twinning).toEqual({
        id: expect.any(String),
        status: 'PROPOSED',
        note: 'Both asked for adjudication training',
        createdAt: expect.stringMatching(ISO_TIME),
        updatedAt: twinning.createdAt,
        confirmedAt: null,
        completedAt: null,
        summary: null,
        cancellationReason: null,
        offer: { id: offerId, status: 'OPEN', capacity: 5, remainingCapacity: 3 },
        // Honduras and Guatemala have not consented: their needs are not held.
        needs: [
          {
            id: hondurasNeed,
            title: expect.any(String),
            status: 'OPEN',
            country: { code: 'HN' },
          },
          {
            id: guatemalaNeed,
            title: expect.any(String),
            status: 'OPEN',
            country: { code: 'GT' },
          },
        ],
        parties: [
          {
            country: null,
            organization: { id: world.organizationId },
            response: 'ACCEPTED',
            respondedAt: twinning.createdAt,
            comment: null,
          },
          {
            country: { code: 'GT' },
            organization: null,
            response: 'PENDING',
            respondedAt: null,
            comment: null,
          },
          {
            country: { code: 'HN' },
            organization: null,
            response: 'PENDING',
            respondedAt: null,
            comment: null,
          },
        ],
        history: [
          {
            from: null,
            to: 'PROPOSED',
            by: { email: MEMBER_EMAIL },
            at: twinning.createdAt,
            note: 'Both asked for adjudication training',
          },
        ],
      });
      expect(await readTwinning(twinning.id)).toEqual(twinning);

      const need = await readNeed(hondurasNeed);
      expect(need.status).toBe('OPEN');
      expect(need.twinnings).toEqual([{ id: twinning.id, status: 'PROPOSED' }]);
      const offer = await readOffer(offerId);
      expect(offer).toMatchObject({ status: 'OPEN', remainingCapacity: 3 });
      expect(offer.twinnings).toEqual([{ id: twinning.id, status: 'PROPOSED' }]);
      expect(Date.parse(offer.updatedAt)).toBeGreaterThan(Date.parse(offerBefore.updatedAt));
    });

    it("lets a country focal point propose for its need: its side starts ACCEPTED and its need is taken; the offer's capacity is not", async () => {
      const offerId = await newOffer();
      const needId = await newNeed('HN');
      const twinning = await propose(world.honduras, offerId, [needId]);
      expect(twinning.needs.map((need: { status: string }) => need.status)).toEqual([
        'IN_TWINNING',
      ]);
      expect(twinning.offer).toMatchObject({ status: 'OPEN', remainingCapacity: 5 });
      expect(
        twinning.parties.map((party: any) => [
          party.country?.code ?? party.organization.id,
          party.response,
        ]),
      ).toEqual([
        [world.organizationId, 'PENDING'],
        ['HN', 'ACCEPTED'],
      ]);
      expect(twinning.history[0].by).toEqual({ email: HONDURAS_EMAIL });
    });

    it('lets the secretariat propose; it is no party, so every side starts PENDING, and every side is held', async () => {
      const offerId = await newOffer();
      const twinning = await propose(world.secretariat, offerId, [
        await newNeed('HN'),
        await newNeed('GT'),
      ]);
      expect(twinning.parties.map((party: any) => party.response)).toEqual([
        'PENDING',
        'PENDING',
        'PENDING',
      ]);
      expect(twinning.needs.map((need: { status: string }) => need.status)).toEqual([
        'IN_TWINNING',
        'IN_TWINNING',
      ]);
      expect(twinning.offer).toMatchObject({ status: 'OPEN', remainingCapacity: 3 });
      expect(twinning.history[0].by).toEqual({ email: SECRETARIAT_EMAIL });
    });

    it('makes the offer FULL when the twinning takes its last capacity', async () => {
      const offerId = await newOffer({ capacity: 2 });
      const twinning = await propose(world.member, offerId, [await newNeed(), await newNeed()]);
      expect(twinning.offer).toEqual({
        id: offerId,
        status: 'FULL',
        capacity: 2,
        remainingCapacity: 0,
      });
    });

    it('takes a need of every MIRPS state for an offer with no eligibility list', async () => {
      const offerId = await newOffer({ eligibleCountryCodes: [], capacity: 7 });
      const needIds: string[] = [];
      for (const countryCode of ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'PA']) {
        needIds.push(await newNeed(countryCode));
      }
      const twinning = await propose(world.secretariat, offerId, needIds);
      expect(
        twinning.needs.map((need: { country: { code: string } }) => need.country.code).sort(),
      ).toEqual(['BZ', 'CR', 'GT', 'HN', 'MX', 'PA', 'SV']);
    });

    it.each([
      ['guatemala', 'a focal point of a country with no need listed'],
      ['otherMember', "a member of another organization than the offer's"],
    ] as const)('is FORBIDDEN to %s (%s), and writes nothing', async (who, _why) => {
      const offerId = await newOffer();
      const needId = await newNeed('HN');
      const before = await rowCounts();
      const error = await app.fails(
        PROPOSE_TWINNING,
        { input: { offerId, needIds: [needId] } },
        { as: world[who] },
      );
      expect(error.extensions.code).toBe('FORBIDDEN');
      expect(error.message).toBe(
        "Only the secretariat, a focal point of the offer's organization or a focal point of a " +
          'country whose need is listed may propose this twinning',
      );
      expect(await rowCounts()).toEqual(before);
      expect((await readNeed(needId)).status).toBe('OPEN');
      expect((await readOffer(offerId)).remainingCapacity).toBe(5);
    });

    it('is FORBIDDEN to an observer', async () => {
      const error = await app.fails(
        PROPOSE_TWINNING,
        { input: { offerId: await newOffer(), needIds: [await newNeed()] } },
        { as: world.observer },
      );
      expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(error.message).toBe(
        'Only SECRETARIAT, COUNTRY_FOCAL_POINT, or MEMBER_FOCAL_POINT may do this',
      );
    });

    describe('refuses with CONFLICT, changing nothing,', () => {
      async function expectConflict(
        offerId: string,
        needIds: string[],
        reason: string,
        message: string,
      ) {
        const before = await rowCounts();
        const offerBefore = await readOffer(offerId);
        const needsBefore = await Promise.all(needIds.map(readNeed));
        const error = await app.fails(
          PROPOSE_TWINNING,
          { input: { offerId, needIds } },
          { as: world.secretariat },
        );
        expect(error.extensions).toEqual({ code: 'CONFLICT', reason });
        expect(error.message).toBe(message);
        expect(await rowCounts()).toEqual(before);
        expect(await readOffer(offerId)).toEqual(offerBefore);
        expect(await Promise.all(needIds.map(readNeed))).toEqual(needsBefore);
      }

      it('a need that is not OPEN', async () => {
        const offerId = await newOffer();
        const open = await newNeed('HN');
        const taken = await newNeed('HN', { title: 'Already taken' });
        await propose(world.secretariat, await newOffer(), [taken]);
        await expectConflict(
          offerId,
          [open, taken],
          'NEED_NOT_OPEN',
          'The need "Already taken" is IN_TWINNING: only an OPEN need can join a twinning',
        );
      });

      it('a withdrawn need', async () => {
        const needId = await newNeed('HN', { title: 'Withdrawn one' });
        await app.ok(
          'mutation ($id: ID!) { withdrawNeed(id: $id) { id } }',
          { id: needId },
          { as: world.secretariat },
        );
        await expectConflict(
          await newOffer(),
          [needId],
          'NEED_NOT_OPEN',
          'The need "Withdrawn one" is WITHDRAWN: only an OPEN need can join a twinning',
        );
      });

      it('a need of a state the offer is not open to', async () => {
        const offerId = await newOffer({ eligibleCountryCodes: ['HN', 'SV'] });
        await expectConflict(
          offerId,
          [await newNeed('GT', { title: 'Guatemalan need' })],
          'NOT_ELIGIBLE',
          'The offer is open to HN, SV, not to GT (the need "Guatemalan need")',
        );
      });

      it('a need of a working group the offer does not serve', async () => {
        const offerId = await newOffer({ workingGroupCodes: ['ASYLUM_SYSTEMS', 'HEALTH'] });
        await expectConflict(
          offerId,
          [await newNeed('HN', { title: 'Schools', workingGroupCode: 'EDUCATION' })],
          'WRONG_TOPIC',
          'The need "Schools" is filed under EDUCATION, which the offer does not serve (ASYLUM_SYSTEMS, HEALTH)',
        );
      });

      it('an offer without enough capacity left for all the needs', async () => {
        const offerId = await newOffer({ capacity: 3 });
        await propose(world.member, offerId, [await newNeed(), await newNeed()]);
        await expectConflict(
          offerId,
          [await newNeed(), await newNeed()],
          'CAPACITY_EXHAUSTED',
          'The offer has 1 of its capacity of 3 left: not enough for 2 needs',
        );
      });

      it('a FULL offer', async () => {
        const offerId = await newOffer({ capacity: 1 });
        await propose(world.member, offerId, [await newNeed()]);
        await expectConflict(
          offerId,
          [await newNeed()],
          'CAPACITY_EXHAUSTED',
          'The offer has 0 of its capacity of 1 left: not enough for 1 need',
        );
      });

      it('a withdrawn offer', async () => {
        const offerId = await newOffer();
        await app.ok(
          'mutation ($id: ID!) { withdrawOffer(id: $id) { id } }',
          { id: offerId },
          { as: world.member },
        );
        await expectConflict(
          offerId,
          [await newNeed()],
          'OFFER_NOT_OPEN',
          'The offer is WITHDRAWN: it takes no new twinning',
        );
      });

      it('an offer in none of the languages of a need', async () => {
        const offerId = await newOffer({ languages: ['en', 'fr'] });
        await expectConflict(
          offerId,
          [await newNeed('HN', { title: 'In Spanish', languages: ['es'] })],
          'NO_COMMON_LANGUAGE',
          'The offer speaks en, fr, none of the languages of the need "In Spanish" (es)',
        );
      });

      it("an offer not available in a need's window", async () => {
        const offerId = await newOffer({
          availableFrom: '2027-01-01T00:00:00.000Z',
          availableTo: '2027-06-30T00:00:00.000Z',
        });
        await expectConflict(
          offerId,
          [await newNeed('HN', { title: 'This year' })],
          'DATES_DO_NOT_OVERLAP',
          'The offer is available from 2027-01-01 to 2027-06-30, outside the window of the need "This year" (from 2026-03-01 to 2026-11-30)',
        );
      });
    });

    describe('refuses bad input with BAD_USER_INPUT naming the field', () => {
      async function expectBadInput(
        input: Record<string, unknown>,
        field: string,
        message: string,
      ) {
        const before = await rowCounts();
        const error = await app.fails(PROPOSE_TWINNING, { input }, { as: world.secretariat });
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field, message }] });
        expect(await rowCounts()).toEqual(before);
      }

      it('the same need twice', async () => {
        const needId = await newNeed();
        await expectBadInput(
          { offerId: await newOffer(), needIds: [needId, needId] },
          'needIds',
          'needIds must not name a need twice',
        );
        expect((await readNeed(needId)).status).toBe('OPEN');
      });

      it('no need at all', async () => {
        await expectBadInput(
          { offerId: await newOffer(), needIds: [] },
          'needIds',
          'needIds must name at least one need',
        );
      });

      it('an id that is not an id', async () => {
        await expectBadInput(
          { offerId: await newOffer(), needIds: ['need-1'] },
          'needIds',
          'needIds must hold ids',
        );
      });

      it('an unknown offer', async () => {
        await expectBadInput(
          { offerId: UNKNOWN_ID, needIds: [await newNeed()] },
          'offerId',
          `no offer has the id "${UNKNOWN_ID}"`,
        );
      });

      it('an unknown need', async () => {
        await expectBadInput(
          { offerId: await newOffer(), needIds: [await newNeed(), UNKNOWN_ID] },
          'needIds',
          `no need has the id "${UNKNOWN_ID}"`,
        );
      });
    });
  });

  describe('respondToTwinning', () => {
    it('records each answer; the last acceptance makes the twinning ACCEPTED', async () => {
      const { twinning } = await proposedForTwoCountries();

      const afterHonduras = await respond(world.honduras, twinning.id, true, 'Sí, gracias');
      expect(afterHonduras.status).toBe('PROPOSED');
      expect(afterHonduras.parties[2]).toEqual({
        country: { code: 'HN' },
        organization: null,
        response: 'ACCEPTED',
        respondedAt: expect.stringMatching(ISO_TIME),
        comment: 'Sí, gracias',
      });
      // An answer that moves nothing is no step of the history.
      expect(afterHonduras.history).toHaveLength(1);
      // Honduras's consent takes its need; Guatemala's stays free until Guatemala's.
      expect(
        afterHonduras.needs.map((need: { country: { code: string }; status: string }) => [
          need.country.code,
          need.status,
        ]),
      ).toEqual([
        ['HN', 'IN_TWINNING'],
        ['GT', 'OPEN'],
      ]);

      const afterGuatemala = await respond(world.guatemala, twinning.id, true, 'De acuerdo');
      expect(afterGuatemala.status).toBe('ACCEPTED');
      expect(afterGuatemala.parties.map((party: any) => party.response)).toEqual([
        'ACCEPTED',
        'ACCEPTED',
        'ACCEPTED',
      ]);
      expect(
        (await readTwinning(twinning.id)).history.map((step: any) => [
          step.from,
          step.to,
          step.by.email,
          step.note,
        ]),
      ).toEqual([
        [null, 'PROPOSED', MEMBER_EMAIL, null],
        ['PROPOSED', 'ACCEPTED', GUATEMALA_EMAIL, 'De acuerdo'],
      ]);
      expect(afterGuatemala.needs.map((need: any) => need.status)).toEqual([
        'IN_TWINNING',
        'IN_TWINNING',
      ]);
    });

    it('lets the member answer for the organization when a country proposed', async () => {
      const offerId = await newOffer();
      const twinning = await propose(world.honduras, offerId, [await newNeed('HN')]);
      const accepted = await respond(world.member, twinning.id, true);
      expect(accepted.status).toBe('ACCEPTED');
      expect(accepted.history[1]).toMatchObject({
        from: 'PROPOSED',
        to: 'ACCEPTED',
        by: { email: MEMBER_EMAIL },
      });
    });

    it('declining makes it DECLINED: the needs are OPEN again and the capacity is released', async () => {
      const { offerId, hondurasNeed, guatemalaNeed, twinning } = await proposedForTwoCountries();
      await respond(world.honduras, twinning.id, true);

      const declined = await respond(world.guatemala, twinning.id, false, 'Ya no es prioridad');

      expect(declined.status).toBe('DECLINED');
      expect(
        declined.parties.map((party: any) => [
          party.country?.code ?? 'IRB',
          party.response,
          party.comment,
        ]),
      ).toEqual([
        ['IRB', 'ACCEPTED', null],
        ['GT', 'DECLINED', 'Ya no es prioridad'],
        ['HN', 'ACCEPTED', null],
      ]);
      expect(
        (await readTwinning(twinning.id)).history.map((step: any) => [
          step.from,
          step.to,
          step.by.email,
          step.note,
        ]),
      ).toEqual([
        [null, 'PROPOSED', MEMBER_EMAIL, null],
        ['PROPOSED', 'DECLINED', GUATEMALA_EMAIL, 'Ya no es prioridad'],
      ]);
      expect(declined.needs.map((need: any) => need.status)).toEqual(['OPEN', 'OPEN']);
      expect(declined.offer).toEqual({
        id: offerId,
        status: 'OPEN',
        capacity: 5,
        remainingCapacity: 5,
      });
      expect((await readNeed(hondurasNeed)).status).toBe('OPEN');
      expect((await readNeed(guatemalaNeed)).status).toBe('OPEN');

      // The needs are free for another twinning.
      const again = await propose(world.member, await newOffer(), [hondurasNeed, guatemalaNeed]);
      expect(again.status).toBe('PROPOSED');
      expect((await readNeed(hondurasNeed)).twinnings).toEqual([
        { id: again.id, status: 'PROPOSED' },
        { id: twinning.id, status: 'DECLINED' },
      ]);
    });

    it('frees the offer again when a FULL offer is declined', async () => {
      const offerId = await newOffer({ capacity: 1 });
      const twinning = await propose(world.member, offerId, [await newNeed('HN')]);
      expect(twinning.offer.status).toBe('FULL');
      const declined = await respond(world.honduras, twinning.id, false);
      expect(declined.offer).toEqual({
        id: offerId,
        status: 'OPEN',
        capacity: 1,
        remainingCapacity: 1,
      });
    });

    it('is FORBIDDEN to anyone answering for a side that is not theirs', async () => {
      const offerId = await newOffer();
      const twinning = await propose(world.secretariat, offerId, [await newNeed('HN')]);
      const before = await readTwinning(twinning.id);

      const guatemala = await app.fails(
        RESPOND_TO_TWINNING,
        { id: twinning.id, accept: true },
        { as: world.guatemala },
      );
      expect(guatemala.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(guatemala.message).toBe(
        'Only a party answers for its own side: you are not a focal point of any party to this twinning',
      );
      const otherMember = await app.fails(
        RESPOND_TO_TWINNING,
        { id: twinning.id, accept: false },
        { as: world.otherMember },
      );
      expect(otherMember.extensions.code).toBe('FORBIDDEN');
      for (const who of [world.secretariat, world.observer]) {
        const error = await app.fails(
          RESPOND_TO_TWINNING,
          { id: twinning.id, accept: true },
          { as: who },
        );
        expect(error.extensions.code).toBe('FORBIDDEN');
        expect(error.message).toBe('Only COUNTRY_FOCAL_POINT or MEMBER_FOCAL_POINT may do this');
      }
      expect(await readTwinning(twinning.id)).toEqual(before);
    });

    it('refuses a second answer from the same side with CONFLICT', async () => {
      const { twinning } = await proposedForTwoCountries();
      const proposer = await app.fails(
        RESPOND_TO_TWINNING,
        { id: twinning.id, accept: false },
        { as: world.member },
      );
      expect(proposer.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_ANSWERED' });
      expect(proposer.message).toBe(
        "The side of the offer's organization has already answered ACCEPTED",
      );

      await respond(world.honduras, twinning.id, true);
      const again = await app.fails(
        RESPOND_TO_TWINNING,
        { id: twinning.id, accept: false },
        { as: world.honduras },
      );
      expect(again.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_ANSWERED' });
      expect(again.message).toBe('The side of HN has already answered ACCEPTED');
      expect((await readTwinning(twinning.id)).status).toBe('PROPOSED');
    });

    it('refuses an answer once the twinning was cancelled, naming its state', async () => {
      const { twinning } = await proposedForTwoCountries();
      await app.ok(
        CANCEL_TWINNING,
        { id: twinning.id, reason: 'Merged' },
        { as: world.secretariat },
      );
      const error = await app.fails(
        RESPOND_TO_TWINNING,
        { id: twinning.id, accept: true },
        { as: world.honduras },
      );
      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(error.message).toBe(
        'The twinning is CANCELLED: it cannot be answered now (that is final)',
      );
    });

    it('answers NOT_FOUND for an unknown twinning', async () => {
      const error = await app.fails(
        RESPOND_TO_TWINNING,
        { id: UNKNOWN_ID, accept: true },
        { as: world.honduras },
      );
      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
      expect(error.message).toBe(`Twinning ${UNKNOWN_ID} was not found`);
    });
  });

  describe('confirmTwinning', () => {
    it('lets the secretariat confirm an ACCEPTED twinning', async () => {
      const { twinning } = await acceptedForTwoCountries();
      const data = await app.ok(CONFIRM_TWINNING, { id: twinning.id }, { as: world.secretariat });
      const confirmed = data.confirmTwinning;
      expect(confirmed.status).toBe('CONFIRMED');
      expect(confirmed.confirmedAt).toMatch(ISO_TIME);
      expect(confirmed.history[2]).toEqual({
        from: 'ACCEPTED',
        to: 'CONFIRMED',
        by: { email: SECRETARIAT_EMAIL },
        at: confirmed.confirmedAt,
        note: null,
      });
      expect(confirmed.needs.map((need: any) => need.status)).toEqual([
        'IN_TWINNING',
        'IN_TWINNING',
      ]);
      expect(confirmed.offer.remainingCapacity).toBe(3);
    });

    it('refuses to confirm before every party accepted, with CONFLICT', async () => {
      const { twinning } = await proposedForTwoCountries();
      await respond(world.honduras, twinning.id, true);
      const error = await app.fails(
        CONFIRM_TWINNING,
        { id: twinning.id },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(error.message).toBe(
        'The twinning is PROPOSED: it cannot be confirmed now (it waits for every party to answer)',
      );
      expect((await readTwinning(twinning.id)).history).toHaveLength(1);
    });

    it('refuses to confirm twice', async () => {
      const { twinning } = await confirmedForTwoCountries();
      const error = await app.fails(
        CONFIRM_TWINNING,
        { id: twinning.id },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(error.message).toBe(
        'The twinning is CONFIRMED: it cannot be confirmed now (it is under way)',
      );
    });

    it.each(['member', 'honduras', 'guatemala', 'otherMember', 'observer'] as const)(
      'is FORBIDDEN to the %s: only the secretariat confirms',
      async (who) => {
        const { twinning } = await acceptedForTwoCountries();
        const error = await app.fails(CONFIRM_TWINNING, { id: twinning.id }, { as: world[who] });
        expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
        expect(error.message).toBe('Only SECRETARIAT may do this');
        expect((await readTwinning(twinning.id)).status).toBe('ACCEPTED');
      },
    );
  });

  describe('completeTwinning', () => {
    it('lets the offering member complete a CONFIRMED twinning: the needs are FULFILLED, the capacity released', async () => {
      const { offerId, hondurasNeed, twinning } = await confirmedForTwoCountries();
      const data = await app.ok(
        COMPLETE_TWINNING,
        { id: twinning.id, summary: '38 adjudicators trained' },
        { as: world.member },
      );
      const completed = data.completeTwinning;
      expect(completed).toMatchObject({
        status: 'COMPLETED',
        summary: '38 adjudicators trained',
        completedAt: expect.stringMatching(ISO_TIME),
        offer: { id: offerId, status: 'OPEN', capacity: 5, remainingCapacity: 5 },
      });
      expect(completed.needs.map((need: any) => need.status)).toEqual(['FULFILLED', 'FULFILLED']);
      expect(completed.history.at(-1)).toEqual({
        from: 'CONFIRMED',
        to: 'COMPLETED',
        by: { email: MEMBER_EMAIL },
        at: completed.completedAt,
        note: '38 adjudicators trained',
      });
      const need = await readNeed(hondurasNeed);
      expect(need.status).toBe('FULFILLED');
    });

    it('lets the secretariat complete, without a summary', async () => {
      const { twinning } = await confirmedForTwoCountries();
      const data = await app.ok(COMPLETE_TWINNING, { id: twinning.id }, { as: world.secretariat });
      expect(data.completeTwinning).toMatchObject({ status: 'COMPLETED', summary: null });
    });

    it('refuses a twinning that is not CONFIRMED, with CONFLICT', async () => {
      const { twinning } = await acceptedForTwoCountries();
      const error = await app.fails(
        COMPLETE_TWINNING,
        { id: twinning.id },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(error.message).toBe(
        'The twinning is ACCEPTED: it cannot be completed now (it waits for the secretariat to confirm it)',
      );
    });

    it('is FORBIDDEN to a member of another organization and to the countries', async () => {
      const { twinning } = await confirmedForTwoCountries();
      const otherMember = await app.fails(
        COMPLETE_TWINNING,
        { id: twinning.id },
        { as: world.otherMember },
      );
      expect(otherMember.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(otherMember.message).toBe(
        "Only the secretariat or a focal point of the offer's organization may complete a twinning",
      );
      for (const who of [world.honduras, world.observer]) {
        const error = await app.fails(COMPLETE_TWINNING, { id: twinning.id }, { as: who });
        expect(error.extensions.code).toBe('FORBIDDEN');
        expect(error.message).toBe('Only SECRETARIAT or MEMBER_FOCAL_POINT may do this');
      }
      expect((await readTwinning(twinning.id)).status).toBe('CONFIRMED');
    });
  });

  describe('cancelTwinning', () => {
    it('lets a party cancel a CONFIRMED twinning: needs OPEN, capacity released, reason kept', async () => {
      const { offerId, twinning } = await confirmedForTwoCountries();
      const data = await app.ok(
        CANCEL_TWINNING,
        { id: twinning.id, reason: '  Change of government priorities  ' },
        { as: world.guatemala },
      );
      const cancelled = data.cancelTwinning;
      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'Change of government priorities',
        offer: { id: offerId, status: 'OPEN', remainingCapacity: 5 },
      });
      expect(cancelled.needs.map((need: any) => need.status)).toEqual(['OPEN', 'OPEN']);
      expect(cancelled.history.at(-1)).toMatchObject({
        from: 'CONFIRMED',
        to: 'CANCELLED',
        by: { email: GUATEMALA_EMAIL },
        note: 'Change of government priorities',
      });
    });

    it.each([
      ['secretariat', 'PROPOSED'],
      ['member', 'PROPOSED'],
      ['honduras', 'ACCEPTED'],
    ] as const)('lets the %s cancel a %s twinning', async (who, status) => {
      const { twinning } =
        status === 'PROPOSED' ? await proposedForTwoCountries() : await acceptedForTwoCountries();
      const data = await app.ok(
        CANCEL_TWINNING,
        { id: twinning.id, reason: 'Not needed any more' },
        { as: world[who] },
      );
      expect(data.cancelTwinning.history.at(-1)).toMatchObject({ from: status, to: 'CANCELLED' });
      expect(data.cancelTwinning.offer.remainingCapacity).toBe(5);
    });

    it('is FORBIDDEN to those who are not a party', async () => {
      const offerId = await newOffer();
      const twinning = await propose(world.member, offerId, [await newNeed('HN')]);
      const error = await app.fails(
        CANCEL_TWINNING,
        { id: twinning.id, reason: 'Mine now' },
        { as: world.guatemala },
      );
      expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(error.message).toBe('Only the secretariat or a party to the twinning may cancel it');
      const observer = await app.fails(
        CANCEL_TWINNING,
        { id: twinning.id, reason: 'Mine now' },
        { as: world.observer },
      );
      expect(observer.extensions.code).toBe('FORBIDDEN');
      expect((await readTwinning(twinning.id)).status).toBe('PROPOSED');
    });

    it('needs a reason', async () => {
      const { twinning } = await proposedForTwoCountries();
      const blank = await app.fails(
        CANCEL_TWINNING,
        { id: twinning.id, reason: '   ' },
        { as: world.secretariat },
      );
      expect(blank.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'reason', message: 'reason must not be blank' }],
      });
      const missing = await app.fails(
        `mutation ($id: ID!) { cancelTwinning(id: $id) { id } }`,
        { id: twinning.id },
        { as: world.secretariat },
      );
      expect(missing.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await readTwinning(twinning.id)).status).toBe('PROPOSED');
    });

    it.each(['COMPLETED', 'DECLINED', 'CANCELLED'])(
      'refuses a %s twinning, which is final',
      async (status) => {
        const { twinning } =
          status === 'COMPLETED'
            ? await confirmedForTwoCountries()
            : await proposedForTwoCountries();
        if (status === 'COMPLETED') {
          await app.ok(COMPLETE_TWINNING, { id: twinning.id }, { as: world.secretariat });
        } else if (status === 'DECLINED') {
          await respond(world.honduras, twinning.id, false);
        } else {
          await app.ok(
            CANCEL_TWINNING,
            { id: twinning.id, reason: 'First' },
            { as: world.secretariat },
          );
        }
        const error = await app.fails(
          CANCEL_TWINNING,
          { id: twinning.id, reason: 'Again' },
          { as: world.secretariat },
        );
        expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
        expect(error.message).toBe(
          `The twinning is ${status}: it cannot be cancelled now (that is final)`,
        );
      },
    );
  });

  describe('the history', () => {
    it('lists every step of a twinning from proposal to completion, oldest first', async () => {
      const offerId = await newOffer();
      const needIds = [await newNeed('HN'), await newNeed('GT')];
      const { id } = await propose(world.member, offerId, needIds, 'From the Panama meeting');
      await respond(world.honduras, id, true, 'Honduras agrees');
      await respond(world.guatemala, id, true, 'Guatemala agrees');
      await app.ok(CONFIRM_TWINNING, { id }, { as: world.secretariat });
      await app.ok(COMPLETE_TWINNING, { id, summary: 'Needs met' }, { as: world.member });

      const twinning = await readTwinning(id);
      expect(
        twinning.history.map((step: any) => [step.from, step.to, step.by.email, step.note]),
      ).toEqual([
        [null, 'PROPOSED', MEMBER_EMAIL, 'From the Panama meeting'],
        ['PROPOSED', 'ACCEPTED', GUATEMALA_EMAIL, 'Guatemala agrees'],
        ['ACCEPTED', 'CONFIRMED', SECRETARIAT_EMAIL, null],
        ['CONFIRMED', 'COMPLETED', MEMBER_EMAIL, 'Needs met'],
      ]);
      const times = twinning.history.map((step: any) => Date.parse(step.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(twinning.history[0].at).toBe(twinning.createdAt);
      expect(twinning.history[2].at).toBe(twinning.confirmedAt);
      expect(twinning.history[3].at).toBe(twinning.completedAt);
    });
  });

  describe('twinning and twinnings', () => {
    it('answers NOT_FOUND for an unknown twinning', async () => {
      const error = await app.fails(TWINNING, { id: UNKNOWN_ID }, { as: world.observer });
      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
      expect(error.message).toBe(`Twinning ${UNKNOWN_ID} was not found`);
    });

    it('lets every role read a twinning', async () => {
      const { twinning } = await proposedForTwoCountries();
      for (const who of [
        'secretariat',
        'member',
        'otherMember',
        'honduras',
        'guatemala',
        'observer',
      ] as const) {
        const data = await app.ok(TWINNING, { id: twinning.id }, { as: world[who] });
        expect(data.twinning.id).toBe(twinning.id);
      }
    });

    it('names a bad filter field', async () => {
      const error = await app.fails(
        TWINNINGS,
        { filter: { organizationId: 'irb' } },
        { as: world.observer },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'filter.organizationId', message: 'organizationId must be an id' }],
      });
    });

    it('refuses an anonymous reader', async () => {
      const error = await app.fails(TWINNINGS, {});
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('lists, on a database of their own', () => {
    let own: TestApp;
    let ownWorld: World;
    let ids: { first: string; second: string; third: string };

    beforeAll(async () => {
      own = await startTestApp();
      ownWorld = await buildWorld(own);
      const offerA = await postOffer(own, ownWorld.member, ownWorld.organizationId);
      const offerB = await postOffer(own, ownWorld.otherMember, ownWorld.otherOrganizationId);
      const need = (country: string) =>
        postNeed(own, ownWorld.secretariat, { countryCode: country });
      const proposeIn = async (offerId: string, needIds: string[]) =>
        (
          await own.ok(
            'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
            { input: { offerId, needIds } },
            { as: ownWorld.secretariat },
          )
        ).proposeTwinning.id as string;
      const first = await proposeIn(offerA, [await need('HN')]);
      const second = await proposeIn(offerA, [await need('GT'), await need('HN')]);
      const third = await proposeIn(offerB, [await need('PA')]);
      await own.ok(
        'mutation ($id: ID!) { cancelTwinning(id: $id, reason: "No") { id } }',
        { id: second },
        { as: ownWorld.secretariat },
      );
      ids = { first, second, third };
    });

    afterAll(() => own.close());

    async function list(variables: Record<string, unknown>) {
      return (await own.ok(TWINNINGS, variables, { as: ownWorld.observer })).twinnings;
    }

    const idsOf = (page: any) => page.edges.map((edge: any) => edge.node.id);

    it('filters by status, party country and organization', async () => {
      const { first, second, third } = ids;
      expect(idsOf(await list({}))).toEqual([third, second, first]);
      expect(idsOf(await list({ filter: { status: 'PROPOSED' } }))).toEqual([third, first]);
      expect(idsOf(await list({ filter: { countryCode: 'HN' } }))).toEqual([second, first]);
      expect(idsOf(await list({ filter: { countryCode: 'GT' } }))).toEqual([second]);
      expect(
        idsOf(await list({ filter: { organizationId: ownWorld.otherOrganizationId } })),
      ).toEqual([third]);
      expect(idsOf(await list({ filter: { countryCode: 'HN', status: 'CANCELLED' } }))).toEqual([
        second,
      ]);
    });

    it('pages newest first', async () => {
      const { first, second, third } = ids;
      const page1 = await list({ first: 2 });
      expect(page1.totalCount).toBe(3);
      expect(idsOf(page1)).toEqual([third, second]);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = await list({ first: 2, after: page1.pageInfo.endCursor });
      expect(idsOf(page2)).toEqual([first]);
      expect(page2.pageInfo).toEqual({ hasNextPage: false, endCursor: page2.edges[0].cursor });
    });

    it('reads twinnings with every relation in a fixed number of statements (N+1)', async () => {
      const NESTED = `query ($first: Int!) {
        twinnings(first: $first) {
          edges { node {
            id
            offer { id organization { name } twinnings { id } }
            needs { id country { code } workingGroup { code } twinnings { id } }
            parties { country { code } organization { name } response }
            history { from to by { email } }
            activities { id }
          } }
        }
      }`;
      const measure = async (first: number) => {
        const before = own.queryCount();
        const data = await own.ok(NESTED, { first }, { as: ownWorld.observer });
        return { statements: own.queryCount() - before, rows: data.twinnings.edges.length };
      };
      const one = await measure(1);
      const all = await measure(3);
      expect(one.rows).toBe(1);
      expect(all.rows).toBe(3);
      expect(all.statements).toBe(one.statements);
      // The user, the count, the page; offers, needs, parties, histories, activities; then
      // organizations, the offers' twinnings, the needs' twinnings and the users who took
      // each step: one batched statement each (countries and working groups from memory).
      expect(all.statements).toBe(12);
    });
  });

  describe('proposals and consent: no party holds what another has not agreed to', () => {
    const UPDATE_NEED = `mutation ($id: ID!, $input: UpdateNeedInput!) {
      updateNeed(id: $id, input: $input) { id title status workingGroup { code } }
    }`;

    interface NeedRow {
      id: string;
      status: string;
      country: { code: string };
    }

    function statusesOf(twinning: { needs: NeedRow[] }): [string, string][] {
      return twinning.needs.map((need) => [need.country.code, need.status]);
    }

    async function expectRefusedAnswer(
      token: string,
      id: string,
      reason: string,
      message: string,
    ): Promise<void> {
      const before = await readTwinning(id);
      const error = await app.fails(RESPOND_TO_TWINNING, { id, accept: true }, { as: token });
      expect(error.extensions).toEqual({ code: 'CONFLICT', reason });
      expect(error.message).toBe(message);
      expect(await readTwinning(id)).toEqual(before);
    }

    it("leaves another country's need OPEN, editable and free for other proposals", async () => {
      const offerId = await newOffer();
      const hondurasNeed = await newNeed('HN');
      const guatemalaNeed = await newNeed('GT', { title: 'Guatemalan need' });
      const twinning = await propose(world.honduras, offerId, [hondurasNeed, guatemalaNeed]);
      expect(statusesOf(twinning)).toEqual([
        ['HN', 'IN_TWINNING'],
        ['GT', 'OPEN'],
      ]);
      // Nor is the offer's capacity held: its organization has not answered either.
      expect(twinning.offer).toMatchObject({ status: 'OPEN', remainingCapacity: 5 });

      const updated = await app.ok(
        UPDATE_NEED,
        { id: guatemalaNeed, input: { title: 'Guatemalan need, revised' } },
        { as: world.guatemala },
      );
      expect(updated.updateNeed).toMatchObject({
        title: 'Guatemalan need, revised',
        status: 'OPEN',
      });
      const elsewhere = await propose(world.member, await newOffer(), [guatemalaNeed]);
      expect(elsewhere.status).toBe('PROPOSED');
      expect((await readNeed(guatemalaNeed)).status).toBe('OPEN');
    });

    it('takes what each party consents to when it accepts; all accepted, everything is held', async () => {
      const offerId = await newOffer();
      const needIds = [await newNeed('HN'), await newNeed('GT')];
      const { id } = await propose(world.honduras, offerId, needIds);

      const afterMember = await respond(world.member, id, true);
      expect(afterMember.status).toBe('PROPOSED');
      expect(afterMember.offer).toMatchObject({ status: 'OPEN', remainingCapacity: 3 });
      expect(statusesOf(afterMember)).toEqual([
        ['HN', 'IN_TWINNING'],
        ['GT', 'OPEN'],
      ]);

      const accepted = await respond(world.guatemala, id, true);
      expect(accepted.status).toBe('ACCEPTED');
      expect(statusesOf(accepted)).toEqual([
        ['HN', 'IN_TWINNING'],
        ['GT', 'IN_TWINNING'],
      ]);
      const confirmed = (await app.ok(CONFIRM_TWINNING, { id }, { as: world.secretariat }))
        .confirmTwinning;
      expect(confirmed.status).toBe('CONFIRMED');
      expect(confirmed.offer.remainingCapacity).toBe(3);
    });

    it('refuses an acceptance with NEED_NOT_OPEN when the need was taken meanwhile; declining still works and gives back only what was held', async () => {
      const hondurasNeed = await newNeed('HN');
      const guatemalaNeed = await newNeed('GT', { title: 'Taken elsewhere' });
      const first = await propose(world.honduras, await newOffer(), [hondurasNeed, guatemalaNeed]);
      const second = await propose(world.guatemala, await newOffer(), [guatemalaNeed]);
      expect((await readNeed(guatemalaNeed)).status).toBe('IN_TWINNING');

      await expectRefusedAnswer(
        world.guatemala,
        first.id,
        'NEED_NOT_OPEN',
        'The need "Taken elsewhere" is IN_TWINNING: only an OPEN need can join a twinning',
      );

      const declined = await respond(world.guatemala, first.id, false, 'Ya la atiende otra');
      expect(declined.status).toBe('DECLINED');
      expect((await readNeed(hondurasNeed)).status).toBe('OPEN');
      // The first twinning never held it: it stays with the second.
      expect(await readNeed(guatemalaNeed)).toMatchObject({
        status: 'IN_TWINNING',
        twinnings: [
          { id: second.id, status: 'PROPOSED' },
          { id: first.id, status: 'DECLINED' },
        ],
      });
    });

    it('refuses an acceptance with NEED_NOT_OPEN when the country withdrew the need meanwhile', async () => {
      const needId = await newNeed('GT', { title: 'No longer needed' });
      const { id } = await propose(world.member, await newOffer(), [needId]);
      await app.ok(
        'mutation ($id: ID!) { withdrawNeed(id: $id) { id } }',
        { id: needId },
        { as: world.guatemala },
      );
      await expectRefusedAnswer(
        world.guatemala,
        id,
        'NEED_NOT_OPEN',
        'The need "No longer needed" is WITHDRAWN: only an OPEN need can join a twinning',
      );
    });

    it('refuses an acceptance with the rule a need breaks since it was changed', async () => {
      const needId = await newNeed('GT', { title: 'Moved' });
      const { id } = await propose(world.member, await newOffer(), [needId]);
      await app.ok(
        UPDATE_NEED,
        { id: needId, input: { workingGroupCode: 'EDUCATION' } },
        { as: world.guatemala },
      );
      await expectRefusedAnswer(
        world.guatemala,
        id,
        'WRONG_TOPIC',
        'The need "Moved" is filed under EDUCATION, which the offer does not serve (ASYLUM_SYSTEMS)',
      );
    });

    it("refuses the organization's acceptance with CAPACITY_EXHAUSTED when its capacity was taken meanwhile", async () => {
      const offerId = await newOffer({ capacity: 1 });
      const { id } = await propose(world.honduras, offerId, [await newNeed('HN')]);
      await propose(world.member, offerId, [await newNeed('GT')]);
      expect((await readOffer(offerId)).status).toBe('FULL');
      await expectRefusedAnswer(
        world.member,
        id,
        'CAPACITY_EXHAUSTED',
        'The offer has 0 of its capacity of 1 left: not enough for 1 need',
      );
    });

    it('lets the organization withdraw an offer a country proposed; accepting it then is OFFER_NOT_OPEN', async () => {
      const offerId = await newOffer();
      const needId = await newNeed('HN');
      const { id } = await propose(world.honduras, offerId, [needId]);
      const withdrawn = await app.ok(
        'mutation ($id: ID!) { withdrawOffer(id: $id) { status } }',
        { id: offerId },
        { as: world.member },
      );
      expect(withdrawn.withdrawOffer.status).toBe('WITHDRAWN');
      await expectRefusedAnswer(
        world.member,
        id,
        'OFFER_NOT_OPEN',
        'The offer is WITHDRAWN: it takes no new twinning',
      );
      const cancelled = await app.ok(
        CANCEL_TWINNING,
        { id, reason: 'The offer was withdrawn' },
        { as: world.honduras },
      );
      expect(cancelled.cancelTwinning).toMatchObject({
        status: 'CANCELLED',
        offer: { status: 'WITHDRAWN', remainingCapacity: 5 },
      });
      expect((await readNeed(needId)).status).toBe('OPEN');
    });

    it('gives back on cancellation only what the twinning held', async () => {
      const offerId = await newOffer();
      const hondurasNeed = await newNeed('HN');
      const guatemalaNeed = await newNeed('GT');
      const { id } = await propose(world.honduras, offerId, [hondurasNeed, guatemalaNeed]);
      await respond(world.member, id, true);
      const elsewhere = await propose(world.guatemala, await newOffer(), [guatemalaNeed]);

      const cancelled = (
        await app.ok(CANCEL_TWINNING, { id, reason: 'Not now' }, { as: world.honduras })
      ).cancelTwinning;
      expect(cancelled.offer).toMatchObject({ status: 'OPEN', remainingCapacity: 5 });
      expect((await readNeed(hondurasNeed)).status).toBe('OPEN');
      expect(await readNeed(guatemalaNeed)).toMatchObject({
        status: 'IN_TWINNING',
        twinnings: [
          { id: elsewhere.id, status: 'PROPOSED' },
          { id, status: 'CANCELLED' },
        ],
      });
    });

    it("holds every side of the secretariat's proposal until answered; a refusal gives all back", async () => {
      const offerId = await newOffer();
      const needIds = [await newNeed('HN'), await newNeed('GT')];
      const { id } = await propose(world.secretariat, offerId, needIds);
      await respond(world.guatemala, id, true);
      const declined = await respond(world.honduras, id, false);
      expect(declined.status).toBe('DECLINED');
      expect(statusesOf(declined)).toEqual([
        ['HN', 'OPEN'],
        ['GT', 'OPEN'],
      ]);
      expect(declined.offer).toMatchObject({ status: 'OPEN', remainingCapacity: 5 });
    });
  });

  describe('needs and offers in a twinning', () => {
    it('cannot be withdrawn while the twinning holds them', async () => {
      const offerId = await newOffer();
      const needId = await newNeed('HN');
      const { id } = await propose(world.member, offerId, [needId]);
      await respond(world.honduras, id, true);
      const need = await app.fails(
        'mutation ($id: ID!) { withdrawNeed(id: $id) { id } }',
        { id: needId },
        { as: world.honduras },
      );
      expect(need.extensions).toEqual({ code: 'CONFLICT', reason: 'NEED_NOT_OPEN' });
      expect(need.message).toBe(
        'The need is IN_TWINNING: only an OPEN need can be withdrawn (cancel its twinning first)',
      );
      const offer = await app.fails(
        'mutation ($id: ID!) { withdrawOffer(id: $id) { id } }',
        { id: offerId },
        { as: world.member },
      );
      expect(offer.extensions).toEqual({ code: 'CONFLICT', reason: 'HELD_BY_TWINNINGS' });
      expect(offer.message).toBe('The offer has live twinnings: cancel or complete them first');
    });

    it('a new focal point of a party country may answer for it', async () => {
      const token = await (async () => {
        await createUser(app, world.secretariat, {
          email: 'second@hn.test',
          role: 'COUNTRY_FOCAL_POINT',
          countryCode: 'HN',
        });
        return app.login('second@hn.test');
      })();
      const offerId = await newOffer();
      const twinning = await propose(world.member, offerId, [await newNeed('HN')]);
      const accepted = await respond(token, twinning.id, true);
      expect(accepted.status).toBe('ACCEPTED');
      expect(accepted.history[1].by).toEqual({ email: 'second@hn.test' });
    });
  });
});
