import { Browser, Page } from 'playwright-core';
import { buildWorld, createOrganization, postNeed, postOffer, World } from '../support/builders';
import { TEST_PASSWORD } from '../support/graphql-client';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD } from '../support/test-app';
import {
  ConsolePage,
  ConsoleServer,
  describeInBrowser,
  launchBrowser,
  NAVIGATION,
  openSignedIn,
  seriousViolations,
  startConsoleServer,
} from './support/console';

const TITLE = 'Regional twinning meeting 2027';
const GROUP = 'JOBS_LIVELIHOODS';
const LATER = { earliestStart: '2027-01-01T00:00:00.000Z', latestEnd: '2027-12-31T00:00:00.000Z' };
const AVAILABLE = {
  availableFrom: '2027-01-01T00:00:00.000Z',
  availableTo: '2027-12-31T00:00:00.000Z',
};

/**
 * Platform events in the console (issue 15): the secretariat (English) creates a twinning
 * meeting, is told of a bad end beside the field, then schedules its agenda and reads it
 * as a grid; Honduras's focal point (Spanish, on a phone) reads the event and its agenda
 * with no action to schedule.
 */
describeInBrowser('platform events and the twinning meeting’s agenda', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let world: World;
  let opened: ConsolePage[] = [];
  let eventPath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
    world = await buildWorld(server.api);
    // HN's two needs and GT's one: HN's first and GT's fit the Board's offer (Spanish), HN's
    // second the Bank's (French).
    const board = await createOrganization(server.api, world.secretariat, 'Andean Board');
    const bank = await createOrganization(server.api, world.secretariat, 'Caribbean Bank');
    const inGroup = { ...LATER, workingGroupCode: GROUP };
    await postNeed(server.api, world.secretariat, { ...inGroup, title: 'Empleo para refugiados' });
    await postNeed(server.api, world.secretariat, {
      ...inGroup,
      countryCode: 'GT',
      title: 'Medios de vida en Huehuetenango',
    });
    await postNeed(server.api, world.secretariat, {
      ...inGroup,
      title: 'Microcrédito para emprendedoras',
      languages: ['fr'],
    });
    await postOffer(server.api, world.secretariat, board, {
      ...AVAILABLE,
      workingGroupCodes: [GROUP],
      languages: ['es'],
      title: 'Employment programmes',
    });
    await postOffer(server.api, world.secretariat, bank, {
      ...AVAILABLE,
      workingGroupCodes: [GROUP],
      languages: ['fr'],
      title: 'Microfinance',
    });
  }, 60_000);

  afterEach(async () => {
    for (const { context } of opened) await context.close();
    opened = [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(
    email: string,
    language: 'es' | 'en',
    width = 1280,
    password = TEST_PASSWORD,
  ): Promise<ConsolePage> {
    const opening = await openSignedIn(browser, server.url, email, password, {
      language,
      width,
    });
    opened.push(opening);
    return opening;
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();

  async function checked(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  }

  it('the secretariat creates a twinning meeting, schedules it and reads the agenda as a grid (en)', async () => {
    const { page } = await as(SECRETARIAT_EMAIL, 'en', 1280, SECRETARIAT_PASSWORD);
    await page
      .getByRole('navigation', { name: NAVIGATION.en })
      .getByRole('link', { name: 'Events' })
      .click();
    await heading(page, 'Platform events');
    await page.getByText('There are no events yet.').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'New event' }).click();
    await heading(page, 'New event');
    expect(await page.getByLabel('Kind').inputValue()).toBe('TWINNING_MEETING');
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Starts').fill('2027-03-10T09:00');
    await page.getByLabel('Ends').fill('2027-03-10T08:00');
    await page.getByLabel('Place (optional)').fill('Panama City');
    const countries = page.getByRole('group', { name: 'Countries taking part' });
    await countries.getByLabel('Honduras').check();
    await countries.getByLabel('Guatemala').check();
    const organizations = page.getByRole('group', { name: 'Organizations taking part' });
    await organizations.getByLabel('Andean Board').check();
    await organizations.getByLabel('Caribbean Bank').check();
    await page
      .getByRole('group', { name: 'Working groups' })
      .getByLabel('Jobs and livelihoods')
      .check();
    await page.getByRole('button', { name: 'Create the event' }).click();

    // The end before the start: told beside the field and in the summary; what was typed stays.
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    const endProblem = page.locator('#field-endsAt-error');
    await endProblem.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([await endProblem.innerText()]);
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#field-endsAt');
    expect(await page.getByLabel('Title').inputValue()).toBe(TITLE);
    await checked(page);

    await page.getByLabel('Ends').fill('2027-03-10T12:00');
    await page.getByRole('button', { name: 'Create the event' }).click();
    await heading(page, TITLE);
    await page.getByText(`The event “${TITLE}” was created.`).waitFor();
    eventPath = new URL(page.url()).pathname;
    const participants = page.getByRole('region', { name: 'Who takes part' });
    await participants.getByText('Guatemala, Honduras').waitFor();
    await participants.getByText('Andean Board, Caribbean Bank').waitFor();
    await page.getByText('There is no agenda yet.').waitFor();
    await page.getByText('No twinning is linked to this event.').waitFor();

    // Scheduling: hour-long meetings in two rooms. Honduras and the Board meet twice each:
    // two slots.
    await page.getByLabel('Length of each meeting (minutes)').fill('60');
    await page.getByLabel('Rooms').fill('2');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByText('3 meetings were scheduled.').waitFor();
    const grid = page.getByRole('table', { name: 'Agenda of bilateral meetings' });
    await grid.waitFor();
    expect(await grid.getByRole('columnheader').allInnerTexts()).toEqual([
      'Slot',
      'Room 1',
      'Room 2',
    ]);
    expect(await grid.getByRole('rowheader').count()).toBe(2);
    const cells = (await grid.getByRole('cell').allInnerTexts()).join('\n');
    expect(cells).toContain('Honduras × Andean Board');
    expect(cells).toContain('Guatemala × Andean Board');
    expect(cells).toContain('Honduras × Caribbean Bank');
    expect(cells).toContain('Microcrédito para emprendedoras · Microfinance');
    await checked(page);
  });

  it('Honduras reads the event and its agenda, with nothing to schedule (es, phone)', async () => {
    expect(eventPath).toMatch(/^\/events\/[0-9a-f-]{36}$/);
    const { page } = await as('focal@hn.test', 'es', 360);
    await page
      .getByRole('navigation', { name: NAVIGATION.es })
      .getByRole('link', { name: 'Eventos' })
      .click();
    await heading(page, 'Eventos de la plataforma');
    expect(await page.getByRole('main').getByRole('link', { name: 'Nuevo evento' }).count()).toBe(
      0,
    );
    await page.getByRole('link', { name: TITLE }).click();
    await heading(page, TITLE);
    await page.getByText(/^Reunión de hermanamiento · /).waitFor();
    const grid = page.getByRole('table', { name: 'Agenda de reuniones bilaterales' });
    await grid.waitFor();
    const cells = (await grid.getByRole('cell').allInnerTexts()).join('\n');
    expect(cells).toContain('Honduras × Andean Board');
    expect(cells).toContain('Guatemala × Andean Board');
    expect(await page.getByRole('button', { name: 'Programar' }).count()).toBe(0);
    expect(await page.getByLabel('Salas').count()).toBe(0);
    await checked(page);
  });
});
