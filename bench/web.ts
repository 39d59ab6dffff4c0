/**
 * `npm run bench:web`: what the web console costs a person, in the built console and server
 * (`npm run build` first; the npm script does it):
 *
 *   1. the JavaScript the browser loads before sign-in: the sign-in page opened in Chromium
 *      with no session, every script it fetches until the network is idle, gzip-compressed
 *      (zlib level 9, as a compressing proxy would serve it; the service itself sends them
 *      as they are, so the raw bytes are printed too). Goal: at most 200 KB.
 *   2. the time until the secretariat's overview is usable with 4,000 needs, 2,500 offers
 *      and 2,000 twinnings (bench/http-data.ts, seeded straight into a SQLite file through
 *      the service's entities): from the navigation to `/` until the coverage map, the
 *      year's figures, the three charts' tables, the troika, the twinnings to confirm and
 *      the attention list are all on the page (none of them still loading), measured inside the
 *      page (performance.now(), the navigation's start being 0). Each run is a new browser
 *      context (a signed-in session, nothing cached); the first run after the server
 *      starts is printed apart from the median of the next ones. Goal: at most 1.5 s.
 *      The charts' drawings (the same figures as their tables, hidden from screen readers)
 *      are drawn after the first paint: when they are all there is printed too.
 *
 * Settings (environment): BENCH_RUNS (5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, chromium } from 'playwright-core';
import { listening, runServer, ServerProcess } from '../test/support/server-process';
import { benchData, DEFAULT_SIZE } from './http-data';
import { seedDatabase } from './seed-database';

/** What the page-side functions read (this file compiles without the DOM's types). */
declare const document: { querySelectorAll(selector: string): { length: number } };

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SECRETARIAT_EMAIL = 'secretariat@bench.test';
const SECRETARIAT_PASSWORD = 'a-bench-secretariat-password';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOALS = { signInKb: 200, overviewMs: 1500 };

function startServer(databaseUrl: string, folder: string): ServerProcess {
  return runServer(
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'a-bench-secret-that-is-long-enough-for-production',
      SECRETARIAT_EMAIL,
      SECRETARIAT_PASSWORD,
      // No mail is sent: nothing here notifies anyone.
      SMTP_URL: 'smtp://127.0.0.1:9',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_ATTEMPTS_PER_ADDRESS: '100000',
    },
    folder,
  );
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.done;
}

interface Script {
  name: string;
  raw: number;
  gzip: number;
}

