import { readFile } from 'node:fs/promises';
import { Browser, Page } from 'playwright-core';
import { buildWorld, createOrganization } from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD } from '../support/test-app';
import {
  ConsolePage,
  ConsoleServer,
  describeInBrowser,
  launchBrowser,
  NAVIGATION,
  openSignedIn,
  seriousViolations,
  startConsoleServer,
} from './support/console';

const MEMBER = 'Immigration and Refugee Board of Canada';

/** Text as a person reads it: Intl puts no-break spaces between amounts and codes. */
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

/**
 * Pledges in the console (issue 15): a member's focal point records a pledge on a phone in
 * Spanish (a currency that is not one is refused at its field first) and marks it
 * committed; the secretariat (English) records the exchange rate, sees the pledge in US
 * dollars in the list and in the totals by member, marks it disbursed, downloads the
 * list filtered to disbursed pledges as CSV, and reads the troika on its overview.
 */
describeInBrowser('pledges, exchange rates and the troika', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
    const world = await buildWorld(server.api);
    const secretariat = world.secretariat;
    const canada = await createOrganization(server.api, secretariat, 'Government of Canada');
    const us = await createOrganization(
      server.api,
      secretariat,
      'Government of the United States',
      'STATE',
      'US',
    );
    const terms = [
      { organizationId: canada, from: '2021-07-01T00:00:00.000Z', to: '2022-09-21T00:00:00.000Z' },
      {
        organizationId: us,
        from: '2022-09-21T00:00:00.000Z',
        theme: 'The Benefits of Successful Integration',
      },
    ];
    for (const term of terms) {
      await server.api.ok(
        'mutation ($input: ChairTermInput!) { setChairTerm(input: $input) { id } }',
        { input: { role: 'CHAIR', ...term } },
        { as: secretariat },
      );
    }
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
  ): Promise<ConsolePage> {
    const opening = await openSignedIn(browser, server.url, email, password, { language, width });
    opened.push(opening);
    return opening;
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();

  async function checked(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  }

  it('a member records a pledge and marks it committed; the secretariat converts it and marks it disbursed', async () => {
    // The member's focal point (es, phone).
    const member = await as('member@irb.test', 'es', 360);
    const mp = member.page;
    await mp
      .getByRole('navigation', { name: NAVIGATION.es })
      .getByRole('link', { name: 'Contribuciones' })
      .click();
    await heading(mp, 'Contribuciones anunciadas');
    await mp.getByText('Aún no hay contribuciones anunciadas este año.').waitFor();
    await mp.getByText(`Miembro: ${MEMBER}`, { exact: true }).waitFor();
    await checked(mp);

    await mp.getByRole('link', { name: 'Nueva contribución anunciada' }).click();
    await heading(mp, 'Nueva contribución anunciada');
    await mp.getByLabel('Monto').fill('13150000');
    await mp.getByLabel('Moneda').fill('XYZ');
    await mp.getByLabel('País (opcional)').selectOption({ label: 'Honduras' });
    await mp
      .getByLabel('Nota (opcional)')
      .fill('Asistencia humanitaria anunciada en el Evento de Solidaridad');
    await mp.getByRole('button', { name: 'Registrar la contribución' }).click();

    // The service's problem at its field and in the summary, linking to it; what was typed stays.
    const problem = mp.locator('#field-currency-error');
    await problem.waitFor();
    expect(await problem.innerText()).toBe('XYZ no es un código de moneda ISO 4217');
    const summary = mp.getByRole('alert').filter({ hasText: 'Hay un problema' });
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#field-currency');
    expect(await mp.getByLabel('Moneda').getAttribute('aria-invalid')).toBe('true');
    expect(await mp.getByLabel('Monto').inputValue()).toBe('13150000');
    await checked(mp);

    await mp.getByLabel('Moneda').fill('CAD');
    await mp.getByRole('button', { name: 'Registrar la contribución' }).click();
    await heading(mp, 'Contribuciones anunciadas');
    await mp.getByText(`Se registró la contribución de ${MEMBER}.`).waitFor();
    const row = mp
      .getByRole('table', { name: 'Contribuciones anunciadas encontradas' })
      .getByRole('row')
      .nth(1);
    await row.getByText('Anunciada', { exact: true }).waitFor();
    expect(plain(await row.getByRole('cell').nth(1).innerText())).toBe('13.150.000,00 CAD');
    expect(await row.getByRole('cell').nth(2).innerText()).toBe('Sin tasa');
    await mp
      .getByText('1 contribución está en una moneda sin tasa de cambio y no suma en USD.')
      .waitFor();
    await checked(mp);

    await row.getByRole('button', { name: 'Marcar como comprometida' }).click();
    await mp.getByText(`La contribución de ${MEMBER} quedó comprometida.`).waitFor();
    await row.getByText('Comprometida', { exact: true }).waitFor();
    expect(await row.getByRole('button').allInnerTexts()).toEqual([
      'Marcar como desembolsada',
      'Cancelar',
    ]);
    await checked(mp);
    expect(member.errors).toEqual([]);

    // The secretariat (en, desktop): the rate, the pledge in USD, the totals, disbursed.
    const secretariat = await as(SECRETARIAT_EMAIL, 'en', 1280, SECRETARIAT_PASSWORD);
    const st = secretariat.page;
    await st
      .getByRole('navigation', { name: NAVIGATION.en })
      .getByRole('link', { name: 'Pledges' })
      .click();
    await heading(st, 'Pledges');
    await st.getByRole('link', { name: 'Exchange rates' }).click();
    await heading(st, 'Exchange rates');
    await st.getByText('No rates recorded yet.').waitFor();
    await st.getByLabel('Currency').fill('CAD');
    await st.getByLabel('USD per unit').fill('0.74');
    await st.getByRole('button', { name: 'Record the rate' }).click();
    await st.getByText('The CAD rate was recorded.').waitFor();
    const history = st.getByRole('table', { name: 'Rates recorded, the latest first' });
    expect(
      (await history.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).slice(0, 2),
    ).toEqual(['CAD', '0.74']);
    await checked(st);

    await st.getByRole('link', { name: 'Back to pledges' }).click();
    await heading(st, 'Pledges');
    const pledge = st.getByRole('table', { name: 'Pledges found' }).getByRole('row').nth(1);
    await pledge.getByText('Committed', { exact: true }).waitFor();
    // The list is shown from the cache first, then read again: in USD at the new rate.
    await pledge.getByText(/^USD.9,731,000\.00$/).waitFor();
    expect(plain(await pledge.getByRole('cell').nth(2).innerText())).toBe('USD 9,731,000.00');
    const totals = st.getByRole('table', { name: /totals by member$/ });
    const irb = totals.getByRole('row').filter({ hasText: MEMBER });
    await irb.getByText(/^USD.9,731,000\.00$/).waitFor();
    expect((await irb.getByRole('cell').allInnerTexts()).map(plain)).toEqual([
      '1',
      'USD 9,731,000.00',
      'USD 0.00',
    ]);
    await checked(st);

    await pledge.getByRole('button', { name: 'Mark as disbursed' }).click();
    await st.getByText(`${MEMBER}'s pledge is now disbursed.`).waitFor();
    await pledge.getByText('Disbursed', { exact: true }).waitFor();
    expect(await pledge.getByRole('button').count()).toBe(0);
    // The totals are read again: all of it disbursed now.
    await irb
      .getByRole('cell')
      .last()
      .getByText(/^USD.9,731,000\.00$/)
      .waitFor();

    // The list filtered by status, downloaded as CSV: the filter goes with the link.
    await st.getByLabel('Status').selectOption({ label: 'Disbursed' });
    await st.getByRole('button', { name: 'Apply filters' }).click();
    await st.waitForURL(/status=DISBURSED/);
    const csvLink = st.getByRole('link', { name: 'Download this list as CSV', exact: true });
    expect(await csvLink.getAttribute('href')).toBe(
      '/exports/pledges.csv?status=DISBURSED&lang=en',
    );
    const [download] = await Promise.all([st.waitForEvent('download'), csvLink.click()]);
    const today = new Date().toISOString().slice(0, 10);
    expect(download.suggestedFilename()).toBe(`pledges-${today}.csv`);
    expect(await download.failure()).toBeNull();
    expect((await readFile(await download.path())).toString('utf8')).toBe(
      '\uFEFF' +
        'Member,Amount,Currency,In USD,Status,Country,Working group,Needs,Pledged on,Note\r\n' +
        `${MEMBER},13150000.00,CAD,9731000.00,Disbursed,Honduras,,,${today},Asistencia humanitaria anunciada en el Evento de Solidaridad\r\n`,
    );

    // The troika on the overview.
    await st
      .getByRole('navigation', { name: NAVIGATION.en })
      .getByRole('link', { name: 'Overview' })
      .click();
    const troika = st.getByRole('region', { name: 'Troika' });
    await troika.getByText('Government of the United States').waitFor();
    expect(await troika.getByRole('term').allInnerTexts()).toEqual([
      'Chair',
      'Past chair',
      'Incoming chair',
    ]);
    await troika.getByText('Theme: The Benefits of Successful Integration').waitFor();
    await troika.getByText('Government of Canada').waitFor();
    await troika.getByText('Not named').waitFor();
    await checked(st);
    expect(secretariat.errors).toEqual([]);

    // The troika in Spanish, on the overview of the secretariat's Spanish session.
    const spanish = await as(SECRETARIAT_EMAIL, 'es', 1280, SECRETARIAT_PASSWORD);
    const troikaEs = spanish.page.getByRole('region', { name: 'Troika' });
    await troikaEs.getByText('Government of the United States').waitFor();
    expect(await troikaEs.getByRole('term').allInnerTexts()).toEqual([
      'Presidencia',
      'Presidencia saliente',
      'Presidencia entrante',
    ]);
    await troikaEs.getByText('Sin designar').waitFor();
    expect(spanish.errors).toEqual([]);

    // An observer has no pledges place.
    const observer = await as('observer@oas.test', 'es');
    const links = observer.page.getByRole('navigation', { name: NAVIGATION.es }).getByRole('link');
    await links.first().waitFor();
    expect(await links.allInnerTexts()).not.toContain('Contribuciones');
  }, 120_000);
});
