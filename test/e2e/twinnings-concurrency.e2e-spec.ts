import { buildWorld, postNeed, postOffer, theOneWinningProposal, World } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const PROPOSE = `mutation Propose($input: ProposeTwinningInput!) {
  proposeTwinning(input: $input) { id status needs { id status } }
}`;
const RACERS = 20;

interface Proposed {
  id: string;
  status: string;
  needs: { id: string }[];
}

describe('capacity that cannot be oversold', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  it(`lets exactly one of ${RACERS} simultaneous proposals take the last unit of an offer`, async () => {
    const offerId = await postOffer(app, world.member, world.organizationId, { capacity: 1 });
    const needIds: string[] = [];
    for (let index = 0; index < RACERS; index += 1) {
      needIds.push(
        await postNeed(app, world.secretariat, {
          countryCode: index % 2 === 0 ? 'HN' : 'GT',
          title: `Need ${index + 1}`,
        }),
      );
    }

    const answers = await Promise.all(
      needIds.map((needId) =>
        app.gql<{ proposeTwinning: Proposed }>(
          PROPOSE,
          { input: { offerId, needIds: [needId] } },
          { as: world.secretariat },
        ),
      ),
    );

    const winner = theOneWinningProposal(answers);
    expect(winner.status).toBe('PROPOSED');

    // The data agree with the answers.
    const offer = await app.ok(
      'query ($id: ID!) { offer(id: $id) { status capacity remainingCapacity twinnings { id } } }',
      { id: offerId },
      { as: world.observer },
    );
    expect(offer.offer).toEqual({
      status: 'FULL',
      capacity: 1,
      remainingCapacity: 0,
      twinnings: [{ id: winner.id }],
    });
    const [stored] = await app.sql(
      'SELECT "reservedCapacity", "status" FROM "offers" WHERE "id" = :offerId',
      { offerId },
    );
    expect(stored).toEqual({ reservedCapacity: 1, status: 'FULL' });

    const inTwinning = await app.sql(
      `SELECT "id" FROM "needs" WHERE "status" = 'IN_TWINNING' AND "id" IN (:...needIds)`,
      { needIds },
    );
    expect(inTwinning).toEqual([{ id: winner.needs[0].id }]);
    // Nothing of the 19 refused proposals was written.
    const [written] = await app.sql(
      `SELECT
         (SELECT CAST(COUNT(*) AS INTEGER) FROM "twinnings" WHERE "offerId" = :offerId) AS "twinnings",
         (SELECT CAST(COUNT(*) AS INTEGER) FROM "twinning_needs" WHERE "needId" IN (:...needIds)) AS "needs",
         (SELECT CAST(COUNT(*) AS INTEGER) FROM "twinning_parties" WHERE "twinningId" = :twinningId) AS "parties",
         (SELECT CAST(COUNT(*) AS INTEGER) FROM "twinning_status_changes" WHERE "twinningId" = :twinningId) AS "steps"`,
      { offerId, needIds, twinningId: winner.id },
    );
    expect(written).toEqual({ twinnings: 1, needs: 1, parties: 2, steps: 1 });
  });

  it('keeps capacity exact when proposals race with cancellations of the same offer', async () => {
    const offerId = await postOffer(app, world.member, world.organizationId, { capacity: 3 });
    const needIds: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      needIds.push(await postNeed(app, world.secretariat, { title: `Racing need ${index + 1}` }));
    }
    const first = await Promise.all(
      needIds
        .slice(0, 6)
        .map((needId) =>
          app.gql(PROPOSE, { input: { offerId, needIds: [needId] } }, { as: world.member }),
        ),
    );
    const held = first.filter((answer) => answer.data?.proposeTwinning);
    expect(held).toHaveLength(3);

    // Cancel the three live twinnings while six more proposals race for the freed units.
    const answers = await Promise.all([
      ...held.map((answer) =>
        app.gql(
          'mutation ($id: ID!) { cancelTwinning(id: $id, reason: "Race") { status } }',
          { id: answer.data!.proposeTwinning.id },
          { as: world.secretariat },
        ),
      ),
      ...needIds
        .slice(6)
        .map((needId) =>
          app.gql(PROPOSE, { input: { offerId, needIds: [needId] } }, { as: world.member }),
        ),
    ]);
    expect(answers.slice(0, 3).every((answer) => !answer.errors)).toBe(true);
    const live = answers.slice(3).filter((answer) => answer.data?.proposeTwinning).length;

    const [stored] = await app.sql(
      'SELECT "reservedCapacity" FROM "offers" WHERE "id" = :offerId',
      { offerId },
    );
    const [inTwinning] = await app.sql(
      `SELECT COUNT(*) AS "count" FROM "needs" WHERE "status" = 'IN_TWINNING' AND "title" LIKE 'Racing need %'`,
    );
    expect(live).toBeGreaterThanOrEqual(0);
    expect(live).toBeLessThanOrEqual(3);
    expect(stored.reservedCapacity).toBe(live);
    // The member's proposals hold its capacity, not Honduras's needs, which Honduras has
    // not agreed to: they stay OPEN until it accepts.
    expect(Number(inTwinning.count)).toBe(0);
  });

  it('lets exactly one of simultaneous acceptances take the last unit, when the countries proposed', async () => {
    const offerId = await postOffer(app, world.member, world.organizationId, { capacity: 1 });
    const twinningIds: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const needId = await postNeed(app, world.secretariat, { title: `Country-proposed ${index}` });
      const data = await app.ok<{ proposeTwinning: Proposed }>(
        PROPOSE,
        { input: { offerId, needIds: [needId] } },
        { as: world.honduras },
      );
      twinningIds.push(data.proposeTwinning.id);
    }
    // Honduras's proposals hold its needs, not the member's capacity.
    const answers = await Promise.all(
      twinningIds.map((id) =>
        app.gql<{ respondToTwinning: { status: string } }>(
          'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { status } }',
          { id },
          { as: world.member },
        ),
      ),
    );
    const accepted = answers.filter((answer) => answer.data?.respondToTwinning);
    expect(accepted.map((answer) => answer.data!.respondToTwinning.status)).toEqual(['ACCEPTED']);
    for (const refused of answers.filter((answer) => answer.errors)) {
      expect(refused.errors).toEqual([
        expect.objectContaining({
          message: 'The offer has 0 of its capacity of 1 left: not enough for 1 need',
          extensions: { code: 'CONFLICT', reason: 'CAPACITY_EXHAUSTED' },
        }),
      ]);
    }
    const [stored] = await app.sql(
      'SELECT "reservedCapacity", "status" FROM "offers" WHERE "id" = :offerId',
      { offerId },
    );
    expect(stored).toEqual({ reservedCapacity: 1, status: 'FULL' });
  });

  it('lets a country accept only one of simultaneous twinnings of the same need', async () => {
    const needId = await postNeed(app, world.secretariat, { title: 'Wanted twice' });
    const twinningIds: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const offerId = await postOffer(app, world.member, world.organizationId);
      const data = await app.ok<{ proposeTwinning: Proposed }>(
        PROPOSE,
        { input: { offerId, needIds: [needId] } },
        { as: world.member },
      );
      twinningIds.push(data.proposeTwinning.id);
    }
    const answers = await Promise.all(
      twinningIds.map((id) =>
        app.gql<{ respondToTwinning: { status: string } }>(
          'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { status } }',
          { id },
          { as: world.honduras },
        ),
      ),
    );
    expect(answers.filter((answer) => answer.data?.respondToTwinning)).toHaveLength(1);
    for (const refused of answers.filter((answer) => answer.errors)) {
      expect(refused.errors).toEqual([
        expect.objectContaining({
          message: 'The need "Wanted twice" is IN_TWINNING: only an OPEN need can join a twinning',
          extensions: { code: 'CONFLICT', reason: 'NEED_NOT_OPEN' },
        }),
      ]);
    }
    const held = await app.sql(`SELECT "status" FROM "needs" WHERE "id" = :needId`, { needId });
    expect(held).toEqual([{ status: 'IN_TWINNING' }]);
  });
});
