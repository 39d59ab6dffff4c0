import {
  aNeed,
  anOffer,
  buildWorld,
  CREATE_NEED,
  CREATE_OFFER,
  createOrganization,
  createUser,
  PROPOSE_TWINNING,
  World,
} from '../support/builders';
import { GraphQLErrorShape, startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

/**
 * Disabling an organization (setOrganizationActive): its focal points are signed out and
 * cannot sign in, its offers are no longer suggested nor take twinnings, and nothing new
 * (an offer, an account) can name it; enabling it again undoes all but the ended sessions.
 */
const SET_ORGANIZATION_ACTIVE = `mutation SetOrganizationActive($id: ID!, $active: Boolean!) {
  setOrganizationActive(id: $id, active: $active) { id name active }
}`;
const ORGANIZATIONS = '{ organizations { id name active } }';
const ME = '{ me { email } }';
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;
const SUGGESTED_OFFERS = `query Suggested($needId: ID!) {
  suggestedOffers(needId: $needId, first: 100) { offer { id } }
}`;
const MATCHING_PLAN = '{ matchingPlan { assignments { need { id } offer { id } } } }';
const OFFER = 'query Offer($id: ID!) { offer(id: $id) { id status organization { active } } }';
const AUDIT_LOG = `query Audit($filter: AuditFilter) {
  auditLog(filter: $filter, first: 10) { edges { node { operation email role targetIds outcome } } }
}`;

const WRONG_LOGIN = { code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' };
const SIGNED_OUT = {
  code: 'UNAUTHENTICATED',
  message: 'This account is disabled or no longer exists',
};
const WHEN = {
  earliestStart: '2027-03-01T00:00:00.000Z',
  latestEnd: '2027-11-30T00:00:00.000Z',
};
const AVAILABLE = {
  availableFrom: '2027-01-01T00:00:00.000Z',
  availableTo: '2027-12-31T00:00:00.000Z',
};

function answer(error: GraphQLErrorShape) {
  return {
    code: error.extensions.code,
    message: error.message,
    ...(error.extensions.reason ? { reason: error.extensions.reason } : {}),
    ...(error.extensions.fields ? { fields: error.extensions.fields } : {}),
  };
}

describe('disabling an organization', () => {
  let app: TestApp;
  let world: World;
  let made = 0;

  /** A fresh organization of its own for a test, with one focal point signed in. */
  async function anOrganization(): Promise<{
    id: string;
    name: string;
    email: string;
    token: string;
  }> {
    made += 1;
    const name = `Disabled test member ${made}`;
    const id = await createOrganization(app, world.secretariat, name, 'CIVIL_SOCIETY', null);
    const email = `focal-${made}@member.test`;
    await createUser(app, world.secretariat, {
      email,
      password: TEST_PASSWORD,
      role: 'MEMBER_FOCAL_POINT',
      organizationId: id,
    });
    return { id, name, email, token: await app.login(email) };
  }

  function setActive(id: string, active: boolean, as = world.secretariat) {
    return app.gql<{ setOrganizationActive: { id: string; name: string; active: boolean } }>(
      SET_ORGANIZATION_ACTIVE,
      { id, active },
      { as },
    );
  }

  async function postOffer(organizationId: string, as: string): Promise<string> {
    const data = await app.ok<{ createOffer: { id: string } }>(
      CREATE_OFFER,
      { input: anOffer(organizationId, AVAILABLE) },
      { as },
    );
    return data.createOffer.id;
  }

  async function suggestedTo(needId: string): Promise<string[]> {
    const data = await app.ok<{ suggestedOffers: { offer: { id: string } }[] }>(
      SUGGESTED_OFFERS,
      { needId },
      { as: world.honduras },
    );
    return data.suggestedOffers.map((suggestion) => suggestion.offer.id);
  }

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  it('is the secretariat’s alone, and names an organization there is', async () => {
    const { id } = await anOrganization();
    for (const as of [world.member, world.honduras, world.observer]) {
      expect((await setActive(id, false, as)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      answer(
        await app.fails(
          SET_ORGANIZATION_ACTIVE,
          { id: missing, active: false },
          {
            as: world.secretariat,
          },
        ),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      message: `Organization ${missing} was not found`,
    });
    expect(
      (
        await app.fails(
          SET_ORGANIZATION_ACTIVE,
          { id: 'nope', active: false },
          {
            as: world.secretariat,
          },
        )
      ).extensions.code,
    ).toBe('BAD_USER_INPUT');
    const organizations = await app.ok<{ organizations: { id: string; active: boolean }[] }>(
      ORGANIZATIONS,
      {},
      { as: world.secretariat },
    );
    expect(organizations.organizations.find((organization) => organization.id === id)?.active).toBe(
      true,
    );
  });

  it('signs its focal points out and refuses their logins; enabling it needs a new login', async () => {
    const { id, name, email, token } = await anOrganization();
    expect(await app.ok(ME, {}, { as: token })).toEqual({ me: { email } });

    const disabled = await setActive(id, false);
    expect(disabled).toEqual({ data: { setOrganizationActive: { id, name, active: false } } });
    expect(answer(await app.fails(ME, {}, { as: token }))).toEqual(SIGNED_OUT);
    expect(answer(await app.fails(LOGIN, { email, password: TEST_PASSWORD }))).toEqual(WRONG_LOGIN);
    // Disabling it again changes nothing.
    expect((await setActive(id, false)).data?.setOrganizationActive.active).toBe(false);
    const listed = await app.ok<{ organizations: { id: string; active: boolean }[] }>(
      ORGANIZATIONS,
      {},
      { as: world.member },
    );
    expect(listed.organizations.find((organization) => organization.id === id)?.active).toBe(false);
    // Other organizations' focal points are untouched.
    expect(await app.ok(ME, {}, { as: world.member })).toEqual({
      me: { email: 'member@irb.test' },
    });

    expect((await setActive(id, true)).data?.setOrganizationActive.active).toBe(true);
    // The sessions it ended stay ended.
    expect(answer(await app.fails(ME, {}, { as: token }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'This token has been revoked: sign in again',
    });
    const fresh = await app.login(email);
    expect(await app.ok(ME, {}, { as: fresh })).toEqual({ me: { email } });
  });

  it('stops suggesting its offers and refuses twinnings with them; enabling it brings them back', async () => {
    const { id, token } = await anOrganization();
    const offerId = await postOffer(id, token);
    const other = await postOffer(world.organizationId, world.member);
    const need = await app.ok<{ createNeed: { id: string } }>(
      CREATE_NEED,
      { input: aNeed(WHEN) },
      { as: world.honduras },
    );
    const needId = need.createNeed.id;
    expect(await suggestedTo(needId)).toEqual(expect.arrayContaining([offerId, other]));

    expect((await setActive(id, false)).data?.setOrganizationActive.active).toBe(false);
    const suggested = await suggestedTo(needId);
    expect(suggested).toContain(other);
    expect(suggested).not.toContain(offerId);
    const plan = await app.ok<{ matchingPlan: { assignments: { offer: { id: string } }[] } }>(
      MATCHING_PLAN,
      {},
      { as: world.secretariat },
    );
    expect(plan.matchingPlan.assignments.map((pair) => pair.offer.id)).not.toContain(offerId);
    // What it posted stays readable.
    expect(await app.ok(OFFER, { id: offerId }, { as: world.honduras })).toEqual({
      offer: { id: offerId, status: 'OPEN', organization: { active: false } },
    });
    for (const as of [world.honduras, world.secretariat]) {
      expect(
        answer(
          await app.fails(PROPOSE_TWINNING, { input: { offerId, needIds: [needId] } }, { as }),
        ),
      ).toEqual({
        code: 'CONFLICT',
        reason: 'ORGANIZATION_DISABLED',
        message: expect.stringMatching(
          /^"Disabled test member \d+" is disabled: the secretariat must enable it first$/,
        ),
      });
    }

    expect((await setActive(id, true)).data?.setOrganizationActive.active).toBe(true);
    expect(await suggestedTo(needId)).toContain(offerId);
    const proposed = await app.ok<{ proposeTwinning: { status: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds: [needId] } },
      { as: world.honduras },
    );
    expect(proposed.proposeTwinning.status).toBe('PROPOSED');
  });

  it('lets no new offer or account name it, in the reader’s language', async () => {
    const { id, name } = await anOrganization();
    expect((await setActive(id, false)).data?.setOrganizationActive.active).toBe(false);
    expect(
      answer(
        await app.fails(CREATE_OFFER, { input: anOffer(id, AVAILABLE) }, { as: world.secretariat }),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message: `Invalid input: organizationId: "${name}" is disabled: the secretariat must enable it first`,
      fields: [
        {
          field: 'organizationId',
          message: `"${name}" is disabled: the secretariat must enable it first`,
        },
      ],
    });

    // A Spanish-speaking secretariat account reads it in Spanish.
    await createUser(app, world.secretariat, {
      email: `secretaria-${made}@mirps.test`,
      password: TEST_PASSWORD,
      role: 'SECRETARIAT',
      locale: 'ES',
    });
    const spanish = await app.login(`secretaria-${made}@mirps.test`);
    const refused = await app.fails(
      'mutation Invite($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email: `late-${made}@member.test`,
          password: TEST_PASSWORD,
          role: 'MEMBER_FOCAL_POINT',
          organizationId: id,
        },
      },
      { as: spanish },
    );
    expect(answer(refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'organizationId',
          message: `"${name}" está desactivada: la secretaría debe activarla primero`,
        },
      ],
    });

    expect((await setActive(id, true)).data?.setOrganizationActive.active).toBe(true);
    expect(await postOffer(id, world.secretariat)).toEqual(expect.any(String));
  });

  it('is in the audit log, by whom and of which organization', async () => {
    const { id } = await anOrganization();
    await setActive(id, false);
    await setActive(id, true, world.member);
    const data = await app.ok<{ auditLog: { edges: { node: Record<string, unknown> }[] } }>(
      AUDIT_LOG,
      { filter: { operation: 'setOrganizationActive', targetId: id } },
      { as: world.secretariat },
    );
    expect(data.auditLog.edges.map((edge) => edge.node)).toEqual([
      {
        operation: 'setOrganizationActive',
        email: 'member@irb.test',
        role: 'MEMBER_FOCAL_POINT',
        targetIds: [id],
        outcome: 'FORBIDDEN',
      },
      {
        operation: 'setOrganizationActive',
        email: expect.any(String),
        role: 'SECRETARIAT',
        targetIds: [id],
        outcome: 'OK',
      },
    ]);
  });
});
