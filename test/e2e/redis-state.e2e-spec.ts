import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { createUser } from '../support/builders';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';

/**
 * Two instances of the service sharing one database and one Redis: the rate-limit and login
 * counters are shared, so a limit cannot be dodged by landing on another instance. Needs
 * Redis, so it runs only when TEST_REDIS_URL is set (as `.ci/run` does).
 */
const REDIS_URL = process.env.TEST_REDIS_URL;
const PER_MINUTE = 20;

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { user { email } }
}`;
const WRONG = { code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' };
const TOO_MANY_FAILURES = {
  code: 'TOO_MANY_REQUESTS',
  message: 'Too many failed logins for this account from your address: try again in 15 minutes',
};

async function attempt(app: TestApp, email: string, password: string) {
  const body = await app.gql<{ login: { user: { email: string } } }>(LOGIN, { email, password });
  if (body.errors?.length) {
    return { code: body.errors[0].extensions.code, message: body.errors[0].message };
  }
  return { signedIn: body.data!.login.user.email };
}

/** Every key under this test's prefix. */
async function keysOf(redis: Redis, keyPrefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${keyPrefix}*`, count: 1000 })) {
    keys.push(...(batch as string[]));
  }
  return keys.sort();
}

(REDIS_URL ? describe : describe.skip)('two instances sharing Redis', () => {
  const keyPrefix = `test:redis-state:${randomUUID()}:`;
  let redis: Redis;
  let a: TestApp;
  let b: TestApp;
  let secretariat: string;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL!);
    const env = {
      REDIS_URL: REDIS_URL!,
      REDIS_KEY_PREFIX: keyPrefix,
      RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
      LOGIN_FAILURES_PER_ACCOUNT: '5',
      LOGIN_ATTEMPTS_PER_ADDRESS: '30',
      LOGIN_WINDOW_SECONDS: '900',
    };
    a = await startTestApp({ env });
    b = await startTestApp({ env, databaseUrl: a.databaseUrl });
    secretariat = await a.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    for (const email of ['target@mirps.test', 'busy@mirps.test']) {
      await createUser(a, secretariat, { email, role: 'OBSERVER' });
    }
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    const keys = await keysOf(redis, keyPrefix);
    if (keys.length) await redis.del(...keys);
    expect(await keysOf(redis, keyPrefix)).toEqual([]);
    redis.disconnect();
  });

  it('counts failed logins on one instance towards the lockout on the other', async () => {
    const onA = [];
    for (let failure = 0; failure < 5; failure += 1) {
      onA.push(await attempt(a, 'target@mirps.test', 'not-the-password'));
    }
    expect(onA).toEqual(Array.from({ length: 5 }, () => WRONG));
    expect(await attempt(b, 'target@mirps.test', TEST_PASSWORD)).toEqual(TOO_MANY_FAILURES);
    expect(await attempt(a, 'target@mirps.test', TEST_PASSWORD)).toEqual(TOO_MANY_FAILURES);
  });

  it('shares the per-minute budget of a user between the instances', async () => {
    const token = await b.login('busy@mirps.test');
    const me = (app: TestApp) =>
      request(app.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('accept-language', 'en')
        .set('authorization', `Bearer ${token}`)
        .send({ query: '{ me { email } }' });

    const remaining = [];
    for (let call = 0; call < PER_MINUTE; call += 1) {
      const response = await me(call % 2 ? b : a);
      expect(response.body).toEqual({ data: { me: { email: 'busy@mirps.test' } } });
      remaining.push(Number(response.headers['x-ratelimit-remaining']));
    }
    expect(remaining).toEqual(
      Array.from({ length: PER_MINUTE }, (_, call) => PER_MINUTE - 1 - call),
    );

    const refused = await Promise.all([me(a), me(b)]);
    expect(
      refused.map((response) => ({
        errors: response.body.errors.map(
          (error: { message: string; extensions: { code: string } }) => ({
            message: error.message,
            code: error.extensions.code,
          }),
        ),
        retryAfter: Number(response.headers['retry-after']),
      })),
    ).toEqual(
      Array.from({ length: 2 }, () => ({
        errors: [
          {
            message: 'Too many requests: wait a moment, then try again',
            code: 'TOO_MANY_REQUESTS',
          },
        ],
        retryAfter: 60,
      })),
    );
  });

  it('keeps every counter under the key prefix', async () => {
    expect(await attempt(b, 'prefixed@mirps.test', 'not-the-password')).toEqual(WRONG);
    const keys = await keysOf(redis, keyPrefix);
    // The throttler's own key of the per-address login cap, and a failure count.
    expect(keys.filter((key) => key.startsWith(`${keyPrefix}{login:address:`))).not.toEqual([]);
    expect(keys.filter((key) => key.startsWith(`${keyPrefix}login-failures:`))).not.toEqual([]);
    // Nothing of this run outside the prefix, and the prefix not doubled.
    const stray: string[] = [];
    for await (const batch of redis.scanStream({ match: `*${keyPrefix}*`, count: 1000 })) {
      stray.push(...(batch as string[]).filter((key) => !key.startsWith(keyPrefix)));
    }
    expect(stray).toEqual([]);
    expect(keys.filter((key) => key.startsWith(`${keyPrefix}${keyPrefix}`))).toEqual([]);
  });
});
