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

type Language = 'es' | 'en';

const OFFER = 'Asylum case management mentoring';
const MET = 'Mentoría en gestión de casos de asilo';
const NOT_MET = 'Registro de solicitudes en línea';

/**
 * Partial fulfilment, follow-ups and renewals through the console: the member completes a
 * twinning of two Honduran needs marking one as not met (it is open again); Honduras (Spanish,
 * a 360 px phone) answers the follow-up (a missing outcome first: the problem at its field),
 * the member answers too and the follow-up is submitted; the secretariat reads both answers
 * and gets no form; Honduras renews the reopened need from its page.
 */
describeInBrowser('follow-ups, partial fulfilment and renewals', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let world: World;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startConsoleServer({ LOG_LEVEL: 'info' }),
      launchBrowser(),
    ]);
    world = await buildWorld(server.api);
  }, 60_000);

  afterEach(async () => {
    for (const { context, errors } of opened) {
      await context.close();
      expect(errors).toEqual([]);
    }
    opened = [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(email: string, language: Language, width = 1280): Promise<Page> {
    const opening = await openSignedIn(
      browser,
      server.url,
      email,
      email === SECRETARIAT_EMAIL ? SECRETARIAT_PASSWORD : TEST_PASSWORD,
      { language, width },
    );
    opened.push(opening);
    return opening.page;
  }

  /** A twinning of a new offer with two new needs of Honduras, confirmed. */
  async function aConfirmedTwinning(): Promise<{ id: string; metId: string; notMetId: string }> {
    const offerId = await postOffer(server.api, world.member, world.organizationId, {
      title: OFFER,
    });
    const metId = await postNeed(server.api, world.honduras, { title: MET });
    const notMetId = await postNeed(server.api, world.honduras, { title: NOT_MET });
    const proposed = await server.api.ok<{ proposeTwinning: { id: string } }>(
      'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
      { input: { offerId, needIds: [metId, notMetId] } },
      { as: world.member },
    );
    const id = proposed.proposeTwinning.id;
    await server.api.ok(
      'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }',
      { id },
      { as: world.honduras },
    );
    await server.api.ok(
      'mutation ($id: ID!) { confirmTwinning(id: $id) { id } }',
      { id },
      { as: world.secretariat },
    );
    return { id, metId, notMetId };
  }

  const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

  /** The words of the answers table's row for `party`. */
  async function answerRow(page: Page, caption: string, party: string): Promise<string> {
    const row = page.getByRole('table', { name: caption }).getByRole('row').filter({
      hasText: party,
    });
    return squeeze(await row.innerText());
  }

  /** The words of the needs card's item for `title`. */
  async function needItem(page: Page, title: string): Promise<string> {
    return squeeze(await page.locator('li').filter({ hasText: title }).first().innerText());
  }

  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('completes with a need not met, both parties answer the follow-up, Honduras renews the need', async () => {
    const { id, metId, notMetId } = await aConfirmedTwinning();

    // The member (en, desktop) completes the twinning, marking one need as not met.
    const irb = await as('member@irb.test', 'en');
    await irb.goto(`/twinnings/${id}`);
    await irb.getByRole('heading', { level: 1, name: `Twinning: ${OFFER}` }).waitFor();
    const complete = irb.getByRole('region', { name: 'Complete' });
    const notMet = complete.getByRole('group', { name: 'Needs not met (they become open again)' });
    await notMet.waitFor();
    expect(await notMet.getByRole('checkbox').count()).toBe(2);
    expect(await irb.getByRole('region', { name: 'Follow-up', exact: true }).count()).toBe(0);
    expect(await seriousViolations(irb)).toEqual([]);
    await complete.getByLabel('Outcome (optional)').fill('Forty case officers mentored.');
    await notMet.getByRole('checkbox', { name: `${NOT_MET} (Honduras)` }).check();
    await complete.getByRole('button', { name: 'Complete the twinning' }).click();
    await irb
      .getByText(
        `The twinning was completed. Open again: “${NOT_MET}”. The other needs are fulfilled.`,
      )
      .waitFor();
    await irb.getByText('Completed', { exact: true }).first().waitFor();
    expect(await needItem(irb, NOT_MET)).toContain('Open');
    expect(await needItem(irb, MET)).toContain('Fulfilled');
    expect(await irb.getByRole('region', { name: 'Complete' }).count()).toBe(0);
    const irbFollowUp = irb.getByRole('region', { name: 'Follow-up', exact: true });
    await irbFollowUp.getByText('Due', { exact: true }).waitFor();
    await irbFollowUp.getByText('No party has answered yet.').waitFor();
    await irbFollowUp.getByRole('heading', { name: 'Your answer to the follow-up' }).waitFor();
    expect(await seriousViolations(irb)).toEqual([]);

    // Honduras (es, a phone) sees the follow-up due and answers for its side.
    const hn = await as('focal@hn.test', 'es', 360);
    await hn.goto(`/twinnings/${id}`);
    await hn.getByRole('heading', { level: 1, name: `Hermanamiento: ${OFFER}` }).waitFor();
    expect(await needItem(hn, NOT_MET)).toContain('Abierta');
    expect(await needItem(hn, MET)).toContain('Atendida');
    const followUp = hn.getByRole('region', { name: 'Seguimiento', exact: true });
    await followUp
      .getByRole('heading', { name: /^Seguimiento con fecha límite .+ Pendiente$/ })
      .waitFor();
    await followUp.getByText('Pendiente', { exact: true }).waitFor();
    expect(squeeze(await followUp.innerText())).toMatch(
      /Falta la respuesta de: (Immigration and Refugee Board of Canada, Honduras|Honduras, Immigration and Refugee Board of Canada)\./,
    );
    const form = followUp.getByRole('region', { name: 'Su respuesta al seguimiento' });
    await form.waitFor();
    expect(await seriousViolations(hn)).toEqual([]);
    expect(await noSidewaysScroll(hn)).toBe(true);

    // Without an outcome: the service's problem beside the field and in the summary, focused.
    await form.getByRole('radio', { name: '4 de 5: muy bueno' }).check();
    await form.getByRole('button', { name: 'Enviar la respuesta' }).click();
    const summary = form.getByRole('alert');
    await summary.getByRole('heading', { name: 'Hay un problema' }).waitFor();
    const problem = squeeze(await form.locator('#field-followUpOutcome-error').innerText());
    expect(problem).not.toBe('');
    expect(squeeze(await summary.getByRole('link').innerText())).toBe(problem);
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#field-followUpOutcome');
    expect(
      await hn.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).toBe(true);
    const outcome = form.getByLabel('Qué resultó del hermanamiento');
    expect(await outcome.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('radio', { name: '4 de 5: muy bueno' }).isChecked()).toBe(true);
    expect(await seriousViolations(hn)).toEqual([]);

    await outcome.fill('Los casos se resuelven en la mitad del tiempo.');
    await form.getByRole('button', { name: 'Enviar la respuesta' }).click();
    await followUp.getByText('Se registró su respuesta al seguimiento.').waitFor();
    expect(await answerRow(hn, 'Respuestas al seguimiento', 'Honduras')).toMatch(
      /^Honduras 4 de 5 Los casos se resuelven en la mitad del tiempo\. .+$/,
    );
    expect(
      await followUp.getByRole('region', { name: 'Su respuesta al seguimiento' }).count(),
    ).toBe(0);
    await followUp.getByText('Pendiente', { exact: true }).waitFor();
    expect(squeeze(await followUp.innerText())).toContain(
      'Falta la respuesta de: Immigration and Refugee Board of Canada.',
    );
    expect(await seriousViolations(hn)).toEqual([]);
    expect(await noSidewaysScroll(hn)).toBe(true);

    // The member's open page shows Honduras's answer without a reload; the member answers.
    await irb
      .getByRole('table', { name: 'Answers to the follow-up' })
      .getByText('4 of 5', { exact: true })
      .waitFor();
    const irbForm = irbFollowUp.getByRole('region', { name: 'Your answer to the follow-up' });
    await irbForm.getByRole('radio', { name: '5 of 5: excellent' }).check();
    await irbForm
      .getByLabel('What came of the twinning')
      .fill('The officers now mentor new staff themselves.');
    await irbForm.getByRole('button', { name: 'Send the answer' }).click();
    await irbFollowUp.getByText('Your answer to the follow-up was recorded.').waitFor();
    await irbFollowUp.getByText('Submitted', { exact: true }).waitFor();
    expect(
      await answerRow(irb, 'Answers to the follow-up', 'Immigration and Refugee Board'),
    ).toMatch(
      /^Immigration and Refugee Board of Canada 5 of 5 The officers now mentor new staff themselves\. .+$/,
    );
    expect(await seriousViolations(irb)).toEqual([]);

    // Honduras's page follows: submitted.
    await followUp.getByText('Respondido', { exact: true }).waitFor();

    // The secretariat (es, desktop) reads both answers and is offered no form.
    const sec = await as(SECRETARIAT_EMAIL, 'es');
    await sec.goto(`/twinnings/${id}`);
    const secFollowUp = sec.getByRole('region', { name: 'Seguimiento', exact: true });
    await secFollowUp.getByText('Respondido', { exact: true }).waitFor();
    expect(await answerRow(sec, 'Respuestas al seguimiento', 'Honduras')).toContain('4 de 5');
    expect(
      await answerRow(sec, 'Respuestas al seguimiento', 'Immigration and Refugee Board'),
    ).toContain('5 de 5');
    expect(await secFollowUp.getByRole('radio').count()).toBe(0);
    expect(await secFollowUp.getByRole('button').count()).toBe(0);
    expect(await seriousViolations(sec)).toEqual([]);

    // Honduras renews the need that was not met, from its page.
    await hn.goto(`/needs/${notMetId}`);
    await hn.getByRole('heading', { level: 1, name: NOT_MET }).waitFor();
    await hn.getByText(/^Vigente hasta .+$/).waitFor();
    expect(await seriousViolations(hn)).toEqual([]);
    await hn.getByRole('button', { name: 'Renovar', exact: true }).click();
    await hn
      .getByRole('status')
      .getByText(/^Se renovó la necesidad\. Ahora está vigente hasta .+\.$/)
      .waitFor();
    expect(await seriousViolations(hn)).toEqual([]);
    expect(await noSidewaysScroll(hn)).toBe(true);

    // A fulfilled need cannot be renewed: no button, even for the secretariat.
    await sec.goto(`/needs/${metId}`);
    await sec.getByRole('heading', { level: 1, name: MET }).waitFor();
    expect(await sec.getByText(/^Vigente hasta .+$/).count()).toBe(0);
    expect(await sec.getByRole('button', { name: 'Renovar', exact: true }).count()).toBe(0);
    // …and the secretariat may renew the open one.
    await sec.goto(`/needs/${notMetId}`);
    await sec.getByRole('heading', { level: 1, name: NOT_MET }).waitFor();
    await sec.getByRole('button', { name: 'Renovar', exact: true }).waitFor();
  }, 120_000);
});
