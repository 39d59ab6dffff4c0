import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { Browser, Download, Page } from 'playwright-core';
import { buildWorld, postNeed, World } from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD } from '../support/test-app';
import {
  ConsolePage,
  ConsoleServer,
  describeInBrowser,
  launchBrowser,
  NAVIGATION,
  openSignedIn,
  startConsoleServer,
} from './support/console';

const BOM = '\uFEFF';
const INTERVIEWS = 'Capacitación en entrevistas de elegibilidad';
const REGISTRATION = 'Registro biométrico de solicitantes';

/** Today (UTC), as the service dates a file's name. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Clicks `link` and waits for the file it downloads. */
async function downloadFrom(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name, exact: true }).click(),
  ]);
  return download;
}

/** The downloaded file's bytes (Chromium saved it in the context's downloads folder). */
async function bytesOf(download: Download): Promise<Buffer> {
  expect(await download.failure()).toBeNull();
  return readFile(await download.path());
}

/**
 * Spreadsheet exports from the console (issue 16): Honduras's focal point downloads the
 * needs list filtered by a search, as CSV in Spanish; the secretariat downloads the annual
 * report in English from the overview. Each file is read back and checked.
 */
describeInBrowser('spreadsheet exports', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let world: World;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
    world = await buildWorld(server.api);
    await postNeed(server.api, world.honduras, { title: INTERVIEWS });
    await postNeed(server.api, world.honduras, {
      title: REGISTRATION,
      description:
        'Asistencia técnica para el registro biométrico, en Tegucigalpa; San Pedro Sula.',
      modalities: ['TECHNICAL_ASSISTANCE', 'MATERIAL'],
      priority: 'MEDIUM',
    });
  }, 60_000);

  afterEach(async () => {
    for (const { context } of opened) await context.close();
    opened = [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(email: string, password: string, language: 'es' | 'en') {
    const opening = await openSignedIn(browser, server.url, email, password, { language });
    opened.push(opening);
    return opening;
  }

  it('a country focal point downloads the needs list, filtered, as CSV in Spanish', async () => {
    const { page, errors } = await as('focal@hn.test', TEST_PASSWORD, 'es');
    await page
      .getByRole('navigation', { name: NAVIGATION.es })
      .getByRole('link', { name: 'Necesidades' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Necesidades' }).waitFor();
    await page.getByRole('cell', { name: REGISTRATION }).waitFor();
    await page.getByLabel('Buscar en título y descripción').fill('biométrico');
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await page.getByRole('cell', { name: INTERVIEWS }).waitFor({ state: 'detached' });

    const download = await downloadFrom(page, 'Descargar esta lista en CSV');
    expect(download.suggestedFilename()).toBe(`necesidades-${today()}.csv`);
    const text = (await bytesOf(download)).toString('utf8');
    // Excel in Spanish: a byte-order mark, `;` between fields, Windows line ends; the
    // search applied (one need of two), headers and values in Spanish.
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(BOM.length).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].split(';')).toEqual([
      'País',
      'Grupo de trabajo',
      'Título',
      'Descripción',
      'Modalidades',
      'Idiomas',
      'Beneficiarios',
      'Inicio más temprano',
      'Fin más tardío',
      'Referencia PAN',
      'Prioridad',
      'Compromiso',
      'Estado',
    ]);
    expect(lines[1]).toBe(
      [
        'Honduras',
        'Fortalecimiento de los sistemas de asilo',
        REGISTRATION,
        '"Asistencia técnica para el registro biométrico, en Tegucigalpa; San Pedro Sula."',
        'Asistencia técnica, Material',
        'es',
        '40',
        '2026-03-01',
        '2026-11-30',
        'HN-NAP-2026-04',
        'Media',
        '',
        'Abierta',
      ].join(';'),
    );
    expect(lines[2]).toBe('');

    // Activities: the working-group filter is the page's own (the API's list has none), so
    // the links carry the country only and say the file has every working group.
    await page
      .getByRole('navigation', { name: NAVIGATION.es })
      .getByRole('link', { name: 'Actividades y calendario' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Actividades y calendario' }).waitFor();
    const everyGroup = page.getByText(
      'La descarga incluye las actividades de todos los grupos de trabajo.',
    );
    expect(await everyGroup.count()).toBe(0);
    await page.getByLabel('Grupo de trabajo').selectOption('ASYLUM_SYSTEMS');
    await everyGroup.waitFor();
    const csv = await page
      .getByRole('link', { name: 'Descargar esta lista en CSV', exact: true })
      .getAttribute('href');
    expect(csv).toMatch(/^\/exports\/activities\.csv\?/);
    expect(csv).not.toContain('workingGroup');
    expect(errors).toEqual([]);
  });

  it('the secretariat downloads the annual report from the overview, in English', async () => {
    const { page, errors } = await as(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, 'en');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Annual report' }).waitFor();
    const year = Number(await page.getByLabel('Year').inputValue());
    expect(year).toBe(new Date().getFullYear());

    const download = await downloadFrom(page, 'Download the annual report (Excel)');
    expect(download.suggestedFilename()).toBe(`annual-report-${today()}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytesOf(download)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Coverage',
      'Twinnings',
      'Activities',
      'Pledges by member',
    ]);
    const summary = book.getWorksheet('Summary')!;
    expect(summary.getCell('A1').value).toBe('MIRPS Support Platform: annual report');
    expect(summary.getRow(4).values).toEqual([undefined, 'Figure', 'Value']);
    expect(summary.getCell('A5').value).toBe('Needs posted');
    // The two needs of this test, posted this year; the same figure as platformSummary's.
    expect(summary.getCell('B5').value).toBe(2);
    const { platformSummary } = await server.api.ok<{ platformSummary: { needsPosted: number } }>(
      'query ($from: DateTime, $to: DateTime) { platformSummary(from: $from, to: $to) { needsPosted } }',
      { from: `${year}-01-01T00:00:00.000Z`, to: `${year + 1}-01-01T00:00:00.000Z` },
      { as: world.secretariat },
    );
    expect(platformSummary.needsPosted).toBe(2);
    // Coverage (every state by every working group): Honduras's two open needs in theirs
    // (needs, open, in a twinning, fulfilled, commitments, indicators on track).
    const coverage: unknown[][] = [];
    book.getWorksheet('Coverage')!.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (typeof values[2] === 'number' && values[2] > 0) coverage.push(values);
    });
    expect(coverage).toEqual([['Honduras', 'Strengthening asylum systems', 2, 2, 0, 0, 0, 0]]);
    expect(errors).toEqual([]);
  });
});
