import Redis from 'ioredis';
import { Client as PgClient } from 'pg';
import { buildWorld, postNeed, postOffer, theOneWinningProposal, World } from '../support/builders';
import { GraphQLClient, httpGraphQLClient } from '../support/graphql-client';
import { freePort, runServer, ServerProcess, waitForHealth } from '../support/server-process';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, TEST_PASSWORD } from '../support/test-app';
import { connect, LiveClient } from '../support/ws-client';

/**
 * Two instances of the built server on two ports, sharing one PostgreSQL schema and one
 * Redis, as a deployment behind a load balancer runs them. Needs both services, so it runs
 * only when TEST_DATABASE_URL (PostgreSQL) and TEST_REDIS_URL are set, as `.ci/run` does.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;
const enabled = DATABASE_URL?.startsWith('postgres') && REDIS_URL !== undefined;

const RACERS = 20;

interface Instance {
  name: string;
  port: number;
  server: ServerProcess;
  api: GraphQLClient;
}

/** A graphql-ws subscription whose events are collected as they arrive. */
interface Subscription<T> {
  /** Every event received so far. */
  readonly events: T[];
  /** Resolves with the events once there are at least `count` of them. */
  next(count: number): Promise<T[]>;
  close(): Promise<void>;
}

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

(enabled ? describe : describe.skip)('several instances sharing PostgreSQL and Redis', () => {
  const schema = `multi_${process.pid}_${Date.now()}`;
  const keyPrefix = `test:${schema}:`;
  const clients: LiveClient[] = [];
  let database: PgClient;
  let redis: Redis;
  let a: Instance;
  let b: Instance;
  let world: World;

  async function start(name: string): Promise<Instance> {
    const port = await freePort();
    const server = runServer({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: withSchema(DATABASE_URL!, schema),
      REDIS_URL: REDIS_URL!,
      REDIS_KEY_PREFIX: keyPrefix,
      JWT_SECRET: 'a-secret-both-instances-share-long-enough-for-hs256',
      PASSWORD_HASH_COST: '10',
      SECRETARIAT_EMAIL,
      SECRETARIAT_PASSWORD,
    });
    return { name, port, server, api: httpGraphQLClient(`http://127.0.0.1:${port}`) };
  }

  function subscribe<T>(
    instance: Instance,
    token: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Subscription<T> {
    const client = connect(`ws://127.0.0.1:${instance.port}/graphql`, `Bearer ${token}`);
    clients.push(client);
    const live = client.subscribe<T>(query, variables);
    const ended = live.ended.then((outcome) => {
      throw new Error(`The subscription ended: ${JSON.stringify(outcome)}`);
    });
    // Only a wait for an event observes the end; closing it on purpose is no failure.
    ended.catch(() => undefined);
    let consumed = 0;
    return {
      get events() {
        return live.results.map((result) => {
          if (result.errors)
            throw new Error(`Subscription failed: ${JSON.stringify(result.errors)}`);
          return result.data as T;
        });
      },
      async next(count) {
        for (; consumed < count; consumed += 1) await Promise.race([live.next(), ended]);
        return this.events.slice(0, count);
      },
      async close() {
        live.unsubscribe();
        await client.dispose();
      },
    };
  }

  /** Subscriptions are live once the instance has subscribed to their Redis channels. */
  async function redisSubscribers(): Promise<number> {
    const channels = (await redis.pubsub('CHANNELS', `${keyPrefix}*`)) as string[];
    if (channels.length === 0) return 0;
    const counts = (await redis.pubsub('NUMSUB', ...channels)) as (string | number)[];
    return counts
      .filter((_, index) => index % 2 === 1)
      .reduce<number>((sum, n) => sum + Number(n), 0);
  }

  async function waitForRedisSubscribers(atLeast: number): Promise<void> {
    const deadline = Date.now() + 30000;
    while ((await redisSubscribers()) < atLeast) {
      if (Date.now() > deadline) throw new Error(`Fewer than ${atLeast} Redis subscriptions`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    database = new PgClient({ connectionString: DATABASE_URL });
    await database.connect();
    redis = new Redis(REDIS_URL!);
    // Both start at once on an empty schema: migrations and seeding must not collide.
    [a, b] = await Promise.all([start('A'), start('B')]);
    for (const instance of [a, b]) {
      const health = await waitForHealth(instance.port, Date.now() + 60000);
      if (health.status !== 200) {
        throw new Error(`${instance.name}: ${await health.text()}\n${instance.server.stderr()}`);
      }
    }
    world = await buildWorld(a.api);
    // The suite reads English (test-app.ts does this for the in-process apps).
    await a.api.ok(
      'mutation { updateMyProfile(input: { locale: EN }) { locale } }',
      {},
      {
        as: world.secretariat,
      },
    );
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const instance of [a, b]) instance?.server.child.kill('SIGKILL');
    await database?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await database?.end();
    const keys = await redis?.keys(`${keyPrefix}*`);
    if (keys?.length) await redis.del(...keys);
    redis?.disconnect();
  });

  it('both report the database and Redis as up', async () => {
    for (const instance of [a, b]) {
      const response = await fetch(`http://127.0.0.1:${instance.port}/health`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { info: Record<string, { status: string }> };
      expect(body.info).toEqual({
        database: { status: 'up', responseTime: expect.any(Number) },
        redis: { status: 'up' },
      });
    }
  });

  it('delivers to a subscriber on A the events of mutations made on B, to those who may see them', async () => {
    const posted = subscribe<{ needPosted: { id: string; title: string } }>(
      a,
      world.honduras,
      'subscription ($code: String!) { needPosted(workingGroupCode: $code) { id title } }',
      { code: 'ASYLUM_SYSTEMS' },
    );
    const hondurasTwinnings = subscribe<{ twinningChanged: { id: string; status: string } }>(
      a,
      world.honduras,
      'subscription { twinningChanged { id status } }',
    );
    const guatemalaTwinnings = subscribe<{ twinningChanged: { id: string; status: string } }>(
      a,
      world.guatemala,
      'subscription { twinningChanged { id status } }',
    );
    await waitForRedisSubscribers(2);

    // Made on B, seen on A.
    const otherGroup = await postNeed(b.api, world.secretariat, {
      workingGroupCode: 'EDUCATION',
      title: 'Not for this subscriber',
    });
    const needId = await postNeed(b.api, world.secretariat, { title: 'Seen across instances' });
    expect(await posted.next(1)).toEqual([
      { needPosted: { id: needId, title: 'Seen across instances' } },
    ]);
    expect(otherGroup).not.toBe(needId);

    const offerId = await postOffer(b.api, world.member, world.organizationId);
    const proposal = await b.api.ok<{ proposeTwinning: { id: string } }>(
      'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
      { input: { offerId, needIds: [needId] } },
      { as: world.member },
    );
    const hondurasTwinning = proposal.proposeTwinning.id;
    await b.api.ok(
      'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }',
      { id: hondurasTwinning },
      { as: world.honduras },
    );
    expect(await hondurasTwinnings.next(2)).toEqual([
      { twinningChanged: { id: hondurasTwinning, status: 'PROPOSED' } },
      { twinningChanged: { id: hondurasTwinning, status: 'ACCEPTED' } },
    ]);

    // Guatemala is no party to the Honduran twinning: its first event is its own twinning.
    const guatemalaNeed = await postNeed(b.api, world.secretariat, { countryCode: 'GT' });
    const guatemalaProposal = await b.api.ok<{ proposeTwinning: { id: string } }>(
      'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
      { input: { offerId, needIds: [guatemalaNeed] } },
      { as: world.member },
    );
    expect(await guatemalaTwinnings.next(1)).toEqual([
      { twinningChanged: { id: guatemalaProposal.proposeTwinning.id, status: 'PROPOSED' } },
    ]);
    expect(hondurasTwinnings.events).toHaveLength(2);
    // The Guatemalan need was posted in the subscribed group too.
    expect((await posted.next(2))[1]).toEqual({
      needPosted: { id: guatemalaNeed, title: expect.any(String) },
    });

    await Promise.all([posted, hondurasTwinnings, guatemalaTwinnings].map((s) => s.close()));
  });

  it(`lets exactly one of ${RACERS} proposals split across A and B take the last unit of an offer`, async () => {
    const offerId = await postOffer(a.api, world.member, world.organizationId, { capacity: 1 });
    const needIds: string[] = [];
    for (let index = 0; index < RACERS; index += 1) {
      needIds.push(
        await postNeed(a.api, world.secretariat, {
          countryCode: index % 2 === 0 ? 'HN' : 'GT',
          title: `Racing need ${index + 1}`,
        }),
      );
    }

    const answers = await Promise.all(
      needIds.map((needId, index) =>
        (index % 2 === 0 ? a : b).api.gql<{ proposeTwinning: { id: string } }>(
          'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
          { input: { offerId, needIds: [needId] } },
          { as: world.secretariat },
        ),
      ),
    );

    const winner = theOneWinningProposal(answers).id;

    // Both instances read the same, consistent state.
    for (const instance of [a, b]) {
      const data = await instance.api.ok(
        'query ($id: ID!) { offer(id: $id) { status remainingCapacity twinnings { id } } }',
        { id: offerId },
        { as: world.observer },
      );
      expect(data.offer).toEqual({
        status: 'FULL',
        remainingCapacity: 0,
        twinnings: [{ id: winner }],
      });
    }
    const { rows } = await database.query<{ twinnings: string; reserved: number }>(
      `SELECT (SELECT COUNT(*) FROM "${schema}"."twinnings" WHERE "offerId" = $1) AS "twinnings",
              (SELECT "reservedCapacity" FROM "${schema}"."offers" WHERE "id" = $1) AS "reserved"`,
      [offerId],
    );
    expect(rows).toEqual([{ twinnings: '1', reserved: 1 }]);
  });

  it('shares the failed-login count: failures on A lock the account on B', async () => {
    const email = 'focal@hn.test';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const error = await a.api.fails(
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: 'wrong-password-guess' },
      );
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
    }
    const refused = await b.api.fails(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: TEST_PASSWORD },
    );
    expect(refused.extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('logs in on either instance with the same secretariat account', async () => {
    const tokens = await Promise.all(
      [a, b].map((instance) => instance.api.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD)),
    );
    // A token issued by A is honoured by B: nothing about a session is kept in a process.
    const me = await b.api.ok('{ me { email role } }', {}, { as: tokens[0] });
    expect(me).toEqual({ me: { email: SECRETARIAT_EMAIL, role: 'SECRETARIAT' } });
  });

  it('stops each instance cleanly on SIGTERM, open WebSocket connections included', async () => {
    const listening = subscribe<{ twinningChanged: { id: string } }>(
      a,
      world.secretariat,
      'subscription { twinningChanged { id } }',
    );
    await waitForRedisSubscribers(1);
    for (const instance of [a, b]) instance.server.child.kill('SIGTERM');
    const finished = await Promise.all([a, b].map((instance) => instance.server.done));
    expect(finished.map(({ code, signal }) => ({ code, signal }))).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    await listening.close();
  });
});
