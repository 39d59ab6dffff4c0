import { Browser, Locator, Page } from 'playwright-core';
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

/** The one organization of the seed's story. */
const IRB = 'Immigration and Refugee Board of Canada';

/** The words each screen shows (web/src/i18n/*.ts), and the story's own texts, per language. */
const WORDS = {
  es: {
    navigation: 'Navegación principal',
    nav: {
      overview: 'Panorama',
      home: 'Inicio',
      needs: 'Necesidades',
      twinnings: 'Hermanamientos',
      users: 'Usuarios',
      organizations: 'Organizaciones',
    },
    canada: 'Canadá',
    group: 'Fortalecimiento de los sistemas de asilo',
    coverage: {
      caption: 'Necesidades por Estado MIRPS y grupo de trabajo',
      noNeeds: 'Sin necesidades',
      cell: (open: number, inTwinning: number, fulfilled: number) =>
        `Honduras, Fortalecimiento de los sistemas de asilo: abiertas ${open}, en hermanamiento ${inTwinning}, atendidas ${fulfilled}`,
    },
    organizations: {
      region: 'Nueva organización',
      name: 'Nombre',
      kind: 'Tipo',
      state: 'Estado',
      country: 'País de origen (opcional)',
      create: 'Crear la organización',
      created: `Se creó la organización «${IRB}».`,
      row: `${IRB} Estado Canadá Activa Desactivar`,
    },
    users: {
      region: 'Invitar a un usuario',
      email: 'Correo electrónico',
      name: 'Nombre',
      role: 'Rol',
      country: 'País',
      organization: 'Organización',
      language: 'Idioma',
      languageOption: 'Español',
      countryFocalPoint: 'Punto focal de país',
      memberFocalPoint: 'Punto focal de miembro',
      invite: 'Enviar la invitación',
      invited: (email: string) => `Invitación enviada a ${email}.`,
      pending: 'Invitación pendiente',
    },
    invitation: {
      title: 'Acepte su invitación',
      password: 'Contraseña',
      submit: 'Guardar la contraseña e iniciar sesión',
    },
    people: {
      honduras: { email: 'maria.lopez@hn.test', name: 'María López' },
      member: { email: 'claire.martin@irb.test', name: 'Claire Martin' },
    },
    home: {
      title: 'Inicio',
      newNeed: 'Nueva necesidad',
      newOffer: 'Nueva oferta',
      offersOf: `Ofertas de ${IRB}`,
      waiting: 'Propuestas que esperan su respuesta',
      proposal: (offer: string) => `«${offer}» de ${IRB}`,
      noneWaiting: 'No hay propuestas que esperen su respuesta.',
      open: 'Abierta: 1',
      inTwinning: 'En hermanamiento: 1',
    },
    need: {
      title: 'Capacitación en adjudicación con enfoque de género',
      description:
        'Capacitación de oficiales de elegibilidad en adjudicación con enfoque de género para solicitudes de asilo.',
      formTitle: 'Nueva necesidad',
      titleLabel: 'Título',
      group: 'Grupo de trabajo',
      descriptionLabel: 'Descripción',
      modalities: 'Modalidades',
      training: 'Capacitación',
      languages: 'Idiomas',
      spanish: 'Español',
      priority: 'Prioridad',
      high: 'Alta',
      beneficiaries: 'Beneficiarios (opcional)',
      nap: 'Referencia PAN (opcional)',
      submit: 'Publicar la necesidad',
      posted: (title: string) => `Se publicó la necesidad «${title}».`,
      listTitle: 'Necesidades',
      row: (title: string) =>
        `${title} Honduras Fortalecimiento de los sistemas de asilo Alta Abierta`,
    },
    offer: {
      title: 'Capacitación en adjudicación de asilo',
      description:
        'La Junta de Inmigración y Refugiados capacita a oficiales de elegibilidad en solicitudes con enfoque de género, en inglés o en español.',
      formTitle: 'Nueva oferta',
      titleLabel: 'Título',
      descriptionLabel: 'Descripción',
      groups: 'Grupos de trabajo',
      modalities: 'Modalidades',
      training: 'Capacitación',
      peerExchange: 'Intercambio entre pares',
      languages: 'Idiomas',
      spanish: 'Español',
      english: 'Inglés',
      capacity: 'Capacidad',
      eligible: 'Países elegibles',
      submit: 'Publicar la oferta',
      posted: (title: string) => `Se publicó la oferta «${title}».`,
      suggestions: 'Necesidades sugeridas',
      suggestedFacts: 'Honduras · Fortalecimiento de los sistemas de asilo · Prioridad: Alta',
      score: /^Afinidad: \d{1,3}\s?%$/,
      reasons: 'Por qué',
      factors: [
        'Tema',
        'Modalidad',
        'Idioma',
        'Fechas',
        'Elegibilidad',
        'Texto',
        'Capacidad',
        'Trayectoria',
      ],
      include: (title: string) => `Incluir en la propuesta: ${title}`,
      chosen: '1 necesidad elegida',
      note: 'Nota para las partes (opcional)',
      noteText: 'Mismo grupo de trabajo y mismo idioma.',
      propose: 'Proponer un hermanamiento con las necesidades elegidas',
      proposed: 'Se propuso el hermanamiento con 1 necesidad. Las demás partes deben responder.',
      seeTwinning: 'Ver el hermanamiento',
    },
    twinning: {
      heading: (offer: string) => `Hermanamiento: ${offer}`,
      statusTerm: 'Estado',
      proposed: 'Propuesto',
      confirmed: 'Confirmado',
      parties: 'Partes',
      yourAnswer: 'Su respuesta',
      comment: 'Comentario (opcional)',
      commentText: 'De acuerdo: empezamos en febrero.',
      accept: 'Aceptar',
      accepted: 'Se registró su aceptación.',
      acceptedWord: 'Aceptó',
      hondurasAccepted: /^Honduras Aceptó .+ De acuerdo: empezamos en febrero\.$/,
    },
    confirm: {
      region: 'Hermanamientos por confirmar',
      action: (offer: string) => `Confirmar el hermanamiento de «${offer}»`,
      done: (offer: string) => `Hermanamiento confirmado: «${offer}».`,
      none: 'No hay hermanamientos aceptados por las partes que esperen confirmación.',
    },
    activity: {
      region: 'Registrar una actividad',
      kind: 'Tipo',
      workshop: 'Taller',
      title: 'Taller de adjudicación, módulo 1',
      titleLabel: 'Título',
      starts: 'Empieza',
      ends: 'Termina (opcional)',
      place: 'Lugar (opcional)',
      submit: 'Registrar la actividad',
      recorded: 'Se registró la actividad «Taller de adjudicación, módulo 1».',
      table: 'Actividades del hermanamiento',
      planned: 'Programada',
      complete: 'Registrar que se realizó: Taller de adjudicación, módulo 1',
      completeRegion: 'Se realizó: Taller de adjudicación, módulo 1',
      women: 'Mujeres',
      men: 'Hombres',
      other: 'Otras personas',
      outcome: 'Resultado',
      outcomeText: 'Veintiún oficiales capacitados en solicitudes con enfoque de género.',
      save: 'Guardar como realizada',
      completed: 'La actividad «Taller de adjudicación, módulo 1» quedó como realizada.',
      done: 'Realizada',
      participants: 'Participantes: 12 mujeres, 8 hombres, 1 otras personas (21)',
    },
  },
  en: {
    navigation: 'Main navigation',
    nav: {
      overview: 'Overview',
      home: 'Home',
      needs: 'Needs',
      twinnings: 'Twinnings',
      users: 'Users',
      organizations: 'Organizations',
    },
    canada: 'Canada',
    group: 'Strengthening asylum systems',
    coverage: {
      caption: 'Needs by MIRPS state and working group',
      noNeeds: 'No needs',
      cell: (open: number, inTwinning: number, fulfilled: number) =>
        `Honduras, Strengthening asylum systems: open ${open}, in twinning ${inTwinning}, fulfilled ${fulfilled}`,
    },
    organizations: {
      region: 'New organization',
      name: 'Name',
      kind: 'Kind',
      state: 'State',
      country: 'Home country (optional)',
      create: 'Create the organization',
      created: `The organization “${IRB}” was created.`,
      row: `${IRB} State Canada Active Disable`,
    },
    users: {
      region: 'Invite a user',
      email: 'E-mail',
      name: 'Name',
      role: 'Role',
      country: 'Country',
      organization: 'Organization',
      language: 'Language',
      languageOption: 'English',
      countryFocalPoint: 'Country focal point',
      memberFocalPoint: 'Member focal point',
      invite: 'Send the invitation',
      invited: (email: string) => `Invitation sent to ${email}.`,
      pending: 'Invitation pending',
    },
    invitation: {
      title: 'Accept your invitation',
      password: 'Password',
      submit: 'Save the password and sign in',
    },
    people: {
      honduras: { email: 'jose.reyes@hn.test', name: 'José Reyes' },
      member: { email: 'paul.tremblay@irb.test', name: 'Paul Tremblay' },
    },
    home: {
      title: 'Home',
      newNeed: 'New need',
      newOffer: 'New offer',
      offersOf: `Offers of ${IRB}`,
      waiting: 'Proposals waiting for your answer',
      proposal: (offer: string) => `“${offer}” by ${IRB}`,
      noneWaiting: 'No proposals are waiting for your answer.',
      open: 'Open: 1',
      inTwinning: 'In twinning: 1',
    },
    need: {
      title: 'Gender-based adjudication training for asylum officers',
      description:
        'Training of eligibility officers in gender-based adjudication of asylum claims.',
      formTitle: 'New need',
      titleLabel: 'Title',
      group: 'Working group',
      descriptionLabel: 'Description',
      modalities: 'Modalities',
      training: 'Training',
      languages: 'Languages',
      spanish: 'Spanish',
      priority: 'Priority',
      high: 'High',
      beneficiaries: 'Beneficiaries (optional)',
      nap: 'NAP reference (optional)',
      submit: 'Post the need',
      posted: (title: string) => `The need “${title}” was posted.`,
      listTitle: 'Needs',
      row: (title: string) => `${title} Honduras Strengthening asylum systems High Open`,
    },
    offer: {
      title: 'Asylum adjudication training',
      description:
        'The Immigration and Refugee Board trains adjudicators on gender-based claims, in English or Spanish.',
      formTitle: 'New offer',
      titleLabel: 'Title',
      descriptionLabel: 'Description',
      groups: 'Working groups',
      modalities: 'Modalities',
      training: 'Training',
      peerExchange: 'Peer exchange',
      languages: 'Languages',
      spanish: 'Spanish',
      english: 'English',
      capacity: 'Capacity',
      eligible: 'Eligible countries',
      submit: 'Post the offer',
      posted: (title: string) => `The offer “${title}” was posted.`,
      suggestions: 'Suggested needs',
      suggestedFacts: 'Honduras · Strengthening asylum systems · Priority: High',
      score: /^Fit: \d{1,3}%$/,
      reasons: 'Why',
      factors: [
        'Topic',
        'Modality',
        'Language',
        'Timing',
        'Eligibility',
        'Text',
        'Capacity',
        'Track record',
      ],
      include: (title: string) => `Include in the proposal: ${title}`,
      chosen: '1 need chosen',
      note: 'Note to the parties (optional)',
      noteText: 'Same working group, same language.',
      propose: 'Propose a twinning with the chosen needs',
      proposed: 'The twinning with 1 need was proposed. The other parties must answer.',
      seeTwinning: 'See the twinning',
    },
    twinning: {
      heading: (offer: string) => `Twinning: ${offer}`,
      statusTerm: 'Status',
      proposed: 'Proposed',
      confirmed: 'Confirmed',
      parties: 'Parties',
      yourAnswer: 'Your answer',
      comment: 'Comment (optional)',
      commentText: 'Agreed: we start in February.',
      accept: 'Accept',
      accepted: 'Your acceptance was recorded.',
      acceptedWord: 'Accepted',
      hondurasAccepted: /^Honduras Accepted .+ Agreed: we start in February\.$/,
    },
    confirm: {
      region: 'Twinnings to confirm',
      action: (offer: string) => `Confirm the twinning of “${offer}”`,
      done: (offer: string) => `Twinning confirmed: “${offer}”.`,
      none: 'No twinning accepted by its parties is waiting for confirmation.',
    },
    activity: {
      region: 'Record an activity',
      kind: 'Kind',
      workshop: 'Workshop',
      title: 'Adjudication workshop, module 1',
      titleLabel: 'Title',
      starts: 'Starts',
      ends: 'Ends (optional)',
      place: 'Place (optional)',
      submit: 'Record the activity',
      recorded: 'The activity “Adjudication workshop, module 1” was recorded.',
      table: 'Activities of the twinning',
      planned: 'Planned',
      complete: 'Record that it took place: Adjudication workshop, module 1',
      completeRegion: 'It took place: Adjudication workshop, module 1',
      women: 'Women',
      men: 'Men',
      other: 'Other',
      outcome: 'Outcome',
      outcomeText: 'Twenty-one officers trained in gender-based claims.',
      save: 'Save as done',
      completed: 'The activity “Adjudication workshop, module 1” is done.',
      done: 'Done',
      participants: 'Participants: 12 women, 8 men, 1 other (21)',
    },
  },
} as const;

