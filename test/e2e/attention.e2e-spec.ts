import { ManualClock } from '../../src/common/clock/clock';
import {
  aConfirmedTwinning,
  anActivity,
  buildWorld,
  postNeed,
  postOffer,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const ATTENTION = `query ($countryCode: String, $workingGroupCode: String, $first: Int) {
  attention(countryCode: $countryCode, workingGroupCode: $workingGroupCode, first: $first) {
    kind level days since
    need { id title }
    offer { id }
    twinning { id status }
  }
}`;

interface Item {
  kind: string;
  level: string;
  days: number;
  since: string;
  need: { id: string; title: string } | null;
  offer: { id: string } | null;
  twinning: { id: string; status: string } | null;
}

describe('the attention list', () => {
  let app: TestApp;
  let world: World;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock();
    app = await startTestApp({ clock });
    world = await buildWorld(app);
  });
  afterEach(() => app.close());

  const attention = async (token: string, variables: Record<string, unknown> = {}) =>
    (await app.ok<{ attention: Item[] }>(ATTENTION, variables, { as: token })).attention;
  /** What a list says, in short: kind, level, days and what it is about. */
  const brief = (items: Item[]) =>
    items.map((item) => [
      item.kind,
      item.level,
      item.days,
      item.need?.id ?? item.offer?.id ?? item.twinning?.id,
    ]);

  it('shows an open need nobody proposed for to its country and the secretariat, amber after 60 days and red after 120', async () => {
    const honduran = await postNeed(app, world.honduras, { title: 'Registro de solicitantes' });
    const guatemalan = await postNeed(app, world.guatemala, { countryCode: 'GT' });

    clock.advanceDays(59.9);
    expect(await attention(world.honduras)).toEqual([]);
    expect(await attention(world.secretariat)).toEqual([]);

    clock.advanceDays(0.2);
    expect(brief(await attention(world.honduras))).toEqual([
      ['NEED_UNMATCHED', 'AMBER', 60, honduran],
    ]);
    expect(brief(await attention(world.guatemala))).toEqual([
      ['NEED_UNMATCHED', 'AMBER', 60, guatemalan],
    ]);
    const secretariat = await attention(world.secretariat);
    expect(secretariat.map((item) => item.need?.id).sort()).toEqual([honduran, guatemalan].sort());
    // Members hear of open needs through the daily digest; observers act on nothing.
    expect(await attention(world.member)).toEqual([]);
    expect(await attention(world.observer)).toEqual([]);

    clock.advanceDays(60);
    const [item] = await attention(world.honduras);
    expect(item).toMatchObject({
      kind: 'NEED_UNMATCHED',
      level: 'RED',
      days: 120,
      need: { id: honduran, title: 'Registro de solicitantes' },
      offer: null,
      twinning: null,
    });

    // The filters narrow the secretariat's list.
    expect(brief(await attention(world.secretariat, { countryCode: 'GT' }))).toEqual([
      ['NEED_UNMATCHED', 'RED', 120, guatemalan],
    ]);
    expect(await attention(world.secretariat, { workingGroupCode: 'SOCIAL_PROTECTION' })).toEqual(
      [],
    );
  });

  it('shows a proposal to the party that must answer, until it answers; then the confirmed twinning until an activity is recorded', async () => {
    const offerId = await postOffer(app, world.member, world.organizationId);
    const needId = await postNeed(app, world.honduras);
    const { proposeTwinning } = await app.ok<{ proposeTwinning: { id: string } }>(
      'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
      { input: { offerId, needIds: [needId] } },
      { as: world.member },
    );
    const id = proposeTwinning.id;

    clock.advanceDays(7);
    expect(brief(await attention(world.honduras))).toEqual([
      ['PROPOSAL_UNANSWERED', 'AMBER', 7, id],
    ]);
    // The member proposed (its side has answered): nothing waits for it.
    expect(await attention(world.member)).toEqual([]);
    expect(brief(await attention(world.secretariat))).toEqual([
      ['PROPOSAL_UNANSWERED', 'AMBER', 7, id],
    ]);
    expect(await attention(world.guatemala)).toEqual([]);

    clock.advanceDays(7);
    expect(brief(await attention(world.honduras))).toEqual([
      ['PROPOSAL_UNANSWERED', 'RED', 14, id],
    ]);
    // A proposed need is not unmatched, however long it waits.
    clock.advanceDays(60);
    expect(brief(await attention(world.honduras))).toEqual([
      ['PROPOSAL_UNANSWERED', 'RED', 74, id],
    ]);

    await app.ok(
      'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }',
      { id },
      {
        as: world.honduras,
      },
    );
    expect(await attention(world.honduras)).toEqual([]);
    await app.ok(
      'mutation ($id: ID!) { confirmTwinning(id: $id) { id } }',
      { id },
      {
        as: world.secretariat,
      },
    );

    clock.advanceDays(30);
    for (const token of [world.honduras, world.member, world.secretariat]) {
      expect(brief(await attention(token))).toEqual([
        ['TWINNING_WITHOUT_ACTIVITY', 'AMBER', 30, id],
      ]);
    }
    expect(await attention(world.otherMember)).toEqual([]);
    expect(await attention(world.guatemala)).toEqual([]);

    await app.ok(
      'mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }',
      { input: anActivity(id) },
      { as: world.member },
    );
    expect(await attention(world.secretariat)).toEqual([]);
  });

  it('counts an open need again from the day its last twinning ended', async () => {
    const id = await aConfirmedTwinning(app, world);
    const [needId] = (
      await app.ok<{ twinning: { needs: { id: string }[] } }>(
        'query ($id: ID!) { twinning(id: $id) { needs { id } } }',
        { id },
        { as: world.secretariat },
      )
    ).twinning.needs.map((need) => need.id);
    clock.advanceDays(100);
    await app.ok(
      'mutation ($id: ID!) { cancelTwinning(id: $id, reason: "The ministry changed its priorities") { id } }',
      { id },
      { as: world.secretariat },
    );
    // Posted 100 days ago, but open again only since today.
    expect(await attention(world.honduras)).toEqual([]);
    clock.advanceDays(59.9);
    expect(await attention(world.honduras)).toEqual([]);
    clock.advanceDays(0.2);
    expect(brief(await attention(world.honduras))).toEqual([
      ['NEED_UNMATCHED', 'AMBER', 60, needId],
    ]);
  });

  it('shows a posting about to expire to whoever may renew it, amber a month before and red in the last week, until it is renewed', async () => {
    const needId = await postNeed(app, world.honduras);
    const offerId = await postOffer(app, world.member, world.organizationId);

    clock.advanceDays(334.9); // 30.1 days left of 365
    expect(await attention(world.member)).toEqual([]);
    clock.advanceDays(0.2); // 29.9 days left
    expect(brief(await attention(world.member))).toEqual([
      ['POSTING_EXPIRING', 'AMBER', 0, offerId],
    ]);
    // Red (unmatched) first, then amber.
    expect(brief(await attention(world.honduras))).toEqual([
      ['NEED_UNMATCHED', 'RED', 335, needId],
      ['POSTING_EXPIRING', 'AMBER', 0, needId],
    ]);
    expect(await attention(world.otherMember)).toEqual([]);

    clock.advanceDays(23); // 6.9 days left
    expect(brief(await attention(world.member))).toEqual([
      ['POSTING_EXPIRING', 'RED', 23, offerId],
    ]);
    const [first, ...expiring] = brief(
      await attention(world.secretariat, { workingGroupCode: 'ASYLUM_SYSTEMS' }),
    );
    expect(first).toEqual(['NEED_UNMATCHED', 'RED', 358, needId]);
    // Posted at the same moment: the two expiring postings tie, in the order of their ids.
    expect(expiring).toEqual(
      [
        ['POSTING_EXPIRING', 'RED', 23, needId],
        ['POSTING_EXPIRING', 'RED', 23, offerId],
      ].sort((a, b) => String(a[3]).localeCompare(String(b[3]))),
    );

    await app.ok(
      'mutation ($id: ID!) { renewOffer(id: $id) { id } }',
      { id: offerId },
      { as: world.member },
    );
    await app.ok(
      'mutation ($id: ID!) { renewNeed(id: $id) { id } }',
      { id: needId },
      { as: world.honduras },
    );
    expect(await attention(world.member)).toEqual([]);
    expect(brief(await attention(world.honduras))).toEqual([
      ['NEED_UNMATCHED', 'RED', 358, needId],
    ]);
  });

  it('shows a follow-up past due to each party that has not answered, until it answers', async () => {
    const id = await aConfirmedTwinning(app, world);
    await app.ok(
      'mutation ($id: ID!) { completeTwinning(id: $id) { id } }',
      { id },
      {
        as: world.member,
      },
    );
    const followUpOf = async () =>
      (
        await app.ok<{ twinning: { followUps: { id: string }[] } }>(
          'query ($id: ID!) { twinning(id: $id) { followUps { id } } }',
          { id },
          { as: world.secretariat },
        )
      ).twinning.followUps[0].id;
    const followUpId = await followUpOf();

    clock.advanceDays(179.9);
    expect(await attention(world.honduras)).toEqual([]);
    clock.advanceDays(0.2);
    for (const token of [world.honduras, world.member, world.secretariat]) {
      expect(brief(await attention(token))).toEqual([['FOLLOW_UP_OVERDUE', 'AMBER', 0, id]]);
    }
    expect(await attention(world.guatemala)).toEqual([]);

    const answer = (token: string) =>
      app.ok(
        'mutation ($id: ID!) { submitFollowUp(followUpId: $id, rating: 4, outcome: "Officers trained") { id } }',
        { id: followUpId },
        { as: token },
      );
    await answer(world.honduras);
    expect(await attention(world.honduras)).toEqual([]);
    clock.advanceDays(30);
    expect(brief(await attention(world.member))).toEqual([['FOLLOW_UP_OVERDUE', 'RED', 30, id]]);
    expect(brief(await attention(world.secretariat))).toEqual([
      ['FOLLOW_UP_OVERDUE', 'RED', 30, id],
    ]);
    await answer(world.member);
    expect(await attention(world.secretariat)).toEqual([]);
  });

  it('puts red first and the longest waiting first, and gives the most urgent `first`', async () => {
    const oldest = await postNeed(app, world.honduras, { title: 'Oldest' });
    clock.advanceDays(10);
    const middle = await postNeed(app, world.honduras, { title: 'Middle' });
    clock.advanceDays(50);
    const newest = await postNeed(app, world.honduras, { title: 'Newest' });
    clock.advanceDays(62);
    // oldest: 122 days (red), middle: 112, newest: 62 (amber).
    expect(brief(await attention(world.honduras))).toEqual([
      ['NEED_UNMATCHED', 'RED', 122, oldest],
      ['NEED_UNMATCHED', 'AMBER', 112, middle],
      ['NEED_UNMATCHED', 'AMBER', 62, newest],
    ]);
    expect(brief(await attention(world.honduras, { first: 2 }))).toEqual([
      ['NEED_UNMATCHED', 'RED', 122, oldest],
      ['NEED_UNMATCHED', 'AMBER', 112, middle],
    ]);
  });

  it('refuses a `first` out of range, naming it', async () => {
    for (const first of [0, 201]) {
      const answer = await app.gql(ATTENTION, { first }, { as: world.secretariat });
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'first' })],
      });
    }
  });
});
