import { Browser, Page } from 'playwright-core';
import { buildWorld, postNeed, postOffer, World } from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD } from '../support/test-app';
import {
  ConsolePage,
  ConsoleServer,
  describeInBrowser,
  launchBrowser,
  openConsole,
  seriousViolations,
  signIn,
  startConsoleServer,
} from './support/console';

type Language = 'es' | 'en';

const NAVIGATION = { es: 'Navegación principal', en: 'Main navigation' };

/**
 * A twinning from proposal to its first activity, through the console: Honduras accepts the
 * IRB's proposal with a comment (the secretariat's open page shows it without reload), the
 * secretariat confirms it, the member records an activity and completes it with participants
 * by gender; the history shows each step. Spanish and English, desktop and a 360 px phone.
 */
describeInBrowser('twinnings and activities', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let world: World;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      // At info the server prints the line that names its port (the harness waits for it).
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

  /** `email` signed in, reading the console in `language` (its account's too). */
  async function as(email: string, language: Language, width = 1280): Promise<ConsolePage> {
    const opening = await openConsole(browser, server.url, { language, width });
    opened.push(opening);
    const { page } = opening;
    await signIn(
      page,
      email,
      email === SECRETARIAT_EMAIL ? SECRETARIAT_PASSWORD : TEST_PASSWORD,
      language,
    );
    await page.getByRole('navigation', { name: /Navegación principal|Main navigation/ }).waitFor();
    const switchTo = page.getByRole('button', { name: language.toUpperCase(), exact: true });
    if ((await switchTo.getAttribute('aria-pressed')) !== 'true') await switchTo.click();
    await page.getByRole('navigation', { name: NAVIGATION[language] }).waitFor();
    return opening;
  }

  async function heading(page: Page, name: string | RegExp) {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** The words of the parties table's row for `party`. */
  async function partyRow(page: Page, party: string): Promise<string> {
    const row = page
      .getByRole('table', { name: /Partes|Parties/ })
      .getByRole('row')
      .filter({
        hasText: party,
      });
    return (await row.innerText()).replace(/\s+/g, ' ').trim();
  }

  it('Honduras accepts with a comment, the secretariat confirms, the member records and completes an activity', async () => {
    const offerId = await postOffer(server.api, world.member, world.organizationId, {
      title: 'Refugee status determination mentoring',
    });
    const needId = await postNeed(server.api, world.honduras, {
      title: 'Mentoría para oficiales de elegibilidad',
      napReference: 'HN-NAP-2026-09',
    });
    const proposed = await server.api.ok<{ proposeTwinning: { id: string } }>(
      'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
      { input: { offerId, needIds: [needId], note: 'Same working group, same language.' } },
      { as: world.member },
    );
    const id = proposed.proposeTwinning.id;

    // The secretariat (en, a phone) has the twinning open while Honduras answers.
    const secretariat = await as(SECRETARIAT_EMAIL, 'en', 360);
    const sec = secretariat.page;
    await sec.goto(`/twinnings/${id}`);
    await heading(sec, 'Twinning: Refugee status determination mentoring');
    await sec.getByText('Proposed', { exact: true }).first().waitFor();
    expect(await partyRow(sec, 'Honduras')).toBe('Honduras Pending');
    expect(await sec.getByRole('button', { name: 'Confirm the twinning' }).count()).toBe(0);
    expect(await seriousViolations(sec)).toEqual([]);

    // Honduras (es, desktop) finds it in the list and answers for its side.
    const honduras = await as('focal@hn.test', 'es');
    const hn = honduras.page;
    await hn
      .getByRole('navigation', { name: NAVIGATION.es })
      .getByRole('link', { name: 'Hermanamientos' })
      .click();
    await heading(hn, 'Acuerdos de hermanamiento');
    await hn.getByLabel('Estado').selectOption('PROPOSED');
    const link = hn.getByRole('link', { name: 'Refugee status determination mentoring' });
    await link.waitFor();
    expect(await seriousViolations(hn)).toEqual([]);
    await link.click();
    await heading(hn, 'Hermanamiento: Refugee status determination mentoring');
    expect(await partyRow(hn, 'Honduras')).toMatch(/^Honduras Pendiente\s*$/);
    await hn.getByRole('heading', { name: 'Su respuesta' }).waitFor();
    expect(await seriousViolations(hn)).toEqual([]);
    await hn.getByLabel('Comentario (opcional)').fill('De acuerdo: empezamos en febrero.');
    await hn.getByRole('button', { name: 'Aceptar', exact: true }).click();
    await hn.getByText('Se registró su aceptación.').waitFor();
    await hn.getByText('Aceptado por las partes').first().waitFor();
    expect(await partyRow(hn, 'Honduras')).toMatch(
      /^Honduras Aceptó .+ De acuerdo: empezamos en febrero\.$/,
    );
    expect(await hn.getByRole('heading', { name: 'Su respuesta' }).count()).toBe(0);

    // The secretariat's page shows the answer without a reload, and may now confirm.
    await sec.getByText('Accepted by the parties', { exact: true }).first().waitFor();
    expect(await partyRow(sec, 'Honduras')).toMatch(
      /^Honduras Accepted .+ De acuerdo: empezamos en febrero\.$/,
    );
    await sec.goto('/twinnings');
    await sec
      .getByRole('heading', { level: 2, name: 'Waiting for your confirmation (1)' })
      .waitFor();
    expect(await seriousViolations(sec)).toEqual([]);
    await sec
      .getByRole('table', { name: 'Waiting for your confirmation' })
      .getByRole('link', { name: 'Refugee status determination mentoring' })
      .click();
    await sec.getByRole('button', { name: 'Confirm the twinning' }).click();
    await sec.getByText('The twinning was confirmed.').waitFor();
    await sec.getByText('Confirmed', { exact: true }).first().waitFor();
    expect(await sec.getByRole('button', { name: 'Confirm the twinning' }).count()).toBe(0);

    // The member (en, desktop) records an activity and completes it.
    const member = await as('member@irb.test', 'en');
    const irb = member.page;
    await irb.goto(`/twinnings/${id}`);
    await heading(irb, 'Twinning: Refugee status determination mentoring');
    await irb.getByText('No activities yet.').waitFor();
    expect(await seriousViolations(irb)).toEqual([]);
    const record = irb.getByRole('region', { name: 'Record an activity' });
    await record.getByLabel('Kind').selectOption('WORKSHOP');
    await record.getByLabel('Title').fill('Mentoring workshop, module 1');
    await record.getByLabel('Starts').fill('2027-02-15T09:00');
    await record.getByLabel('Ends (optional)').fill('2027-02-16T17:00');
    await record.getByLabel('Place (optional)').fill('Tegucigalpa');
    await record.getByRole('checkbox', { name: 'Guatemala' }).check();
    await record.getByRole('button', { name: 'Record the activity' }).click();
    await irb.getByText('The activity “Mentoring workshop, module 1” was recorded.').waitFor();
    const activities = irb.getByRole('table', { name: 'Activities of the twinning' });
    const row = activities.getByRole('row').filter({ hasText: 'Mentoring workshop, module 1' });
    await row.getByText('Planned', { exact: true }).waitFor();
    expect(await row.innerText()).toContain('Other participating countries: Guatemala');
    expect(await row.innerText()).toContain('Tegucigalpa');

    await row
      .getByRole('button', { name: 'Record that it took place: Mentoring workshop, module 1' })
      .click();
    const complete = irb.getByRole('region', {
      name: 'It took place: Mentoring workshop, module 1',
    });
    await complete.getByLabel('Women', { exact: true }).fill('12');
    await complete.getByLabel('Men', { exact: true }).fill('8');
    await complete.getByLabel('Other', { exact: true }).fill('1');
    await complete
      .getByLabel('Outcome')
      .fill('Twenty-one officers trained in gender-based claims.');
    expect(await seriousViolations(irb)).toEqual([]);
    await complete.getByRole('button', { name: 'Save as done' }).click();
    await irb.getByText('The activity “Mentoring workshop, module 1” is done.').waitFor();
    await row.getByText('Done', { exact: true }).waitFor();
    expect(await row.innerText()).toContain('Participants: 12 women, 8 men, 1 other (21)');
    expect(await row.innerText()).toContain(
      'Outcome: Twenty-one officers trained in gender-based claims.',
    );

    // The history: each step, oldest first, with who took it and the notes.
    const steps = await irb.locator('ol.timeline > li').allInnerTexts();
    expect(steps.map((step) => step.split('\n')[0])).toEqual([
      'Proposal: Proposed',
      'Proposed → Accepted by the parties',
      'Accepted by the parties → Confirmed',
    ]);
    expect(steps[0]).toContain('Same working group, same language.');
    expect(steps[1]).toContain('(Honduras)');
    expect(steps[1]).toContain('De acuerdo: empezamos en febrero.');
    expect(steps[2]).toContain('Technical Secretariat');

    // The activities list (en, a phone): upcoming, by country, with the calendar link.
    await irb.setViewportSize({ width: 360, height: 900 });
    await irb
      .getByRole('navigation', { name: NAVIGATION.en })
      .getByRole('link', { name: 'Activities and calendar' })
      .click();
    await heading(irb, 'Activities and calendar');
    const listed = irb.getByRole('table', { name: 'Activities' }).getByRole('row').filter({
      hasText: 'Mentoring workshop, module 1',
    });
    await listed.waitFor();
    expect(await listed.innerText()).toContain('Done');
    await irb.getByLabel('Country').selectOption('GT');
    await listed.waitFor();
    await irb.getByLabel('Country').selectOption('PA');
    await irb.getByText('No activities match these filters.').waitFor();
    await irb.getByLabel('When').selectOption('past');
    await irb.getByLabel('Country').selectOption('');
    await irb.getByText('No activities match these filters.').waitFor();
    expect(await irb.getByLabel('Calendar link').inputValue()).toMatch(/\/calendar\.ics\?token=/);
    expect(await seriousViolations(irb)).toEqual([]);
    expect(
      await irb.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  }, 90_000);
});
