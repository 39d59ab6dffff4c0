import { JwtService } from '@nestjs/jwt';
import { MessageType } from 'graphql-ws';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { MAX_SUBSCRIPTIONS_PER_CONNECTION } from '../../src/events/subscription-server';
import {
  anActivity,
  buildWorld,
  createUser,
  postNeed,
  postOffer,
  RECORD_ACTIVITY,
  World,
} from '../support/builders';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';
import { connect, listenForWebSocket, LiveClient, untilListening } from '../support/ws-client';

const JWT_SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
/** `redis://127.0.0.1:6379` runs the test across two instances; unset, it is skipped. */
const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

const NEED_POSTED = `subscription NeedPosted($group: String!) {
  needPosted(workingGroupCode: $group) { id title status country { code } workingGroup { code } }
}`;
const OFFER_POSTED = `subscription OfferPosted($group: String!) {
  offerPosted(workingGroupCode: $group) { id title workingGroups { code } organization { id } }
}`;
const TWINNING_CHANGED = `subscription TwinningChanged {
  twinningChanged {
    id status
    needs { id }
    parties { country { code } organization { id } response }
    activities { title status }
    history { to }
  }
}`;

const PROPOSE =
  'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }';
const RESPOND =
  'mutation ($id: ID!, $accept: Boolean!) { respondToTwinning(id: $id, accept: $accept) { id } }';
const CONFIRM = 'mutation ($id: ID!) { confirmTwinning(id: $id) { id } }';
const COMPLETE = 'mutation ($id: ID!) { completeTwinning(id: $id) { id } }';
const COMPLETE_ACTIVITY = `mutation ($id: ID!) {
  completeActivity(id: $id, input: { women: 3, men: 2, other: 0, outcome: "Trained" }) { id }
}`;

/** What a client receives when a token is refused: the socket closes, 4401. */
function refused(why: string) {
  return { code: 4401, reason: `UNAUTHENTICATED: ${why}` };
}

