import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { GraphQLClient, httpGraphQLClient } from '../../support/graphql-client';
import { listening, runServer, ServerProcess } from '../../support/server-process';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD } from '../../support/test-app';

/** Debian's Chromium (`.ci/run` installs it with apt-get when it is missing). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the browser tests can run here: Chromium is installed. In CI it must be (the
 * tests fail); on a developer's machine without it they are skipped, saying why.
 */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable) {
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
  console.warn(
    `Skipping the browser tests: ${CHROMIUM} is not installed (apt-get install chromium)`,
  );
}
export function describeInBrowser(name: string, specs: () => void): void {
  (browserAvailable ? describe : describe.skip)(name, specs);
}

/**
 * Flags for a headless Chromium on a closed network: without the background-networking
 * ones it keeps trying Google's hosts (env: machines/node-svc.md).
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ConsoleServer {
  url: string;
  api: GraphQLClient;
  server: ServerProcess;
  stop(): Promise<void>;
}

/** The built server (`npm test` builds it and the console first) on a fresh SQLite file. */
export async function startConsoleServer(env: Record<string, string> = {}): Promise<ConsoleServer> {
  const folder = mkdtempSync(join(tmpdir(), 'twinning-console-'));
  const server = runServer(
    {
      NODE_ENV: 'test',
      // The start-up line that names the port is logged at info.
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `sqlite:${join(folder, 'twinning.sqlite')}`,
      JWT_SECRET: 'a-browser-test-secret-that-is-long-enough',
      PASSWORD_HASH_COST: '10',
      SECRETARIAT_EMAIL,
      SECRETARIAT_PASSWORD,
      LOGIN_ATTEMPTS_PER_ADDRESS: '100000',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    },
    folder,
  );
  const { port } = await listening(server);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    api: httpGraphQLClient(url),
    server,
    async stop() {
      server.child.kill('SIGTERM');
      await server.done;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A headless Chromium with a fresh profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Errors the page's console printed, and uncaught exceptions: none is expected. */
  errors: string[];
}

/**
 * A new browser context (its own cookies) whose browser prefers `language`, at `width`
 * pixels (360: a phone).
 */
export async function openConsole(
  browser: Browser,
  url: string,
  { language = 'es', width = 1280 }: { language?: 'es' | 'en'; width?: number } = {},
): Promise<ConsolePage> {
  const context = await browser.newContext({
    locale: language === 'es' ? 'es-HN' : 'en-CA',
    viewport: { width, height: 900 },
    baseURL: url,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  return { context, page, errors };
}

/** Signs in through the sign-in page's labelled fields, in the page's language. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  language: 'es' | 'en' = 'es',
): Promise<void> {
  const words =
    language === 'es'
      ? { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión' }
      : { email: 'E-mail', password: 'Password', submit: 'Sign in' };
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: words.submit }).click();
}

/** The main navigation's name in each language. */
export const NAVIGATION = { es: 'Navegación principal', en: 'Main navigation' } as const;

/**
 * `email` signed in on a new context reading the console in `language` (switching the
 * account's language when it differs), at `width` pixels.
 */
export async function openSignedIn(
  browser: Browser,
  url: string,
  email: string,
  password: string,
  { language = 'es', width = 1280 }: { language?: 'es' | 'en'; width?: number } = {},
): Promise<ConsolePage> {
  const opening = await openConsole(browser, url, { language, width });
  const { page } = opening;
  await signIn(page, email, password, language);
  await page.getByRole('navigation', { name: /Navegación principal|Main navigation/ }).waitFor();
  const switchTo = page.getByRole('button', { name: language.toUpperCase(), exact: true });
  if ((await switchTo.getAttribute('aria-pressed')) !== 'true') await switchTo.click();
  await page.getByRole('navigation', { name: NAVIGATION[language] }).waitFor();
  return opening;
}

/** Serious and critical accessibility violations axe-core finds on the page as it is. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA (CONSOLE.md's bar).
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}
