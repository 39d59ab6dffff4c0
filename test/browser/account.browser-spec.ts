import { Browser, Page } from 'playwright-core';
import { buildWorld, createUser, postNeed, postOffer, World } from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
import { MailSink, startMailSink } from '../support/mail-sink';
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
const NEW_PASSWORD = 'my-own-chosen-password';

/** The token of the one link in an e-mail: /invitation?token=… or /reset-password?token=…. */
function tokenIn(text: string, path: string): string {
  const link = [...text.matchAll(/https?:\/\/\S+/g)]
    .map((match) => new URL(match[0]))
    .find((url) => url.pathname === path);
  expect(link).toBeDefined();
  return link!.searchParams.get('token') ?? '';
}

/**
 * The person's own pages: notifications (mark read), the profile (language, e-mails,
 * password), and the pages outside the console: forgot-password (the same answer for a
 * known and an unknown address), a reset link and an invitation link that sign in.
 */
describeInBrowser("the person's own pages", () => {
  let server: ConsoleServer;
  let browser: Browser;
  let sink: MailSink;
  let world: World;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    sink = await startMailSink();
    [server, browser] = await Promise.all([
      // At info the server prints the line that names its port (the harness waits for it).
      startConsoleServer({ LOG_LEVEL: 'info', SMTP_URL: sink.url, MAIL_POLL_MS: '50' }),
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
    await sink?.close();
  });

  async function open(language: Language, width = 1280): Promise<ConsolePage> {
    const opening = await openConsole(browser, server.url, { language, width });
    opened.push(opening);
    return opening;
  }

  /** `email` signed in, reading the console in `language` (its account's too). */
  async function as(email: string, language: Language, width = 1280): Promise<Page> {
    const { page } = await open(language, width);
    const password = email === SECRETARIAT_EMAIL ? SECRETARIAT_PASSWORD : TEST_PASSWORD;
    await signIn(page, email, password, language);
    await page.getByRole('navigation', { name: /Navegación principal|Main navigation/ }).waitFor();
    const switchTo = page.getByRole('button', { name: language.toUpperCase(), exact: true });
    if ((await switchTo.getAttribute('aria-pressed')) !== 'true') await switchTo.click();
    await page.getByRole('navigation', { name: NAVIGATION[language] }).waitFor();
    return page;
  }

  async function heading(page: Page, name: string | RegExp) {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  it('a proposal notifies Honduras: the notification is listed unread, links to the twinning, and is marked read', async () => {
    const offerId = await postOffer(server.api, world.member, world.organizationId);
    const needId = await postNeed(server.api, world.honduras);
    const { proposeTwinning } = await server.api.ok<{ proposeTwinning: { id: string } }>(
      'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
      { input: { offerId, needIds: [needId] } },
      { as: world.member },
    );
    const hn = await as('focal@hn.test', 'es', 360);
    const { myNotifications } = await server.api.ok<{
      myNotifications: { edges: { node: { title: string } }[] };
    }>('{ myNotifications(first: 1) { edges { node { title } } } }', {}, { as: world.honduras });
    const title = myNotifications.edges[0].node.title;

    await hn.getByRole('link', { name: /^Notificaciones/ }).click();
    await heading(hn, 'Notificaciones');
    const row = hn.getByRole('row').filter({ hasText: title });
    await row.getByText('Sin leer', { exact: true }).waitFor();
    expect(await row.innerText()).toContain('Le proponen un hermanamiento');
    expect(await row.getByRole('link', { name: `Ver: ${title}` }).getAttribute('href')).toBe(
      `/twinnings/${proposeTwinning.id}`,
    );
    expect(await seriousViolations(hn)).toEqual([]);
    expect(await hn.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
      true,
    );

    await row.getByRole('button', { name: `Marcar como leída: ${title}` }).click();
    await hn.getByText('Se marcó 1 notificación como leída.').waitFor();
    await row.getByText('Leída', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    const unread = await server.api.ok<{ myNotifications: { totalCount: number } }>(
      '{ myNotifications(unreadOnly: true) { totalCount } }',
      {},
      { as: world.honduras },
    );
    expect(unread.myNotifications.totalCount).toBe(0);

    await row.getByRole('link', { name: `Ver: ${title}` }).click();
    await heading(hn, /^Hermanamiento: /);
  }, 60_000);

  it('the profile saves the details, changes the language, the e-mails and the password', async () => {
    await createUser(server.api, world.secretariat, {
      email: 'profile@oas.test',
      role: 'OBSERVER',
    });
    const page = await as('profile@oas.test', 'en');
    await page.getByRole('link', { name: /profile@oas\.test/ }).click();
    await heading(page, 'My profile');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Name', { exact: true }).fill('Ana Pérez');
    await page.getByLabel('Job title').fill('Observer of the OAS');
    await page.getByLabel('Phone').fill('not a phone');
    await page.getByRole('button', { name: 'Save my details' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    const phoneProblem = await page.locator('#field-phone-error').innerText();
    expect(phoneProblem.length).toBeGreaterThan(0);
    expect(await summary.getByRole('link', { name: phoneProblem }).getAttribute('href')).toBe(
      '#field-phone',
    );
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Ana Pérez');

    await page.getByLabel('Phone').fill('+504 2231 0000');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ES');
    await page.getByRole('button', { name: 'Save my details' }).click();
    await heading(page, 'Mi perfil');
    await page.getByText('Se guardaron sus datos.').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByRole('button', { name: 'ES', exact: true, pressed: true }).waitFor();
    const token = await server.api.login('profile@oas.test');
    const { me } = await server.api.ok<{ me: Record<string, unknown> }>(
      '{ me { name jobTitle phone locale } }',
      {},
      { as: token },
    );
    expect(me).toEqual({
      name: 'Ana Pérez',
      jobTitle: 'Observer of the OAS',
      phone: '+50422310000',
      locale: 'ES',
    });
    await page.getByRole('link', { name: /Ana Pérez/ }).waitFor();

    // E-mails: one checkbox per kind of notification, in words.
    const emails = page.getByRole('group', { name: 'Recibir por correo electrónico' });
    expect(await emails.getByRole('checkbox').count()).toBe(11);
    await emails
      .getByRole('checkbox', { name: 'Nuevas sugerencias para sus necesidades u ofertas' })
      .uncheck();
    await emails.getByRole('checkbox', { name: 'Una actividad empieza pronto' }).uncheck();
    await page.getByRole('button', { name: 'Guardar las preferencias de correo' }).click();
    await page.getByText('Se guardaron sus preferencias de correo.').waitFor();
    const muted = await server.api.ok<{ me: { mutedEmailKinds: string[] } }>(
      '{ me { mutedEmailKinds } }',
      {},
      { as: token },
    );
    expect(muted.me.mutedEmailKinds.sort()).toEqual(['ACTIVITY_UPCOMING', 'NEW_MATCHES']);

    // The password: the current one first; the session goes on.
    await page.getByLabel('Contraseña actual').fill('not-the-password');
    await page.getByLabel('Contraseña nueva').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.locator('#field-currentPassword-error').waitFor();
    await page.getByLabel('Contraseña actual').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.getByText('Se cambió su contraseña. Su sesión sigue abierta.').waitFor();
    expect(await page.getByLabel('Enlace del calendario').inputValue()).toMatch(
      /\/calendar\.ics\?token=/,
    );
    await page.reload();
    await heading(page, 'Mi perfil');
    await server.api.login('profile@oas.test', NEW_PASSWORD);

    await page.setViewportSize({ width: 360, height: 900 });
    expect(await seriousViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);

    await page.goto('/no-such-page');
    await heading(page, 'No se encontró la página');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('forgot-password says the same for a known and an unknown address; the reset link signs in', async () => {
    for (const [language, words] of [
      [
        'es',
        {
          link: '¿Olvidó su contraseña?',
          email: 'Correo electrónico',
          submit: 'Enviar el enlace',
          sent: 'Si la dirección tiene una cuenta, le enviamos un correo con un enlace. El enlace vale una hora.',
        },
      ],
      [
        'en',
        {
          link: 'Forgot your password?',
          email: 'E-mail',
          submit: 'Send the link',
          sent: 'If the address has an account, an e-mail with a link is on its way. The link is valid for one hour.',
        },
      ],
    ] as const) {
      const { page } = await open(language, language === 'es' ? 1280 : 360);
      await page.getByRole('link', { name: words.link }).click();
      await heading(page, words.link);
      expect(await seriousViolations(page)).toEqual([]);
      const answers: string[] = [];
      for (const email of ['focal@gt.test', 'nobody@nowhere.test']) {
        await page.getByLabel(words.email).fill(email);
        await page.getByRole('button', { name: words.submit }).click();
        const notice = page.getByRole('status').getByText(words.sent);
        await notice.waitFor();
        answers.push(await page.getByRole('status').innerText());
        await page.getByLabel(words.email).fill('');
      }
      expect(answers).toEqual([words.sent, words.sent]);
    }

    // The reset e-mail's link (the last one asked for) chooses a password and signs in.
    const mails = await sink.waitForCount(2, (mail) => mail.to === 'focal@gt.test');
    const token = tokenIn(mails[1].text, '/reset-password');
    expect(sink.to('nobody@nowhere.test')).toEqual([]);
    const { page } = await open('en');
    await page.goto(`/reset-password?token=${token}`);
    await heading(page, 'Choose a new password');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await page.locator('#field-password-error').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await page.getByRole('navigation', { name: NAVIGATION.en }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await server.api.login('focal@gt.test', NEW_PASSWORD);
  }, 60_000);

  it('an invitation link leads to a signed-in console', async () => {
    await server.api.ok(
      'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
      {
        input: {
          email: 'maria.lopez@hn.test',
          name: 'María López',
          role: 'COUNTRY_FOCAL_POINT',
          countryCode: 'HN',
        },
      },
      { as: world.secretariat },
    );
    const mail = await sink.waitForMail((sent) => sent.to === 'maria.lopez@hn.test');
    const token = tokenIn(mail.text, '/invitation');

    const { page } = await open('es', 360);
    await page.goto(`/invitation?token=${token}`);
    await heading(page, 'Acepte su invitación');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Contraseña').fill('corta');
    await page.getByRole('button', { name: 'Guardar la contraseña e iniciar sesión' }).click();
    const problem = page.locator('#field-password-error');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/12/);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await heading(page, 'Accept your invitation');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await page.getByRole('navigation', { name: /Navegación principal|Main navigation/ }).waitFor();
    await page.getByRole('link', { name: /María López/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});
