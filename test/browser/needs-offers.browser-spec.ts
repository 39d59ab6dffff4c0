import { Browser, Page } from 'playwright-core';
import { buildWorld, postOffer, World } from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
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
 * The focal points' screens: a country posts a need through the form, a member finds it
 * among its offer's suggested needs and proposes, the proposal waits on the country's home;
 * in Spanish and English, on a desktop and a 360 px phone.
 */
describeInBrowser("the focal points' homes, needs and offers", () => {
  let server: ConsoleServer;
  let browser: Browser;
  let world: World;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    // At LOG_LEVEL=warn the server's start-up line (what startConsoleServer waits for) is not printed.
    [server, browser] = await Promise.all([
      startConsoleServer({ LOG_LEVEL: 'info' }),
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

  /** `email` signed in, reading the console in `language` (its account's too). */
  async function as(email: string, language: Language, width = 1280): Promise<ConsolePage> {
    const opening = await openConsole(browser, server.url, { language, width });
    opened.push(opening);
    const { page } = opening;
    await signIn(page, email, TEST_PASSWORD, language);
    await page.getByRole('navigation', { name: /Navegación principal|Main navigation/ }).waitFor();
    const switchTo = page.getByRole('button', { name: language.toUpperCase(), exact: true });
    if ((await switchTo.getAttribute('aria-pressed')) !== 'true') await switchTo.click();
    await page.getByRole('navigation', { name: NAVIGATION[language] }).waitFor();
    return opening;
  }

  async function heading(page: Page, name: string) {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  it('a need posted by Honduras, proposed by the IRB from its offer, waits on Honduras’s home', async () => {
    const offerId = await postOffer(server.api, world.member, world.organizationId, {
      title: 'Asylum adjudication training',
    });

    // Honduras (es, desktop) posts a need; the form first shows the empty title at its field.
    const honduras = await as('focal@hn.test', 'es');
    const hn = honduras.page;
    await heading(hn, 'Inicio');
    await hn.getByText('No hay propuestas que esperen su respuesta.').waitFor();
    expect(await seriousViolations(hn)).toEqual([]);
    await hn.getByRole('main').getByRole('link', { name: 'Nueva necesidad' }).click();
    await heading(hn, 'Nueva necesidad');
    await hn.getByText('País: Honduras', { exact: true }).waitFor();
    await hn.getByLabel('Grupo de trabajo').selectOption('ASYLUM_SYSTEMS');
    await hn
      .getByLabel('Descripción')
      .fill('Capacitación de oficiales de elegibilidad en adjudicación con enfoque de género.');
    await hn.getByRole('checkbox', { name: 'Capacitación' }).check();
    await hn.getByLabel('Prioridad').selectOption({ label: 'Alta' });
    await hn.getByLabel('Beneficiarios (opcional)').fill('40');
    await hn.getByLabel('Referencia PAN (opcional)').fill('HN-PAN-2026-04');
    await hn.getByRole('button', { name: 'Publicar la necesidad' }).click();

    const summary = hn.getByRole('alert').filter({ hasText: 'Hay un problema' });
    await summary.waitFor();
    const titleProblem = await hn.locator('#field-title-error').innerText();
    expect(titleProblem).not.toBe('');
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([titleProblem]);
    expect(await hn.getByLabel('Beneficiarios (opcional)').inputValue()).toBe('40');
    expect(await seriousViolations(hn)).toEqual([]);

    await hn.getByLabel(/^Título/).fill('Adjudicación de asilo con enfoque de género');
    await hn.getByRole('button', { name: 'Publicar la necesidad' }).click();
    await heading(hn, 'Adjudicación de asilo con enfoque de género');
    await hn
      .getByText('Se publicó la necesidad «Adjudicación de asilo con enfoque de género».')
      .waitFor();
    await hn.getByRole('heading', { name: 'Ofertas sugeridas' }).waitFor();
    await hn.getByRole('link', { name: 'Asylum adjudication training' }).waitFor();
    expect(await seriousViolations(hn)).toEqual([]);

    // …and sees it in the list, open.
    await hn
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Necesidades' })
      .click();
    await heading(hn, 'Necesidades');
    const row = hn
      .getByRole('row')
      .filter({ hasText: 'Adjudicación de asilo con enfoque de género' });
    expect(await row.innerText()).toContain('Abierta');
    expect(await seriousViolations(hn)).toEqual([]);

    // Honduras waits on its home while the IRB proposes elsewhere.
    await hn
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Inicio' })
      .click();
    await hn.getByText('No hay propuestas que esperen su respuesta.').waitFor();

    // The IRB's focal point (en, phone) finds it among its offer's suggested needs.
    const member = await as('member@irb.test', 'en', 360);
    const irb = member.page;
    await irb.goto(`/offers/${offerId}`);
    await heading(irb, 'Asylum adjudication training');
    await irb.getByRole('heading', { name: 'Suggested needs' }).waitFor();
    const card = irb.getByRole('listitem').filter({
      has: irb.getByRole('link', { name: 'Adjudicación de asilo con enfoque de género' }),
    });
    const score = await card.getByText(/^Fit: \d+%$/).innerText();
    expect(Number(score.replace(/\D/g, ''))).toBeGreaterThan(0);
    const reasons = await card
      .getByRole('list', { name: 'Why' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(reasons.length).toBeGreaterThan(1);
    expect(await seriousViolations(irb)).toEqual([]);
    await card
      .getByRole('checkbox', {
        name: 'Include in the proposal: Adjudicación de asilo con enfoque de género',
      })
      .check();
    await irb.getByText('1 need chosen').waitFor();
    await irb
      .getByLabel('Note to the parties (optional)')
      .fill('Spanish-speaking trainers in 2026.');
    await irb.getByRole('button', { name: 'Propose a twinning with the chosen needs' }).click();
    await irb
      .getByText('The twinning with 1 need was proposed. The other parties must answer.')
      .waitFor();
    expect(await seriousViolations(irb)).toEqual([]);

    // On Honduras's home, without a reload.
    const waiting = hn.getByRole('link', {
      name: '«Asylum adjudication training» de Immigration and Refugee Board of Canada',
    });
    await waiting.waitFor();
    expect(await waiting.getAttribute('href')).toMatch(/^\/twinnings\/[0-9a-f-]{36}$/);
    // The need stays open until Honduras accepts (a party's word holds only its own side).
    await hn.getByRole('link', { name: 'Abierta: 1' }).waitFor();
    await hn.getByRole('link', { name: 'En hermanamiento: 0' }).waitFor();
    expect(await seriousViolations(hn)).toEqual([]);

    expect(honduras.errors).toEqual([]);
    expect(member.errors).toEqual([]);
  }, 90_000);
});
