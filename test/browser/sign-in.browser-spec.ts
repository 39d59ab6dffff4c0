import type { Browser } from 'playwright-core';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD } from '../support/test-app';
import {
  ConsoleServer,
  describeInBrowser,
  launchBrowser,
  openConsole,
  seriousViolations,
  signIn,
  startConsoleServer,
} from './support/console';

/**
 * Signing in and out in a real browser: the API's refusal in the page's language, the
 * session where no script can read it, the language switch and `<html lang>`, and the
 * sign-in page's accessibility on a desktop and a phone.
 */
describeInBrowser('signing in', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([
    ['es', 'Correo electrónico o contraseña incorrectos'],
    ['en', 'Wrong e-mail or password'],
  ] as const)(
    'refuses a wrong password with the API’s message in the page’s language (%s)',
    async (language, message) => {
      const { page, context, errors } = await openConsole(browser, server.url, { language });
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await signIn(page, SECRETARIAT_EMAIL, 'not-the-password', language);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(message);
      // Still on the sign-in page, nothing kept.
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        language === 'es' ? 'Iniciar sesión' : 'Sign in',
      );
      expect(await context.cookies()).toEqual([]);
      // The API's 401 is the only line the browser logs.
      expect(errors.filter((error) => !/401|Unauthorized/i.test(error))).toEqual([]);
      await context.close();
    },
  );

  it('keeps the session where page scripts cannot read it, and signs out', async () => {
    const { page, context, errors } = await openConsole(browser, server.url, { language: 'es' });
    await signIn(page, SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();

    const cookies = await context.cookies();
    expect(cookies.map(({ name, httpOnly, sameSite }) => ({ name, httpOnly, sameSite }))).toEqual([
      { name: 'mirps_session', httpOnly: true, sameSite: 'Strict' },
    ]);
    const token = cookies[0].value;
    expect(token.split('.')).toHaveLength(3);
    const visible = await page.evaluate(() => ({
      cookie: document.cookie,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    expect(visible.cookie).not.toContain(token);
    expect(visible.local).not.toContain(token);
    expect(visible.session).not.toContain(token);
    expect(visible.cookie).toBe('');

    // The language switch: the page and <html lang> follow, and so does the account.
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const me = await server.api.ok<{ me: { locale: string } }>('{ me { locale } }', undefined, {
      as: token,
    });
    expect(me.me.locale).toBe('EN');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works with the keyboard alone: sign in, skip to the content, move between places', async () => {
    // The account reads Spanish (another test may have switched it).
    const token = await server.api.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    await server.api.ok('mutation { updateMyProfile(input: { locale: ES }) { id } }', undefined, {
      as: token,
    });
    const { page, context, errors } = await openConsole(browser, server.url, { language: 'es' });
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return element ? `${element.tagName} ${element.textContent?.trim() ?? ''}`.trim() : '';
      });
    await page.getByRole('heading', { name: 'Iniciar sesión', level: 1 }).waitFor();
    // Tab from the top: the language switch, then the e-mail and password fields.
    for (let presses = 0; presses < 6; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === 'field-email') break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-email');
    await page.keyboard.type(SECRETARIAT_EMAIL);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-password');
    await page.keyboard.type(SECRETARIAT_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();

    // The first Tab reaches the skip link; following it puts the focus on the content.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('A Ir al contenido');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');

    // Through the navigation to the needs, with Tab and Enter only.
    await page.keyboard.press('Shift+Tab');
    for (let presses = 0; presses < 30 && (await focused()) !== 'A Necesidades'; presses += 1) {
      await page.keyboard.press('Shift+Tab');
    }
    expect(await focused()).toBe('A Necesidades');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Necesidades', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/needs');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([1280, 360])('has no serious accessibility violation at %i px', async (width) => {
    const { page, context } = await openConsole(browser, server.url, { language: 'es', width });
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing scrolls sideways on a phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