describe('live updates (GraphQL subscriptions over graphql-ws)', () => {
  let app: TestApp;
  let world: World;
  let url: string;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    url = await listenForWebSocket(app.app);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await untilListening(app.app, 0);
  });

  afterAll(() => app.close());

  /** A connection with this token, acknowledged by the server. */
  async function signedIn(token: string): Promise<LiveClient> {
    const client = connect(url, `Bearer ${token}`);
    clients.push(client);
    expect(await client.connected).toBe('connected');
    return client;
  }

  /** A connection that the server is expected to refuse: how it was closed. */
  async function refusal(authorization?: string) {
    const client = connect(url, authorization);
    clients.push(client);
    return client.connected;
  }

  async function propose(token: string, offerId: string, needIds: string[]): Promise<string> {
    const data = await app.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE,
      { input: { offerId, needIds } },
      { as: token },
    );
    return data.proposeTwinning.id;
  }

  describe('needPosted', () => {
    it('delivers the needs posted in the working group subscribed to, and only those', async () => {
      const client = await signedIn(world.observer);
      const asylum = client.subscribe(NEED_POSTED, { group: 'ASYLUM_SYSTEMS' });
      const health = client.subscribe(NEED_POSTED, { group: 'HEALTH' });
      await untilListening(app.app, 2);

      const healthNeed = await postNeed(app, world.secretariat, {
        countryCode: 'GT',
        workingGroupCode: 'HEALTH',
        title: 'Mental health care for asylum seekers',
      });
      const asylumNeed = await postNeed(app, world.honduras, { title: 'Registration backlog' });

      // The asylum subscription's first event is the need posted after the health one.
      expect(await asylum.next()).toEqual({
        data: {
          needPosted: {
            id: asylumNeed,
            title: 'Registration backlog',
            status: 'OPEN',
            country: { code: 'HN' },
            workingGroup: { code: 'ASYLUM_SYSTEMS' },
          },
        },
      });
      expect(await health.next()).toEqual({
        data: {
          needPosted: {
            id: healthNeed,
            title: 'Mental health care for asylum seekers',
            status: 'OPEN',
            country: { code: 'GT' },
            workingGroup: { code: 'HEALTH' },
          },
        },
      });
    });

    it('delivers a need moved into the working group, and nothing for other changes', async () => {
      const need = await postNeed(app, world.secretariat, { workingGroupCode: 'EDUCATION' });
      const client = await signedIn(world.guatemala);
      const health = client.subscribe<{ needPosted: { id: string } }>(
        'subscription { needPosted(workingGroupCode: "HEALTH") { id workingGroup { code } } }',
      );
      await untilListening(app.app, 1);

      // Changed without moving, then moved: only the move is news in HEALTH.
      for (const input of [{ title: 'Renamed' }, { workingGroupCode: 'HEALTH' }]) {
        await app.ok(
          'mutation ($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }',
          { id: need, input },
          { as: world.secretariat },
        );
      }
      expect(await health.next()).toEqual({
        data: { needPosted: { id: need, workingGroup: { code: 'HEALTH' } } },
      });
    });

    it('announces nothing for a refused write or one rolled back', async () => {
      const client = await signedIn(world.secretariat);
      const asylum = client.subscribe<{ needPosted: { id: string; title: string } }>(
        'subscription { needPosted(workingGroupCode: "ASYLUM_SYSTEMS") { id title } }',
      );
      await untilListening(app.app, 1);
      const needs = await app.rowCount('needs');

      // Refused before any write: another country's need, bad input.
      const forbidden = await app.fails(
        'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
        { input: { ...needInput(), countryCode: 'GT' } },
        { as: world.honduras },
      );
      expect(forbidden.extensions.code).toBe('FORBIDDEN');
      // Written, then rolled back: the transaction fails after the need is inserted.
      const transactions = app.app.get(TransactionRunner);
      const run = transactions.run.bind(transactions);
      jest.spyOn(transactions, 'run').mockImplementationOnce((work) =>
        run(async (manager) => {
          await work(manager);
          throw new Error('The commit failed');
        }),
      );
      const rolledBack = await app.fails(
        'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
        { input: { ...needInput(), title: 'Rolled back' } },
        { as: world.secretariat },
      );
      expect(rolledBack.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await app.rowCount('needs')).toBe(needs);

      const committed = await postNeed(app, world.secretariat, { title: 'Committed' });
      expect(await asylum.next()).toEqual({
        data: { needPosted: { id: committed, title: 'Committed' } },
      });
    });

    it.each([
      ['an unknown working group', 'NO_SUCH_GROUP', '"NO_SUCH_GROUP" is not a working group code'],
      ['a malformed code', 'asylum systems', 'workingGroupCode must be a working group code'],
    ])('refuses %s as BAD_USER_INPUT naming workingGroupCode', async (_what, group, message) => {
      const client = await signedIn(world.observer);
      const subscription = client.subscribe(NEED_POSTED, { group });
      // Refused as it starts: graphql-ws's `error` message, which ends the subscription.
      expect(await subscription.ended).toEqual([
        {
          message: `Invalid input: workingGroupCode: ${message}`,
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'workingGroupCode', message }] },
        },
      ]);
      expect(subscription.results).toEqual([]);
    });

    it('stops delivering once unsubscribed', async () => {
      const client = await signedIn(world.member);
      const first = client.subscribe(NEED_POSTED, { group: 'ASYLUM_SYSTEMS' });
      const second = client.subscribe(NEED_POSTED, { group: 'ASYLUM_SYSTEMS' });
      await untilListening(app.app, 2);

      first.unsubscribe();
      // The server has stopped listening for it, not only the client.
      await untilListening(app.app, 1);
      const one = await postNeed(app, world.secretariat, { title: 'One' });
      const two = await postNeed(app, world.secretariat, { title: 'Two' });
      expect((await second.next()).data).toMatchObject({ needPosted: { id: one } });
      expect((await second.next()).data).toMatchObject({ needPosted: { id: two } });

      expect(first.results).toEqual([]);
      // Nothing was sent for the first one either: two results on the wire, the second's.
      expect(client.messages.filter((message) => message.type === MessageType.Next)).toHaveLength(
        2,
      );
    });
  });

  describe('offerPosted', () => {
    it('delivers an offer to the subscribers of each working group it serves, as it is extended', async () => {
      const client = await signedIn(world.honduras);
      const asylum = client.subscribe(OFFER_POSTED, { group: 'ASYLUM_SYSTEMS' });
      const education = client.subscribe(OFFER_POSTED, { group: 'EDUCATION' });
      await untilListening(app.app, 2);

      const offer = await postOffer(app, world.member, world.organizationId, {
        title: 'Two groups',
        workingGroupCodes: ['ASYLUM_SYSTEMS', 'HEALTH'],
      });
      expect(await asylum.next()).toEqual({
        data: {
          offerPosted: {
            id: offer,
            title: 'Two groups',
            workingGroups: [{ code: 'ASYLUM_SYSTEMS' }, { code: 'HEALTH' }],
            organization: { id: world.organizationId },
          },
        },
      });

      // Extended to EDUCATION: news there (its first event), not in ASYLUM_SYSTEMS again.
      await app.ok(
        'mutation ($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }',
        { id: offer, input: { workingGroupCodes: ['ASYLUM_SYSTEMS', 'HEALTH', 'EDUCATION'] } },
        { as: world.member },
      );
      expect(await education.next()).toEqual({
        data: {
          offerPosted: {
            id: offer,
            title: 'Two groups',
            workingGroups: [{ code: 'ASYLUM_SYSTEMS' }, { code: 'EDUCATION' }, { code: 'HEALTH' }],
            organization: { id: world.organizationId },
          },
        },
      });
      const next = await postOffer(app, world.otherMember, world.otherOrganizationId, {
        title: 'Next',
      });
      expect((await asylum.next()).data).toMatchObject({ offerPosted: { id: next } });
    });
  });

  describe('twinningChanged', () => {
    it('goes to the parties, the secretariat and observers, not to unrelated focal points', async () => {
      const cast = {
        member: world.member,
        honduras: world.honduras,
        secretariat: world.secretariat,
        observer: world.observer,
        guatemala: world.guatemala,
        otherMember: world.otherMember,
      };
      const feeds = Object.fromEntries(
        await Promise.all(
          Object.entries(cast).map(async ([who, token]) => [
            who,
            (await signedIn(token)).subscribe(TWINNING_CHANGED),
          ]),
        ),
      );
      await untilListening(app.app, 6);

      const offer = await postOffer(app, world.member, world.organizationId);
      const need = await postNeed(app, world.secretariat, { countryCode: 'HN' });
      const twinning = await propose(world.member, offer, [need]);
      const proposed = {
        data: {
          twinningChanged: {
            id: twinning,
            status: 'PROPOSED',
            needs: [{ id: need }],
            parties: [
              { country: null, organization: { id: world.organizationId }, response: 'ACCEPTED' },
              { country: { code: 'HN' }, organization: null, response: 'PENDING' },
            ],
            activities: [],
            history: [{ to: 'PROPOSED' }],
          },
        },
      };
      for (const who of ['member', 'honduras', 'secretariat', 'observer']) {
        expect(await feeds[who].next()).toEqual(proposed);
      }

      // Guatemala's and the other member's first event is a twinning of theirs, proposed later.
      const otherOffer = await postOffer(app, world.otherMember, world.otherOrganizationId);
      const guatemalanNeed = await postNeed(app, world.secretariat, { countryCode: 'GT' });
      const theirs = await propose(world.guatemala, otherOffer, [guatemalanNeed]);
      for (const who of ['guatemala', 'otherMember']) {
        expect((await feeds[who].next()).data).toMatchObject({
          twinningChanged: { id: theirs, status: 'PROPOSED' },
        });
      }
      // …which Honduras is not told of: its next event is its own twinning's.
      await app.ok(RESPOND, { id: twinning, accept: true }, { as: world.honduras });
      expect((await feeds.honduras.next()).data).toMatchObject({
        twinningChanged: { id: twinning, status: 'ACCEPTED' },
      });
    });

    it('follows every step: answers, transitions and activities', async () => {
      const client = await signedIn(world.honduras);
      const feed = client.subscribe<{
        twinningChanged: { status: string; activities: { title: string; status: string }[] };
      }>(TWINNING_CHANGED);
      await untilListening(app.app, 1);

      // Each event is read before the next change: an event carries the twinning as it is
      // when delivered, so a later change made first (the activity completed) would show.
      const steps: [string, string[]][] = [];
      const nextStep = async () => {
        const { twinningChanged } = (await feed.next()).data!;
        steps.push([
          twinningChanged.status,
          twinningChanged.activities.map((activity) => `${activity.title} ${activity.status}`),
        ]);
      };
      const offer = await postOffer(app, world.member, world.organizationId);
      const need = await postNeed(app, world.secretariat, { countryCode: 'HN' });
      const twinning = await propose(world.member, offer, [need]);
      await nextStep();
      await app.ok(RESPOND, { id: twinning, accept: true }, { as: world.honduras });
      await nextStep();
      await app.ok(CONFIRM, { id: twinning }, { as: world.secretariat });
      await nextStep();
      const recorded = await app.ok<{ recordActivity: { id: string } }>(
        RECORD_ACTIVITY,
        { input: anActivity(twinning, { title: 'Module 1' }) },
        { as: world.member },
      );
      await nextStep();
      await app.ok(COMPLETE_ACTIVITY, { id: recorded.recordActivity.id }, { as: world.honduras });
      await nextStep();
      await app.ok(COMPLETE, { id: twinning }, { as: world.member });
      await nextStep();
      expect(steps).toEqual([
        ['PROPOSED', []],
        ['ACCEPTED', []],
        ['CONFIRMED', []],
        ['CONFIRMED', ['Module 1 PLANNED']],
        ['CONFIRMED', ['Module 1 DONE']],
        ['COMPLETED', ['Module 1 DONE']],
      ]);
    });

    it('announces nothing for refused changes', async () => {
      const client = await signedIn(world.secretariat);
      const feed = client.subscribe<{ twinningChanged: { id: string; status: string } }>(
        'subscription { twinningChanged { id status } }',
      );
      await untilListening(app.app, 1);

      const offer = await postOffer(app, world.member, world.organizationId, { capacity: 1 });
      const needs = [
        await postNeed(app, world.secretariat, { countryCode: 'HN' }),
        await postNeed(app, world.secretariat, { countryCode: 'HN' }),
      ];
      // Over capacity: refused inside the transaction, after the offer was locked.
      const overCapacity = await app.fails(
        PROPOSE,
        { input: { offerId: offer, needIds: needs } },
        { as: world.member },
      );
      expect(overCapacity.extensions.code).toBe('CONFLICT');
      const twinning = await propose(world.member, offer, [needs[0]]);
      // Confirmed before Honduras answered; answered by a stranger.
      expect(
        (await app.fails(CONFIRM, { id: twinning }, { as: world.secretariat })).extensions.code,
      ).toBe('CONFLICT');
      expect(
        (await app.fails(RESPOND, { id: twinning, accept: true }, { as: world.guatemala }))
          .extensions.code,
      ).toBe('FORBIDDEN');
      await app.ok(RESPOND, { id: twinning, accept: false }, { as: world.honduras });

      expect((await feed.next()).data).toEqual({
        twinningChanged: { id: twinning, status: 'PROPOSED' },
      });
      expect((await feed.next()).data).toEqual({
        twinningChanged: { id: twinning, status: 'DECLINED' },
      });
    });
  });

  describe('authentication of a connection', () => {
    it('refuses a connection without a token, with a malformed, forged or expired one', async () => {
      const now = Math.floor(Date.now() / 1000);
      const secretariatId = await idOf(world.secretariat);
      const forged = await new JwtService({
        secret: 'another-secret-that-is-long-enough-too',
      }).signAsync({ sub: secretariatId, role: 'SECRETARIAT', ver: 0 });
      const expired = await new JwtService({ secret: JWT_SECRET }).signAsync({
        sub: secretariatId,
        role: 'SECRETARIAT',
        ver: 0,
        iat: now - 7200,
        exp: now - 3600,
      });
      const unsigned = [
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
        Buffer.from(
          JSON.stringify({ sub: secretariatId, role: 'SECRETARIAT', ver: 0, exp: now + 3600 }),
        ).toString('base64url'),
        '',
      ].join('.');
      const invalid = refused('The token is invalid or has expired: sign in again');

      expect(await refusal()).toEqual(
        refused(
          'Sign in first: send connectionParams { authorization: "Bearer <token>" } when connecting',
        ),
      );
      expect(await refusal(world.secretariat)).toEqual(
        refused(
          'Sign in first: send connectionParams { authorization: "Bearer <token>" } when connecting',
        ),
      );
      for (const token of ['not-a-token', forged, expired, unsigned]) {
        expect(await refusal(`Bearer ${token}`)).toEqual(invalid);
      }
      // In the language the connection asks for.
      const spanish = connect(url, undefined, 'es');
      clients.push(spanish);
      expect(await spanish.connected).toEqual(
        refused(
          'Inicie sesión primero: envíe connectionParams { authorization: "Bearer <token>" } al conectarse',
        ),
      );
    });

    it('refuses a revoked token and a disabled account, and ends a connection whose token is revoked', async () => {
      const email = 'revoked@subscriptions.test';
      const userId = await createUser(app, world.secretariat, { email, role: 'OBSERVER' });
      const first = await app.login(email);
      const client = await signedIn(first);
      const feed = client.subscribe(NEED_POSTED, { group: 'ASYLUM_SYSTEMS' });
      await untilListening(app.app, 1);

      await app.ok(
        'mutation ($current: String!, $new: String!) { changePassword(currentPassword: $current, newPassword: $new) { token } }',
        { current: TEST_PASSWORD, new: `${TEST_PASSWORD}-2` },
        { as: first },
      );
      // A new subscription on the open connection is checked afresh: refused.
      const late = client.subscribe(NEED_POSTED, { group: 'HEALTH' });
      expect(await late.ended).toEqual([
        {
          message: 'This token has been revoked: sign in again',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ]);
      // The next event finds the token revoked: the connection is closed, nothing delivered.
      await postNeed(app, world.secretariat);
      expect(await client.closed).toEqual(refused('This token has been revoked: sign in again'));
      expect(feed.results).toEqual([]);
      expect(await refusal(`Bearer ${first}`)).toEqual(
        refused('This token has been revoked: sign in again'),
      );

      const second = await app.login(email, `${TEST_PASSWORD}-2`);
      await app.ok(
        'mutation ($id: ID!) { setUserActive(userId: $id, active: false) { active } }',
        { id: userId },
        { as: world.secretariat },
      );
      expect(await refusal(`Bearer ${second}`)).toEqual(
        refused('This account is disabled or no longer exists'),
      );
    });
  });

  describe('limits', () => {
    it('serves subscriptions only: a query or mutation over WebSocket is refused', async () => {
      const client = await signedIn(world.observer);
      const query = client.subscribe('{ workingGroups { code } }');
      expect(await query.ended).toEqual([
        {
          message:
            'Only subscriptions are served over WebSocket: send queries and mutations with POST /graphql',
          extensions: { code: 'BAD_REQUEST' },
        },
      ]);
    });

    it('applies the depth and cost limits to subscriptions, before anything runs', async () => {
      const client = await signedIn(world.observer);
      const deep = client.subscribe(
        'subscription { twinningChanged { offer { twinnings { offer { twinnings { offer { twinnings { offer { twinnings { offer { id } } } } } } } } } } }',
      );
      expect(await deep.ended).toEqual([
        {
          message: 'Syntax Error: Query depth limit of 10 exceeded, found 11.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ]);
      const costly = client.subscribe(
        'subscription { twinningChanged { needs { twinnings { needs { twinnings { needs { twinnings { id } } } } } } } }',
      );
      expect(await costly.ended).toEqual([
        {
          message: 'Query cost limit of 25000 exceeded, found 1111112.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ]);
    });

    it(`holds at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions on one connection`, async () => {
      const client = await signedIn(world.observer);
      for (let held = 0; held < MAX_SUBSCRIPTIONS_PER_CONNECTION; held++) {
        client.subscribe('subscription { twinningChanged { id } }');
      }
      await untilListening(app.app, MAX_SUBSCRIPTIONS_PER_CONNECTION);
      const over = client.subscribe('subscription { twinningChanged { id } }');
      expect(await over.ended).toEqual([
        {
          message: 'A connection holds at most 50 subscriptions: complete some first',
          extensions: { code: 'TOO_MANY_REQUESTS' },
        },
      ]);
    });

    it('refuses a subscription sent over HTTP', async () => {
      const body = await app.gql(NEED_POSTED, { group: 'ASYLUM_SYSTEMS' }, { as: world.observer });
      expect(body).toEqual({
        errors: [
          {
            message:
              'Subscriptions are served over WebSocket (the graphql-transport-ws protocol of graphql-ws) at /graphql',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    });
  });

  /** The id of the user a token speaks for. */
  async function idOf(token: string): Promise<string> {
    const data = await app.ok<{ me: { id: string } }>('{ me { id } }', {}, { as: token });
    return data.me.id;
  }

  function needInput(): Record<string, unknown> {
    return {
      countryCode: 'HN',
      workingGroupCode: 'ASYLUM_SYSTEMS',
      title: 'A need',
      description: 'What the country needs.',
      modalities: ['TRAINING'],
      languages: ['es'],
    };
  }
});

describe('the rate limit on subscriptions', () => {
  it('counts each subscription started as one request of its user', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const token = await limited.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
      const client = connect(await listenForWebSocket(limited.app), `Bearer ${token}`);
      expect(await client.connected).toBe('connected');
      for (let started = 1; started <= 3; started++) {
        client.subscribe('subscription { twinningChanged { id } }');
        await untilListening(limited.app, started);
      }
      const fourth = client.subscribe('subscription { twinningChanged { id } }');
      expect(await fourth.ended).toEqual([
        {
          message: 'Too many requests: wait a moment, then try again',
          extensions: { code: 'TOO_MANY_REQUESTS' },
        },
      ]);
      // Over HTTP too: the subscriptions spent the user's budget.
      const body = await limited.gql('{ me { id } }', {}, { as: token });
      expect(body.errors?.[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      await client.dispose();
    } finally {
      await limited.close();
    }
  });
});

(TEST_REDIS_URL ? describe : describe.skip)('live updates across instances (Redis)', () => {
  /** Waits until Redis has a subscriber on `channel` (the other instance's). */
  async function untilRedisSubscribed(redis: Redis, channel: string): Promise<void> {
    for (;;) {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (count > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('delivers to a subscriber of one instance a need posted through another', async () => {
    const prefix = `test-${randomUUID()}:`;
    const env = { REDIS_URL: TEST_REDIS_URL!, REDIS_KEY_PREFIX: prefix };
    const writer = await startTestApp({ env });
    const reader = await startTestApp({ databaseUrl: writer.databaseUrl, env });
    const redis = new Redis(TEST_REDIS_URL!);
    try {
      const world = await buildWorld(writer);
      const client = connect(await listenForWebSocket(reader.app), `Bearer ${world.observer}`);
      const feed = client.subscribe(NEED_POSTED, { group: 'ASYLUM_SYSTEMS' });
      await untilListening(reader.app, 1);
      await untilRedisSubscribed(redis, `${prefix}events:needPosted`);

      const need = await postNeed(writer, world.secretariat, { title: 'Posted elsewhere' });
      expect(await feed.next()).toEqual({
        data: {
          needPosted: {
            id: need,
            title: 'Posted elsewhere',
            status: 'OPEN',
            country: { code: 'HN' },
            workingGroup: { code: 'ASYLUM_SYSTEMS' },
          },
        },
      });
      await client.dispose();
    } finally {
      redis.disconnect();
      await reader.close();
      await writer.close();
    }
  });
});
