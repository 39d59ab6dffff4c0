import { Browser, Page } from 'playwright-core';
import { buildWorld, postNeed, postOffer, World } from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
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

const NEED = `query ($id: ID!) { need(id: $id) {
  title priority beneficiaries status withdrawalReason workingGroup { code }
} }`;

const OFFER = `query ($id: ID!) { offer(id: $id) {
  title capacity remainingCapacity status withdrawalReason
  workingGroups { code } eligibleCountries { code }
} }`;

const TWINNING = `query ($id: ID!) { twinning(id: $id) {
  status note offer { id } needs { id }
  parties { country { code } organization { id } response }
} }`;

interface Party {
  country: { code: string } | null;
  organization: { id: string } | null;
  response: string;
}

/** A twinning's parties as "HN ACCEPTED" / "<organization id> PENDING", sorted. */
function partiesOf(parties: Party[]): string[] {
  return parties
    .map((party) => `${party.country?.code ?? party.organization?.id} ${party.response}`)
    .sort();
}

/**
 * The posting screens a focal point uses after posting: the need and offer edit forms (an API
 * problem at its field, then saved), withdrawing a need and an offer, proposing from a
 * suggestion on a need page, and one offer proposed to several countries' needs at once.
 * What the page shows afterwards and what the API then holds; an axe scan of each screen;
 * the forms on a 360 px phone; Spanish and English.
 */
