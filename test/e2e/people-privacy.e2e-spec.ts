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
