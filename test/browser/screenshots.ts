/**
 * `npm run screenshots`: the README's pictures of the main screens, in Spanish, taken from
 * the built console (`npm run build` first) on a fresh database filled through the API
 * with a small version of the seed's story. Writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  aConfirmedTwinning,
  anActivity,
  buildWorld,
  postNeed,
  postOffer,
  RECORD_ACTIVITY,
} from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD } from '../support/test-app';
import { launchBrowser, openConsole, signIn, startConsoleServer } from './support/console';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');

/** Waits until the sign-in has led to the signed-in console. */
async function signedIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Every part of the screen loaded (the lazy charts too).
  await page.getByText('Cargando…').first().waitFor({ state: 'detached' });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startConsoleServer();
  const browser = await launchBrowser();
  try {
    const { api } = server;
    const world = await buildWorld(api);
    // Everyone reads Spanish here, with a name.
    const people: [string, string][] = [
      [world.secretariat, 'Secretaría Técnica'],
      [world.honduras, 'Ana Martínez'],
      [world.guatemala, 'Luis Pérez'],
      [world.member, 'Claire Dubois'],
    ];
    for (const [token, name] of people) {
      await api.ok(
        'mutation ($name: String!) { updateMyProfile(input: { name: $name, locale: ES }) { id } }',
        { name },
        { as: token },
      );
    }
    const confirmed = await aConfirmedTwinning(api, world, { countries: ['HN', 'GT'] });
    await api.ok(
      RECORD_ACTIVITY,
      {
        input: anActivity(confirmed, {
          title: 'Taller regional de adjudicación con enfoque de género',
          startsAt: new Date(Date.now() + 10 * 24 * 3600_000).toISOString(),
          endsAt: new Date(Date.now() + 12 * 24 * 3600_000).toISOString(),
        }),
      },
      { as: world.member },
    );
    for (const [countryCode, title] of [
      ['HN', 'Fortalecimiento del registro de solicitantes de asilo'],
      ['SV', 'Protocolo de atención a niñez no acompañada'],
      ['GT', 'Capacitación en entrevistas de elegibilidad'],
      ['CR', 'Mecanismos de integración laboral de refugiados'],
    ] as const) {
      await postNeed(api, world.secretariat, { countryCode, title });
    }
    await postOffer(api, world.member, world.organizationId, {
      title: 'Mentoría en determinación de la condición de refugiado',
    });
    const needId = await postNeed(api, world.honduras, {
      title: 'Formación de oficiales de elegibilidad en adjudicación de asilo',
    });

    const secretariat = await openConsole(browser, server.url, { language: 'es' });
    await shoot(secretariat.page, 'sign-in');
    await signIn(secretariat.page, SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    await signedIn(secretariat.page);
    await secretariat.page.getByRole('table').first().waitFor();
    await shoot(secretariat.page, 'secretariat-overview');
    await secretariat.page.goto('/needs');
    await shoot(secretariat.page, 'needs');
    await secretariat.page.goto(`/twinnings/${confirmed}`);
    await shoot(secretariat.page, 'twinning');

    const honduras = await openConsole(browser, server.url, { language: 'es' });
    await signIn(honduras.page, 'focal@hn.test', TEST_PASSWORD);
    await signedIn(honduras.page);
    await shoot(honduras.page, 'country-home');
    await honduras.page.goto(`/needs/${needId}`);
    await shoot(honduras.page, 'need-suggestions');

    const phone = await openConsole(browser, server.url, { language: 'es', width: 360 });
    await signIn(phone.page, 'focal@hn.test', TEST_PASSWORD);
    await signedIn(phone.page);
    await shoot(phone.page, 'country-home-phone');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
