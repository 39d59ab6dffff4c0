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
    expect(Number(inTwinning.count)).toBe(live);
  });
});
