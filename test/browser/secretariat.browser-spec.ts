import { Browser, Page } from 'playwright-core';
import {
  buildWorld,
  createOrganization,
  createUser,
  postNeed,
  postOffer,
  World,
} from '../support/builders';
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
 * The secretariat's screens, as the secretariat uses them: the overview (coverage map,
 * figures and their tables, twinnings to confirm), the matching plan, users, organizations
 * and the audit log; in Spanish and English, on a desktop and a 360 px phone.
 */
describeInBrowser("the secretariat's screens", () => {
  let server: ConsoleServer;
  let browser: Browser;
  let world: World;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      // info: the start-up line the helper waits for is logged at info.
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

  /** The secretariat, signed in, reading the console in `language` (its account's too). */
  async function asSecretariat(language: Language, width = 1280): Promise<ConsolePage> {
    const opening = await openConsole(browser, server.url, { language, width });
    opened.push(opening);
    const { page } = opening;
    await signIn(page, SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, language);
    await page.getByRole('navigation', { name: /Navegación principal|Main navigation/ }).waitFor();
    const switchTo = page.getByRole('button', { name: language.toUpperCase(), exact: true });
    if ((await switchTo.getAttribute('aria-pressed')) !== 'true') await switchTo.click();
    await page.getByRole('navigation', { name: NAVIGATION[language] }).waitFor();
    return opening;
  }

  async function go(page: Page, path: string, heading: string) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  /** Every list and chart of the screen has loaded. */
  async function settled(page: Page, language: Language) {
    const loading = page.getByText(language === 'es' ? 'Cargando…' : 'Loading…');
    await loading.first().waitFor({ state: 'detached' });
  }

  const cell = (page: Page, text: string) => page.getByRole('link', { name: text, exact: true });

  it('overview (es, desktop): the coverage map, the figures in tables, a Confirm that moves the map', async () => {
    const offerId = await postOffer(server.api, world.member, world.organizationId, {
      title: 'Gobernanza municipal: intercambio',
      workingGroupCodes: ['LOCAL_GOVERNANCE'],
    });
    const needId = await postNeed(server.api, world.secretariat, {
      title: 'Catastro municipal de personas desplazadas',
      workingGroupCode: 'LOCAL_GOVERNANCE',
      countryCode: 'HN',
    });
    await postNeed(server.api, world.secretariat, {
      title: 'Oficinas municipales de atención',
      workingGroupCode: 'LOCAL_GOVERNANCE',
      countryCode: 'HN',
    });
    const proposed = await server.api.ok<{ proposeTwinning: { id: string } }>(
      'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
      { input: { offerId, needIds: [needId] } },
      { as: world.member },
    );
    const twinningId = proposed.proposeTwinning.id;
    await server.api.ok(
      'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }',
      { id: twinningId },
      { as: world.honduras },
    );

    const { page, errors } = await asSecretariat('es');
    await go(page, '/', 'Panorama');
    const before = 'Honduras, Gobernanza local: abiertas 1, en hermanamiento 1, atendidas 0';
    await cell(page, before).waitFor();
    expect(await cell(page, before).getAttribute('href')).toBe(
      '/needs?country=HN&workingGroup=LOCAL_GOVERNANCE&status=OPEN',
    );

    // The charts' figures, as tables.
    const byStatus = page.getByRole('table').filter({ hasText: 'Aceptado por las partes' });
    await byStatus.waitFor();
    expect(await byStatus.getByRole('row').allInnerTexts()).toEqual([
      'Estado\tHermanamientos',
      'Propuesto\t0',
      'Aceptado por las partes\t1',
      'Confirmado\t0',
      'Concluido\t0',
      'Rechazado\t0',
      'Cancelado\t0',
    ]);
    await page.getByRole('table').filter({ hasText: 'Otras personas' }).waitFor();
    await page.getByRole('figure', { name: 'Hermanamientos por estado' }).waitFor();
    await page.getByRole('figure', { name: 'Participantes por género y trimestre' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Confirm the twinning the parties accepted.
    await page
      .getByRole('button', {
        name: 'Confirmar el hermanamiento de «Gobernanza municipal: intercambio»',
      })
      .click();
    await page
      .getByText('Hermanamiento confirmado: «Gobernanza municipal: intercambio».')
      .waitFor();
    await page
      .getByText('No hay hermanamientos aceptados por las partes que esperen confirmación.')
      .waitFor();
    await page
      .getByRole('table')
      .filter({ hasText: 'Aceptado por las partes' })
      .getByRole('row', { name: 'Confirmado 1' })
      .waitFor();

    // Completed elsewhere (by the offering member): the map follows without a reload.
    await server.api.ok(
      'mutation ($id: ID!) { completeTwinning(id: $id, summary: "Catastro listo") { id } }',
      { id: twinningId },
      { as: world.member },
    );
    await cell(
      page,
      'Honduras, Gobernanza local: abiertas 1, en hermanamiento 0, atendidas 1',
    ).waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  it('plan (en, desktop): proposes an assignment; its row says it is proposed', async () => {
    const offerId = await postOffer(server.api, world.otherMember, world.otherOrganizationId, {
      title: 'Employment services for refugees',
      workingGroupCodes: ['JOBS_LIVELIHOODS'],
      eligibleCountryCodes: [],
    });
    const needId = await postNeed(server.api, world.secretariat, {
      title: 'Job placement for recognised refugees',
      workingGroupCode: 'JOBS_LIVELIHOODS',
      countryCode: 'GT',
    });

    const { page, errors } = await asSecretariat('en');
    await go(page, '/plan', 'Matching plan');
    await page.getByLabel('Working group').selectOption({ label: 'Jobs and livelihoods' });
    const propose = page.getByRole('button', {
      name: 'Propose the twinning of “Job placement for recognised refugees” with “Employment services for refugees”',
    });
    await propose.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await propose.click();
    const row = page.getByRole('row').filter({ hasText: 'Job placement for recognised refugees' });
    await row.getByText('Proposed', { exact: true }).waitFor();
    await row.getByRole('link', { name: 'See the twinning' }).waitFor();
    expect(await propose.count()).toBe(0);

    const { need } = await server.api.ok<{ need: any }>(
      'query ($id: ID!) { need(id: $id) { status twinnings { status offer { id } history { by { email } } } } }',
      { id: needId },
      { as: world.secretariat },
    );
    expect(need).toEqual({
      status: 'IN_TWINNING',
      twinnings: [
        {
          status: 'PROPOSED',
          offer: { id: offerId },
          history: [{ by: { email: SECRETARIAT_EMAIL } }],
        },
      ],
    });
    expect(errors).toEqual([]);
  }, 60_000);

  it('users (en, 360 px): invites a country focal point, who appears as pending; disables and enables them after confirming; the last secretariat stays', async () => {
    const { page, errors } = await asSecretariat('en', 360);
    await go(page, '/users', 'Users');
    await page.getByLabel('E-mail').fill('focal@sv.test');
    await page.getByLabel('Name', { exact: true }).fill('Ana Martínez');
    await page.getByLabel('Role').selectOption({ label: 'Country focal point' });
    await page.getByLabel('Country').selectOption({ label: 'El Salvador' });
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Spanish' });
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByText('Invitation sent to focal@sv.test.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'focal@sv.test' });
    await row.getByText('Invitation pending').waitFor();
    await row.getByText('El Salvador').waitFor();
    await row.getByText('Never').waitFor();
    // What was saved is said; the form is ready for the next person.
    expect(await page.getByLabel('E-mail').inputValue()).toBe('');

    // Disabling asks first, in a modal dialog that says what it does; Cancel changes nothing.
    const disable = page.getByRole('button', { name: 'Disable focal@sv.test' });
    await disable.click();
    const dialog = page.getByRole('alertdialog', { name: 'Disable the account of focal@sv.test?' });
    await dialog
      .getByText('The person will not be able to sign in, and their open sessions will end.', {
        exact: false,
      })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Active', { exact: true }).waitFor();
    // The focus is back on the button that opened it.
    expect(await disable.evaluate((button) => button === document.activeElement)).toBe(true);

    await disable.click();
    await dialog.getByRole('button', { name: 'Disable', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The account of focal@sv.test was disabled.' })
      .waitFor();
    await row.getByText('Disabled', { exact: true }).waitFor();
    const users = await server.api.ok<{ users: { email: string; active: boolean }[] }>(
      '{ users { email active } }',
      {},
      { as: world.secretariat },
    );
    expect(users.users.find((user) => user.email === 'focal@sv.test')?.active).toBe(false);
    // Enabling shuts no one out: it asks nothing.
    await page.getByRole('button', { name: 'Enable focal@sv.test' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The account of focal@sv.test was enabled.' })
      .waitFor();
    await row.getByText('Active', { exact: true }).waitFor();

    await page.getByRole('button', { name: `Disable ${SECRETARIAT_EMAIL}` }).click();
    await page
      .getByRole('alertdialog', { name: `Disable the account of ${SECRETARIAT_EMAIL}?` })
      .getByRole('button', { name: 'Disable', exact: true })
      .click();
    const refusal = page.getByRole('row').filter({ hasText: SECRETARIAT_EMAIL }).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(
      `${SECRETARIAT_EMAIL} is the last active secretariat account: enable or create another first`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('organizations (es, 360 px): a problem at its field, then one created and listed', async () => {
    const { page, errors } = await asSecretariat('es', 360);
    await go(page, '/organizations', 'Organizaciones');
    await page.getByRole('button', { name: 'Crear la organización' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Hay un problema' });
    await summary.waitFor();
    const problem = await page.locator('#field-name-error').innerText();
    expect(problem).toBe('name no puede quedar vacío');
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([problem]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Nombre').fill('Agencia Española de Cooperación');
    await page.getByLabel('Tipo', { exact: true }).first().selectOption({ label: 'Estado' });
    await page.getByLabel('País de origen (opcional)').selectOption({ label: 'España' });
    await page.getByRole('button', { name: 'Crear la organización' }).click();
    await page.getByText('Se creó la organización «Agencia Española de Cooperación».').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Agencia Española de Cooperación' });
    await row.getByText('España').waitFor();

    await row.getByText('Activa', { exact: true }).waitFor();

    // Disabling asks first; Escape closes the dialog and changes nothing.
    const disable = page.getByRole('button', {
      name: 'Desactivar Agencia Española de Cooperación',
    });
    await disable.click();
    const dialog = page.getByRole('alertdialog', {
      name: '¿Desactivar Agencia Española de Cooperación?',
    });
    await dialog
      .getByText('Sus puntos focales no podrán iniciar sesión', { exact: false })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Activa', { exact: true }).waitFor();

    await disable.click();
    await dialog.getByRole('button', { name: 'Desactivar', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Se desactivó la organización «Agencia Española de Cooperación».' })
      .waitFor();
    await row.getByText('Desactivada', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Activar Agencia Española de Cooperación' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Se activó la organización «Agencia Española de Cooperación».' })
      .waitFor();
    await row.getByText('Activa', { exact: true }).waitFor();

    await page.locator('#field-kindFilter').selectOption({ label: 'Institución financiera' });
    await page.getByText('1 organización', { exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: 'World Bank Group' }).waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  it('organizations (en, desktop): disabling one signs its focal point out, and it is no longer offered for invitations', async () => {
    const organizationId = await createOrganization(
      server.api,
      world.secretariat,
      'Canadian Red Cross',
      'CIVIL_SOCIETY',
      'CA',
    );
    await createUser(server.api, world.secretariat, {
      email: 'focal@redcross.test',
      role: 'MEMBER_FOCAL_POINT',
      organizationId,
    });
    const member = await server.api.login('focal@redcross.test');
    expect(await server.api.ok('{ me { email } }', {}, { as: member })).toEqual({
      me: { email: 'focal@redcross.test' },
    });

    const { page, errors } = await asSecretariat('en');
    await go(page, '/organizations', 'Organizations');
    const row = page.getByRole('row').filter({ hasText: 'Canadian Red Cross' });
    await row.getByText('Active', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Disable Canadian Red Cross' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Disable Canadian Red Cross?' });
    await dialog
      .getByText('Its focal points will not be able to sign in', { exact: false })
      .waitFor();
    // The keyboard alone: the focus starts on Cancel, Tab moves to the action.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'The organization “Canadian Red Cross” was disabled.' })
      .waitFor();
    await row.getByText('Disabled', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The focal point's session ended, and the invitation form no longer offers it.
    const refused = await server.api.fails('{ me { email } }', {}, { as: member });
    expect(refused.extensions.code).toBe('UNAUTHENTICATED');
    await go(page, '/users', 'Users');
    await page.getByLabel('Role').selectOption({ label: 'Member focal point' });
    const choices = await page.getByLabel('Organization').locator('option').allInnerTexts();
    expect(choices).toContain('World Bank Group');
    expect(choices).not.toContain('Canadian Red Cross');
    expect(errors).toEqual([]);
  }, 60_000);

  it('audit log (es, desktop): filtered by operation and record, newest first', async () => {
    const organizationId = await createOrganization(
      server.api,
      world.secretariat,
      'Banco Centroamericano de Integración Económica',
      'FINANCIAL_INSTITUTION',
      null,
    );
    const { page, errors } = await asSecretariat('es');
    await go(page, '/audit', 'Registro de auditoría');
    await page.getByRole('table').waitFor();
    await page.getByLabel('Operación').fill('createOrganization');
    await page.getByLabel('Registro', { exact: true }).fill(organizationId);
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByText('1 entrada', { exact: true }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(2);
    const entry = rows.nth(1);
    expect(await entry.getByRole('cell').allInnerTexts()).toEqual([
      expect.any(String),
      `${SECRETARIAT_EMAIL}\nSecretaría Técnica`,
      'createOrganization',
      organizationId,
      'Correcto',
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Resultado').selectOption({ label: 'Conflicto' });
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByText('No hay entradas con estos filtros.').waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  // Each screen was scanned above in one language and width; here on a phone in Spanish
  // (the same screens in English on a desktop: the story and the other specs).
  it.each([['es', 360]] as const)(
    'every screen (%s, %i px): no serious accessibility problem, no console error',
    async (language, width) => {
      const { page, errors } = await asSecretariat(language, width);
      const screens: [string, { es: string; en: string }][] = [
        ['/', { es: 'Panorama', en: 'Overview' }],
        ['/plan', { es: 'Plan de emparejamiento', en: 'Matching plan' }],
        ['/users', { es: 'Usuarios', en: 'Users' }],
        ['/organizations', { es: 'Organizaciones', en: 'Organizations' }],
        ['/audit', { es: 'Registro de auditoría', en: 'Audit log' }],
      ];
      for (const [path, heading] of screens) {
        await go(page, path, heading[language]);
        await settled(page, language);
        expect({ path, violations: await seriousViolations(page) }).toEqual({
          path,
          violations: [],
        });
        if (width === 360) {
          const sideways = await page.evaluate(
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
          );
          expect({ path, sideways }).toEqual({ path, sideways: false });
        }
      }
      expect(errors).toEqual([]);
    },
    60_000,
  );
});
