import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { aNeed, buildWorld, CREATE_NEED, World } from '../support/builders';
import {
  GraphQLErrorShape,
  SECRETARIAT_EMAIL,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';

/** These specs sign in often from one address; the address limit has its own spec. */
const ENV = { LOGIN_ATTEMPTS_PER_ADDRESS: '1000' };

const AUDIT_LOG = `query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id createdAt operation userId email role targetIds outcome } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CREATE_ORGANIZATION = `mutation CreateOrganization($name: String!) {
  createOrganization(input: { name: $name, kind: ACADEMIA }) { id }
}`;
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token user { id } }
}`;

interface Entry {
  id: string;
  createdAt: string;
  operation: string;
  userId: string | null;
  email: string | null;
  role: string | null;
  targetIds: string[];
  outcome: string;
}

function answer(error: GraphQLErrorShape) {
  return {
    code: error.extensions.code,
    message: error.message,
    ...(error.extensions.fields ? { fields: error.extensions.fields } : {}),
  };
}

describe('the audit trail', () => {
  let app: TestApp;
  let world: World;
  const ids: Record<string, string> = {};

  /** The entries a filter selects, newest first, without their id and time. */
  async function entries(filter: Record<string, unknown>) {
    const data = await app.ok<{ auditLog: { edges: { node: Entry }[] } }>(
      AUDIT_LOG,
      { filter, first: 100 },
      { as: world.secretariat },
    );
    return data.auditLog.edges.map(({ node: { id: _id, createdAt: _at, ...rest } }) => rest);
  }

  /** A trigger that makes writing the entry of `operation` fail, in each engine's dialect. */
  async function refuseAuditEntriesOf(operation: string): Promise<void> {
    if (app.engine === 'sqlite') {
      await app.sql(
        `CREATE TRIGGER "refuse_audit" BEFORE INSERT ON "audit_log" WHEN NEW."operation" = '${operation}' BEGIN SELECT RAISE(ABORT, 'no audit today'); END`,
      );
      return;
    }
    await app.sql(
      `CREATE FUNCTION "refuse_audit"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no audit today'; END $$`,
    );
    await app.sql(
      `CREATE TRIGGER "refuse_audit" BEFORE INSERT ON "audit_log" FOR EACH ROW WHEN (NEW."operation" = '${operation}') EXECUTE FUNCTION "refuse_audit"()`,
    );
  }

  async function acceptAuditEntriesAgain(): Promise<void> {
    if (app.engine === 'sqlite') {
      await app.sql(`DROP TRIGGER "refuse_audit"`);
      return;
    }
    await app.sql(`DROP TRIGGER "refuse_audit" ON "audit_log"`);
    await app.sql(`DROP FUNCTION "refuse_audit"()`);
  }

  beforeAll(async () => {
    app = await startTestApp({ env: ENV });
    world = await buildWorld(app);
    const users = await app.ok<{ users: { id: string; email: string }[] }>(
      '{ users { id email } }',
      {},
      { as: world.secretariat },
    );
    for (const user of users.users) ids[user.email] = user.id;
  });

  afterAll(() => app.close());

  describe('records a successful mutation', () => {
    it('with who, role, operation, the returned id, when and OK', async () => {
      const before = Date.now();
      const data = await app.ok(CREATE_NEED, { input: aNeed() }, { as: world.honduras });
      const needId = data.createNeed.id as string;
      const after = Date.now();

      const listed = await app.ok<{ auditLog: { edges: { node: Entry }[] } }>(
        AUDIT_LOG,
        { filter: { targetId: needId } },
        { as: world.secretariat },
      );
      expect(listed.auditLog.edges).toHaveLength(1);
      const { id, createdAt, ...entry } = listed.auditLog.edges[0].node;
      expect(entry).toEqual({
        operation: 'createNeed',
        userId: ids['focal@hn.test'],
        email: 'focal@hn.test',
        role: 'COUNTRY_FOCAL_POINT',
        targetIds: [needId],
        outcome: 'OK',
      });
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(createdAt).getTime()).toBeGreaterThanOrEqual(before);
      expect(new Date(createdAt).getTime()).toBeLessThanOrEqual(after);
    });

    it('with the ids of the arguments, then the id returned', async () => {
      const created = await app.ok(
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        {
          input: {
            email: 'audited@irb.test',
            password: TEST_PASSWORD,
            role: 'MEMBER_FOCAL_POINT',
            organizationId: world.organizationId,
          },
        },
        { as: world.secretariat },
      );
      const userId = created.createUser.id as string;
      expect(await entries({ targetId: userId })).toEqual([
        {
          operation: 'createUser',
          userId: ids[SECRETARIAT_EMAIL],
          email: SECRETARIAT_EMAIL,
          role: 'SECRETARIAT',
          targetIds: [world.organizationId, userId],
          outcome: 'OK',
        },
      ]);
    });

    it('of a working group by its code', async () => {
      await app.ok(
        'mutation { createWorkingGroup(input: { code: "AUDITED_GROUP", nameEn: "Audited", nameEs: "Auditado" }) { code } }',
        {},
        { as: world.secretariat },
      );
      expect(await entries({ targetId: 'AUDITED_GROUP' })).toEqual([
        expect.objectContaining({ operation: 'createWorkingGroup', targetIds: ['AUDITED_GROUP'] }),
      ]);
    });

    it('once, in the same transaction as the change', async () => {
      const [organizationsBefore, entriesBefore] = await Promise.all([
        app.rowCount('organizations'),
        app.rowCount('audit_log'),
      ]);
      await app.ok(CREATE_ORGANIZATION, { name: 'Audited University' }, { as: world.secretariat });
      expect(await app.rowCount('organizations')).toBe(organizationsBefore + 1);
      expect(await app.rowCount('audit_log')).toBe(entriesBefore + 1);

      // When the entry cannot be written, the change is not committed either.
      await refuseAuditEntriesOf('createOrganization');
      try {
        const error = await app.fails(
          CREATE_ORGANIZATION,
          { name: 'Unaudited University' },
          { as: world.secretariat },
        );
        expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        await acceptAuditEntriesAgain();
      }
      expect(await app.rowCount('organizations')).toBe(organizationsBefore + 1);
      expect(await app.rowCount('audit_log')).toBe(entriesBefore + 1);
    });

    it('once when a field of the answer runs a transaction of its own', async () => {
      const data = await app.ok(
        'mutation { createUser(input: { email: "calendar@oas.test", password: "a-long-enough-password", role: OBSERVER }) { id } }',
        {},
        { as: world.secretariat },
      );
      const userId = data.createUser.id as string;
      const token = await app.login('calendar@oas.test');
      const before = await app.rowCount('audit_log');
      // The calendar token is made on first use, in a transaction, by User.calendarUrl.
      const changed = await app.ok(
        `mutation { changePassword(currentPassword: "${TEST_PASSWORD}", newPassword: "another-long-password") { user { calendarUrl } } }`,
        {},
        { as: token },
      );
      expect(changed.changePassword.user.calendarUrl).toMatch(/token=/);
      expect(await app.rowCount('audit_log')).toBe(before + 1);
      expect(await entries({ userId, operation: 'changePassword' })).toEqual([
        {
          operation: 'changePassword',
          userId,
          email: 'calendar@oas.test',
          role: 'OBSERVER',
          targetIds: [userId],
          outcome: 'OK',
        },
      ]);
    });

    it('of each field of a mutation with several, under its own outcome', async () => {
      await app.gql(
        `mutation { first: createOrganization(input: { name: "Twice Named", kind: ACADEMIA }) { id }
                    again: createOrganization(input: { name: "twice named", kind: ACADEMIA }) { id } }`,
        {},
        { as: world.secretariat },
      );
      const recorded = await entries({
        operation: 'createOrganization',
        userId: ids[SECRETARIAT_EMAIL],
      });
      expect(recorded.slice(0, 2).map((entry) => entry.outcome)).toEqual(['CONFLICT', 'OK']);
    });
  });

  describe('records a failed mutation with its error code', () => {
    it.each([
      {
        what: 'a role that may not (FORBIDDEN)',
        as: (w: World) => w.observer,
        expected: {
          userId: 'observer@oas.test',
          email: 'observer@oas.test',
          role: 'OBSERVER',
          outcome: 'FORBIDDEN',
        },
      },
      {
        what: 'an unknown id (NOT_FOUND)',
        as: (w: World) => w.honduras,
        expected: {
          userId: 'focal@hn.test',
          email: 'focal@hn.test',
          role: 'COUNTRY_FOCAL_POINT',
          outcome: 'NOT_FOUND',
        },
      },
    ])('from $what', async ({ as, expected }) => {
      const targetId = randomUUID();
      const before = await app.rowCount('audit_log');
      const body = await app.gql(
        'mutation ($id: ID!) { withdrawNeed(id: $id, reason: "no longer needed") { id } }',
        { id: targetId },
        { as: as(world) },
      );
      expect(body.errors![0].extensions.code).toBe(expected.outcome);
      expect(await app.rowCount('audit_log')).toBe(before + 1);
      expect(await entries({ targetId })).toEqual([
        {
          operation: 'withdrawNeed',
          ...expected,
          userId: expected.userId && ids[expected.userId],
          targetIds: [targetId],
        },
      ]);
    });

    it('from bad input (BAD_USER_INPUT), keeping only the well-formed ids', async () => {
      const error = await app.fails(
        'mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }',
        {
          input: {
            organizationId: world.organizationId,
            workingGroupCodes: ['ASYLUM_SYSTEMS'],
            title: '',
            description: 'x',
            modalities: ['TRAINING'],
            languages: ['en'],
            capacity: 1,
          },
        },
        { as: world.member },
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      const recorded = await entries({ operation: 'createOffer', outcome: 'BAD_USER_INPUT' });
      expect(recorded).toEqual([
        {
          operation: 'createOffer',
          userId: ids['member@irb.test'],
          email: 'member@irb.test',
          role: 'MEMBER_FOCAL_POINT',
          targetIds: [world.organizationId],
          outcome: 'BAD_USER_INPUT',
        },
      ]);
    });

    it('from a conflict (CONFLICT)', async () => {
      const error = await app.fails(
        'mutation ($userId: ID!) { setUserActive(userId: $userId, active: false) { id } }',
        { userId: ids[SECRETARIAT_EMAIL] },
        { as: world.secretariat },
      );
      expect(error.extensions.code).toBe('CONFLICT');
      expect(await entries({ operation: 'setUserActive', outcome: 'CONFLICT' })).toEqual([
        {
          operation: 'setUserActive',
          userId: ids[SECRETARIAT_EMAIL],
          email: SECRETARIAT_EMAIL,
          role: 'SECRETARIAT',
          targetIds: [ids[SECRETARIAT_EMAIL]],
          outcome: 'CONFLICT',
        },
      ]);
    });
  });

  describe('login', () => {
    it('is recorded with the e-mail attempted, the user signed in, and never the password', async () => {
      const signedIn = await app.ok(LOGIN, { email: ' Focal@GT.test ', password: TEST_PASSWORD });
      const userId = signedIn.login.user.id as string;
      await app.gql(LOGIN, { email: 'focal@gt.test', password: 'a-wrong-password-1' });
      await app.gql(LOGIN, { email: 'Nobody@Mirps.test', password: 'a-wrong-password-2' });

      const recorded = await entries({ operation: 'login' });
      expect(recorded.slice(0, 3)).toEqual([
        {
          operation: 'login',
          userId: null,
          email: 'nobody@mirps.test',
          role: null,
          targetIds: [],
          outcome: 'UNAUTHENTICATED',
        },
        {
          operation: 'login',
          userId: null,
          email: 'focal@gt.test',
          role: null,
          targetIds: [],
          outcome: 'UNAUTHENTICATED',
        },
        {
          operation: 'login',
          userId,
          email: 'focal@gt.test',
          role: 'COUNTRY_FOCAL_POINT',
          targetIds: [userId],
          outcome: 'OK',
        },
      ]);
    });
  });

  it('records the failed logins that lock an account, not the refusals that follow', async () => {
    const before = await app.rowCount('audit_log');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const error = await app.fails(LOGIN, {
        email: 'locked@mirps.test',
        password: `guess-${attempt}`,
      });
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
    }
    const refused = await app.fails(LOGIN, { email: 'locked@mirps.test', password: 'guess-5' });
    expect(refused.extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(await app.rowCount('audit_log')).toBe(before + 5);
    expect(
      (await entries({ operation: 'login' })).filter(
        (entry) => entry.email === 'locked@mirps.test',
      ),
    ).toHaveLength(5);
  });

  it('never holds a password or a token', async () => {
    await app.ok(
      'mutation { createUser(input: { email: "secrets@oas.test", password: "a-long-enough-password", role: OBSERVER }) { id } }',
      {},
      { as: world.secretariat },
    );
    const token = await app.login('secrets@oas.test');
    const reset = await app.ok<{ resetCalendarUrl: string }>(
      'mutation { resetCalendarUrl }',
      {},
      { as: token },
    );
    const calendarToken = new URL(reset.resetCalendarUrl).searchParams.get('token')!;
    const changed = await app.ok(
      'mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { token } }',
      { current: TEST_PASSWORD, next: 'the-observers-new-password' },
      { as: token },
    );
    const rows = JSON.stringify(await app.sql('SELECT * FROM "audit_log"'));
    for (const secret of [
      TEST_PASSWORD,
      'the-observers-new-password',
      'a-wrong-password',
      calendarToken,
      token,
      changed.changePassword.token as string,
      world.secretariat,
    ]) {
      expect(rows).not.toContain(secret);
    }
    expect(await entries({ operation: 'resetCalendarUrl' })).toEqual([
      {
        operation: 'resetCalendarUrl',
        userId: expect.any(String),
        email: 'secrets@oas.test',
        role: 'OBSERVER',
        targetIds: [],
        outcome: 'OK',
      },
    ]);
  });

  it('is append-only: the database refuses to change or remove an entry', async () => {
    const before = await app.rowCount('audit_log');
    await expect(app.sql(`UPDATE "audit_log" SET "outcome" = 'OK'`)).rejects.toThrow(
      'audit_log is append-only',
    );
    await expect(app.sql(`DELETE FROM "audit_log"`)).rejects.toThrow('audit_log is append-only');
    if (app.engine === 'postgres') {
      await expect(app.sql(`TRUNCATE "audit_log"`)).rejects.toThrow('audit_log is append-only');
    }
    expect(await app.rowCount('audit_log')).toBe(before);
  });

  it('does not record queries', async () => {
    const before = await app.rowCount('audit_log');
    await app.ok('{ me { email } needs { totalCount } }', {}, { as: world.guatemala });
    await app.ok(AUDIT_LOG, {}, { as: world.secretariat });
    expect(await app.rowCount('audit_log')).toBe(before);
  });

  describe('auditLog', () => {
    it('pages newest first, by the cursor, through every entry', async () => {
      const total = await app.rowCount('audit_log');
      const seen: Entry[] = [];
      let after: string | undefined;
      for (;;) {
        const data = await app.ok<{
          auditLog: {
            totalCount: number;
            edges: { node: Entry }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        }>(AUDIT_LOG, { first: 7, after }, { as: world.secretariat });
        expect(data.auditLog.totalCount).toBe(total);
        seen.push(...data.auditLog.edges.map((edge) => edge.node));
        if (!data.auditLog.pageInfo.hasNextPage) break;
        after = data.auditLog.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((entry) => entry.id)).size).toBe(total);
      const times = seen.map((entry) => new Date(entry.createdAt).getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('filters by period: from inclusive, to exclusive', async () => {
      const from = new Date();
      await app.ok(CREATE_ORGANIZATION, { name: 'Early Institute' }, { as: world.secretariat });
      await sleep(20);
      const to = new Date();
      await app.ok(CREATE_ORGANIZATION, { name: 'Late Institute' }, { as: world.secretariat });
      const within = await app.ok<{ auditLog: { edges: { node: Entry }[] } }>(
        AUDIT_LOG,
        { filter: { from: from.toISOString(), to: to.toISOString() }, first: 100 },
        { as: world.secretariat },
      );
      expect(within.auditLog.edges.map((edge) => edge.node.operation)).toEqual([
        'createOrganization',
      ]);
      const later = await entries({ from: to.toISOString() });
      expect(later.map((entry) => entry.operation)).toEqual(['createOrganization']);
    });

    it('refuses a period that ends before it starts, naming filter.to', async () => {
      const error = await app.fails(
        AUDIT_LOG,
        { filter: { from: '2026-06-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } },
        { as: world.secretariat },
      );
      expect(error.extensions.fields).toEqual([
        { field: 'filter.to', message: 'filter.to must be after the start of the period' },
      ]);
    });

    it.each(['member', 'otherMember', 'honduras', 'guatemala', 'observer'] as const)(
      'is forbidden to the %s',
      async (role) => {
        const body = await app.gql(AUDIT_LOG, {}, { as: world[role] });
        expect(body.data).toBeNull();
        expect(answer(body.errors![0])).toEqual({
          code: 'FORBIDDEN',
          message: 'Only SECRETARIAT may do this',
        });
      },
    );
  });
});
