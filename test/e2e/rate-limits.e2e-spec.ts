import request from 'supertest';
import { Environment } from '../../src/config/environment';
import { createUser } from '../support/builders';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';

const DEFAULTS = new Environment();
/** The test app raises the per-address login cap for the other suites; these use the real one. */
const REAL_LIMITS = {
  RATE_LIMIT_PER_MINUTE: String(DEFAULTS.RATE_LIMIT_PER_MINUTE),
  LOGIN_FAILURES_PER_ACCOUNT: String(DEFAULTS.LOGIN_FAILURES_PER_ACCOUNT),
  LOGIN_ATTEMPTS_PER_ADDRESS: String(DEFAULTS.LOGIN_ATTEMPTS_PER_ADDRESS),
  LOGIN_WINDOW_SECONDS: String(DEFAULTS.LOGIN_WINDOW_SECONDS),
};
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { user { email } }
}`;
const TOO_MANY_FAILURES = {
  code: 'TOO_MANY_REQUESTS',
  message: 'Too many failed logins for this account from your address: try again in 15 minutes',
};
const WRONG = { code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' };

/** What a login answers: the e-mail signed in, or the error's code and message. */
async function attempt(app: TestApp, email: string, password: string, from?: string) {
  const body = await app.gql<{ login: { user: { email: string } } }>(
    LOGIN,
    { email, password },
    from ? { headers: { 'x-forwarded-for': from } } : {},
  );
  if (body.errors?.length) {
    return { code: body.errors[0].extensions.code, message: body.errors[0].message };
  }
  return { signedIn: body.data!.login.user.email };
}

async function attempts(app: TestApp, count: number, email: string, password: string) {
  const answers = [];
  for (let index = 0; index < count; index += 1) answers.push(await attempt(app, email, password));
  return answers;
}

it('has the documented defaults', () => {
  expect(REAL_LIMITS).toEqual({
    RATE_LIMIT_PER_MINUTE: '600',
    LOGIN_FAILURES_PER_ACCOUNT: '5',
    LOGIN_ATTEMPTS_PER_ADDRESS: '30',
    LOGIN_WINDOW_SECONDS: '900',
  });
});

describe('the general rate limit, with the real defaults', () => {
  let app: TestApp;
  let first: string;
  let second: string;

  beforeAll(async () => {
    app = await startTestApp({ env: REAL_LIMITS });
    const secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    for (const email of ['first@mirps.test', 'second@mirps.test']) {
      await createUser(app, secretariat, { email, role: 'OBSERVER' });
    }
    first = await app.login('first@mirps.test');
    second = await app.login('second@mirps.test');
  });

  afterAll(() => app.close());

  function me(token: string) {
    return request(app.app.getHttpServer())
      .post('/graphql')
      .set('accept-language', 'en')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send({ query: '{ me { email } one: me { email } two: me { email } }' });
  }

  it('lets a user make 600 requests a minute, counts each once, refuses the next, and only for that user', async () => {
    const answered: number[] = [];
    for (let batch = 0; batch < 12; batch += 1) {
      const responses = await Promise.all(Array.from({ length: 50 }, () => me(first)));
      for (const response of responses) {
        if (response.body.data?.one?.email === 'first@mirps.test') {
          answered.push(Number(response.headers['x-ratelimit-remaining']));
        }
      }
    }
    // Three root fields, one request: the remaining count goes down by one each time.
    expect(answered.sort((a, b) => b - a)).toEqual(
      Array.from({ length: 600 }, (_, index) => 599 - index),
    );
    expect(answered).toHaveLength(600);

    // Every root field is refused; they are non-null, so `data` is null and the first
    // refusal to settle (any of the three: they run concurrently) is the one reported.
    const refused = await me(first);
    expect({
      status: refused.status,
      data: refused.body.data,
      errors: refused.body.errors.map((error: { message: string; extensions: unknown }) => ({
        message: error.message,
        extensions: error.extensions,
      })),
      retryAfter: Number(refused.headers['retry-after']),
    }).toEqual({
      status: 200,
      data: null,
      errors: [
        {
          message: 'Too many requests: wait a moment, then try again',
          extensions: { code: 'TOO_MANY_REQUESTS' },
        },
      ],
      retryAfter: 60,
    });
    expect([['me'], ['one'], ['two']]).toContainEqual(refused.body.errors[0].path);

    // Another user on the same address has a budget of their own.
    const other = await me(second);
    expect(other.body).toEqual({
      data: {
        me: { email: 'second@mirps.test' },
        one: { email: 'second@mirps.test' },
        two: { email: 'second@mirps.test' },
      },
    });
    expect(other.headers['x-ratelimit-remaining']).toBe('599');
  });
});

describe('the login limits, with the real defaults', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: REAL_LIMITS });
    const secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    for (const email of ['target@mirps.test', 'bystander@mirps.test', 'regular@mirps.test']) {
      await createUser(app, secretariat, { email, role: 'OBSERVER' });
    }
  });

  afterAll(() => app.close());

  it('refuses an account after 5 failed logins, the right password included, and no other account', async () => {
    expect(await attempts(app, 5, 'target@mirps.test', 'not-the-password')).toEqual(
      Array.from({ length: 5 }, () => WRONG),
    );
    expect(await attempt(app, 'target@mirps.test', TEST_PASSWORD)).toEqual(TOO_MANY_FAILURES);
    expect(await attempt(app, 'TARGET@mirps.test ', 'not-the-password')).toEqual(TOO_MANY_FAILURES);
    expect(await attempt(app, 'bystander@mirps.test', TEST_PASSWORD)).toEqual({
      signedIn: 'bystander@mirps.test',
    });
  });

  it('answers an unknown e-mail exactly as a known one', async () => {
    expect(await attempts(app, 6, 'nobody@mirps.test', 'not-the-password')).toEqual([
      ...Array.from({ length: 5 }, () => WRONG),
      TOO_MANY_FAILURES,
    ]);
  });

  it('counts only failures', async () => {
    const answers = [
      ...(await attempts(app, 4, 'regular@mirps.test', TEST_PASSWORD)),
      ...(await attempts(app, 4, 'regular@mirps.test', 'not-the-password')),
      await attempt(app, 'regular@mirps.test', TEST_PASSWORD),
    ];
    expect(answers).toEqual([
      ...Array.from({ length: 4 }, () => ({ signedIn: 'regular@mirps.test' })),
      ...Array.from({ length: 4 }, () => WRONG),
      { signedIn: 'regular@mirps.test' },
    ]);
  });
});

describe('a lockout behind a trusted proxy', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { ...REAL_LIMITS, TRUST_PROXY_HOPS: '1' } });
    const secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    await createUser(app, secretariat, { email: 'focal@mirps.test', role: 'OBSERVER' });
  });

  afterAll(() => app.close());

  it("closes the account to the attacker's address only: the real user still signs in", async () => {
    const attacker = '198.51.100.7';
    const user = '203.0.113.20';
    for (let index = 0; index < 5; index += 1) {
      expect(await attempt(app, 'focal@mirps.test', 'guess-' + index, attacker)).toEqual(WRONG);
    }
    expect(await attempt(app, 'focal@mirps.test', TEST_PASSWORD, attacker)).toEqual(
      TOO_MANY_FAILURES,
    );
    expect(await attempt(app, 'focal@mirps.test', TEST_PASSWORD, user)).toEqual({
      signedIn: 'focal@mirps.test',
    });
  });
});

describe('the per-address login cap, with the real defaults', () => {
  let app: TestApp;
  let secretariat: string;

  beforeAll(async () => {
    app = await startTestApp({ env: REAL_LIMITS });
    // This sign-in is the address's first login attempt.
    secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
  });

  afterAll(() => app.close());

  it('caps login attempts from one address at 30 per window, whatever the accounts', async () => {
    const answers = [];
    for (let index = 0; index < 29; index += 1) {
      answers.push(await attempt(app, `guess-${index}@mirps.test`, 'not-the-password'));
    }
    expect(answers).toEqual(Array.from({ length: 29 }, () => WRONG));

    const refused = await request(app.app.getHttpServer())
      .post('/graphql')
      .set('accept-language', 'en')
      .set('content-type', 'application/json')
      .send({
        query: LOGIN,
        variables: { email: SECRETARIAT_EMAIL, password: SECRETARIAT_PASSWORD },
      });
    expect({
      errors: refused.body.errors,
      retryAfter: Number(refused.headers['retry-after-login']),
    }).toEqual({
      errors: [
        {
          message: 'Too many requests: wait a moment, then try again',
          locations: [{ line: 2, column: 3 }],
          path: ['login'],
          extensions: { code: 'TOO_MANY_REQUESTS' },
        },
      ],
      retryAfter: 900,
    });
    // Signed-in work from the same address goes on.
    expect(await app.ok('{ me { email } }', {}, { as: secretariat })).toEqual({
      me: { email: SECRETARIAT_EMAIL },
    });
  });
});

describe('the login failure window', () => {
  const WINDOW_SECONDS = 6;
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      env: { ...REAL_LIMITS, LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS) },
    });
    const secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    await createUser(app, secretariat, { email: 'forgetful@mirps.test', role: 'OBSERVER' });
  });

  afterAll(() => app.close());

  it('lets the user in again once the failures have expired', async () => {
    // Five at once, so that all of them are well inside the short window when checked.
    const failures = await Promise.all(
      Array.from({ length: 5 }, () => attempt(app, 'forgetful@mirps.test', 'not-the-password')),
    );
    const lastFailure = Date.now();
    expect(failures).toEqual(Array.from({ length: 5 }, () => WRONG));
    expect(await attempt(app, 'forgetful@mirps.test', TEST_PASSWORD)).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed logins for this account from your address: try again in 1 minute',
    });
    const expired = lastFailure + WINDOW_SECONDS * 1000 + 100;
    await new Promise((resolve) => setTimeout(resolve, expired - Date.now()));
    expect(await attempt(app, 'forgetful@mirps.test', TEST_PASSWORD)).toEqual({
      signedIn: 'forgetful@mirps.test',
    });
  });
});