/** Every script the sign-in page loads, signed out, until the network is idle. */
async function signInScripts(browser: Browser, url: string): Promise<Script[]> {
  const context = await browser.newContext({ locale: 'es-HN' });
  const page = await context.newPage();
  const bodies: Promise<Script>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(
      response.body().then((body) => ({
        name: new URL(response.url()).pathname,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
      })),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
  const scripts = await Promise.all(bodies);
  await context.close();
  return scripts;
}

/**
 * One measured opening of the overview in a new, signed-in context: milliseconds from the
 * navigation's start until the map, the year's figures and the charts' tables are there.
 */
async function overviewOnce(
  browser: Browser,
  url: string,
): Promise<{ usable: number; drawn: number }> {
  const context = await browser.newContext({
    locale: 'es-HN',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.getByLabel('Correo electrónico').fill(SECRETARIAT_EMAIL);
  await page.getByLabel('Contraseña', { exact: true }).fill(SECRETARIAT_PASSWORD);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('navigation', { name: 'Navegación principal' }).waitFor();
  await page.goto('about:blank');

  await page.goto(`${url}/`, { waitUntil: 'commit' });
  const operations: Promise<string>[] = [];
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('/graphql')) return;
    const name = /(?:query|mutation)\s+(\w+)/.exec(request.postData() ?? '')?.[1] ?? '?';
    const timing = request.timing();
    operations.push(
      Promise.resolve(`${name} ${(timing.responseEnd - timing.requestStart).toFixed(0)} ms`),
    );
  });
  const seen: Record<string, number> = {};
  const usable = await page.waitForFunction(
    (seen) => {
      const now = performance.now();
      if (!seen.map && document.querySelectorAll('table.coverage tbody tr').length === 7)
        seen.map = now;
      if (!seen.figures && document.querySelectorAll('.sec-figures dd').length === 7)
        seen.figures = now;
      if (!seen.charts && document.querySelectorAll('table.sec-table').length === 3)
        seen.charts = now;
      if (!seen.drawn && document.querySelectorAll('.sec-chart .recharts-wrapper').length === 3)
        seen.drawn = now;
      // The troika, the twinnings to confirm and the attention list: each shown, none of
      // them still saying it is loading.
      if (
        !seen.sections &&
        document.querySelectorAll('#troika-title, #to-confirm-title, #attention-title').length ===
          3 &&
        document.querySelectorAll('p.muted[role="status"]').length === 0
      )
        seen.sections = now;
      return seen.map && seen.figures && seen.charts && seen.sections && seen.drawn ? seen : false;
    },
    seen,
    { polling: 'raf', timeout: 60_000 },
  );
  const steps = (await usable.jsonValue()) as Record<string, number>;
  const elapsed = Math.max(steps.map, steps.figures, steps.charts, steps.sections);
  if (process.env.BENCH_VERBOSE) {
    console.error(
      `   map ${steps.map.toFixed(0)} ms, figures ${steps.figures.toFixed(0)} ms, charts ${steps.charts.toFixed(0)} ms, ` +
        `other sections ${steps.sections.toFixed(0)} ms (drawn ${steps.drawn.toFixed(0)} ms); ` +
        (await Promise.all(operations)).join(', '),
    );
  }
  await context.close();
  return { usable: elapsed, drawn: steps.drawn };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'twinning-bench-web-'));
  const databaseUrl = `sqlite:${join(folder, 'twinning.sqlite')}`;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  try {
    // The first start migrates and creates the secretariat; then the data goes in.
    server = startServer(databaseUrl, folder);
    await listening(server);
    await stop(server);
    const started = Date.now();
    await seedDatabase(databaseUrl, benchData(DEFAULT_SIZE), SECRETARIAT_EMAIL);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.error(
      `seeded ${DEFAULT_SIZE.needs} needs, ${DEFAULT_SIZE.offers} offers, ` +
        `${DEFAULT_SIZE.twinnings} twinnings in ${seconds} s`,
    );

    server = startServer(databaseUrl, folder);
    const { port } = await listening(server);
    // localhost: the session cookie is Secure in production, and Chromium keeps Secure
    // cookies of http://localhost.
    const url = `http://localhost:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });

    const scripts = await signInScripts(browser, url);
    const gzip = scripts.reduce((sum, script) => sum + script.gzip, 0);
    const raw = scripts.reduce((sum, script) => sum + script.raw, 0);
    console.log('1. JavaScript loaded before sign-in:');
    for (const script of scripts) {
      console.log(`   ${script.name}: ${kb(script.raw)} raw, ${kb(script.gzip)} gzip`);
    }
    console.log(
      `   total: ${scripts.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip ` +
        `(goal ≤ ${GOALS.signInKb} KB gzip: ${gzip <= GOALS.signInKb * 1024 ? 'met' : 'NOT met'})`,
    );

    const runs: { usable: number; drawn: number }[] = [];
    for (let run = 0; run < RUNS + 1; run += 1) runs.push(await overviewOnce(browser, url));
    const [first, ...rest] = runs;
    const typical = median(rest.map((run) => run.usable));
    console.log(
      `2. Secretariat overview usable (${DEFAULT_SIZE.needs} needs, ${DEFAULT_SIZE.offers} ` +
        `offers, ${DEFAULT_SIZE.twinnings} twinnings):`,
    );
    console.log(`   first after the server started: ${first.usable.toFixed(0)} ms`);
    console.log(
      `   median of ${rest.length}: ${typical.toFixed(0)} ms (${rest.map((run) => run.usable.toFixed(0)).join(', ')} ms) ` +
        `(goal ≤ ${GOALS.overviewMs} ms: ${typical <= GOALS.overviewMs ? 'met' : 'NOT met'})`,
    );
    console.log(
      `   the charts' drawings, after the tables: median ${median(rest.map((run) => run.drawn)).toFixed(0)} ms`,
    );
  } finally {
    await browser?.close();
    if (server) await stop(server);
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
