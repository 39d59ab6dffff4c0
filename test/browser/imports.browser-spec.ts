import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { buildWorld } from '../support/builders';
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

const NAP_SHEET = join(__dirname, '..', 'fixtures', 'pan-honduras.xlsx');
const OFFERS_CSV =
  'Organization,Working groups,Title,Description,Modalities,Languages,Capacity\n' +
  'Immigration and Refugee Board of Canada,ASYLUM_SYSTEMS,Eligibility training,Two weeks,Training,"en, fr",3\n' +
  'World Bank Group,ASYLUM_SYSTEMS,Loans,Money,Financial,en,2\n';

/**
 * Spreadsheet imports in the console (issue 16): Honduras's focal point, on a phone in
 * Spanish, checks the ministry's NAP sheet, reads each bad row's problem, imports it and
 * watches the progress to its end; a member's focal point imports offers in English; the
 * secretariat, who imports both, checks offers.
 */
describeInBrowser('Imports of needs and offers', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startConsoleServer({ IMPORT_POLL_MS: '50' }),
      launchBrowser(),
    ]);
    await buildWorld(server.api);
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
    const opening = await openSignedIn(browser, server.url, email, password, {
      language,
      width,
    });
    opened.push(opening);
    return opening;
  }

  async function checked(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  }

  /** The counts of the result, by their terms. */
  async function counts(page: Page): Promise<Record<string, string>> {
    return page
      .locator('.imports-counts')
      .evaluate((list) =>
        Object.fromEntries(
          [...list.querySelectorAll('div')].map((pair) => [
            pair.querySelector('dt')!.textContent,
            pair.querySelector('dd')!.textContent,
          ]),
        ),
      );
  }

  it('Honduras checks its NAP sheet, reads the problems by row, imports it and sees the progress end (es, phone)', async () => {
    const { page } = await as('focal@hn.test', 'es', 360);
    await page.goto(`${server.url}/spreadsheets`);
    await page.getByRole('heading', { level: 1, name: 'Importaciones y exportaciones' }).waitFor();
    await expect(page.getByText('Necesidades', { exact: true }).count()).resolves.toBe(1);

    await page.getByLabel('Archivo (XLSX o CSV)').setInputFiles(NAP_SHEET);
    await page.getByText('Archivo elegido: pan-honduras.xlsx').waitFor();
    await page.getByRole('button', { name: 'Revisar sin importar' }).click();
    await page
      .getByText('Revisión terminada: no se guardó nada.', { exact: false })
      .waitFor({ timeout: 20_000 });
    const bar = page.getByRole('progressbar', { name: 'Avance de la importación' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await bar.getAttribute('aria-valuetext')).toBe('9 de 9 filas');
    // Its fill is drawn though the page's policy allows no inline style: React sets the width
    // through the CSSOM, and the bar is full.
    const [outer, fill] = await bar.evaluate((element) => [
      element.getBoundingClientRect().width,
      element.querySelector('span')!.getBoundingClientRect().width,
    ]);
    expect(fill).toBeGreaterThan(0);
    expect(Math.abs(outer - fill)).toBeLessThanOrEqual(2);
    expect(await counts(page)).toEqual({ Nuevas: '2', Modificadas: '0', 'Filas rechazadas': '7' });
    const table = page.getByRole('table', { name: 'Filas con problemas (10)' });
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      );
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual([
      '8',
      'país',
      'Ningún país se llama "Narnia": escriba su nombre o su código de dos letras',
    ]);
    expect(rows.map(([row]) => row)).toEqual([
      '8',
      '9',
      '10',
      '11',
      '11',
      '12',
      '13',
      '13',
      '13',
      '14',
    ]);
    await checked(page);

    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByText('Importación terminada.').waitFor({ timeout: 20_000 });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await counts(page)).toEqual({ Nuevas: '2', Modificadas: '0', 'Filas rechazadas': '7' });
    await page.goto(`${server.url}/needs`);
    await page.getByText('Gestión de casos de asilo').first().waitFor();
  });

  it('a member focal point imports offers of its organization from a CSV (en)', async () => {
    const { page } = await as('member@irb.test', 'en');
    await page
      .getByRole('navigation', { name: NAVIGATION.en })
      .getByRole('link', { name: 'Imports and exports' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Imports and exports' }).waitFor();

    // Without a file the form says so beside the field and in the summary.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Choose a file.' }).waitFor();

    await page
      .getByLabel('File (XLSX or CSV)')
      .setInputFiles({ name: 'offers.csv', mimeType: 'text/csv', buffer: Buffer.from(OFFERS_CSV) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Import finished.').waitFor({ timeout: 20_000 });
    expect(await counts(page)).toEqual({ New: '1', Changed: '0', 'Rows refused': '1' });
    const rows = await page
      .getByRole('table', { name: 'Rows with problems (1)' })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      );
    expect(rows).toEqual([
      [
        '3',
        'Organization',
        "Only the secretariat or a focal point of the offer's organization may manage its offers",
      ],
    ]);
    await checked(page);
  });
  it("the secretariat chooses offers, and a check of the same CSV would add only the other organization's offer (en)", async () => {
    const { page } = await as(SECRETARIAT_EMAIL, 'en', 1280, SECRETARIAT_PASSWORD);
    await page
      .getByRole('navigation', { name: NAVIGATION.en })
      .getByRole('link', { name: 'Imports and exports' })
      .click();
    const kind = page.getByRole('group', { name: 'What does the file hold?' });
    expect(await kind.getByRole('radio', { name: 'Needs' }).isChecked()).toBe(true);
    await kind.getByRole('radio', { name: 'Offers' }).check();
    await page
      .getByLabel('File (XLSX or CSV)')
      .setInputFiles({ name: 'offers.csv', mimeType: 'text/csv', buffer: Buffer.from(OFFERS_CSV) });
    await page.getByRole('button', { name: 'Check without importing' }).click();
    await page.getByText('Check finished: nothing was saved.', { exact: false }).waitFor();
    expect(await counts(page)).toEqual({ New: '1', Changed: '0', 'Rows refused': '0' });
    await page.getByText('No row has a problem.').waitFor();
  });
});
