import { Browser, Page } from 'playwright-core';
import { aConfirmedTwinning, buildWorld, World } from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
import {
  ConsolePage,
  ConsoleServer,
  describeInBrowser,
  launchBrowser,
  openSignedIn,
  seriousViolations,
  startConsoleServer,
} from './support/console';

const OFFER = 'Asylum adjudication training';

/**
 * Comment threads in the console (issue 15): on a twinning, Honduras's focal point (Spanish,
 * on a phone) is told what a blank comment lacks, then asks the IRB's member focal point a
 * question mentioning them; the member (English) finds the mention in the notifications,
 * follows it to the thread, answers mentioning Honduras and corrects the answer; Honduras
 * reads the mention in Spanish and finds the thread on the offer's page too.
 */
describeInBrowser('dialogue: comment threads', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let world: World;
  let twinningId = '';
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
    world = await buildWorld(server.api);
    twinningId = await aConfirmedTwinning(server.api, world);
  }, 60_000);

  afterEach(async () => {
    for (const { context } of opened) await context.close();
    opened = [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(email: string, language: 'es' | 'en', width = 1280): Promise<Page> {
    const opening = await openSignedIn(browser, server.url, email, TEST_PASSWORD, {
      language,
      width,
    });
    opened.push(opening);
    return opening.page;
  }

  async function checked(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  }

  it('Honduras is told what a blank comment lacks, then asks the member, mentioning them (es, phone)', async () => {
    const hn = await as('focal@hn.test', 'es', 360);
    await hn.goto(`/twinnings/${twinningId}`);
    const thread = hn.locator('section', {
      has: hn.getByRole('heading', { level: 2, name: 'Comentarios' }),
    });
    await thread.getByText('Aún no hay comentarios.').waitFor();
    await thread.getByText(/escriba @ seguido de su correo electrónico/).waitFor();

    await thread.getByRole('button', { name: 'Publicar el comentario' }).click();
    const summary = thread.getByRole('alert').filter({ hasText: 'Hay un problema' });
    await summary.waitFor();
    expect(await hn.locator('#field-commentBody-error').innerText()).toBe(
      'body no puede quedar vacío',
    );
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#field-commentBody');
    await checked(hn);

    await thread
      .getByLabel('Su comentario')
      .fill('¿Podemos hacer el primer taller el 2 de marzo? @member@irb.test');
    await thread.getByRole('button', { name: 'Publicar el comentario' }).click();
    await thread.getByText('Se publicó su comentario.').waitFor();
    const comment = thread.getByRole('listitem').filter({ hasText: 'primer taller' });
    await comment.getByText('Usted · Punto focal de país de Honduras').waitFor();
    expect(await thread.getByLabel('Su comentario').inputValue()).toBe('');
    expect(await hn.locator('#field-commentBody-error').count()).toBe(0);
    await checked(hn);
  });

  it('the member finds the mention in the notifications, answers mentioning Honduras and corrects it (en)', async () => {
    const member = await as('member@irb.test', 'en');
    await member.getByRole('link', { name: /^Notifications/ }).click();
    await member.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const title = `You were mentioned in a comment on the twinning of the offer “${OFFER}”`;
    const row = member.getByRole('row').filter({ hasText: title });
    expect(await row.innerText()).toContain(
      'a focal point of Honduras wrote: “¿Podemos hacer el primer taller el 2 de marzo? @member@irb.test”',
    );
    await checked(member);
    await row.getByRole('link', { name: `Open: ${title}` }).click();

    const thread = member.locator('section', {
      has: member.getByRole('heading', { level: 2, name: 'Comments' }),
    });
    const question = thread.getByRole('listitem').filter({ hasText: 'primer taller' });
    await question.getByText('Country focal point of Honduras').waitFor();
    // Not theirs: no Edit.
    expect(await question.getByRole('button', { name: 'Edit' }).count()).toBe(0);

    await thread.getByLabel('Your comment').fill('@focal@hn.test Yes, 2 March suits us');
    await thread.getByRole('button', { name: 'Post the comment' }).click();
    await thread.getByText('Your comment was posted.').waitFor();
    const answer = thread.getByRole('listitem').filter({ hasText: '2 March suits us' });
    await answer
      .getByText('You · Member focal point of Immigration and Refugee Board of Canada')
      .waitFor();

    await answer.getByRole('button', { name: 'Edit' }).click();
    await answer
      .getByLabel('Edit your comment')
      .fill('@focal@hn.test Yes, 2 March suits us, in Tegucigalpa.');
    await answer.getByRole('button', { name: 'Save the changes' }).click();
    await thread.getByText('The changes to your comment were saved.').waitFor();
    const edited = thread.getByRole('listitem').filter({ hasText: 'in Tegucigalpa.' });
    await edited.getByText(/edited on/).waitFor();
    await checked(member);
  });

  it("Honduras reads the member's mention in Spanish and finds the offer's thread (es)", async () => {
    const hn = await as('focal@hn.test', 'es');
    await hn.getByRole('link', { name: /^Notificaciones/ }).click();
    await hn.getByRole('heading', { level: 1, name: 'Notificaciones' }).waitFor();
    const row = hn.getByRole('row').filter({
      hasText: `Lo mencionaron en un comentario sobre el hermanamiento de la oferta «${OFFER}»`,
    });
    expect(await row.innerText()).toContain(
      'un punto focal de Immigration and Refugee Board of Canada escribió: «@focal@hn.test Yes, 2 March suits us»',
    );

    const { twinning } = await server.api.ok<{ twinning: { offer: { id: string } } }>(
      'query ($id: ID!) { twinning(id: $id) { offer { id } } }',
      { id: twinningId },
      { as: world.honduras },
    );
    await hn.goto(`/offers/${twinning.offer.id}`);
    await hn.getByRole('heading', { level: 2, name: 'Comentarios' }).waitFor();
    await hn.getByText('Aún no hay comentarios.').waitFor();
    await checked(hn);
  });
});
