import { JwtService } from '@nestjs/jwt';
import { buildWorld, createUser, World } from '../support/builders';
import {
  GraphQLErrorShape,
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';

const JWT_SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
/** These specs sign in often from one address; the address limit has its own spec. */
const ENV = { LOGIN_ATTEMPTS_PER_ADDRESS: '1000' };

const ME = '{ me { email } }';
const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    token
    user { email role }
  }
}`;
const SET_USER_ACTIVE = `mutation SetUserActive($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { email active }
}`;
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;

const REVOKED = {
  code: 'UNAUTHENTICATED',
  message: 'This token has been revoked: sign in again',
};
const DISABLED = {
  code: 'UNAUTHENTICATED',
  message: 'This account is disabled or no longer exists',
};
const WRONG_LOGIN = { code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' };

function answer(error: GraphQLErrorShape) {
  return {
    code: error.extensions.code,
    message: error.message,
    ...(error.extensions.fields ? { fields: error.extensions.fields } : {}),
  };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe('token and account safety', () => {
  let app: TestApp;
  let world: World;
  let accounts = 0;

  /** A fresh account of its own for a test, signed in. */
  async function anAccount(
    role = 'OBSERVER',
    binding: Record<string, unknown> = {},
  ): Promise<{ id: string; email: string; token: string }> {
    accounts += 1;
    const email = `safety-${accounts}@mirps.test`;
    const id = await createUser(app, world.secretariat, { email, role, ...binding });
    return { id, email, token: await app.login(email) };
  }

  beforeAll(async () => {
    app = await startTestApp({ env: ENV });
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  describe('tokens', () => {
    it('carry the user id, role and token version, and last JWT_EXPIRES_IN', async () => {
      const { id, token } = await anAccount();
      const claims = claimsOf(token);
      expect(claims).toEqual({
        sub: id,
        role: 'OBSERVER',
        ver: 0,
        iat: expect.any(Number),
        exp: expect.any(Number),
      });
      expect((claims.exp as number) - (claims.iat as number)).toBe(8 * 3600);
    });

    it('are refused when well signed but of another version, or of none', async () => {
      const { id } = await anAccount();
      const jwt = new JwtService({ secret: JWT_SECRET });
      const older = await jwt.signAsync({ sub: id, role: 'OBSERVER', ver: -1 });
      const newer = await jwt.signAsync({ sub: id, role: 'OBSERVER', ver: 1 });
      const unversioned = await jwt.signAsync({ sub: id, role: 'OBSERVER' });
      for (const token of [older, newer, unversioned]) {
        expect(answer(await app.fails(ME, {}, { as: token }))).toEqual(REVOKED);
      }
    });
  });

  describe('changePassword', () => {
    it.each([
      ['SECRETARIAT', {}],
      ['COUNTRY_FOCAL_POINT', { countryCode: 'GT' }],
      ['MEMBER_FOCAL_POINT', {}],
      ['OBSERVER', {}],
    ])(
      'lets a %s change its password: every older token is revoked, the new one works',
      async (role, binding) => {
        const { email, token } = await anAccount(
          role,
          role === 'MEMBER_FOCAL_POINT' ? { organizationId: world.organizationId } : binding,
        );
        const secondSession = await app.login(email);

        const data = await app.ok(
          CHANGE_PASSWORD,
          { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
          { as: token },
        );
        expect(data.changePassword.user).toEqual({ email, role });
        expect(claimsOf(data.changePassword.token as string).ver).toBe(1);

        for (const old of [token, secondSession]) {
          expect(answer(await app.fails(ME, {}, { as: old }))).toEqual(REVOKED);
        }
        expect(await app.ok(ME, {}, { as: data.changePassword.token })).toEqual({
          me: { email },
        });
        expect(answer(await app.fails(LOGIN, { email, password: TEST_PASSWORD }))).toEqual(
          WRONG_LOGIN,
        );
        expect(await app.login(email, 'a-brand-new-password')).toMatch(/\./);
      },
    );

    it('refuses a wrong current password as BAD_USER_INPUT on currentPassword, changing nothing', async () => {
      const { email, token } = await anAccount();
      const error = await app.fails(
        CHANGE_PASSWORD,
        { currentPassword: 'not-my-password-at-all', newPassword: 'a-brand-new-password' },
        { as: token },
      );
      expect(answer(error)).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'Invalid input: currentPassword: currentPassword is not your password',
        fields: [{ field: 'currentPassword', message: 'currentPassword is not your password' }],
      });
      expect(await app.ok(ME, {}, { as: token })).toEqual({ me: { email } });
      expect(await app.login(email)).toMatch(/\./);
    });

    it('counts wrong current passwords as failed logins of the account', async () => {
      const { email, token } = await anAccount();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const error = await app.fails(
          CHANGE_PASSWORD,
          { currentPassword: `guess-number-${attempt}`, newPassword: 'a-brand-new-password' },
          { as: token },
        );
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
      }
      const locked = await app.fails(
        CHANGE_PASSWORD,
        { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
        { as: token },
      );
      expect(locked.extensions.code).toBe('TOO_MANY_REQUESTS');
      const login = await app.fails(LOGIN, { email, password: TEST_PASSWORD });
      expect(login.extensions.code).toBe('TOO_MANY_REQUESTS');
    });

    it('refuses the current password as the new one, naming newPassword', async () => {
      const { token } = await anAccount();
      const error = await app.fails(
        CHANGE_PASSWORD,
        { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
        { as: token },
      );
      expect(error.extensions.fields).toEqual([
        { field: 'newPassword', message: 'newPassword must differ from the current password' },
      ]);
      expect(await app.ok(ME, {}, { as: token })).toEqual({ me: { email: expect.any(String) } });
    });

    it('refuses a new password shorter than 12 characters and accepts one of exactly 12', async () => {
      const { email, token } = await anAccount();
      const error = await app.fails(
        CHANGE_PASSWORD,
        { currentPassword: TEST_PASSWORD, newPassword: '12345678901' },
        { as: token },
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([
        { field: 'newPassword', message: 'newPassword must be 12 to 200 characters long' },
      ]);
      await app.ok(
        CHANGE_PASSWORD,
        { currentPassword: TEST_PASSWORD, newPassword: '123456789012' },
        { as: token },
      );
      expect(await app.login(email, '123456789012')).toMatch(/\./);
    });

    it('needs a signed-in caller', async () => {
      const error = await app.fails(CHANGE_PASSWORD, {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a-brand-new-password',
      });
      expect(answer(error)).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Sign in first: send Authorization: Bearer <token>',
      });
    });
  });

  describe('setUserActive', () => {
    it('disables an account: its tokens and its logins are refused; enabling it needs a new login', async () => {
      const { id, email, token } = await anAccount('COUNTRY_FOCAL_POINT', { countryCode: 'HN' });
      const disabled = await app.ok(
        SET_USER_ACTIVE,
        { userId: id, active: false },
        { as: world.secretariat },
      );
      expect(disabled.setUserActive).toEqual({ email, active: false });
      expect(answer(await app.fails(ME, {}, { as: token }))).toEqual(DISABLED);
      expect(answer(await app.fails(LOGIN, { email, password: TEST_PASSWORD }))).toEqual(
        WRONG_LOGIN,
      );

      const enabled = await app.ok(
        SET_USER_ACTIVE,
        { userId: id, active: true },
        { as: world.secretariat },
      );
      expect(enabled.setUserActive).toEqual({ email, active: true });
      expect(answer(await app.fails(ME, {}, { as: token }))).toEqual(REVOKED);
      const fresh = await app.login(email);
      expect(claimsOf(fresh).ver).toBe(2);
      expect(await app.ok(ME, {}, { as: fresh })).toEqual({ me: { email } });
    });

    it('changes nothing when the account already is in that state', async () => {
      const { id, email, token } = await anAccount();
      const data = await app.ok(
        SET_USER_ACTIVE,
        { userId: id, active: true },
        { as: world.secretariat },
      );
      expect(data.setUserActive).toEqual({ email, active: true });
      expect(await app.ok(ME, {}, { as: token })).toEqual({ me: { email } });
    });

    it('lets a secretariat account be disabled while another one is active, not the last', async () => {
      const second = await anAccount('SECRETARIAT');
      const data = await app.ok(
        SET_USER_ACTIVE,
        { userId: second.id, active: false },
        { as: second.token },
      );
      expect(data.setUserActive).toEqual({ email: second.email, active: false });
      expect(answer(await app.fails(ME, {}, { as: second.token }))).toEqual(DISABLED);

      // Leave the first secretariat account the only active one.
      const users = await app.ok<{
        users: { id: string; email: string; role: string; active: boolean }[];
      }>('{ users { id email role active } }', {}, { as: world.secretariat });
      for (const user of users.users) {
        if (user.role === 'SECRETARIAT' && user.active && user.email !== SECRETARIAT_EMAIL) {
          await app.ok(
            SET_USER_ACTIVE,
            { userId: user.id, active: false },
            { as: world.secretariat },
          );
        }
      }
      const self = users.users.find((user) => user.email === SECRETARIAT_EMAIL)!;
      const error = await app.fails(
        SET_USER_ACTIVE,
        { userId: self.id, active: false },
        { as: world.secretariat },
      );
      expect(answer(error)).toEqual({
        code: 'CONFLICT',
        message: `${SECRETARIAT_EMAIL} is the last active secretariat account: enable or create another first`,
      });
      expect(await app.ok(ME, {}, { as: world.secretariat })).toEqual({
        me: { email: SECRETARIAT_EMAIL },
      });
    });

    it.each(['member', 'honduras', 'observer'] as const)('is forbidden to the %s', async (role) => {
      const { id, token } = await anAccount();
      const error = await app.fails(
        SET_USER_ACTIVE,
        { userId: id, active: false },
        { as: world[role] },
      );
      expect(answer(error)).toEqual({ code: 'FORBIDDEN', message: 'Only SECRETARIAT may do this' });
      expect(await app.ok(ME, {}, { as: token })).toEqual({ me: { email: expect.any(String) } });
    });

    it('answers NOT_FOUND for an unknown user and BAD_USER_INPUT for a malformed id', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(
        answer(
          await app.fails(
            SET_USER_ACTIVE,
            { userId: unknown, active: false },
            { as: world.secretariat },
          ),
        ),
      ).toEqual({ code: 'NOT_FOUND', message: `User ${unknown} was not found` });
      const malformed = await app.fails(
        SET_USER_ACTIVE,
        { userId: 'me', active: false },
        { as: world.secretariat },
      );
      expect(malformed.extensions.fields).toEqual([
        { field: 'userId', message: 'userId must be an id' },
      ]);
    });
  });

  describe('login', () => {
    it('takes about as long for an unknown e-mail as for a wrong password', async () => {
      // One failure per account, so that no account is locked on the way.
      const RUNS = 5;
      const known: string[] = [];
      for (let run = 0; run < RUNS; run += 1) known.push((await anAccount()).email);
      const timed = async (email: string): Promise<number> => {
        const started = process.hrtime.bigint();
        const error = await app.fails(LOGIN, { email, password: 'a-wrong-password-here' });
        const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        expect(answer(error)).toEqual(WRONG_LOGIN);
        return elapsed;
      };
      const wrongPassword: number[] = [];
      const unknownEmail: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        wrongPassword.push(await timed(known[run]));
        unknownEmail.push(await timed(`nobody-${run}@mirps.test`));
      }
      // A password check costs tens of milliseconds (scrypt); a lookup alone, about one.
      const ratio = median(unknownEmail) / median(wrongPassword);
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    });
  });
});

describe('the last two secretariat accounts disabling each other at once', () => {
  it('lets exactly one of them through', async () => {
    const app = await startTestApp({ env: ENV });
    try {
      const first = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
      const secondId = await createUser(app, first, {
        email: 'second-secretariat@mirps.test',
        role: 'SECRETARIAT',
      });
      const second = await app.login('second-secretariat@mirps.test');
      const firstId = (
        await app.sql<{ id: string }>('SELECT "id" FROM "users" WHERE "email" = :email', {
          email: SECRETARIAT_EMAIL,
        })
      )[0].id;

      const answers = await Promise.all([
        app.gql(SET_USER_ACTIVE, { userId: secondId, active: false }, { as: first }),
        app.gql(SET_USER_ACTIVE, { userId: firstId, active: false }, { as: second }),
      ]);
      const codes = answers.map((body) => body.errors?.[0]?.extensions.code ?? 'OK');
      expect(codes.filter((code) => code === 'OK')).toEqual(['OK']);
      // The other is refused: CONFLICT when its check comes after the winner's change, or
      // UNAUTHENTICATED when the winner disabled its caller before it was signed in (where
      // requests truly run side by side, as on PostgreSQL).
      expect(['CONFLICT', 'UNAUTHENTICATED']).toContain(codes.find((code) => code !== 'OK'));
      const callers = [SECRETARIAT_EMAIL, 'second-secretariat@mirps.test'];
      const active = await app.sql(
        `SELECT "email" FROM "users" WHERE "role" = 'SECRETARIAT' AND "active" = TRUE`,
      );
      expect(active).toEqual([{ email: callers[codes.indexOf('OK')] }]);
    } finally {
      await app.close();
    }
  });
});
