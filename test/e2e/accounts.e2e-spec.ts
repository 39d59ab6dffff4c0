import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { buildWorld, createOrganization, createUser, World } from '../support/builders';
import {
  GraphQLErrorShape,
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';

const JWT_SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    user { email role country { code } organization { name } }
  }
}`;
const ME = `{
  me {
    email role active
    country { code name isMirpsState }
    organization { name kind country { code name } }
  }
}`;
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { email role country { code } organization { name } }
}`;
const CREATE_ORGANIZATION = `mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { name kind country { code name } }
}`;
const CREATE_WORKING_GROUP = `mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {
  createWorkingGroup(input: $input) { code name description es: name(locale: ES) }
}`;

const SEEDED_WORKING_GROUPS = [
  'ASYLUM_SYSTEMS',
  'EDUCATION',
  'HEALTH',
  'INTERNAL_DISPLACEMENT',
  'JOBS_LIVELIHOODS',
  'LOCAL_GOVERNANCE',
  'PRIVATE_SECTOR',
  'SOCIAL_PROTECTION',
  'STATISTICAL_INCLUSION',
];
const MIRPS_STATES = ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'PA'];

type NonSecretariat = 'member' | 'otherMember' | 'honduras' | 'guatemala' | 'observer';
const EVERY_OTHER_ROLE: NonSecretariat[] = [
  'member',
  'otherMember',
  'honduras',
  'guatemala',
  'observer',
];
const EVERY_ROLE: ('secretariat' | NonSecretariat)[] = ['secretariat', ...EVERY_OTHER_ROLE];

