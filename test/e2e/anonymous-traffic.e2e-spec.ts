import { aNeed, buildWorld, CREATE_NEED, World } from '../support/builders';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

const TOO_MANY = 'Too many requests: wait a moment, then try again';

/** A token that claims to be the secretariat and is signed by nobody (`alg: none`). */
function unsignedToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'x', role: 'SECRETARIAT', ver: 0, iat: now, exp: now + 3600 })}.`;
}

/** What each of `count` createNeed calls with `authorization` from `address` answered. */
async function flood(
  app: TestApp,
  count: number,
  address: string,
  authorization?: string,
): Promise<string[]> {
  const codes: string[] = [];
  for (let call = 0; call < count; call += 1) {
    const body = await app.gql(
      CREATE_NEED,
      { input: aNeed() },
      {
        headers: {
          'x-forwarded-for': address,
          ...(authorization ? { authorization } : {}),
        },
      },
    );
    expect(body.data).toBeNull();
    codes.push(String(body.errors![0].extensions.code));
    if (body.errors![0].extensions.code === 'TOO_MANY_REQUESTS') {
      expect(body.errors![0].message).toBe(TOO_MANY);
    }
  }
  return codes;
}

const times = (count: number, code: string) => Array<string>(count).fill(code);

describe('requests without a valid token cost no database work and write nothing (issue 11)', () => {
  let app: TestApp;
  let world: World;
  let revoked: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '20', TRUST_PROXY_HOPS: '1' } });
    world = await buildWorld(app);
    // A token of Honduras's focal point, revoked by a change of password.
    revoked = await app.login('focal@hn.test');
    await app.ok(
      'mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { token } }',
      { current: TEST_PASSWORD, next: 'another-long-enough-password' },
      { as: revoked },
    );
  });
  afterAll(() => app.close());

  it.each([
    ['no token', '10.0.0.1', undefined],
    ['"Bearer garbage"', '10.0.0.2', 'Bearer garbage'],
    ['an unsigned token (alg: none)', '10.0.0.3', `Bearer ${unsignedToken()}`],
  ])(
    'with %s: 20 a minute from one address are refused UNAUTHENTICATED, the rest TOO_MANY_REQUESTS, without a statement',
    async (_what, address, authorization) => {
      const [needs, audit] = [await app.rowCount('needs'), await app.rowCount('audit_log')];
      const statements = app.queryCount();
      const codes = await flood(app, 30, address, authorization);
      expect(app.queryCount() - statements).toBe(0);
      expect(codes).toEqual([...times(20, 'UNAUTHENTICATED'), ...times(10, 'TOO_MANY_REQUESTS')]);
      expect([await app.rowCount('needs'), await app.rowCount('audit_log')]).toEqual([
        needs,
        audit,
      ]);
    },
  );

  it('with a revoked token: one lookup, then refused by address without a statement', async () => {
    const [needs, audit] = [await app.rowCount('needs'), await app.rowCount('audit_log')];
    const statements = app.queryCount();
    const codes = await flood(app, 30, '10.0.0.4', `Bearer ${revoked}`);
    // The first request looks the account up and finds the token revoked; that is all.
    expect(app.queryCount() - statements).toBe(1);
    // The first is counted to the account's budget (its token was good as far as could be
    // told), the rest to the address's.
    expect(codes).toEqual([...times(21, 'UNAUTHENTICATED'), ...times(9, 'TOO_MANY_REQUESTS')]);
    expect([await app.rowCount('needs'), await app.rowCount('audit_log')]).toEqual([needs, audit]);
    const refusal = await app.fails(
      '{ me { email } }',
      {},
      { as: revoked, headers: { 'x-forwarded-for': '10.0.0.5' } },
    );
    expect(refusal).toMatchObject({
      message: 'This token has been revoked: sign in again',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('an address flooded with bad tokens still serves a good token (counted by its account)', async () => {
    await flood(app, 25, '10.0.0.6', 'Bearer garbage');
    const me = await app.ok<{ me: { email: string } }>(
      '{ me { email } }',
      {},
      {
        as: world.guatemala,
        headers: { 'x-forwarded-for': '10.0.0.6' },
      },
    );
    expect(me.me.email).toBe('focal@gt.test');
  });

  it('keeps one counter per caller for every operation, not one per operation', async () => {
    const address = { 'x-forwarded-for': '10.0.0.7' };
    const operations = [
      '{ me { email } }',
      '{ needs(first: 1) { totalCount } }',
      '{ offers(first: 1) { totalCount } }',
      '{ workingGroups { code } }',
      '{ coverageReport { needs } }',
    ];
    const answers: string[] = [];
    for (let call = 0; call < 21; call += 1) {
      const body = await app.gql(
        operations[call % operations.length],
        {},
        {
          as: world.observer,
          headers: address,
        },
      );
      answers.push(body.errors ? String(body.errors[0].extensions.code) : 'OK');
    }
    expect(answers).toEqual([...times(20, 'OK'), 'TOO_MANY_REQUESTS']);
  });
});

describe('the lockout of an address that keeps sending bad tokens', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_FAILURES_PER_ADDRESS: '5', TRUST_PROXY_HOPS: '1' } });
  });
  afterAll(() => app.close());

  it('refuses the address for the window after 5, with its own message; other addresses are not affected', async () => {
    const codes = await flood(app, 5, '10.1.0.1', 'Bearer garbage');
    expect(codes).toEqual(times(5, 'UNAUTHENTICATED'));
    const locked = await app.fails(
      CREATE_NEED,
      { input: aNeed() },
      {
        headers: { 'x-forwarded-for': '10.1.0.1' },
      },
    );
    expect(locked).toMatchObject({
      message:
        'Too many requests without a valid token from your address: sign in again in 15 minutes',
      extensions: { code: 'TOO_MANY_REQUESTS' },
    });
    const elsewhere = await app.fails(
      CREATE_NEED,
      { input: aNeed() },
      {
        headers: { 'x-forwarded-for': '10.1.0.2' },
      },
    );
    expect(elsewhere.extensions.code).toBe('UNAUTHENTICATED');
  });
});
