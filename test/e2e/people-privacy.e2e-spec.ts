import { aConfirmedTwinning, buildWorld, World } from '../support/builders';
import { SECRETARIAT_EMAIL, startTestApp, TestApp } from '../support/test-app';

const HISTORY = `query History($id: ID!) {
  twinning(id: $id) { history { to by { email role country { code } organization { name } } } }
}`;

type Step = {
  to: string;
  by: {
    email: string;
    role: string;
    country: { code: string } | null;
    organization: { name: string } | null;
  };
};

/**
 * Who sees whose e-mail (issue 11): the person and the secretariat; everyone else sees the
 * role and the country or organization acted for. One policy (people.policy.ts), here
 * through the twinning's history, where every signed-in user meets other people.
 */
describe("people's e-mail addresses", () => {
  let app: TestApp;
  let world: World;
  let twinningId: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    twinningId = await aConfirmedTwinning(app, world);
  });
  afterAll(() => app.close());

  const historyAs = async (token: string) =>
    (await app.ok<{ twinning: { history: Step[] } }>(HISTORY, { id: twinningId }, { as: token }))
      .twinning.history;

  const WHO = [
    {
      role: 'MEMBER_FOCAL_POINT',
      country: null,
      organization: { name: 'Immigration and Refugee Board of Canada' },
    },
    { role: 'COUNTRY_FOCAL_POINT', country: { code: 'HN' }, organization: null },
    { role: 'SECRETARIAT', country: null, organization: null },
  ];
  const EMAILS = ['member@irb.test', 'focal@hn.test', SECRETARIAT_EMAIL];

  it.each([
    ['the secretariat reads every one', 'secretariat', EMAILS],
    ['the member reads its own only', 'member', ['member@irb.test', '', '']],
    ["Honduras's focal point reads its own only", 'honduras', ['', 'focal@hn.test', '']],
    ['an observer reads none', 'observer', ['', '', '']],
    ['a focal point of another country reads none', 'guatemala', ['', '', '']],
  ] as const)('%s', async (_what, viewer, emails) => {
    const history = await historyAs(world[viewer]);
    expect(history.map((step) => step.to)).toEqual(['PROPOSED', 'ACCEPTED', 'CONFIRMED']);
    expect(history.map((step) => step.by)).toEqual(
      WHO.map((who, index) => ({ ...who, email: emails[index] })),
    );
  });

  it('everyone reads their own through me', async () => {
    for (const [viewer, email] of [
      ['observer', 'observer@oas.test'],
      ['guatemala', 'focal@gt.test'],
    ] as const) {
      const data = await app.ok<{ me: { email: string } }>(
        '{ me { email } }',
        {},
        { as: world[viewer] },
      );
      expect(data.me.email).toBe(email);
    }
  });
});

const PROFILE = `mutation ($input: UpdateProfileInput!) {
  updateMyProfile(input: $input) { email name jobTitle phone locale lastSignedInAt }
}`;

/** Users as people (issue 12): a name, a job title, a phone, a language. */
describe('updateMyProfile', () => {
  let app: TestApp;
  let world: World;
  let twinningId: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    twinningId = await aConfirmedTwinning(app, world);
  });
  afterAll(() => app.close());

  const me = async (token: string) =>
    (
      await app.ok<{ me: Record<string, unknown> }>(
        '{ me { email name jobTitle phone locale lastSignedInAt } }',
        {},
        { as: token },
      )
    ).me;

  it('starts with no name, Spanish, and the time of the last sign-in', async () => {
    await app.ok(
      'mutation { createUser(input: { email: "nuevo@mirps.test", password: "a-long-enough-password", role: OBSERVER }) { id } }',
      {},
      { as: world.secretariat },
    );
    const before = Date.now();
    const token = await app.login('nuevo@mirps.test');
    const profile = await me(token);
    expect(profile).toMatchObject({ name: null, jobTitle: null, phone: null, locale: 'ES' });
    const signedIn = Date.parse(profile.lastSignedInAt as string);
    expect(signedIn).toBeGreaterThanOrEqual(before - 5);
    expect(signedIn).toBeLessThanOrEqual(Date.now());
  });

  it('sets what is given, keeps what is left out, clears what is null; the phone in E.164', async () => {
    const set = await app.ok(
      PROFILE,
      {
        input: {
          name: '  María José Álvarez ',
          jobTitle: 'Jefa de la Unidad de Refugiados',
          phone: '+504 2231-0000',
          locale: 'EN',
        },
      },
      { as: world.honduras },
    );
    expect(set.updateMyProfile).toMatchObject({
      email: 'focal@hn.test',
      name: 'María José Álvarez',
      jobTitle: 'Jefa de la Unidad de Refugiados',
      phone: '+50422310000',
      locale: 'EN',
    });
    const changed = await app.ok(
      PROFILE,
      { input: { jobTitle: 'Directora', name: null } },
      { as: world.honduras },
    );
    expect(changed.updateMyProfile).toMatchObject({
      name: null,
      jobTitle: 'Directora',
      phone: '+50422310000',
      locale: 'EN',
    });
    expect(await me(world.honduras)).toMatchObject(changed.updateMyProfile);
  });

  it.each([
    [
      { phone: '12345' },
      'phone',
      'phone must be a phone number in international form, e.g. +504 2231 0000',
    ],
    [{ name: ' \u200b ' }, 'name', 'name must not be blank'],
    [{ name: 'x'.repeat(201) }, 'name', 'name must be shorter than or equal to 200 characters'],
    [{ locale: null }, 'locale', 'locale must be ES or EN'],
  ])('refuses %j, naming the field, and changes nothing', async (input, field, message) => {
    const before = await me(world.guatemala);
    const error = await app.fails(PROFILE, { input }, { as: world.guatemala });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field, message }] });
    expect(await me(world.guatemala)).toEqual(before);
  });

  it('is for a signed-in user only', async () => {
    const error = await app.fails(PROFILE, { input: { name: 'Nobody' } });
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it("shows others a person's name and job title; the phone and last sign-in only to the person and the secretariat", async () => {
    await app.ok(
      PROFILE,
      { input: { name: 'Ana Member', jobTitle: 'Adviser', phone: '+1 613 555 0100' } },
      { as: world.member },
    );
    const proposerAs = async (token: string) =>
      (
        await app.ok<{ twinning: { history: { by: Record<string, unknown> }[] } }>(
          'query ($id: ID!) { twinning(id: $id) { history { by { name jobTitle phone lastSignedInAt } } } }',
          { id: twinningId },
          { as: token },
        )
      ).twinning.history[0].by;
    expect(await proposerAs(world.honduras)).toEqual({
      name: 'Ana Member',
      jobTitle: 'Adviser',
      phone: null,
      lastSignedInAt: null,
    });
    expect(await proposerAs(world.secretariat)).toEqual({
      name: 'Ana Member',
      jobTitle: 'Adviser',
      phone: '+16135550100',
      lastSignedInAt: expect.any(String),
    });
  });
});