/** What a caller sees of an error: its code, message and (for bad input) the fields. */
function answer(error: GraphQLErrorShape) {
  return {
    code: error.extensions.code,
    message: error.message,
    ...(error.extensions.fields ? { fields: error.extensions.fields } : {}),
  };
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('accounts, organizations and reference data', () => {
  let app: TestApp;
  let world: World;
  let secretariatId: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    const users = await app.ok<{ users: { id: string; email: string }[] }>(
      '{ users { id email } }',
      {},
      { as: world.secretariat },
    );
    secretariatId = users.users.find((user) => user.email === SECRETARIAT_EMAIL)!.id;
  });

  afterAll(() => app.close());

  describe('login', () => {
    it('answers the right password with a token and the user', async () => {
      const data = await app.ok(LOGIN, { email: 'focal@hn.test', password: TEST_PASSWORD });
      expect(data.login.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(data.login.user).toEqual({
        email: 'focal@hn.test',
        role: 'COUNTRY_FOCAL_POINT',
        country: { code: 'HN' },
        organization: null,
      });
      const me = await app.ok('{ me { email } }', {}, { as: data.login.token });
      expect(me).toEqual({ me: { email: 'focal@hn.test' } });
    });

    it('reads the e-mail without regard to case or surrounding spaces', async () => {
      const data = await app.ok(LOGIN, {
        email: '  Member@IRB.Test ',
        password: TEST_PASSWORD,
      });
      expect(data.login.user).toEqual({
        email: 'member@irb.test',
        role: 'MEMBER_FOCAL_POINT',
        country: null,
        organization: { name: 'Immigration and Refugee Board of Canada' },
      });
    });

    it('gives a wrong password and an unknown e-mail the same answer', async () => {
      const wrongPassword = await app.gql(LOGIN, {
        email: SECRETARIAT_EMAIL,
        password: 'not-the-secretariat-password',
      });
      const unknownEmail = await app.gql(LOGIN, {
        email: 'nobody@mirps.test',
        password: SECRETARIAT_PASSWORD,
      });
      for (const body of [wrongPassword, unknownEmail]) {
        expect(body.data).toBeNull();
        expect(body.errors).toHaveLength(1);
        expect(answer(body.errors![0])).toEqual({
          code: 'UNAUTHENTICATED',
          message: 'Wrong e-mail or password',
        });
      }
    });

    it('refuses the right password with a different case', async () => {
      const error = await app.fails(LOGIN, {
        email: SECRETARIAT_EMAIL,
        password: SECRETARIAT_PASSWORD.toUpperCase(),
      });
      expect(answer(error)).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Wrong e-mail or password',
      });
    });
  });

  describe('me', () => {
    it('tells the secretariat who it is, bound to nothing', async () => {
      expect(await app.ok(ME, {}, { as: world.secretariat })).toEqual({
        me: {
          email: SECRETARIAT_EMAIL,
          role: 'SECRETARIAT',
          active: true,
          country: null,
          organization: null,
        },
      });
    });

    it('tells a country focal point its country', async () => {
      expect(await app.ok(ME, {}, { as: world.honduras })).toEqual({
        me: {
          email: 'focal@hn.test',
          role: 'COUNTRY_FOCAL_POINT',
          active: true,
          country: { code: 'HN', name: 'Honduras', isMirpsState: true },
          organization: null,
        },
      });
    });

    it('tells a member focal point its organization and the organization its country', async () => {
      expect(await app.ok(ME, {}, { as: world.member })).toEqual({
        me: {
          email: 'member@irb.test',
          role: 'MEMBER_FOCAL_POINT',
          active: true,
          country: null,
          organization: {
            name: 'Immigration and Refugee Board of Canada',
            kind: 'STATE',
            country: { code: 'CA', name: 'Canada' },
          },
        },
      });
      expect(await app.ok(ME, {}, { as: world.otherMember })).toEqual({
        me: {
          email: 'member@worldbank.test',
          role: 'MEMBER_FOCAL_POINT',
          active: true,
          country: null,
          organization: { name: 'World Bank Group', kind: 'FINANCIAL_INSTITUTION', country: null },
        },
      });
    });

    it('tells an observer who it is, bound to nothing', async () => {
      expect(await app.ok(ME, {}, { as: world.observer })).toEqual({
        me: {
          email: 'observer@oas.test',
          role: 'OBSERVER',
          active: true,
          country: null,
          organization: null,
        },
      });
    });

    it('names the country in Spanish when the reader asks for it', async () => {
      const data = await app.ok(
        '{ me { country { name } } }',
        {},
        { as: world.guatemala, headers: { 'accept-language': 'es' } },
      );
      expect(data).toEqual({ me: { country: { name: 'Guatemala' } } });
    });
  });

  describe('a request without a valid token', () => {
    const NO_TOKEN = {
      code: 'UNAUTHENTICATED',
      message: 'Sign in first: send Authorization: Bearer <token>',
    };
    const INVALID_TOKEN = {
      code: 'UNAUTHENTICATED',
      message: 'The token is invalid or has expired: sign in again',
    };

    it('is refused when no token is sent', async () => {
      const body = await app.gql(ME);
      expect(body.data).toBeNull();
      expect(answer(body.errors![0])).toEqual(NO_TOKEN);
    });

    it('is refused when the Authorization header is not a bearer token', async () => {
      const error = await app.fails(ME, {}, { headers: { authorization: world.secretariat } });
      expect(answer(error)).toEqual(NO_TOKEN);
    });

    it.each([
      ['not a JWT at all', 'not-a-token'],
      ['three parts of garbage', 'aaa.bbb.ccc'],
      ['an empty signature', 'eyJhbGciOiJIUzI1NiJ9.e30.'],
    ])('is refused with a malformed token: %s', async (_what, token) => {
      expect(answer(await app.fails(ME, {}, { as: token }))).toEqual(INVALID_TOKEN);
    });

    it('is refused with a token signed with another secret', async () => {
      const forged = await new JwtService({
        secret: 'another-secret-that-is-long-enough-too',
      }).signAsync({ sub: secretariatId, role: 'SECRETARIAT' });
      expect(answer(await app.fails(ME, {}, { as: forged }))).toEqual(INVALID_TOKEN);
    });

    it('is refused with an unsigned token (alg "none")', async () => {
      const now = Math.floor(Date.now() / 1000);
      const unsigned = [
        base64url({ alg: 'none', typ: 'JWT' }),
        base64url({ sub: secretariatId, role: 'SECRETARIAT', iat: now, exp: now + 3600 }),
        '',
      ].join('.');
      expect(answer(await app.fails(ME, {}, { as: unsigned }))).toEqual(INVALID_TOKEN);
    });

    it('is refused with a token that has expired', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = await new JwtService({ secret: JWT_SECRET }).signAsync({
        sub: secretariatId,
        role: 'SECRETARIAT',
        iat: now - 7200,
        exp: now - 3600,
      });
      expect(answer(await app.fails(ME, {}, { as: expired }))).toEqual(INVALID_TOKEN);
    });

    it('is refused with a well-signed token of an account that does not exist', async () => {
      const orphan = await new JwtService({ secret: JWT_SECRET }).signAsync({
        sub: randomUUID(),
        role: 'SECRETARIAT',
      });
      expect(answer(await app.fails(ME, {}, { as: orphan }))).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'This account is disabled or no longer exists',
      });
    });

    it('cannot read reference data either', async () => {
      const body = await app.gql('{ countries { code } workingGroups { code } }');
      expect(body.data).toBeNull();
      expect(answer(body.errors![0])).toEqual(NO_TOKEN);
    });
  });

  describe('createUser', () => {
    it.each([
      {
        role: 'SECRETARIAT',
        binding: () => ({}),
        expected: () => ({ country: null, organization: null }),
      },
      {
        role: 'OBSERVER',
        binding: () => ({}),
        expected: () => ({ country: null, organization: null }),
      },
      {
        role: 'COUNTRY_FOCAL_POINT',
        binding: () => ({ countryCode: 'SV' }),
        expected: () => ({ country: { code: 'SV' }, organization: null }),
      },
      {
        role: 'MEMBER_FOCAL_POINT',
        binding: (w: World) => ({ organizationId: w.otherOrganizationId }),
        expected: () => ({ country: null, organization: { name: 'World Bank Group' } }),
      },
    ])('creates a $role who can then sign in', async ({ role, binding, expected }) => {
      const email = `new-${role.toLowerCase()}@mirps.test`;
      const data = await app.ok(
        CREATE_USER,
        { input: { email, password: TEST_PASSWORD, role, ...binding(world) } },
        { as: world.secretariat },
      );
      expect(data.createUser).toEqual({ email, role, ...expected() });

      const token = await app.login(email);
      expect(
        await app.ok(
          '{ me { email role country { code } organization { name } } }',
          {},
          { as: token },
        ),
      ).toEqual({ me: { email, role, ...expected() } });
    });

    it('stores the e-mail in lower case', async () => {
      const data = await app.ok(
        CREATE_USER,
        { input: { email: 'Ana.Lopez@ACNUR.test', password: TEST_PASSWORD, role: 'OBSERVER' } },
        { as: world.secretariat },
      );
      expect(data.createUser.email).toBe('ana.lopez@acnur.test');
      expect(await app.login('ANA.LOPEZ@acnur.TEST')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    });

    it('lets exactly one of two simultaneous requests for the same e-mail through', async () => {
      const usersBefore = await app.rowCount('users');
      const [first, second] = await Promise.all(
        ['twin@mirps.test', 'TWIN@mirps.test'].map((email) =>
          app.gql(
            CREATE_USER,
            { input: { email, password: TEST_PASSWORD, role: 'OBSERVER' } },
            { as: world.secretariat },
          ),
        ),
      );
      const codes = [first, second].map((body) => body.errors?.[0]?.extensions.code ?? 'OK');
      expect(codes.sort()).toEqual(['CONFLICT', 'OK']);
      expect(await app.rowCount('users')).toBe(usersBefore + 1);
    });

    const UNKNOWN_ORGANIZATION = '00000000-0000-4000-8000-000000000000';
    it.each([
      {
        what: 'a country focal point without a country',
        input: () => ({ role: 'COUNTRY_FOCAL_POINT' }),
        field: 'countryCode',
        message: 'a COUNTRY_FOCAL_POINT needs the countryCode of a MIRPS state',
      },
      {
        what: 'a country focal point of a country outside MIRPS',
        input: () => ({ role: 'COUNTRY_FOCAL_POINT', countryCode: 'CA' }),
        field: 'countryCode',
        message: '"CA" is not a MIRPS state',
      },
      {
        what: 'a country focal point of an unknown country',
        input: () => ({ role: 'COUNTRY_FOCAL_POINT', countryCode: 'XX' }),
        field: 'countryCode',
        message: '"XX" is not an ISO 3166-1 alpha-2 country code',
      },
      {
        what: 'a country focal point with a lower-case country code',
        input: () => ({ role: 'COUNTRY_FOCAL_POINT', countryCode: 'hn' }),
        field: 'countryCode',
        message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code',
      },
      {
        what: 'a country focal point bound to an organization as well',
        input: (w: World) => ({
          role: 'COUNTRY_FOCAL_POINT',
          countryCode: 'HN',
          organizationId: w.organizationId,
        }),
        field: 'organizationId',
        message: 'a COUNTRY_FOCAL_POINT is not bound to an organization',
      },
      {
        what: 'a member focal point without an organization',
        input: () => ({ role: 'MEMBER_FOCAL_POINT' }),
        field: 'organizationId',
        message: 'a MEMBER_FOCAL_POINT needs an organizationId',
      },
      {
        what: 'a member focal point of an organization that does not exist',
        input: () => ({ role: 'MEMBER_FOCAL_POINT', organizationId: UNKNOWN_ORGANIZATION }),
        field: 'organizationId',
        message: `no organization has the id "${UNKNOWN_ORGANIZATION}"`,
      },
      {
        what: 'a member focal point with an organizationId that is not an id',
        input: () => ({ role: 'MEMBER_FOCAL_POINT', organizationId: 'irb' }),
        field: 'organizationId',
        message: 'organizationId must be an id',
      },
      {
        what: 'a member focal point bound to a country as well',
        input: (w: World) => ({
          role: 'MEMBER_FOCAL_POINT',
          organizationId: w.organizationId,
          countryCode: 'HN',
        }),
        field: 'countryCode',
        message: 'a MEMBER_FOCAL_POINT is not bound to a country',
      },
      {
        what: 'a secretariat bound to a country',
        input: () => ({ role: 'SECRETARIAT', countryCode: 'HN' }),
        field: 'countryCode',
        message: 'a SECRETARIAT is not bound to a country',
      },
      {
        what: 'a secretariat bound to an organization',
        input: (w: World) => ({ role: 'SECRETARIAT', organizationId: w.organizationId }),
        field: 'organizationId',
        message: 'a SECRETARIAT is not bound to an organization',
      },
      {
        what: 'an observer bound to a country',
        input: () => ({ role: 'OBSERVER', countryCode: 'GT' }),
        field: 'countryCode',
        message: 'a OBSERVER is not bound to a country',
      },
      {
        what: 'an observer bound to an organization',
        input: (w: World) => ({ role: 'OBSERVER', organizationId: w.otherOrganizationId }),
        field: 'organizationId',
        message: 'a OBSERVER is not bound to an organization',
      },
    ])('refuses $what, naming $field', async ({ input, field, message }) => {
      const usersBefore = await app.rowCount('users');
      const error = await app.fails(
        CREATE_USER,
        { input: { email: 'wrongly-bound@mirps.test', password: TEST_PASSWORD, ...input(world) } },
        { as: world.secretariat },
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([{ field, message }]);
      expect(await app.rowCount('users')).toBe(usersBefore);
    });

    it('refuses an e-mail that is taken, whatever its case', async () => {
      const usersBefore = await app.rowCount('users');
      const error = await app.fails(
        CREATE_USER,
        { input: { email: 'Focal@HN.test', password: TEST_PASSWORD, role: 'OBSERVER' } },
        { as: world.secretariat },
      );
      expect(answer(error)).toEqual({
        code: 'CONFLICT',
        message: 'A user with the e-mail focal@hn.test already exists',
      });
      expect(await app.rowCount('users')).toBe(usersBefore);
    });

    it('refuses a password shorter than 12 characters and accepts one of exactly 12', async () => {
      const usersBefore = await app.rowCount('users');
      const error = await app.fails(
        CREATE_USER,
        { input: { email: 'short@mirps.test', password: '12345678901', role: 'OBSERVER' } },
        { as: world.secretariat },
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([
        { field: 'password', message: 'password must be 12 to 200 characters long' },
      ]);
      expect(await app.rowCount('users')).toBe(usersBefore);

      await createUser(app, world.secretariat, {
        email: 'twelve@mirps.test',
        password: '123456789012',
        role: 'OBSERVER',
      });
      expect(await app.login('twelve@mirps.test', '123456789012')).toMatch(/\./);
    });

    it('refuses an address that is not an e-mail', async () => {
      const error = await app.fails(
        CREATE_USER,
        { input: { email: 'not an e-mail', password: TEST_PASSWORD, role: 'OBSERVER' } },
        { as: world.secretariat },
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([
        { field: 'email', message: 'email must be an e-mail address' },
      ]);
    });

    it.each(EVERY_OTHER_ROLE)('is forbidden to the %s', async (role) => {
      const usersBefore = await app.rowCount('users');
      const error = await app.fails(
        CREATE_USER,
        {
          input: {
            email: `made-by-${role}@mirps.test`,
            password: TEST_PASSWORD,
            role: 'SECRETARIAT',
          },
        },
        { as: world[role] },
      );
      expect(answer(error)).toEqual({ code: 'FORBIDDEN', message: 'Only SECRETARIAT may do this' });
      expect(await app.rowCount('users')).toBe(usersBefore);
    });
  });

  describe('users', () => {
    it('lists every account by e-mail for the secretariat', async () => {
      const data = await app.ok<{ users: { email: string; role: string }[] }>(
        '{ users { email role country { code } organization { name } } }',
        {},
        { as: world.secretariat },
      );
      const emails = data.users.map((user) => user.email);
      expect(emails).toEqual([...emails].sort());
      expect(data.users).toEqual(
        expect.arrayContaining([
          { email: SECRETARIAT_EMAIL, role: 'SECRETARIAT', country: null, organization: null },
          {
            email: 'member@irb.test',
            role: 'MEMBER_FOCAL_POINT',
            country: null,
            organization: { name: 'Immigration and Refugee Board of Canada' },
          },
          {
            email: 'member@worldbank.test',
            role: 'MEMBER_FOCAL_POINT',
            country: null,
            organization: { name: 'World Bank Group' },
          },
          {
            email: 'focal@hn.test',
            role: 'COUNTRY_FOCAL_POINT',
            country: { code: 'HN' },
            organization: null,
          },
          {
            email: 'focal@gt.test',
            role: 'COUNTRY_FOCAL_POINT',
            country: { code: 'GT' },
            organization: null,
          },
          { email: 'observer@oas.test', role: 'OBSERVER', country: null, organization: null },
        ]),
      );
      expect(data.users).toHaveLength(await app.rowCount('users'));
    });

    it.each(EVERY_OTHER_ROLE)('is forbidden to the %s', async (role) => {
      const body = await app.gql('{ users { email } }', {}, { as: world[role] });
      expect(body.data).toBeNull();
      expect(answer(body.errors![0])).toEqual({
        code: 'FORBIDDEN',
        message: 'Only SECRETARIAT may do this',
      });
    });

    it('has no password hash to ask for', async () => {
      const error = await app.fails(
        '{ users { email passwordHash } }',
        {},
        { as: world.secretariat },
      );
      expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toBe('Cannot query field "passwordHash" on type "User".');

      const schema = await app.ok(
        '{ __type(name: "User") { fields { name } } }',
        {},
        { as: world.secretariat },
      );
      expect(schema.__type.fields.map((field: { name: string }) => field.name).sort()).toEqual([
        'active',
        'calendarUrl',
        'country',
        'email',
        'id',
        'invitationPending',
        'jobTitle',
        'lastSignedInAt',
        'locale',
        'mutedEmailKinds',
        'name',
        'organization',
        'phone',
        'role',
      ]);
    });
  });

  describe('organizations', () => {
    it('are created by the secretariat, with the name tidied', async () => {
      const data = await app.ok(
        CREATE_ORGANIZATION,
        {
          input: { name: '  Agencia   Mexicana de Cooperación ', kind: 'STATE', countryCode: 'MX' },
        },
        { as: world.secretariat },
      );
      expect(data.createOrganization).toEqual({
        name: 'Agencia Mexicana de Cooperación',
        kind: 'STATE',
        country: { code: 'MX', name: 'Mexico' },
      });
    });

    it.each(EVERY_OTHER_ROLE)('may not be created by the %s', async (role) => {
      const before = await app.rowCount('organizations');
      const error = await app.fails(
        CREATE_ORGANIZATION,
        { input: { name: `Made by ${role}`, kind: 'CIVIL_SOCIETY' } },
        { as: world[role] },
      );
      expect(answer(error)).toEqual({ code: 'FORBIDDEN', message: 'Only SECRETARIAT may do this' });
      expect(await app.rowCount('organizations')).toBe(before);
    });

    it('refuses a name that differs from an existing one only by case and spaces', async () => {
      await createOrganization(
        app,
        world.secretariat,
        'Pan American Health Organization',
        'INTERNATIONAL_ORGANIZATION',
        null,
      );
      const before = await app.rowCount('organizations');
      const error = await app.fails(
        CREATE_ORGANIZATION,
        {
          input: {
            name: '  pan american   HEALTH organization ',
            kind: 'INTERNATIONAL_ORGANIZATION',
          },
        },
        { as: world.secretariat },
      );
      expect(answer(error)).toEqual({
        code: 'CONFLICT',
        message: 'An organization named "pan american HEALTH organization" already exists',
      });
      expect(await app.rowCount('organizations')).toBe(before);
    });

    it('lets exactly one of two simultaneous requests for the same name through', async () => {
      const before = await app.rowCount('organizations');
      const [first, second] = await Promise.all(
        ['Inter-American Development Bank', 'inter-american development bank'].map((name) =>
          app.gql(
            CREATE_ORGANIZATION,
            { input: { name, kind: 'FINANCIAL_INSTITUTION' } },
            { as: world.secretariat },
          ),
        ),
      );
      const codes = [first, second].map((body) => body.errors?.[0]?.extensions.code ?? 'OK');
      expect(codes.sort()).toEqual(['CONFLICT', 'OK']);
      expect(await app.rowCount('organizations')).toBe(before + 1);
    });

    it('refuses an unknown country code, naming countryCode', async () => {
      const before = await app.rowCount('organizations');
      const error = await app.fails(
        CREATE_ORGANIZATION,
        { input: { name: 'Nowhere Institute', kind: 'ACADEMIA', countryCode: 'XX' } },
        { as: world.secretariat },
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([
        { field: 'countryCode', message: '"XX" is not an ISO 3166-1 alpha-2 country code' },
      ]);
      expect(await app.rowCount('organizations')).toBe(before);
    });

    it('are listed by name, and filtered by kind', async () => {
      for (const name of [
        'Universidad de Costa Rica',
        'FLACSO',
        'El Colegio de México',
        'Árbol Académico',
      ]) {
        await createOrganization(app, world.secretariat, name, 'ACADEMIA', null);
      }
      await createOrganization(
        app,
        world.secretariat,
        'Sistema de la Integración Centroamericana',
        'REGIONAL_BODY',
        null,
      );

      const academia = await app.ok(
        '{ organizations(kind: ACADEMIA) { name kind country { code } } }',
        {},
        { as: world.observer },
      );
      expect(academia.organizations).toEqual([
        { name: 'Árbol Académico', kind: 'ACADEMIA', country: null },
        { name: 'El Colegio de México', kind: 'ACADEMIA', country: null },
        { name: 'FLACSO', kind: 'ACADEMIA', country: null },
        { name: 'Universidad de Costa Rica', kind: 'ACADEMIA', country: null },
      ]);
      const regional = await app.ok(
        '{ organizations(kind: REGIONAL_BODY) { name } }',
        {},
        { as: world.honduras },
      );
      expect(regional.organizations).toEqual([
        { name: 'Sistema de la Integración Centroamericana' },
      ]);

      const all = await app.ok<{ organizations: { name: string }[] }>(
        '{ organizations { name } }',
        {},
        { as: world.member },
      );
      const names = all.organizations.map((organization) => organization.name);
      expect(names).toHaveLength(await app.rowCount('organizations'));
      const folded = names.map((name) =>
        name
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase(),
      );
      expect(folded).toEqual([...folded].sort());
    });
  });

  describe('working groups', () => {
    it('are created by the secretariat and then listed', async () => {
      const data = await app.ok(
        CREATE_WORKING_GROUP,
        {
          input: {
            code: 'CLIMATE_DISPLACEMENT',
            nameEn: ' Climate-related displacement ',
            nameEs: 'Desplazamiento por el clima',
            descriptionEn: 'Disasters and slow-onset climate effects',
          },
        },
        { as: world.secretariat },
      );
      expect(data.createWorkingGroup).toEqual({
        code: 'CLIMATE_DISPLACEMENT',
        name: 'Climate-related displacement',
        description: 'Disasters and slow-onset climate effects',
        es: 'Desplazamiento por el clima',
      });
      const listed = await app.ok('{ workingGroups { code name } }', {}, { as: world.guatemala });
      expect(listed.workingGroups).toContainEqual({
        code: 'CLIMATE_DISPLACEMENT',
        name: 'Climate-related displacement',
      });
    });

    it('refuses a code that exists', async () => {
      const before = await app.rowCount('working_groups');
      const error = await app.fails(
        CREATE_WORKING_GROUP,
        { input: { code: 'HEALTH', nameEn: 'Health again', nameEs: 'Salud otra vez' } },
        { as: world.secretariat },
      );
      expect(answer(error)).toEqual({
        code: 'CONFLICT',
        message: 'Working group HEALTH already exists',
      });
      expect(await app.rowCount('working_groups')).toBe(before);
    });

    it('refuses a code that is not upper-case, naming code', async () => {
      const error = await app.fails(
        CREATE_WORKING_GROUP,
        { input: { code: 'health-2', nameEn: 'Health', nameEs: 'Salud' } },
        { as: world.secretariat },
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([
        {
          field: 'code',
          message: 'code must be 2 to 40 upper-case letters, digits or underscores',
        },
      ]);
    });

    it('refuses a blank name, naming it', async () => {
      const before = await app.rowCount('working_groups');
      const error = await app.fails(
        CREATE_WORKING_GROUP,
        { input: { code: 'BLANK_NAME', nameEn: 'Climate', nameEs: '   ' } },
        { as: world.secretariat },
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([
        { field: 'nameEs', message: 'nameEs must not be blank' },
      ]);
      expect(await app.rowCount('working_groups')).toBe(before);
    });

    it.each(EVERY_OTHER_ROLE)('may not be created by the %s', async (role) => {
      const before = await app.rowCount('working_groups');
      const error = await app.fails(
        CREATE_WORKING_GROUP,
        { input: { code: `BY_${role.toUpperCase()}`, nameEn: 'Theirs', nameEs: 'Suyo' } },
        { as: world[role] },
      );
      expect(answer(error)).toEqual({ code: 'FORBIDDEN', message: 'Only SECRETARIAT may do this' });
      expect(await app.rowCount('working_groups')).toBe(before);
    });
  });

  describe.each(EVERY_ROLE)('reference data read by the %s', (role) => {
    it('lists the countries and the MIRPS states', async () => {
      const data = await app.ok(
        '{ all: countries { code } mirps: countries(mirpsOnly: true) { code } }',
        {},
        { as: world[role] },
      );
      expect(data.all).toHaveLength(250);
      expect(data.mirps.map((country: { code: string }) => country.code)).toEqual(MIRPS_STATES);
    });

    it('lists the working groups', async () => {
      const data = await app.ok<{ workingGroups: { code: string }[] }>(
        '{ workingGroups { code } }',
        {},
        { as: world[role] },
      );
      expect(data.workingGroups.map((group) => group.code)).toEqual(
        expect.arrayContaining(SEEDED_WORKING_GROUPS),
      );
    });
  });
});