/** The password each invited person chooses. */
const CHOSEN_PASSWORD = 'a-password-of-my-own';

/** The token of an e-mail's /invitation link. */
function invitationToken(text: string): string {
  const link = [...text.matchAll(/https?:\/\/\S+/g)]
    .map((match) => new URL(match[0]))
    .find((url) => url.pathname === '/invitation');
  expect(link).toBeDefined();
  return link!.searchParams.get('token') ?? '';
}

/** A row's words, spaces squeezed. */
async function wordsOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * The seed's story through the screens only, one person after another, each in a browser
 * context of their own: the secretariat creates the Immigration and Refugee Board of Canada
 * and invites a focal point of Honduras and one of the Board (the invitations come by e-mail,
 * through a real SMTP server); Honduras posts a need; the Board posts an offer, sees the need
 * suggested and proposes; Honduras accepts; the secretariat confirms; the Board records an
 * activity and completes it with participants by gender; the secretariat's coverage map goes
 * from no needs to one open need to one in twinning. Nothing is created through the API. Once
 * in Spanish, once in English, each on a fresh server; an axe scan of every screen visited;
 * no console errors anywhere.
 */
describeInBrowser("the seed's story, through the screens", () => {
  let browser: Browser;
  let sink: MailSink;
  let server: ConsoleServer | undefined;
  let opened: ConsolePage[] = [];

  beforeAll(async () => {
    [sink, browser] = await Promise.all([startMailSink(), launchBrowser()]);
  }, 60_000);

  afterEach(async () => {
    const errors: string[] = [];
    for (const { context, errors: printed } of opened) {
      await context.close();
      errors.push(...printed);
    }
    opened = [];
    await server?.stop();
    server = undefined;
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await sink?.close();
  });

  for (const language of ['es', 'en'] as const) {
    it(`from a need to a completed activity, in ${language === 'es' ? 'Spanish' : 'English'}`, async () => {
      await story(language);
    }, 240_000);
  }

  async function open(language: Language, width = 1280): Promise<Page> {
    const opening = await openConsole(browser, server!.url, { language, width });
    opening.context.setDefaultTimeout(15_000);
    opened.push(opening);
    return opening.page;
  }

  /** The page reads `language`, switching when the account's language differs. */
  async function reading(page: Page, language: Language): Promise<void> {
    await page.getByRole('navigation', { name: /Navegación principal|Main navigation/ }).waitFor();
    const switchTo = page.getByRole('button', { name: language.toUpperCase(), exact: true });
    if ((await switchTo.getAttribute('aria-pressed')) !== 'true') await switchTo.click();
    await page.getByRole('navigation', { name: WORDS[language].navigation }).waitFor();
  }

  async function heading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  /** The screens (and states of a screen) scanned in this language so far. */
  let scanned: string[] = [];
  /**
   * Whether this run has axe analyse them: the Spanish run does; the English one visits the
   * same screens, whose structure does not change with the language, and the areas' specs
   * scan them in English (an analysis costs seconds; the suite has a time budget).
   */
  let analysing = true;

  /**
   * No serious or critical axe violation on `screen` as it is now; a screen seen again in the
   * same language (the same state) is not scanned twice.
   */
  async function scan(page: Page, screen: string): Promise<void> {
    if (scanned.includes(screen)) return;
    scanned.push(screen);
    if (analysing) expect(await seriousViolations(page)).toEqual([]);
  }

  async function go(page: Page, language: Language, place: string): Promise<void> {
    await page
      .getByRole('navigation', { name: WORDS[language].navigation })
      .getByRole('link', { name: place, exact: true })
      .click();
  }

  /** The coverage map's cell of Honduras in the story's working group. */
  async function hondurasCell(page: Page, language: Language): Promise<Locator> {
    const table = page.getByRole('table', { name: WORDS[language].coverage.caption });
    // The headers are read all at once, so first wait for the table to have drawn the group's.
    await table.getByRole('columnheader', { name: WORDS[language].group }).waitFor();
    const columns = await table.getByRole('columnheader').allInnerTexts();
    const column = columns.map((text) => text.trim()).indexOf(WORDS[language].group);
    expect(column).toBeGreaterThan(0);
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Honduras', exact: true }) });
    return row.getByRole('cell').nth(column - 1);
  }

  /** The cell says (to screen readers, as its link's name) and shows these numbers. */
  async function expectCell(
    page: Page,
    language: Language,
    [open, inTwinning, fulfilled]: [number, number, number],
  ): Promise<void> {
    const cell = await hondurasCell(page, language);
    await cell
      .getByRole('link', { name: WORDS[language].coverage.cell(open, inTwinning, fulfilled) })
      .waitFor();
    expect((await wordsOf(cell)).startsWith(`${open} · ${inTwinning} · ${fulfilled} `)).toBe(true);
  }

  /** The invited person opens the e-mail's link in a browser of their own and signs in. */
  async function acceptInvitation(
    email: string,
    language: Language,
    width: number,
    home: string,
  ): Promise<Page> {
    const words = WORDS[language];
    const mail = await sink.waitForMail((sent) => sent.to === email);
    expect(mail.htmlLang).toBe(language);
    const page = await open(language, width);
    await page.goto(`/invitation?token=${invitationToken(mail.text)}`);
    await heading(page, words.invitation.title);
    await scan(page, 'invitation');
    await page.getByLabel(words.invitation.password).fill(CHOSEN_PASSWORD);
    await page.getByRole('button', { name: words.invitation.submit }).click();
    // Invited in this language: the console reads it with no switch.
    await page.getByRole('navigation', { name: words.navigation }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await heading(page, words.home.title);
    await scan(page, home);
    return page;
  }

  /** The status the twinning page states. */
  function twinningStatus(page: Page, language: Language): Locator {
    return page.locator(`dl.facts > dt:text-is("${WORDS[language].twinning.statusTerm}") + dd`);
  }

  async function story(language: Language): Promise<void> {
    const words = WORDS[language];
    const { honduras: hnPerson, member: memberPerson } = words.people;
    scanned = [];
    analysing = language === 'es';
    server = await startConsoleServer({ SMTP_URL: sink.url, MAIL_POLL_MS: '50' });

    // The secretariat: the coverage map before anything, then the organization and the invitations.
    const sec = await open(language);
    await signIn(sec, SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, language);
    await reading(sec, language);
    await heading(sec, words.nav.overview);
    const before = await hondurasCell(sec, language);
    await before.getByText(words.coverage.noNeeds, { exact: true }).waitFor();
    expect(await before.getByRole('link').count()).toBe(0);
    await sec.getByText(words.confirm.none, { exact: true }).waitFor();
    await scan(sec, 'overview');

    await go(sec, language, words.nav.organizations);
    await heading(sec, words.nav.organizations);
    const newOrganization = sec.getByRole('region', { name: words.organizations.region });
    await newOrganization.getByLabel(words.organizations.name, { exact: true }).fill(IRB);
    await newOrganization
      .getByLabel(words.organizations.kind, { exact: true })
      .selectOption({ label: words.organizations.state });
    await newOrganization
      .getByLabel(words.organizations.country)
      .selectOption({ label: words.canada });
    await newOrganization.getByRole('button', { name: words.organizations.create }).click();
    await sec.getByText(words.organizations.created, { exact: true }).waitFor();
    const organizationRow = sec.getByRole('row').filter({ hasText: IRB });
    await organizationRow.waitFor();
    expect(await wordsOf(organizationRow)).toBe(words.organizations.row);
    await scan(sec, 'organizations');

    await go(sec, language, words.nav.users);
    await heading(sec, words.nav.users);
    const invite = sec.getByRole('region', { name: words.users.region });
    const invitations: [{ email: string; name: string }, string, Locator, string][] = [
      [hnPerson, words.users.countryFocalPoint, invite.getByLabel(words.users.country), 'Honduras'],
      [
        memberPerson,
        words.users.memberFocalPoint,
        invite.getByLabel(words.users.organization, { exact: true }),
        IRB,
      ],
    ];
    for (const [person, role, binding, boundTo] of invitations) {
      await invite.getByLabel(words.users.email, { exact: true }).fill(person.email);
      await invite.getByLabel(words.users.name, { exact: true }).fill(person.name);
      await invite.getByLabel(words.users.role, { exact: true }).selectOption({ label: role });
      await binding.selectOption({ label: boundTo });
      await invite
        .getByLabel(words.users.language, { exact: true })
        .selectOption({ label: words.users.languageOption });
      await invite.getByRole('button', { name: words.users.invite }).click();
      await sec.getByText(words.users.invited(person.email), { exact: true }).waitFor();
      const row = sec.getByRole('row').filter({ hasText: person.email });
      await row.getByText(words.users.pending, { exact: true }).waitFor();
      expect(await wordsOf(row)).toContain(`${person.name} ${person.email} ${role} ${boundTo}`);
    }
    await scan(sec, 'users');

    // Honduras (on a phone in Spanish, at a desk in English) signs in from its invitation and posts its need.
    const hn = await acceptInvitation(
      hnPerson.email,
      language,
      language === 'es' ? 360 : 1280,
      'home of a country',
    );
    await hn.getByRole('link', { name: words.home.newNeed, exact: true }).click();
    await heading(hn, words.need.formTitle);
    await hn.getByLabel(words.need.titleLabel, { exact: true }).fill(words.need.title);
    await hn.getByLabel(words.need.group, { exact: true }).selectOption({ label: words.group });
    await hn.getByLabel(words.need.descriptionLabel, { exact: true }).fill(words.need.description);
    await hn
      .getByRole('group', { name: words.need.modalities })
      .getByRole('checkbox', { name: words.need.training, exact: true })
      .check();
    expect(
      await hn
        .getByRole('group', { name: words.need.languages })
        .getByRole('checkbox', { name: words.need.spanish, exact: true })
        .isChecked(),
    ).toBe(true);
    await hn
      .getByLabel(words.need.priority, { exact: true })
      .selectOption({ label: words.need.high });
    await hn.getByLabel(words.need.beneficiaries).fill('40');
    await hn.getByLabel(words.need.nap).fill('HN-PAN-2026-04');
    await scan(hn, 'need form');
    await hn.getByRole('button', { name: words.need.submit }).click();
    await heading(hn, words.need.title);
    await hn.getByText(words.need.posted(words.need.title), { exact: true }).waitFor();
    await scan(hn, 'need page');
    await go(hn, language, words.nav.needs);
    await heading(hn, words.need.listTitle);
    const needRow = hn.getByRole('row').filter({ hasText: words.need.title });
    await needRow.waitFor();
    expect((await wordsOf(needRow)).startsWith(`${words.need.row(words.need.title)} `)).toBe(true);
    await scan(hn, 'needs list');

    // The secretariat's map: one open need; its cell opens the list of them.
    await go(sec, language, words.nav.overview);
    await heading(sec, words.nav.overview);
    await expectCell(sec, language, [1, 0, 0]);
    await scan(sec, 'overview');
    await (await hondurasCell(sec, language)).getByRole('link').click();
    await heading(sec, words.need.listTitle);
    expect(new URL(sec.url()).search).toBe('?country=HN&workingGroup=ASYLUM_SYSTEMS&status=OPEN');
    await sec.getByRole('row').filter({ hasText: words.need.title }).waitFor();
    await scan(sec, 'needs list');

    // The Board's focal point (on a phone in English) posts an offer, sees the need suggested, proposes.
    const irb = await acceptInvitation(
      memberPerson.email,
      language,
      language === 'en' ? 360 : 1280,
      'home of a member',
    );
    await irb.getByRole('heading', { level: 2, name: words.home.offersOf }).waitFor();
    await irb.getByRole('link', { name: words.home.newOffer, exact: true }).click();
    await heading(irb, words.offer.formTitle);
    await irb.getByLabel(words.offer.titleLabel, { exact: true }).fill(words.offer.title);
    await irb
      .getByLabel(words.offer.descriptionLabel, { exact: true })
      .fill(words.offer.description);
    await irb
      .getByRole('group', { name: words.offer.groups })
      .getByRole('checkbox', { name: words.group, exact: true })
      .check();
    const modalities = irb.getByRole('group', { name: words.offer.modalities });
    await modalities.getByRole('checkbox', { name: words.offer.training, exact: true }).check();
    await modalities.getByRole('checkbox', { name: words.offer.peerExchange, exact: true }).check();
    const languages = irb.getByRole('group', { name: words.offer.languages });
    expect(
      await languages.getByRole('checkbox', { name: words.offer.spanish, exact: true }).isChecked(),
    ).toBe(true);
    await languages.getByRole('checkbox', { name: words.offer.english, exact: true }).check();
    await irb.getByLabel(words.offer.capacity, { exact: true }).fill('3');
    await irb
      .getByRole('group', { name: words.offer.eligible })
      .getByRole('checkbox', { name: 'Honduras', exact: true })
      .check();
    await scan(irb, 'offer form');
    await irb.getByRole('button', { name: words.offer.submit }).click();
    await heading(irb, words.offer.title);
    await irb.getByText(words.offer.posted(words.offer.title), { exact: true }).waitFor();

    const suggestions = irb.getByRole('region', { name: words.offer.suggestions });
    const suggestion = suggestions
      .getByRole('listitem')
      .filter({ has: irb.getByRole('heading', { level: 3, name: words.need.title }) });
    await suggestion.waitFor();
    expect(await suggestion.getByText(words.offer.suggestedFacts, { exact: true }).count()).toBe(1);
    expect((await suggestion.getByText(words.offer.score).innerText()).trim()).toMatch(
      words.offer.score,
    );
    const reasons = await suggestion
      .getByRole('list', { name: words.offer.reasons })
      .getByRole('listitem')
      .allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(words.offer.factors).toContain(reason.split(':')[0]);
    }
    await scan(irb, 'offer page');
    await suggestion.getByRole('checkbox', { name: words.offer.include(words.need.title) }).check();
    await irb.getByText(words.offer.chosen, { exact: true }).waitFor();
    await irb.getByLabel(words.offer.note).fill(words.offer.noteText);
    await irb.getByRole('button', { name: words.offer.propose }).click();
    const proposed = irb.getByRole('status').filter({ hasText: words.offer.proposed });
    await proposed.waitFor();
    expect(await wordsOf(proposed)).toBe(`${words.offer.proposed} ${words.offer.seeTwinning}`);
    await proposed.getByRole('link', { name: words.offer.seeTwinning, exact: true }).click();
    await heading(irb, words.twinning.heading(words.offer.title));
    expect(await twinningStatus(irb, language).innerText()).toBe(words.twinning.proposed);
    await scan(irb, 'twinning page');

    // Honduras finds the proposal on its home, waiting for its answer, and accepts it.
    await go(hn, language, words.nav.home);
    await heading(hn, words.home.title);
    const waiting = hn.getByRole('region', { name: words.home.waiting });
    const proposal = waiting.getByRole('link', { name: words.home.proposal(words.offer.title) });
    await proposal.waitFor();
    // Honduras's need stays open until Honduras accepts (the consent rule): its count says so.
    await hn.getByRole('link', { name: words.home.open, exact: true }).waitFor();
    await scan(hn, 'home of a country');
    await proposal.click();
    await heading(hn, words.twinning.heading(words.offer.title));
    await hn.getByRole('heading', { level: 2, name: words.twinning.yourAnswer }).waitFor();
    await scan(hn, 'twinning page: the answer');
    await hn.getByLabel(words.twinning.comment).fill(words.twinning.commentText);
    await hn.getByRole('button', { name: words.twinning.accept, exact: true }).click();
    await hn.getByText(words.twinning.accepted, { exact: true }).waitFor();
    const hondurasParty = hn
      .getByRole('table', { name: words.twinning.parties })
      .getByRole('row')
      .filter({ hasText: 'Honduras' });
    await hondurasParty.getByText(words.twinning.acceptedWord, { exact: true }).waitFor();
    expect(await wordsOf(hondurasParty)).toMatch(words.twinning.hondurasAccepted);
    expect(await hn.getByRole('heading', { name: words.twinning.yourAnswer }).count()).toBe(0);
    await go(hn, language, words.nav.home);
    await hn.getByRole('link', { name: words.home.inTwinning, exact: true }).waitFor();
    await waiting.getByText(words.home.noneWaiting, { exact: true }).waitFor();

    // The secretariat confirms it from the overview's list of twinnings to confirm.
    await go(sec, language, words.nav.overview);
    await heading(sec, words.nav.overview);
    const toConfirm = sec.getByRole('region', { name: words.confirm.region });
    const confirm = toConfirm.getByRole('button', {
      name: words.confirm.action(words.offer.title),
    });
    await confirm.waitFor();
    await expectCell(sec, language, [0, 1, 0]);
    await scan(sec, 'overview: a twinning to confirm');
    await confirm.click();
    await sec.getByText(words.confirm.done(words.offer.title), { exact: true }).waitFor();
    await toConfirm.getByText(words.confirm.none, { exact: true }).waitFor();

    // The Board's page followed without a reload: it records an activity and completes it.
    await twinningStatus(irb, language)
      .getByText(words.twinning.confirmed, { exact: true })
      .waitFor();
    const record = irb.getByRole('region', { name: words.activity.region });
    await record
      .getByLabel(words.activity.kind, { exact: true })
      .selectOption({ label: words.activity.workshop });
    await record.getByLabel(words.activity.titleLabel, { exact: true }).fill(words.activity.title);
    await record.getByLabel(words.activity.starts, { exact: true }).fill('2026-02-16T09:00');
    await record.getByLabel(words.activity.ends).fill('2026-02-17T17:00');
    await record.getByLabel(words.activity.place).fill('Tegucigalpa');
    await scan(irb, 'twinning page: recording an activity');
    await record.getByRole('button', { name: words.activity.submit }).click();
    await irb.getByText(words.activity.recorded, { exact: true }).waitFor();
    const activity = irb
      .getByRole('table', { name: words.activity.table })
      .getByRole('row')
      .filter({ hasText: words.activity.title });
    await activity.getByText(words.activity.planned, { exact: true }).waitFor();
    expect(await activity.innerText()).toContain('Tegucigalpa');
    await activity.getByRole('button', { name: words.activity.complete }).click();
    const complete = irb.getByRole('region', { name: words.activity.completeRegion });
    await complete.getByLabel(words.activity.women, { exact: true }).fill('12');
    await complete.getByLabel(words.activity.men, { exact: true }).fill('8');
    await complete.getByLabel(words.activity.other, { exact: true }).fill('1');
    await complete
      .getByLabel(words.activity.outcome, { exact: true })
      .fill(words.activity.outcomeText);
    await scan(irb, 'twinning page: an activity took place');
    await complete.getByRole('button', { name: words.activity.save }).click();
    await irb.getByText(words.activity.completed, { exact: true }).waitFor();
    await activity.getByText(words.activity.done, { exact: true }).waitFor();
    expect(await activity.innerText()).toContain(words.activity.participants);
    await scan(irb, 'twinning page');

    // The secretariat reads the twinning and its activity, then the map: one need in twinning.
    await go(sec, language, words.nav.twinnings);
    await sec.getByRole('link', { name: words.offer.title, exact: true }).first().click();
    await heading(sec, words.twinning.heading(words.offer.title));
    expect(await twinningStatus(sec, language).innerText()).toBe(words.twinning.confirmed);
    const recorded = sec
      .getByRole('table', { name: words.activity.table })
      .getByRole('row')
      .filter({ hasText: words.activity.title });
    await recorded.getByText(words.activity.done, { exact: true }).waitFor();
    expect(await recorded.innerText()).toContain(words.activity.participants);
    await scan(sec, 'twinning page of the secretariat');
    await go(sec, language, words.nav.overview);
    await heading(sec, words.nav.overview);
    await expectCell(sec, language, [0, 1, 0]);
    await scan(sec, 'overview');
    expect(scanned).toEqual([
      'overview',
      'organizations',
      'users',
      'invitation',
      'home of a country',
      'need form',
      'need page',
      'needs list',
      'home of a member',
      'offer form',
      'offer page',
      'twinning page',
      'twinning page: the answer',
      'overview: a twinning to confirm',
      'twinning page: recording an activity',
      'twinning page: an activity took place',
      'twinning page of the secretariat',
    ]);
  }
});
