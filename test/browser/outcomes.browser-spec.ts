import { Browser, Page } from 'playwright-core';
import { buildWorld, postNeed, postOffer, World } from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD } from '../support/test-app';
import {
  ConsolePage,
  ConsoleServer,
  describeInBrowser,
  launchBrowser,
  openSignedIn,
  seriousViolations,
  startConsoleServer,
} from './support/console';

/**
 * From plan to outcome (issue 14) in the console: the attention list on each home and on
 * the secretariat's overview, in Spanish and English.
 */
describeInBrowser('from plan to outcome', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let world: World;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      // Waiting counts at once: an unmatched need is red, an unanswered proposal amber.
      startConsoleServer({
        ATTENTION_NEED_UNMATCHED_DAYS: '0/0',
        ATTENTION_PROPOSAL_UNANSWERED_DAYS: '0/30',
      }),
      launchBrowser(),
    ]);
    world = await buildWorld(server.api);
  }, 60_000);

  afterEach(async () => {
    for (const { context } of opened) await context.close();
    opened = [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(
    email: string,
    language: 'es' | 'en',
    width = 1280,
    password = TEST_PASSWORD,
  ): Promise<Page> {
    const opening = await openSignedIn(browser, server.url, email, password, { language, width });
    opened.push(opening);
    return opening.page;
  }

  const attentionCard = (page: Page, title: string) => page.getByRole('region', { name: title });

  it('the attention list: Honduras on a phone in Spanish, the secretariat in English, a member with nothing', async () => {
    const needId = await postNeed(server.api, world.honduras, { title: 'Registro biométrico' });
    const offerId = await postOffer(server.api, world.member, world.organizationId, {
      title: 'Asylum adjudication training',
    });
    const proposedFor = await postNeed(server.api, world.honduras, { title: 'Mentoría' });
    await server.api.ok(
      'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
      { input: { offerId, needIds: [proposedFor] } },
      { as: world.member },
    );

    const hn = await as('focal@hn.test', 'es', 360);
    const card = attentionCard(hn, 'Requiere atención');
    await card.getByRole('listitem').first().waitFor();
    // The urgent one first; a need with a proposal is not "without proposals".
    expect(await card.getByRole('listitem').allInnerTexts()).toEqual([
      'Urgente «Registro biométrico» lleva 0 días sin propuestas.',
      'Requiere atención La propuesta «Asylum adjudication training» espera respuesta desde hace 0 días.',
    ]);
    expect(await seriousViolations(hn)).toEqual([]);
    await card.getByRole('link', { name: /Registro biométrico/ }).click();
    await hn.getByRole('heading', { level: 1, name: 'Registro biométrico' }).waitFor();
    expect(hn.url()).toContain(`/needs/${needId}`);

    const sec = await as(SECRETARIAT_EMAIL, 'en', 1280, SECRETARIAT_PASSWORD);
    const overviewCard = attentionCard(sec, 'Needs attention');
    await overviewCard.getByRole('listitem').first().waitFor();
    expect(await overviewCard.getByRole('listitem').allInnerTexts()).toEqual([
      'Urgent “Registro biométrico” has had no proposal for 0 days.',
      'Needs attention The proposal “Asylum adjudication training” has waited 0 days for an answer.',
    ]);

    const member = await as('member@irb.test', 'en');
    await attentionCard(member, 'Needs attention')
      .getByText('Nothing needs your attention for now.')
      .waitFor();
    expect(await seriousViolations(member)).toEqual([]);
  });
});
