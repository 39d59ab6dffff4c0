import { Browser, Page } from 'playwright-core';
import {
  aConfirmedTwinning,
  anActivity,
  buildWorld,
  postNeed,
  postOffer,
  RECORD_ACTIVITY,
  World,
} from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD } from '../support/test-app';
import {
  ConsolePage,
  ConsoleServer,
  describeInBrowser,
  launchBrowser,
  NAVIGATION,
  openConsole,
  seriousViolations,
  signIn,
  startConsoleServer,
} from './support/console';

type Language = 'es' | 'en';

const NEEDS_OF = `query ($filter: NeedFilter) {
  needs(filter: $filter, first: 100) { totalCount edges { node { title } } }
}`;

/**
 * The lists of needs, offers and activities: a row another person adds appears without a
 * reload (the filters and the page shown kept), and the needs list pages forward and back.
 */
describeInBrowser('the needs, offers and activities lists', () => {
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

  async function heading(page: Page, name: string) {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** Opens a list from the main navigation. */
  async function openList(page: Page, language: Language, link: string, title = link) {
    await page
      .getByRole('navigation', { name: NAVIGATION[language] })
      .getByRole('link', { name: link, exact: true })
      .click();
    await heading(page, title);
  }

  /** Waits until the list's pager says `words` (e.g. "3 of 23": shown of total). */
  async function pagerSays(page: Page, words: string) {
    await page
      .getByRole('navigation', { name: /^(Páginas|Pages)$/ })
      .getByText(words, { exact: true })
      .waitFor();
  }

  /** The titles of the rows of the table named `table`, top to bottom. */
  function titles(page: Page, table: string): Promise<string[]> {
    return page
      .getByRole('table', { name: table })
      .getByRole('row')
      .getByRole('link')
      .allInnerTexts();
  }

  /** A row's cells, read as one line. */
  async function rowText(page: Page, table: string, title: string): Promise<string> {
    const row = page
      .getByRole('table', { name: table })
      .getByRole('row')
      .filter({
        has: page.getByRole('link', { name: title, exact: true }),
      });
    await row.waitFor();
    return (await row.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** The needs the API lists for `filter`, newest first: the order the console pages through. */
  async function needTitles(filter: Record<string, unknown>) {
    const data = await server.api.ok<{
      needs: { totalCount: number; edges: { node: { title: string } }[] };
    }>(NEEDS_OF, { filter }, { as: world.secretariat });
    return { total: data.needs.totalCount, titles: data.needs.edges.map((e) => e.node.title) };
  }

  it('a need Guatemala posts appears in the open needs list Honduras has open, without reload (es)', async () => {
    await postNeed(server.api, world.honduras, { title: 'Protocolo de entrevista a niñez' });
    const honduras = await as('focal@hn.test', 'es');
    const hn = honduras.page;
    await openList(hn, 'es', 'Necesidades');
    await hn.getByLabel('Estado').selectOption({ label: 'Abierta' });
    await hn.getByRole('button', { name: 'Aplicar filtros' }).click();
    await hn.waitForURL(/\/needs\?status=OPEN$/);
    const before = await needTitles({ status: 'OPEN' });
    await pagerSays(hn, `${before.total} de ${before.total}`);
    expect(await titles(hn, 'Necesidades encontradas')).toEqual(before.titles);
    expect(await seriousViolations(hn)).toEqual([]);

    // Guatemala's focal point posts through the API; Honduras's page is not reloaded.
    await postNeed(server.api, world.guatemala, {
      countryCode: 'GT',
      workingGroupCode: 'LOCAL_GOVERNANCE',
      title: 'Registro biométrico en puntos fronterizos',
      priority: 'MEDIUM',
    });
    const after = await needTitles({ status: 'OPEN' });
    expect(after.titles).toEqual(['Registro biométrico en puntos fronterizos', ...before.titles]);
    await pagerSays(hn, `${after.total} de ${after.total}`);
    expect(await titles(hn, 'Necesidades encontradas')).toEqual(after.titles);
    expect(
      await rowText(hn, 'Necesidades encontradas', 'Registro biométrico en puntos fronterizos'),
    ).toMatch(/^Registro biométrico en puntos fronterizos Guatemala .+ Media Abierta \S+/);
    // The filter stays as it was.
    expect(hn.url()).toMatch(/\/needs\?status=OPEN$/);
    expect(await hn.getByLabel('Estado').inputValue()).toBe('OPEN');
  }, 120_000);

  it('a need Honduras posts through the form appears in the list the IRB has open, without reload (en)', async () => {
    const member = await as('member@irb.test', 'en', 360);
    const irb = member.page;
    await openList(irb, 'en', 'Needs');
    await irb.getByLabel('Status').selectOption({ label: 'Open' });
    await irb.getByLabel('Working group').selectOption('ASYLUM_SYSTEMS');
    await irb.getByRole('button', { name: 'Apply filters' }).click();
    await irb.waitForURL(/\/needs\?workingGroup=ASYLUM_SYSTEMS&status=OPEN$/);
    const filter = { status: 'OPEN', workingGroupCode: 'ASYLUM_SYSTEMS' };
    const before = await needTitles(filter);
    await pagerSays(irb, `${before.total} of ${before.total}`);
    expect(await seriousViolations(irb)).toEqual([]);

    // Honduras (es) posts a need in another session, through the form.
    const honduras = await as('focal@hn.test', 'es');
    const hn = honduras.page;
    await hn.goto('/needs/new');
    await heading(hn, 'Nueva necesidad');
    await hn.getByLabel(/^Título/).fill('Guías de adjudicación para casos LGBTIQ+');
    await hn.getByLabel('Grupo de trabajo').selectOption('ASYLUM_SYSTEMS');
    await hn
      .getByLabel('Descripción')
      .fill('Guías y capacitación para casos de orientación sexual.');
    await hn.getByRole('checkbox', { name: 'Asistencia técnica' }).check();
    await hn.getByRole('button', { name: 'Publicar la necesidad' }).click();
    await heading(hn, 'Guías de adjudicación para casos LGBTIQ+');

    const after = await needTitles(filter);
    expect(after.titles).toEqual(['Guías de adjudicación para casos LGBTIQ+', ...before.titles]);
    await pagerSays(irb, `${after.total} of ${after.total}`);
    expect(await titles(irb, 'Needs found')).toEqual(after.titles);
    expect(await rowText(irb, 'Needs found', 'Guías de adjudicación para casos LGBTIQ+')).toMatch(
      /Honduras .*Medium .*Open/,
    );
    expect(irb.url()).toMatch(/\/needs\?workingGroup=ASYLUM_SYSTEMS&status=OPEN$/);
  }, 120_000);

  it('the needs list pages forward and back, and a need posted meanwhile leaves the page shown in place (en)', async () => {
    for (let n = 1; n <= 23; n++) {
      await postNeed(server.api, world.secretariat, {
        countryCode: 'PA',
        title: `Panama need ${String(n).padStart(2, '0')}`,
      });
    }
    const first = await needTitles({ countryCode: 'PA' });
    expect(first.total).toBe(23);

    const secretariat = await as(SECRETARIAT_EMAIL, 'en', 360);
    const sec = secretariat.page;
    await openList(sec, 'en', 'Needs');
    await sec.getByLabel('Country').selectOption({ label: 'Panama' });
    await sec.getByRole('button', { name: 'Apply filters' }).click();
    await sec.waitForURL(/\/needs\?country=PA$/);
    const paging = sec.getByRole('navigation', { name: 'Pages' });
    await paging.getByText('20 of 23', { exact: true }).waitFor();
    expect(await titles(sec, 'Needs found')).toEqual(first.titles.slice(0, 20));
    expect(await paging.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
    expect(await seriousViolations(sec)).toEqual([]);

    await paging.getByRole('button', { name: 'Next' }).click();
    await paging.getByText('3 of 23', { exact: true }).waitFor();
    expect(await titles(sec, 'Needs found')).toEqual(first.titles.slice(20));
    expect(await paging.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    expect(await paging.getByRole('button', { name: 'Previous' }).isEnabled()).toBe(true);
    expect(await seriousViolations(sec)).toEqual([]);

    // A new need of Panama: the second page, read again, keeps its rows; the total grows.
    await postNeed(server.api, world.secretariat, { countryCode: 'PA', title: 'Panama need 24' });
    await paging.getByText('3 of 24', { exact: true }).waitFor();
    expect(await titles(sec, 'Needs found')).toEqual(first.titles.slice(20));

    await paging.getByRole('button', { name: 'Previous' }).click();
    await paging.getByText('20 of 24', { exact: true }).waitFor();
    const now = await needTitles({ countryCode: 'PA' });
    expect(now.titles[0]).toBe('Panama need 24');
    expect(await titles(sec, 'Needs found')).toEqual(now.titles.slice(0, 20));
    expect(await paging.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
  }, 120_000);

  it('the offers list filters by organization and shows an offer posted meanwhile (es, then en)', async () => {
    await postOffer(server.api, world.member, world.organizationId, {
      title: 'Formación en determinación de la condición de refugiado',
      capacity: 3,
    });
    await postOffer(server.api, world.otherMember, world.otherOrganizationId, {
      title: 'Financing for reception centres',
      workingGroupCodes: ['LOCAL_GOVERNANCE'],
      capacity: 2,
    });

    const honduras = await as('focal@hn.test', 'es');
    const hn = honduras.page;
    await openList(hn, 'es', 'Ofertas');
    await pagerSays(hn, '2 de 2');
    expect(await titles(hn, 'Ofertas encontradas')).toEqual([
      'Financing for reception centres',
      'Formación en determinación de la condición de refugiado',
    ]);
    expect(
      await rowText(
        hn,
        'Ofertas encontradas',
        'Formación en determinación de la condición de refugiado',
      ),
    ).toBe(
      'Formación en determinación de la condición de refugiado Immigration and Refugee Board of Canada Fortalecimiento de los sistemas de asilo 3 de 3 Abierta',
    );
    expect(await seriousViolations(hn)).toEqual([]);
    await hn.getByLabel('Organización').selectOption({ label: 'World Bank Group' });
    await hn.getByRole('button', { name: 'Aplicar filtros' }).click();
    await hn.waitForURL(new RegExp(`/offers\\?organization=${world.otherOrganizationId}$`));
    await pagerSays(hn, '1 de 1');
    expect(await titles(hn, 'Ofertas encontradas')).toEqual(['Financing for reception centres']);

    // The World Bank posts another offer: it joins the filtered list without a reload.
    await postOffer(server.api, world.otherMember, world.otherOrganizationId, {
      title: 'Grants for local integration',
      workingGroupCodes: ['JOBS_LIVELIHOODS'],
      capacity: 4,
    });
    await pagerSays(hn, '2 de 2');
    expect(await titles(hn, 'Ofertas encontradas')).toEqual([
      'Grants for local integration',
      'Financing for reception centres',
    ]);
    // Without the filter, every offer, the IRB's new one too.
    await postOffer(server.api, world.member, world.organizationId, { title: 'Peer exchange' });
    await hn.getByRole('button', { name: 'Quitar filtros' }).click();
    await pagerSays(hn, '4 de 4');

    // In English, on a phone.
    const member = await as('member@irb.test', 'en', 360);
    const irb = member.page;
    await openList(irb, 'en', 'Offers');
    await pagerSays(irb, '4 of 4');
    expect(await titles(irb, 'Offers found')).toEqual([
      'Peer exchange',
      'Grants for local integration',
      'Financing for reception centres',
      'Formación en determinación de la condición de refugiado',
    ]);
    expect(await rowText(irb, 'Offers found', 'Grants for local integration')).toMatch(
      /^Grants for local integration .*World Bank Group .*4 of 4 .*Open$/,
    );
    expect(await seriousViolations(irb)).toEqual([]);
  }, 120_000);

  it('an activity the member records appears in the activities list the secretariat has open (en)', async () => {
    const twinningId = await aConfirmedTwinning(server.api, world, {
      offer: { title: 'Eligibility interviews mentoring' },
      need: { title: 'Mentoría en entrevistas de elegibilidad' },
    });
    const secretariat = await as(SECRETARIAT_EMAIL, 'en');
    const sec = secretariat.page;
    await openList(sec, 'en', 'Activities and calendar');
    await sec.getByText('No activities match these filters.').waitFor();

    const startsAt = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    startsAt.setUTCHours(14, 0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + 8 * 3600 * 1000);
    await server.api.ok(
      RECORD_ACTIVITY,
      {
        input: anActivity(twinningId, {
          title: 'Interview techniques, module 1',
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        }),
      },
      { as: world.member },
    );
    const table = sec.getByRole('table', { name: 'Activities' });
    await table.getByText('Interview techniques, module 1').waitFor();
    const row = (await table.getByRole('row').nth(1).innerText()).replace(/\s+/g, ' ');
    expect(row).toMatch(
      /^Interview techniques, module 1 Training .+ Tegucigalpa Eligibility interviews mentoring Immigration and Refugee Board of Canada · Honduras Planned$/,
    );
    await pagerSays(sec, '1 of 1');
    expect(await seriousViolations(sec)).toEqual([]);
  }, 120_000);
});
