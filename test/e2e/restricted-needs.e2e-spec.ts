import ical, { VEvent } from 'node-ical';
import request from 'supertest';
import { NotificationJobs } from '../../src/notifications/notification-jobs';
import {
  anActivity,
  buildWorld,
  postNeed,
  postOffer,
  RECORD_ACTIVITY,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';
import { connect, listenForWebSocket, LiveClient, untilListening } from '../support/ws-client';

/**
 * A RESTRICTED need of Honduras (country A) on every read path: Guatemala's focal point
 * (country B), a member that is no party (the World Bank) and an observer see nothing of
 * it; Honduras, the secretariat and a party (the IRB, once a twinning includes it) do.
 */
type Reader = 'honduras' | 'secretariat' | 'party' | 'guatemala' | 'otherMember' | 'observer';
const SEE: Reader[] = ['honduras', 'secretariat', 'party'];
const DO_NOT_SEE: Reader[] = ['guatemala', 'otherMember', 'observer'];

const PROPOSE = `mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`;
const RESPOND = `mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }`;
const CONFIRM = `mutation ($id: ID!) { confirmTwinning(id: $id) { id } }`;

describe('restricted needs, on every read path', () => {
  let app: TestApp;
  let world: World;
  let tokens: Record<Reader, string>;
  let serial = 0;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    tokens = {
      honduras: world.honduras,
      secretariat: world.secretariat,
      party: world.member,
      guatemala: world.guatemala,
      otherMember: world.otherMember,
      observer: world.observer,
    };
  });

  afterAll(() => app.close());

  /** A word no other need of the test has, for a title and a search. */
  function uniqueWord(): string {
    serial += 1;
    return `zq${serial}restricted`;
  }

  /** A RESTRICTED need of Honduras, posted by its focal point; returns its id. */
  function restrictedNeed(overrides: Record<string, unknown> = {}): Promise<string> {
    return postNeed(app, world.honduras, { visibility: 'RESTRICTED', ...overrides });
  }

  /**
   * A twinning of a new IRB offer with the need, proposed by Honduras: the IRB becomes a
   * party (PENDING). `confirmed`: the IRB accepts and the secretariat confirms.
   */
  async function twinnedWithTheIrb(needId: string, confirmed = false) {
    const offerId = await postOffer(app, world.member, world.organizationId);
    const proposed = await app.ok(
      PROPOSE,
      { input: { offerId, needIds: [needId] } },
      { as: world.honduras },
    );
    const twinningId: string = proposed.proposeTwinning.id;
    if (confirmed) {
      await app.ok(RESPOND, { id: twinningId }, { as: world.member });
      await app.ok(CONFIRM, { id: twinningId }, { as: world.secretariat });
    }
    return { offerId, twinningId };
  }

  /** What each reader gets from `read`. */
  async function byReader<T>(read: (token: string) => Promise<T>): Promise<Record<Reader, T>> {
    const entries: [Reader, T][] = [];
    for (const reader of [...SEE, ...DO_NOT_SEE])
      entries.push([reader, await read(tokens[reader])]);
    return Object.fromEntries(entries) as Record<Reader, T>;
  }

  function everyone<T>(seen: T, unseen: T): Record<Reader, T> {
    return Object.fromEntries([
      ...SEE.map((reader) => [reader, seen]),
      ...DO_NOT_SEE.map((reader) => [reader, unseen]),
    ]) as Record<Reader, T>;
  }

  it('is PLATFORM unless said, and says its visibility', async () => {
    const platform = await postNeed(app, world.honduras);
    const restricted = await restrictedNeed();
    const read = (id: string) =>
      app.ok(
        'query ($id: ID!) { need(id: $id) { visibility } }',
        { id },
        { as: world.secretariat },
      );
    expect(await read(platform)).toEqual({ need: { visibility: 'PLATFORM' } });
    expect(await read(restricted)).toEqual({ need: { visibility: 'RESTRICTED' } });
  });

  it('needs lists and search', async () => {
    const word = uniqueWord();
    const id = await restrictedNeed({ title: `Case files ${word}` });
    await twinnedWithTheIrb(id);
    const listed = await byReader(async (token) => {
      const data = await app.ok(
        'query ($search: String) { needs(filter: { search: $search }) { totalCount edges { node { id } } } }',
        { search: word },
        { as: token },
      );
      return data.needs.edges.map((edge: { node: { id: string } }) => edge.node.id);
    });
    expect(listed).toEqual(everyone([id], []));
    // Filtered by its country too.
    const ofHonduras = await app.ok(
      '{ needs(filter: { countryCode: "HN" }, first: 100) { edges { node { id } } } }',
      {},
      { as: world.guatemala },
    );
    expect(
      ofHonduras.needs.edges.map((edge: { node: { id: string } }) => edge.node.id),
    ).not.toContain(id);
  });

  it('need(id): NOT_FOUND as for a missing need, never FORBIDDEN', async () => {
    const id = await restrictedNeed();
    await twinnedWithTheIrb(id);
    const missing = '00000000-0000-4000-8000-000000000000';
    const answers = await byReader(async (token) => {
      const body = await app.gql(
        'query ($id: ID!) { need(id: $id) { id } }',
        { id },
        { as: token },
      );
      return body.errors
        ? { code: body.errors[0].extensions.code, message: body.errors[0].message }
        : body.data!.need.id;
    });
    expect(answers).toEqual(
      everyone<unknown>(id, { code: 'NOT_FOUND', message: `Need ${id} was not found` }),
    );
    const absent = await app.fails(
      'query ($id: ID!) { need(id: $id) { id } }',
      { id: missing },
      {
        as: world.guatemala,
      },
    );
    expect(absent.message).toBe(`Need ${missing} was not found`);
  });

  it('changes by others: NOT_FOUND too, and a proposal cannot name it', async () => {
    const id = await restrictedNeed();
    const update = await app.fails(
      'mutation ($id: ID!) { updateNeed(id: $id, input: { title: "Mine" }) { id } }',
      { id },
      { as: world.guatemala },
    );
    expect(update.extensions.code).toBe('NOT_FOUND');
    const offerId = await postOffer(app, world.otherMember, world.otherOrganizationId);
    const proposal = await app.fails(
      PROPOSE,
      { input: { offerId, needIds: [id] } },
      {
        as: world.otherMember,
      },
    );
    expect(proposal.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'needIds', message: `no need has the id "${id}"` }],
    });
  });

  it('suggestions: never suggested to members, nor to others who may not read it', async () => {
    const word = uniqueWord();
    const id = await restrictedNeed({ title: `Adjudication training ${word}` });
    const offerId = await postOffer(app, world.member, world.organizationId);
    const suggested = await byReader(async (token) => {
      const data = await app.ok(
        'query ($offer: ID!) { suggestedNeeds(offerId: $offer, first: 100) { need { id } } }',
        { offer: offerId },
        { as: token },
      );
      return data.suggestedNeeds.some((pair: { need: { id: string } }) => pair.need.id === id);
    });
    // The IRB is no party of this need's twinnings (it has none): a member is never shown it.
    expect(suggested).toEqual({ ...everyone(true, false), party: false });

    const offersFor = await byReader(async (token) => {
      const body = await app.gql(
        'query ($need: ID!) { suggestedOffers(needId: $need) { offer { id } } }',
        { need: id },
        { as: token },
      );
      return body.errors ? body.errors[0].extensions.code : 'listed';
    });
    expect(offersFor).toEqual({ ...everyone('listed', 'NOT_FOUND'), party: 'NOT_FOUND' });
  });

  it('the matching plan: only the secretariat and its own country plan it', async () => {
    const id = await restrictedNeed({ workingGroupCode: 'EDUCATION' });
    await postOffer(app, world.member, world.organizationId, { workingGroupCodes: ['EDUCATION'] });
    const planned = await byReader(async (token) => {
      const data = await app.ok(
        '{ matchingPlan(workingGroupCode: "EDUCATION") { assignments { need { id } } unmatchedNeeds { id } } }',
        {},
        { as: token },
      );
      const ids = [
        ...data.matchingPlan.assignments.map((pair: { need: { id: string } }) => pair.need.id),
        ...data.matchingPlan.unmatchedNeeds.map((need: { id: string }) => need.id),
      ];
      return ids.includes(id);
    });
    expect(planned).toEqual({ ...everyone(true, false), party: false });
  });

  it('twinning and activity views: a twinning that includes it is its parties’ and the secretariat’s', async () => {
    const id = await restrictedNeed();
    const { offerId, twinningId } = await twinnedWithTheIrb(id, true);
    const activity = await app.ok(
      RECORD_ACTIVITY,
      { input: anActivity(twinningId, { title: 'Closed-door workshop' }) },
      { as: world.secretariat },
    );
    const activityId: string = activity.recordActivity.id;

    const views = await byReader(async (token) => {
      const twinning = await app.gql(
        'query ($id: ID!) { twinning(id: $id) { needs { id } } }',
        { id: twinningId },
        { as: token },
      );
      const list = await app.ok(
        '{ twinnings(first: 100) { edges { node { id } } } }',
        {},
        { as: token },
      );
      const offer = await app.ok(
        'query ($id: ID!) { offer(id: $id) { twinnings { id } } }',
        { id: offerId },
        { as: token },
      );
      const one = await app.gql(
        'query ($id: ID!) { activity(id: $id) { id } }',
        { id: activityId },
        { as: token },
      );
      const activities = await app.ok(
        '{ activities(first: 100) { edges { node { id } } } }',
        {},
        { as: token },
      );
      return {
        twinning: twinning.errors ? twinning.errors[0].extensions.code : twinning.data!.twinning,
        listed: list.twinnings.edges.some(
          (edge: { node: { id: string } }) => edge.node.id === twinningId,
        ),
        offerTwinnings: offer.offer.twinnings.length,
        activity: one.errors ? one.errors[0].extensions.code : 'read',
        activities: activities.activities.edges.some(
          (edge: { node: { id: string } }) => edge.node.id === activityId,
        ),
      };
    });
    expect(views).toEqual(
      everyone(
        {
          twinning: { needs: [{ id }] },
          listed: true,
          offerTwinnings: 1,
          activity: 'read',
          activities: true,
        },
        {
          twinning: 'NOT_FOUND',
          listed: false,
          offerTwinnings: 0,
          activity: 'NOT_FOUND',
          activities: false,
        },
      ),
    );
  });

  it('the calendar (/calendar.ics) of others leaves its activities out', async () => {
    const id = await restrictedNeed();
    const { twinningId } = await twinnedWithTheIrb(id, true);
    const recorded = await app.ok(
      RECORD_ACTIVITY,
      { input: anActivity(twinningId, { title: 'Restricted session' }) },
      { as: world.honduras },
    );
    const uid = `${recorded.recordActivity.id as string}@mirps-twinning`;
    const inCalendar = await byReader(async (token) => {
      const data = await app.ok('{ me { calendarUrl } }', {}, { as: token });
      const calendarToken = new URL(data.me.calendarUrl as string).searchParams.get('token');
      const response = await request(app.app.getHttpServer())
        .get(`/calendar.ics?token=${calendarToken}`)
        .expect(200);
      return Object.values(ical.parseICS(response.text))
        .filter((item): item is VEvent => item?.type === 'VEVENT')
        .some((event) => event.uid === uid);
    });
    expect(inCalendar).toEqual(everyone(true, false));
  });

  describe('subscriptions', () => {
    let url: string;
    const clients: LiveClient[] = [];

    beforeAll(async () => {
      url = await listenForWebSocket(app.app);
    });

    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
      await untilListening(app.app, 0);
    });

    async function subscribed(query: string, variables?: Record<string, unknown>) {
      const subscriptions = {} as Record<Reader, { next(): Promise<unknown> }>;
      for (const reader of [...SEE, ...DO_NOT_SEE]) {
        const client = connect(url, `Bearer ${tokens[reader]}`);
        clients.push(client);
        expect(await client.connected).toBe('connected');
        subscriptions[reader] = client.subscribe(query, variables);
      }
      await untilListening(app.app, SEE.length + DO_NOT_SEE.length);
      return subscriptions;
    }

    it('needPosted: the restricted need reaches those who may read it only', async () => {
      const live = await subscribed(
        'subscription { needPosted(workingGroupCode: "HEALTH") { id visibility } }',
      );
      const restricted = await restrictedNeed({ workingGroupCode: 'HEALTH' });
      const platform = await postNeed(app, world.honduras, { workingGroupCode: 'HEALTH' });
      // The IRB has no twinning with this one: it is not told.
      const firsts = {} as Record<Reader, unknown>;
      for (const reader of [...SEE, ...DO_NOT_SEE]) firsts[reader] = await live[reader].next();
      const restrictedFirst = {
        data: { needPosted: { id: restricted, visibility: 'RESTRICTED' } },
      };
      const platformFirst = { data: { needPosted: { id: platform, visibility: 'PLATFORM' } } };
      expect(firsts).toEqual({
        ...everyone(restrictedFirst, platformFirst),
        party: platformFirst,
      });
    });

    it('twinningChanged: observers, who follow every twinning, are not told of one that includes it', async () => {
      const live = await subscribed('subscription { twinningChanged { id needs { id } } }');
      const id = await restrictedNeed();
      const { twinningId } = await twinnedWithTheIrb(id);
      // Then a twinning of a platform need, which the observer does follow.
      const platform = await postNeed(app, world.guatemala, { countryCode: 'GT' });
      const offerId = await postOffer(app, world.otherMember, world.otherOrganizationId);
      const other = await app.ok(
        PROPOSE,
        { input: { offerId, needIds: [platform] } },
        { as: world.otherMember },
      );
      const restrictedChange = { data: { twinningChanged: { id: twinningId, needs: [{ id }] } } };
      const platformChange = {
        data: { twinningChanged: { id: other.proposeTwinning.id, needs: [{ id: platform }] } },
      };
      expect(await live.secretariat.next()).toEqual(restrictedChange);
      expect(await live.honduras.next()).toEqual(restrictedChange);
      expect(await live.party.next()).toEqual(restrictedChange);
      expect(await live.observer.next()).toEqual(platformChange);
      expect(await live.guatemala.next()).toEqual(platformChange);
      expect(await live.otherMember.next()).toEqual(platformChange);
    });
  });

  it('notifications: the NEW_MATCHES digest never suggests it to members', async () => {
    // A working group no other test posts in: the offer is the best fit of both needs.
    const word = uniqueWord();
    const inGroup = { workingGroupCode: 'STATISTICAL_INCLUSION' };
    await postOffer(app, world.otherMember, world.otherOrganizationId, {
      title: `Asylum adjudication training ${word}`,
      workingGroupCodes: [inGroup.workingGroupCode],
    });
    const restricted = `Restricted adjudication training ${word}`;
    const platform = `Platform adjudication training ${word}`;
    await restrictedNeed({ ...inGroup, title: restricted });
    await postNeed(app, world.honduras, { ...inGroup, title: platform });
    await app.app.get(NotificationJobs).digest({ lastRunAt: null, now: new Date() });
    const bodies = async (token: string) => {
      const data = await app.ok(
        '{ myNotifications(first: 50) { edges { node { kind body } } } }',
        {},
        { as: token },
      );
      return data.myNotifications.edges
        .filter((edge: { node: { kind: string } }) => edge.node.kind === 'NEW_MATCHES')
        .map((edge: { node: { body: string } }) => edge.node.body)
        .join('\n');
    };
    const toTheMember = await bodies(world.otherMember);
    expect(toTheMember).toContain(platform);
    expect(toTheMember).not.toContain(restricted);
    // Honduras hears of the offer for both of its needs: they are its own.
    const toHonduras = await bodies(world.honduras);
    expect(toHonduras).toContain(restricted);
    expect(toHonduras).toContain(platform);
  });

  it('reports: counted for everyone, never named', async () => {
    const cell = async (token: string) => {
      const data = await app.ok(
        '{ coverageReport(workingGroupCode: "SOCIAL_PROTECTION") { country { code } needs open } platformSummary { needsPosted } }',
        {},
        { as: token },
      );
      const honduras = data.coverageReport.find(
        (row: { country: { code: string } }) => row.country.code === 'HN',
      );
      return {
        needs: honduras.needs,
        open: honduras.open,
        posted: data.platformSummary.needsPosted,
      };
    };
    const before = await byReader(cell);
    await restrictedNeed({ workingGroupCode: 'SOCIAL_PROTECTION' });
    const after = await byReader(cell);
    for (const reader of [...SEE, ...DO_NOT_SEE]) {
      expect(after[reader]).toEqual({
        needs: before[reader].needs + 1,
        open: before[reader].open + 1,
        posted: before[reader].posted + 1,
      });
    }
  });

  it('reports: twinnings of restricted needs are counted for everyone, their parties named only to those who read them', async () => {
    // The period holds this test's work alone (the tests of a file run one after another).
    const from = new Date();
    const confirmed = await twinnedWithTheIrb(await restrictedNeed(), true);
    const done = await app.ok(
      RECORD_ACTIVITY,
      {
        input: anActivity(confirmed.twinningId, {
          title: 'Closed-door training',
          startsAt: new Date().toISOString(),
          endsAt: null,
          participantCountryCodes: ['CR'],
        }),
      },
      { as: world.member },
    );
    await app.ok(
      'mutation ($id: ID!, $input: CompleteActivityInput!) { completeActivity(id: $id, input: $input) { id } }',
      {
        id: done.recordActivity.id,
        input: { women: 4, men: 2, other: 1, outcome: 'Held in private' },
      },
      { as: world.member },
    );
    const completed = await twinnedWithTheIrb(await restrictedNeed(), true);
    await app.ok(
      'mutation ($id: ID!) { completeTwinning(id: $id) { id } }',
      { id: completed.twinningId },
      { as: world.secretariat },
    );
    // And a twinning of an open need of Guatemala with the World Bank, which everyone reads.
    const open = await postNeed(app, world.guatemala, { countryCode: 'GT' });
    const offerId = await postOffer(app, world.otherMember, world.otherOrganizationId);
    const proposed = await app.ok(
      PROPOSE,
      { input: { offerId, needIds: [open] } },
      { as: world.otherMember },
    );
    await app.ok(RESPOND, { id: proposed.proposeTwinning.id }, { as: world.guatemala });
    await app.ok(CONFIRM, { id: proposed.proposeTwinning.id }, { as: world.secretariat });
    const to = new Date(Date.now() + 1);

    const summaries = await byReader(async (token) => {
      const data = await app.ok(
        `query ($from: DateTime!, $to: DateTime!) { platformSummary(from: $from, to: $to) {
          needsPosted twinningsConfirmed twinningsCompleted activitiesDone
          participants { total } countriesInvolved { code } membersInvolved { name } } }`,
        { from: from.toISOString(), to: to.toISOString() },
        { as: token },
      );
      const summary = data.platformSummary;
      return {
        counted: [
          summary.needsPosted,
          summary.twinningsConfirmed,
          summary.twinningsCompleted,
          summary.activitiesDone,
          summary.participants.total,
        ],
        countries: summary.countriesInvolved.map((country: { code: string }) => country.code),
        members: summary.membersInvolved.map((member: { name: string }) => member.name),
      };
    });
    expect(summaries).toEqual(
      everyone(
        {
          counted: [3, 3, 1, 1, 7],
          // Costa Rica took part in the restricted twinning's activity.
          countries: ['CR', 'GT', 'HN'],
          members: ['Immigration and Refugee Board of Canada', 'World Bank Group'],
        },
        { counted: [3, 3, 1, 1, 7], countries: ['GT'], members: ['World Bank Group'] },
      ),
    );
  });

  it('the audit trail: the secretariat’s alone, and it holds ids only', async () => {
    const id = await restrictedNeed();
    const entries = await app.ok(
      'query ($id: ID) { auditLog(filter: { targetId: $id }) { edges { node { operation targetIds } } } }',
      { id },
      { as: world.secretariat },
    );
    expect(entries.auditLog.edges).toEqual([
      { node: { operation: 'createNeed', targetIds: [id] } },
    ]);
    for (const reader of ['honduras', 'party', ...DO_NOT_SEE] as Reader[]) {
      const refused = await app.fails('{ auditLog { totalCount } }', {}, { as: tokens[reader] });
      expect(refused.extensions.code).toBe('FORBIDDEN');
    }
  });
});