describeInBrowser('editing, withdrawing and proposing needs and offers', () => {
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
    await signIn(page, email, TEST_PASSWORD, language);
    await page.getByRole('navigation', { name: /Navegación principal|Main navigation/ }).waitFor();
    const switchTo = page.getByRole('button', { name: language.toUpperCase(), exact: true });
    if ((await switchTo.getAttribute('aria-pressed')) !== 'true') await switchTo.click();
    await page.getByRole('navigation', { name: NAVIGATION[language] }).waitFor();
    return opening;
  }

  async function heading(page: Page, name: string) {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  /** What a page's facts list says for `term`. */
  function fact(page: Page, term: string): Promise<string> {
    return page
      .locator('dl.facts dt', { hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]')
      .innerText();
  }

  /** The line under a need's or offer's title: its status, country or organization… */
  async function statusLine(page: Page): Promise<string> {
    return (await page.locator('.page-head > div > p').first().innerText())
      .replace(/\s+/g, ' ')
      .trim();
  }

  /** The problem the service named at `field`, and that the summary links to it alone. */
  async function problemAt(page: Page, field: string, summaryTitle: string): Promise<string> {
    const summary = page.getByRole('alert').filter({ hasText: summaryTitle });
    await summary.waitFor();
    const problem = await page.locator(`#field-${field}-error`).innerText();
    expect(problem).not.toBe('');
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([problem]);
    return problem;
  }

  it('Honduras changes its need on a phone, then withdraws it (es)', async () => {
    const id = await postNeed(server.api, world.honduras, {
      title: 'Capacitación en entrevistas',
      priority: 'HIGH',
      beneficiaries: 40,
    });
    const honduras = await as('focal@hn.test', 'es', 360);
    const hn = honduras.page;
    await hn.goto(`/needs/${id}`);
    await heading(hn, 'Capacitación en entrevistas');
    await hn.getByRole('link', { name: 'Modificar', exact: true }).click();
    await heading(hn, 'Modificar la necesidad');
    expect(hn.url()).toBe(`${server.url}/needs/${id}/edit`);
    expect(await hn.getByLabel(/^Título/).inputValue()).toBe('Capacitación en entrevistas');
    expect(await hn.getByLabel('Prioridad').inputValue()).toBe('HIGH');
    expect(await hn.getByLabel('Beneficiarios (opcional)').inputValue()).toBe('40');
    expect(await seriousViolations(hn)).toEqual([]);

    // An empty title: the service's problem at its field, nothing saved.
    await hn.getByLabel(/^Título/).fill('');
    await hn.getByRole('button', { name: 'Guardar los cambios' }).click();
    await problemAt(hn, 'title', 'Hay un problema');
    expect(await seriousViolations(hn)).toEqual([]);
    expect((await server.api.ok(NEED, { id }, { as: world.honduras })).need.title).toBe(
      'Capacitación en entrevistas',
    );

    await hn.getByLabel(/^Título/).fill('Capacitación en entrevistas a niñez no acompañada');
    await hn.getByLabel('Grupo de trabajo').selectOption({ label: 'Educación' });
    await hn.getByLabel('Prioridad').selectOption({ label: 'Media' });
    await hn.getByLabel('Beneficiarios (opcional)').fill('25');
    await hn.getByRole('button', { name: 'Guardar los cambios' }).click();
    await heading(hn, 'Capacitación en entrevistas a niñez no acompañada');
    expect(hn.url()).toBe(`${server.url}/needs/${id}`);
    await hn
      .getByRole('status')
      .getByText('Se guardaron los cambios de «Capacitación en entrevistas a niñez no acompañada».')
      .waitFor();
    expect(await statusLine(hn)).toBe('Abierta · Honduras · Educación');
    expect(await fact(hn, 'Prioridad')).toBe('Media');
    expect(await fact(hn, 'Beneficiarios')).toBe('25');
    expect((await server.api.ok(NEED, { id }, { as: world.honduras })).need).toEqual({
      title: 'Capacitación en entrevistas a niñez no acompañada',
      priority: 'MEDIUM',
      beneficiaries: 25,
      status: 'OPEN',
      withdrawalReason: null,
      workingGroup: { code: 'EDUCATION' },
    });
    expect(await seriousViolations(hn)).toEqual([]);

    // Withdrawn, with a reason.
    await hn.getByRole('button', { name: 'Retirar la necesidad' }).click();
    await hn.getByLabel('Motivo (opcional)').fill('La cubre el presupuesto nacional de 2027.');
    expect(await seriousViolations(hn)).toEqual([]);
    await hn.getByRole('button', { name: 'Retirar', exact: true }).click();
    await hn
      .getByRole('status')
      .getByText('Se retiró la necesidad «Capacitación en entrevistas a niñez no acompañada».')
      .waitFor();
    await hn.getByText('Retirada · Honduras · Educación').waitFor();
    expect(await fact(hn, 'Motivo del retiro')).toBe('La cubre el presupuesto nacional de 2027.');
    expect(await hn.getByRole('link', { name: 'Modificar', exact: true }).count()).toBe(0);
    expect(await hn.getByRole('heading', { name: 'Retirar esta necesidad' }).count()).toBe(0);
    expect((await server.api.ok(NEED, { id }, { as: world.honduras })).need).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReason: 'La cubre el presupuesto nacional de 2027.',
    });
    expect(await seriousViolations(hn)).toEqual([]);

    // The list says so too.
    await hn.getByRole('link', { name: 'Volver a la lista de necesidades' }).click();
    await heading(hn, 'Necesidades');
    const row = hn.getByRole('row').filter({
      has: hn.getByRole('link', { name: 'Capacitación en entrevistas a niñez no acompañada' }),
    });
    // The list may show what it read before for a moment, then what the service says now.
    await row.getByText('Retirada', { exact: true }).waitFor();
  }, 120_000);

  it('the IRB changes its offer on a phone, then withdraws it (en)', async () => {
    const id = await postOffer(server.api, world.member, world.organizationId, {
      title: 'Case management coaching',
      capacity: 2,
    });
    const member = await as('member@irb.test', 'en', 360);
    const irb = member.page;
    await irb
      .getByRole('navigation', { name: NAVIGATION.en })
      .getByRole('link', { name: 'Offers', exact: true })
      .click();
    await heading(irb, 'Offers');
    await irb.getByRole('link', { name: 'Case management coaching' }).click();
    await heading(irb, 'Case management coaching');
    await irb.getByRole('link', { name: 'Change', exact: true }).click();
    await heading(irb, 'Change the offer');
    expect(irb.url()).toBe(`${server.url}/offers/${id}/edit`);
    expect(await irb.getByLabel('Capacity').inputValue()).toBe('2');
    expect(await seriousViolations(irb)).toEqual([]);

    // No capacity at all: the service's problem at its field.
    await irb.getByLabel('Capacity').fill('0');
    await irb.getByRole('button', { name: 'Save the changes' }).click();
    await problemAt(irb, 'capacity', 'There is a problem');
    expect(await seriousViolations(irb)).toEqual([]);

    await irb.getByLabel('Title').fill('Case management coaching, Spanish and English');
    await irb.getByLabel('Capacity').fill('4');
    await irb.getByRole('checkbox', { name: 'Education' }).check();
    await irb.getByRole('checkbox', { name: 'Panama' }).uncheck();
    await irb.getByRole('button', { name: 'Save the changes' }).click();
    await heading(irb, 'Case management coaching, Spanish and English');
    await irb
      .getByRole('status')
      .getByText('The changes to “Case management coaching, Spanish and English” were saved.')
      .waitFor();
    expect(await statusLine(irb)).toBe('Open · Immigration and Refugee Board of Canada');
    expect(await fact(irb, 'Working groups')).toBe('Strengthening asylum systems, Education');
    expect(await fact(irb, 'Capacity')).toBe('4');
    expect(await fact(irb, 'Remaining capacity')).toBe('4');
    expect((await fact(irb, 'Eligible countries')).split(', ').sort()).toEqual([
      'Costa Rica',
      'El Salvador',
      'Guatemala',
      'Honduras',
    ]);
    const saved = (await server.api.ok(OFFER, { id }, { as: world.member })).offer;
    expect({
      ...saved,
      workingGroups: saved.workingGroups.map((g: { code: string }) => g.code).sort(),
      eligibleCountries: saved.eligibleCountries.map((c: { code: string }) => c.code).sort(),
    }).toEqual({
      title: 'Case management coaching, Spanish and English',
      capacity: 4,
      remainingCapacity: 4,
      status: 'OPEN',
      withdrawalReason: null,
      workingGroups: ['ASYLUM_SYSTEMS', 'EDUCATION'],
      eligibleCountries: ['CR', 'GT', 'HN', 'SV'],
    });
    expect(await seriousViolations(irb)).toEqual([]);

    await irb.getByRole('button', { name: 'Withdraw the offer' }).click();
    await irb.getByLabel('Reason (optional)').fill('Our trainers are committed elsewhere.');
    expect(await seriousViolations(irb)).toEqual([]);
    await irb.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await irb
      .getByRole('status')
      .getByText('The offer “Case management coaching, Spanish and English” was withdrawn.')
      .waitFor();
    await irb.getByText('Withdrawn · Immigration and Refugee Board of Canada').waitFor();
    expect(await fact(irb, 'Why it was withdrawn')).toBe('Our trainers are committed elsewhere.');
    expect(await irb.getByRole('link', { name: 'Change', exact: true }).count()).toBe(0);
    expect(await irb.getByRole('heading', { name: 'Withdraw this offer' }).count()).toBe(0);
    expect((await server.api.ok(OFFER, { id }, { as: world.member })).offer).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReason: 'Our trainers are committed elsewhere.',
    });
    expect(await seriousViolations(irb)).toEqual([]);

    await irb.getByRole('link', { name: 'Back to the list of offers' }).click();
    await heading(irb, 'Offers');
    const row = irb.getByRole('row').filter({
      has: irb.getByRole('link', { name: 'Case management coaching, Spanish and English' }),
    });
    // The list may show what it read before for a moment, then what the service says now.
    await row.getByText('Withdrawn', { exact: true }).waitFor();
  }, 120_000);

  it('Honduras proposes a twinning from an offer suggested on its need page, on a phone (es)', async () => {
    const offerId = await postOffer(server.api, world.member, world.organizationId, {
      title: 'Asylum adjudication training',
    });
    const needId = await postNeed(server.api, world.honduras, {
      title: 'Adjudicación con enfoque de género',
    });
    const honduras = await as('focal@hn.test', 'es', 360);
    const hn = honduras.page;
    await hn.goto(`/needs/${needId}`);
    await heading(hn, 'Adjudicación con enfoque de género');
    await hn.getByRole('heading', { name: 'Ofertas sugeridas' }).waitFor();
    const card = hn.getByRole('listitem').filter({
      has: hn.getByRole('link', { name: 'Asylum adjudication training' }),
    });
    await card.getByText(/^Afinidad: \d+\s?%$/).waitFor();
    expect(await card.locator('.suggestion-head p').innerText()).toBe(
      'Immigration and Refugee Board of Canada · Cupos disponibles: 5 de 5',
    );
    expect(await seriousViolations(hn)).toEqual([]);
    await card.getByRole('button', { name: 'Proponer un hermanamiento' }).click();
    await card
      .getByRole('heading', {
        name: 'Proponer un hermanamiento con «Asylum adjudication training»',
      })
      .waitFor();
    await card
      .getByLabel('Nota para las partes (opcional)')
      .fill('Capacitadores hispanohablantes en 2027.');
    expect(await seriousViolations(hn)).toEqual([]);
    await card.getByRole('button', { name: 'Enviar la propuesta' }).click();

    const notice = hn.getByRole('status').filter({
      hasText:
        'Se propuso el hermanamiento con «Asylum adjudication training». Las demás partes deben responder.',
    });
    await notice.waitFor();
    const href = await notice
      .getByRole('link', { name: 'Ver el hermanamiento' })
      .getAttribute('href');
    const twinningId = /^\/twinnings\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1] ?? '';
    expect(twinningId).not.toBe('');
    // Honduras holds its own side: its need is in the twinning, no longer to change or withdraw.
    await hn
      .getByText('En hermanamiento · Honduras · Fortalecimiento de los sistemas de asilo')
      .waitFor();
    const twinnings = hn.getByRole('region', { name: 'Sus hermanamientos' });
    expect((await twinnings.getByRole('listitem').innerText()).replace(/\s+/g, ' ').trim()).toMatch(
      /^Con «Asylum adjudication training» \(Immigration and Refugee Board of Canada\) Propuesto Propuesto el .+$/,
    );
    expect(await hn.getByRole('link', { name: 'Modificar', exact: true }).count()).toBe(0);
    expect(await hn.getByRole('button', { name: 'Retirar la necesidad' }).count()).toBe(0);
    expect(await seriousViolations(hn)).toEqual([]);

    const { twinning } = await server.api.ok(TWINNING, { id: twinningId }, { as: world.honduras });
    expect({ ...twinning, parties: partiesOf(twinning.parties) }).toEqual({
      status: 'PROPOSED',
      note: 'Capacitadores hispanohablantes en 2027.',
      offer: { id: offerId },
      needs: [{ id: needId }],
      parties: [`${world.organizationId} PENDING`, 'HN ACCEPTED'].sort(),
    });

    await notice.getByRole('link', { name: 'Ver el hermanamiento' }).click();
    await heading(hn, 'Hermanamiento: Asylum adjudication training');
  }, 120_000);

  it('the IRB proposes one offer to needs of Honduras and Guatemala at once (en)', async () => {
    const offerId = await postOffer(server.api, world.member, world.organizationId, {
      title: 'Regional eligibility training',
      capacity: 3,
    });
    const hondurasNeed = await postNeed(server.api, world.honduras, {
      title: 'Formación de oficiales de elegibilidad',
    });
    const guatemalaNeed = await postNeed(server.api, world.guatemala, {
      countryCode: 'GT',
      title: 'Oficiales de elegibilidad en Guatemala',
    });
    const member = await as('member@irb.test', 'en');
    const irb = member.page;
    await irb.goto(`/offers/${offerId}`);
    await heading(irb, 'Regional eligibility training');
    await irb.getByRole('heading', { name: 'Suggested needs' }).waitFor();
    const include = (title: string) =>
      irb.getByRole('checkbox', { name: `Include in the proposal: ${title}` });
    await include('Formación de oficiales de elegibilidad').waitFor();
    await include('Oficiales de elegibilidad en Guatemala').waitFor();
    expect(await seriousViolations(irb)).toEqual([]);

    // Nothing chosen: said at the list, nothing sent.
    await irb.getByRole('button', { name: 'Propose a twinning with the chosen needs' }).click();
    expect(await problemAt(irb, 'needIds', 'There is a problem')).toBe(
      'Choose at least one need to propose.',
    );

    await include('Formación de oficiales de elegibilidad').check();
    await include('Oficiales de elegibilidad en Guatemala').check();
    await irb.getByText('2 needs chosen').waitFor();
    await irb.getByLabel('Note to the parties (optional)').fill('One course for both countries.');
    await irb.getByRole('button', { name: 'Propose a twinning with the chosen needs' }).click();
    const notice = irb.getByRole('status').filter({
      hasText: 'The twinning with 2 needs was proposed. The other parties must answer.',
    });
    await notice.waitFor();
    const href = await notice.getByRole('link', { name: 'See the twinning' }).getAttribute('href');
    const twinningId = /^\/twinnings\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1] ?? '';
    expect(twinningId).not.toBe('');

    // The IRB holds its side: two of the offer's three units; the needs wait for their countries.
    await irb.getByRole('region', { name: 'Its twinnings' }).getByRole('listitem').waitFor();
    const line = (
      await irb.getByRole('region', { name: 'Its twinnings' }).getByRole('listitem').innerText()
    )
      .replace(/\s+/g, ' ')
      .trim();
    expect(line).toContain('Formación de oficiales de elegibilidad (Honduras)');
    expect(line).toContain('Oficiales de elegibilidad en Guatemala (Guatemala)');
    expect(line).toMatch(/ Proposed Proposed on .+$/);
    await irb.getByText('0 needs chosen').waitFor();
    expect(await fact(irb, 'Remaining capacity')).toBe('1');
    expect(await seriousViolations(irb)).toEqual([]);

    const { twinning } = await server.api.ok(TWINNING, { id: twinningId }, { as: world.member });
    expect({
      ...twinning,
      needs: twinning.needs.map((need: { id: string }) => need.id).sort(),
      parties: partiesOf(twinning.parties),
    }).toEqual({
      status: 'PROPOSED',
      note: 'One course for both countries.',
      offer: { id: offerId },
      needs: [hondurasNeed, guatemalaNeed].sort(),
      parties: ['GT PENDING', 'HN PENDING', `${world.organizationId} ACCEPTED`].sort(),
    });
    expect((await server.api.ok(OFFER, { id: offerId }, { as: world.member })).offer).toMatchObject(
      { capacity: 3, remainingCapacity: 1, status: 'OPEN' },
    );
  }, 120_000);
});
