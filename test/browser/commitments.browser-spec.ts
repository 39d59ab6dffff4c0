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

const TITLE = 'Fortalecer la determinación de la condición de refugiado';
const NEED = 'Capacitación en entrevistas de elegibilidad';

/** Today in the browser's calendar and as the console writes it (a day read in UTC). */
function today(language: 'es' | 'en'): { day: string; text: string } {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const text = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00.000Z`),
  );
  return { day, text };
}

/**
 * National Action Plan commitments in the console (issue 14): Honduras writes a commitment
 * with its indicators on a phone in Spanish, records a value and posts a restricted need
 * that serves it; the secretariat (English) sees both; Guatemala's focal point and an
 * observer read the plan without the restricted need and without actions.
 */
describeInBrowser('NAP commitments and restricted needs', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let opened: ConsolePage[] = [];
  let commitmentPath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
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

  it('Honduras writes a commitment with two indicators, records a value and posts a restricted need that serves it (es, phone)', async () => {
    const honduras = await as('focal@hn.test', 'es', 360);
    const hn = honduras.page;
    await hn
      .getByRole('navigation', { name: NAVIGATION.es })
      .getByRole('link', { name: 'Compromisos' })
      .click();
    await heading(hn, 'Compromisos del PAN');
    await hn.getByText('País: Honduras', { exact: true }).waitFor();
    await hn.getByText('No hay compromisos que coincidan con estos filtros.').waitFor();
    await checked(hn);

    // The form: two indicators, the title left blank first.
    await hn.getByRole('main').getByRole('link', { name: 'Nuevo compromiso' }).click();
    await heading(hn, 'Nuevo compromiso');
    await hn.getByText('País: Honduras', { exact: true }).waitFor();
    await hn.getByLabel('Código del compromiso').fill('HN-2.3');
    await hn.getByLabel('Grupo de trabajo').selectOption('ASYLUM_SYSTEMS');
    const first = hn.getByRole('group', { name: 'Indicador 1' });
    await first.getByLabel('Nombre').fill('Oficiales capacitados');
    await first.getByLabel('Unidad (opcional)').fill('oficiales');
    await first.getByLabel('Línea de base (opcional)').fill('10');
    await first.getByLabel('Meta (opcional)', { exact: true }).fill('100');
    const nextYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await first.getByLabel('Fecha de la meta (opcional)').fill(nextYear);
    await hn.getByRole('button', { name: 'Añadir un indicador' }).click();
    const second = hn.getByRole('group', { name: 'Indicador 2' });
    await second.waitFor();
    // The new row's name has the focus.
    await hn.waitForFunction(() => document.activeElement?.id === 'field-indicators-1-name');
    // Its name is left blank too, for the service to name that row's field.
    await second.getByLabel('Línea de base (opcional)').fill('unas 1200');
    await second.getByLabel('Meta (opcional)', { exact: true }).fill('400');
    await hn.getByRole('button', { name: 'Guardar el compromiso' }).click();

    // A number that is not one is caught at its row's field, before the service.
    const summary = hn.getByRole('alert').filter({ hasText: 'Hay un problema' });
    await summary.waitFor();
    const numberProblem = hn.locator('#field-indicators-1-baseline-error');
    expect(await numberProblem.innerText()).toBe(
      'Indicador 2: Escriba un número, por ejemplo 40 o 12,5.',
    );
    expect(await summary.getByRole('link').getAttribute('href')).toBe(
      '#field-indicators-1-baseline',
    );
    await hn.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    await second.getByLabel('Línea de base (opcional)').fill('1200');
    await hn.getByRole('button', { name: 'Guardar el compromiso' }).click();

    // The service's problems: the blank title and the second row's blank name, each at its
    // field and in the summary, linking to it; what was typed stays.
    const titleProblem = hn.locator('#field-title-error');
    await titleProblem.waitFor();
    const nameProblem = hn.locator('#field-indicators-1-name-error');
    expect(await titleProblem.innerText()).not.toBe('');
    expect(await nameProblem.innerText()).toMatch(/^Indicador 2: ./);
    const links = summary.getByRole('link');
    expect(await links.allInnerTexts()).toEqual([
      await titleProblem.innerText(),
      await nameProblem.innerText(),
    ]);
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual([
      '#field-title',
      '#field-indicators-1-name',
    ]);
    expect(await second.getByLabel('Nombre').getAttribute('aria-invalid')).toBe('true');
    expect(await first.getByLabel('Meta (opcional)', { exact: true }).inputValue()).toBe('100');
    expect(await second.getByLabel('Línea de base (opcional)').inputValue()).toBe('1200');
    await checked(hn);

    await hn.getByLabel('Título').fill(TITLE);
    await second.getByLabel('Nombre').fill('Solicitudes pendientes de resolución');
    await hn.getByRole('button', { name: 'Guardar el compromiso' }).click();
    await heading(hn, `HN-2.3 ${TITLE}`);
    await hn.getByText(`Se guardó el compromiso «${TITLE}».`).waitFor();
    commitmentPath = new URL(hn.url()).pathname;
    expect(commitmentPath).toMatch(/^\/commitments\/[0-9a-f-]{36}$/);
    const officers = hn.getByRole('article', { name: 'Oficiales capacitados' });
    await officers.getByText('Sin valores', { exact: true }).waitFor();
    await officers.getByText('Aún no hay valores registrados para este indicador.').waitFor();
    await checked(hn);

    // A value recorded today: the indicator is on track, its chart and table show it.
    const { day, text } = today('es');
    await hn
      .getByLabel('Indicador', { exact: true })
      .selectOption({ label: 'Oficiales capacitados' });
    await hn.getByLabel('Valor', { exact: true }).fill('60');
    expect(await hn.getByLabel('Fecha de la medición').inputValue()).toBe(day);
    await hn.getByLabel('Fuente (opcional)').fill('Informe de la Dirección de Migración');
    await hn.getByRole('button', { name: 'Registrar el valor' }).click();
    await hn
      .getByText(`Se registró el valor 60 oficiales de «Oficiales capacitados» del ${text}.`)
      .waitFor();
    await officers.getByText('En buen camino', { exact: true }).waitFor();
    const values = officers.getByRole('table', {
      name: 'Valores registrados de «Oficiales capacitados»',
    });
    await values.waitFor();
    expect(await values.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual([
      '60 oficiales',
      'Informe de la Dirección de Migración',
    ]);
    expect(await values.getByRole('row').nth(1).getByRole('rowheader').innerText()).toBe(text);
    await officers.getByText(`60 oficiales (medido el ${text})`).waitFor();
    // The drawing comes after the first paint, hidden from screen readers (the table tells it).
    const drawing = officers.locator('.indicator-chart');
    await drawing.locator('svg').first().waitFor();
    expect(await drawing.getAttribute('aria-hidden')).toBe('true');
    const pending = hn.getByRole('article', { name: 'Solicitudes pendientes de resolución' });
    await pending.getByText('Sin valores', { exact: true }).waitFor();
    await checked(hn);

    // A restricted need that serves the commitment, through the need form.
    await hn
      .getByRole('navigation', { name: NAVIGATION.es })
      .getByRole('link', { name: 'Necesidades' })
      .click();
    await heading(hn, 'Necesidades');
    await hn.getByRole('main').getByRole('link', { name: 'Nueva necesidad' }).click();
    await heading(hn, 'Nueva necesidad');
    await hn.getByLabel(/^Título/).fill(NEED);
    await hn.getByLabel('Grupo de trabajo').selectOption('ASYLUM_SYSTEMS');
    await hn
      .getByLabel('Descripción')
      .fill('Entrevistas de elegibilidad con enfoque de género para 30 oficiales.');
    await hn.getByRole('checkbox', { name: 'Capacitación' }).check();
    await hn
      .getByLabel('Compromiso del PAN (opcional)')
      .selectOption({ label: `HN-2.3 · ${TITLE}` });
    const visibility = hn.getByRole('group', { name: 'Visibilidad' });
    expect(await visibility.getByRole('radio', { name: 'Plataforma' }).isChecked()).toBe(true);
    await visibility
      .getByText(
        'Una necesidad restringida solo la ven la Secretaría Técnica, los puntos focales de su país y las partes de los hermanamientos que la incluyen.',
      )
      .waitFor();
    await visibility.getByRole('radio', { name: 'Restringida' }).check();
    await checked(hn);
    await hn.getByRole('button', { name: 'Publicar la necesidad' }).click();
    await heading(hn, NEED);
    await hn.getByText(`Se publicó la necesidad «${NEED}».`).waitFor();
    await hn.getByRole('main').getByText('Restringida', { exact: true }).waitFor();
    const toCommitment = hn.getByRole('link', { name: `HN-2.3 · ${TITLE}` });
    expect(await toCommitment.getAttribute('href')).toBe(commitmentPath);
    await checked(hn);

    // Back on the commitment, the need is among those that serve it.
    await toCommitment.click();
    await heading(hn, `HN-2.3 ${TITLE}`);
    const needs = hn.getByRole('region', { name: 'Necesidades que sirven a este compromiso' });
    const item = needs.getByRole('listitem').filter({ hasText: NEED });
    await item.waitFor();
    expect(await item.innerText()).toContain('Restringida');

    // The list: one indicator of two on track, one need.
    await hn
      .getByRole('navigation', { name: NAVIGATION.es })
      .getByRole('link', { name: 'Compromisos' })
      .click();
    await heading(hn, 'Compromisos del PAN');
    const row = hn.getByRole('row').filter({ hasText: 'HN-2.3' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells).toEqual(['HN-2.3', TITLE, expect.any(String), '1 de 2', '1']);
    await checked(hn);
    expect(honduras.errors).toEqual([]);
  }, 120_000);

  it('the secretariat sees the commitment and its restricted need; Guatemala and an observer read the plan without it', async () => {
    expect(commitmentPath).not.toBe('');

    // The secretariat (en, desktop): the list, the page, the need, and may record.
    const secretariat = await as(SECRETARIAT_EMAIL, 'en', 1280, SECRETARIAT_PASSWORD);
    const st = secretariat.page;
    await st
      .getByRole('navigation', { name: NAVIGATION.en })
      .getByRole('link', { name: 'Commitments' })
      .click();
    await heading(st, 'NAP commitments');
    const row = st.getByRole('row').filter({ hasText: 'HN-2.3' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      'HN-2.3',
      TITLE,
      'Honduras',
      expect.any(String),
      '1 of 2',
      '1',
    ]);
    await checked(st);
    await row.getByRole('link', { name: 'HN-2.3' }).click();
    await heading(st, `HN-2.3 ${TITLE}`);
    const needs = st.getByRole('region', { name: 'Needs that serve this commitment' });
    const item = needs.getByRole('listitem').filter({ hasText: NEED });
    await item.waitFor();
    expect(await item.innerText()).toContain('Restricted');
    await st
      .getByRole('article', { name: 'Oficiales capacitados' })
      .getByText('On track')
      .waitFor();
    await st.getByRole('heading', { name: 'Record a value' }).waitFor();
    await st.getByRole('main').getByRole('link', { name: 'Change' }).waitFor();
    await checked(st);
    await item.getByRole('link', { name: NEED }).click();
    await heading(st, NEED);
    await st.getByRole('main').getByText('Restricted', { exact: true }).waitFor();
    await st.getByRole('link', { name: `HN-2.3 · ${TITLE}` }).waitFor();
    await checked(st);
    expect(secretariat.errors).toEqual([]);

    // Guatemala's focal point (es): its own plan is empty; Honduras's reads without the need.
    const guatemala = await as('focal@gt.test', 'es');
    const gt = guatemala.page;
    await gt
      .getByRole('navigation', { name: NAVIGATION.es })
      .getByRole('link', { name: 'Compromisos' })
      .click();
    await heading(gt, 'Compromisos del PAN');
    await gt.getByText('País: Guatemala', { exact: true }).waitFor();
    await gt.getByText('No hay compromisos que coincidan con estos filtros.').waitFor();
    await checked(gt);
    await gt.goto(commitmentPath);
    await heading(gt, `HN-2.3 ${TITLE}`);
    await gt
      .getByRole('region', { name: 'Necesidades que sirven a este compromiso' })
      .getByText('Ninguna necesidad que usted pueda ver sirve a este compromiso.')
      .waitFor();
    await gt
      .getByRole('article', { name: 'Oficiales capacitados' })
      .getByText('En buen camino')
      .waitFor();
    expect(await gt.getByText(NEED).count()).toBe(0);
    expect(await gt.getByRole('heading', { name: 'Registrar un valor' }).count()).toBe(0);
    expect(await gt.getByRole('main').getByRole('link', { name: 'Modificar' }).count()).toBe(0);
    await checked(gt);
    expect(guatemala.errors).toEqual([]);

    // An observer (en) reads every plan, without the restricted need and without actions.
    const observer = await as('observer@oas.test', 'en');
    const ob = observer.page;
    await ob
      .getByRole('navigation', { name: NAVIGATION.en })
      .getByRole('link', { name: 'Commitments' })
      .click();
    await heading(ob, 'NAP commitments');
    const seen = ob.getByRole('row').filter({ hasText: 'HN-2.3' });
    expect(await seen.getByRole('cell').last().innerText()).toBe('0');
    expect(await ob.getByRole('main').getByRole('link', { name: 'New commitment' }).count()).toBe(
      0,
    );
    await seen.getByRole('link', { name: 'HN-2.3' }).click();
    await heading(ob, `HN-2.3 ${TITLE}`);
    await ob.getByText('No need you may see serves this commitment.').waitFor();
    expect(await ob.getByRole('heading', { name: 'Record a value' }).count()).toBe(0);
    expect(await ob.getByRole('main').getByRole('link', { name: 'Change' }).count()).toBe(0);
    await checked(ob);
    expect(observer.errors).toEqual([]);
  }, 120_000);
});
