import { ManualClock } from '../../src/common/clock/clock';
import { ExpiryJobs } from '../../src/expiry/expiry-jobs';
import { NotificationJobs } from '../../src/notifications/notification-jobs';
import { ScheduledJobs } from '../../src/scheduling/scheduled-jobs';
import {
  aConfirmedTwinning,
  anActivity,
  buildWorld,
  CANCEL_TWINNING,
  COMPLETE_TWINNING,
  CONFIRM_TWINNING,
  PROPOSE_TWINNING,
  postNeed,
  postOffer,
  RECORD_ACTIVITY,
  RESPOND_TO_TWINNING,
  World,
} from '../support/builders';
import { MailSink, ReceivedMail, startMailSink } from '../support/mail-sink';
import { SECRETARIAT_EMAIL, startTestApp, TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://twinning.example.org';
const MEMBER = 'member@irb.test';
const HONDURAS = 'focal@hn.test';
const GUATEMALA = 'focal@gt.test';

const MY_NOTIFICATIONS = `query ($unreadOnly: Boolean, $first: Int) {
  myNotifications(unreadOnly: $unreadOnly, first: $first) {
    totalCount edges { node { id kind title body link readAt createdAt } }
  }
}`;

interface NotificationNode {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}

/**
 * Who is told what (API.md, "People, language and mail"), through a real SMTP server: each
 * step of a twinning tells exactly the people the table names, once, in each one's
 * language, in `myNotifications` and by e-mail (text and HTML, a link under PUBLIC_URL);
 * a muted kind is not e-mailed; reminders and the digest come once however often their
 * jobs run.
 */
describe('notifications and their e-mails', () => {
  let app: TestApp;
  let sink: MailSink;
  let world: World;

  beforeAll(async () => {
    sink = await startMailSink();
    app = await startTestApp({
      env: { SMTP_URL: sink.url, MAIL_POLL_MS: '50', PUBLIC_URL },
    });
    world = await buildWorld(app);
    // Honduras reads Spanish; everyone else in the world reads English.
    await app.ok('mutation { updateMyProfile(input: { locale: ES }) { locale } }', undefined, {
      as: world.honduras,
    });
  });
  afterAll(async () => {
    await app.close();
    await sink.close();
  });

  /** Every e-mail `sink` holds from index `from` on, as [to, subject], sorted by address. */
  function mailsSince(from: number): [string, string][] {
    return sink.received
      .slice(from)
      .map((mail): [string, string] => [mail.to, mail.subject])
      .sort(([a], [b]) => a.localeCompare(b));
  }

  /** Waits until `count` new e-mails arrived after `from`, and a moment for any extra. */
  async function newMails(from: number, count: number): Promise<[string, string][]> {
    await sink.waitForCount(from + count);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return mailsSince(from);
  }

  async function notificationsOf(token: string, unreadOnly = false): Promise<NotificationNode[]> {
    const data = await app.ok<{
      myNotifications: { edges: { node: NotificationNode }[] };
    }>(MY_NOTIFICATIONS, { unreadOnly, first: 100 }, { as: token });
    return data.myNotifications.edges.map((edge) => edge.node);
  }

  async function propose(countries: ('HN' | 'GT')[], offerTitle: string) {
    const offerId = await postOffer(app, world.member, world.organizationId, {
      title: offerTitle,
    });
    const needIds: string[] = [];
    for (const countryCode of countries) {
      needIds.push(
        await postNeed(app, world.secretariat, {
          countryCode,
          title: `Asylum case management (${countryCode})`,
        }),
      );
    }
    const data = await app.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds, note: 'Fits both plans' } },
      { as: world.member },
    );
    return data.proposeTwinning.id;
  }

  it('follows a twinning from proposal to completion: each step tells the people it names, once, in their language', async () => {
    let from = sink.received.length;
    const id = await propose(['HN', 'GT'], 'Refugee status determination coaching');
    // A proposal: the focal points of each PENDING party; not the member who proposed.
    expect(await newMails(from, 2)).toEqual([
      [GUATEMALA, 'New twinning proposal: Refugee status determination coaching'],
      [HONDURAS, 'Nueva propuesta de hermanamiento: Refugee status determination coaching'],
    ]);
    const spanish = sink.to(HONDURAS).at(-1)!;
    expect(spanish.htmlLang).toBe('es');
    expect(spanish.text).toContain(
      'Immigration and Refugee Board of Canada propone un hermanamiento de la oferta «Refugee status determination coaching» con las necesidades «Asylum case management (GT)» y «Asylum case management (HN)». Acepte o rechace la propuesta en nombre de Honduras.',
    );
    expect(spanish.text).toContain('Comentario: «Fits both plans»');
    expect(spanish.text).toContain(`${PUBLIC_URL}/twinnings/${id}`);
    expect(spanish.html).toContain(`href="${PUBLIC_URL}/twinnings/${id}"`);
    expect(spanish.html).toContain('Ver el hermanamiento');
    const english = sink.to(GUATEMALA).at(-1)!;
    expect(english.htmlLang).toBe('en');
    expect(english.text).toContain(
      'Immigration and Refugee Board of Canada proposes a twinning of the offer “Refugee status determination coaching” with the needs “Asylum case management (GT)” and “Asylum case management (HN)”. Please accept or decline it for Guatemala.',
    );

    // An answer: the proposer.
    from = sink.received.length;
    await app.ok(
      RESPOND_TO_TWINNING,
      { id, accept: true, comment: 'De acuerdo' },
      {
        as: world.honduras,
      },
    );
    expect(await newMails(from, 1)).toEqual([
      [MEMBER, 'Honduras accepted your proposal: Refugee status determination coaching'],
    ]);
    expect(sink.to(MEMBER).at(-1)!.text).toContain('Comment: “De acuerdo”');

    // The last acceptance: the proposer hears of the answer, the secretariat that it waits.
    from = sink.received.length;
    await app.ok(RESPOND_TO_TWINNING, { id, accept: true }, { as: world.guatemala });
    expect(await newMails(from, 2)).toEqual([
      [MEMBER, 'Guatemala accepted your proposal: Refugee status determination coaching'],
      [SECRETARIAT_EMAIL, 'Twinning ready for confirmation: Refugee status determination coaching'],
    ]);

    // Confirmed: every party's focal points.
    from = sink.received.length;
    await app.ok(CONFIRM_TWINNING, { id }, { as: world.secretariat });
    expect(await newMails(from, 3)).toEqual([
      [GUATEMALA, 'Twinning confirmed: Refugee status determination coaching'],
      [HONDURAS, 'Hermanamiento confirmado: Refugee status determination coaching'],
      [MEMBER, 'Twinning confirmed: Refugee status determination coaching'],
    ]);

    // Completed by the member: every party but the member.
    from = sink.received.length;
    await app.ok(
      COMPLETE_TWINNING,
      { id, summary: '38 adjudicators trained' },
      {
        as: world.member,
      },
    );
    expect(await newMails(from, 2)).toEqual([
      [GUATEMALA, 'Twinning concluded: Refugee status determination coaching'],
      [HONDURAS, 'Hermanamiento concluido: Refugee status determination coaching'],
    ]);
    expect(sink.to(HONDURAS).at(-1)!.text).toContain('Resumen: «38 adjudicators trained»');

    // The same, in the service: Honduras's notifications in Spanish, newest first.
    const hn = await notificationsOf(world.honduras);
    expect(hn.map((n) => [n.kind, n.title])).toEqual([
      ['TWINNING_COMPLETED', 'Hermanamiento concluido: Refugee status determination coaching'],
      ['TWINNING_CONFIRMED', 'Hermanamiento confirmado: Refugee status determination coaching'],
      [
        'TWINNING_PROPOSED',
        'Nueva propuesta de hermanamiento: Refugee status determination coaching',
      ],
    ]);
    expect(hn.every((n) => n.link === `${PUBLIC_URL}/twinnings/${id}` && n.readAt === null)).toBe(
      true,
    );
  });

  it('tells every party of a refusal and of a cancellation', async () => {
    let from = sink.received.length;
    const declined = await propose(['HN'], 'Registration systems review');
    await newMails(from, 1);
    from = sink.received.length;
    await app.ok(
      RESPOND_TO_TWINNING,
      { id: declined, accept: false, comment: 'No por ahora' },
      {
        as: world.honduras,
      },
    );
    // The member proposed and is a party: told once, of the refusal.
    expect(await newMails(from, 1)).toEqual([
      [MEMBER, 'Twinning declined: Registration systems review'],
    ]);
    expect(sink.to(MEMBER).at(-1)!.text).toContain(
      'Honduras declined the twinning of the offer “Registration systems review” with the needs “Asylum case management (HN)”. The needs are open again.',
    );

    from = sink.received.length;
    const cancelled = await propose(['GT'], 'Reception centres standards');
    await newMails(from, 1);
    from = sink.received.length;
    await app.ok(
      CANCEL_TWINNING,
      { id: cancelled, reason: 'The plan changed' },
      {
        as: world.secretariat,
      },
    );
    expect(await newMails(from, 2)).toEqual([
      [GUATEMALA, 'Twinning cancelled: Reception centres standards'],
      [MEMBER, 'Twinning cancelled: Reception centres standards'],
    ]);
  });

  it('keeps a muted kind in the service only, and marks notifications read', async () => {
    await app.ok(
      'mutation ($kinds: [NotificationKind!]!) { updateEmailPreferences(mutedEmailKinds: $kinds) { mutedEmailKinds } }',
      { kinds: ['TWINNING_CONFIRMED'] },
      { as: world.honduras },
    );
    const me = await app.ok<{ me: { mutedEmailKinds: string[] } }>(
      '{ me { mutedEmailKinds } }',
      undefined,
      { as: world.honduras },
    );
    expect(me.me.mutedEmailKinds).toEqual(['TWINNING_CONFIRMED']);

    const before = (await notificationsOf(world.honduras)).length;
    const from = sink.received.length;
    await aConfirmedTwinning(app, world, { offer: { title: 'Interview techniques' } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The proposal still e-mailed; the confirmation not.
    expect(
      sink.received
        .slice(from)
        .filter((mail) => mail.to === HONDURAS)
        .map((m) => m.subject),
    ).toEqual(['Nueva propuesta de hermanamiento: Interview techniques']);
    const after = await notificationsOf(world.honduras);
    expect(after.length).toBe(before + 2);
    expect(after[0].kind).toBe('TWINNING_CONFIRMED');

    const unread = await notificationsOf(world.honduras, true);
    expect(unread.length).toBe(after.length);
    const ids = unread.slice(0, 2).map((n) => n.id);
    const marked = await app.ok<{ markNotificationsRead: number }>(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      { ids },
      { as: world.honduras },
    );
    expect(marked.markNotificationsRead).toBe(2);
    // Again: nothing left to mark; another person's ids change nothing either.
    const again = await app.ok<{ markNotificationsRead: number }>(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      { ids },
      { as: world.honduras },
    );
    expect(again.markNotificationsRead).toBe(0);
    const memberIds = (await notificationsOf(world.member, true)).map((n) => n.id);
    const foreign = await app.ok<{ markNotificationsRead: number }>(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      { ids: memberIds },
      { as: world.honduras },
    );
    expect(foreign.markNotificationsRead).toBe(0);
    expect((await notificationsOf(world.member, true)).length).toBe(memberIds.length);
    expect((await notificationsOf(world.honduras, true)).length).toBe(unread.length - 2);

    // Another person's preferences are not theirs to read.
    const seenByMember = await app.ok<{ users: { email: string; mutedEmailKinds: string[] }[] }>(
      '{ users { email mutedEmailKinds } }',
      undefined,
      { as: world.secretariat },
    );
    expect(seenByMember.users.find((user) => user.email === HONDURAS)?.mutedEmailKinds).toEqual([
      'TWINNING_CONFIRMED',
    ]);
    await app.ok(
      'mutation { updateEmailPreferences(mutedEmailKinds: []) { mutedEmailKinds } }',
      undefined,
      { as: world.honduras },
    );
  });

  it('refuses bad input in the caller’s language and writes nothing', async () => {
    const bad = await app.gql('mutation { markNotificationsRead(ids: ["not-an-id"]) }', undefined, {
      as: world.honduras,
      headers: { 'accept-language': 'es' },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await app.gql(MY_NOTIFICATIONS, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reminds the parties of an activity starting within 7 days, once however often the job runs', async () => {
    const id = await aConfirmedTwinning(app, world, { offer: { title: 'Shelter management' } });
    const startsAt = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    startsAt.setUTCHours(15, 0, 0, 0);
    await app.ok(
      RECORD_ACTIVITY,
      {
        input: anActivity(id, {
          title: 'Taller de gestión de albergues',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          location: 'San Pedro Sula',
        }),
      },
      { as: world.member },
    );
    const jobs = app.app.get(NotificationJobs);
    await jobs.upcomingJob();
    await jobs.upcomingJob();
    const isReminder = (mail: ReceivedMail) => /Taller de gestión/.test(mail.subject);
    await sink.waitForCount(2, isReminder);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      sink.received
        .filter(isReminder)
        .map((mail) => [mail.to, mail.subject])
        .sort(([a], [b]) => a.localeCompare(b)),
    ).toEqual([
      [HONDURAS, 'Próxima actividad: Taller de gestión de albergues'],
      [MEMBER, 'Upcoming activity: Taller de gestión de albergues'],
    ]);
    const date = new Intl.DateTimeFormat('es', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(startsAt);
    expect(sink.to(HONDURAS).at(-1)!.text).toContain(`comienza el ${date} (UTC).`);
    expect(sink.to(HONDURAS).at(-1)!.text).toContain('Lugar: San Pedro Sula');
  });

  it('sends the daily digest of new suggestions to the other side, at most once a day', async () => {
    const jobs = app.app.get(NotificationJobs);
    await postOffer(app, world.member, world.organizationId, {
      title: 'Asylum adjudication training for new officers',
    });
    await postNeed(app, world.secretariat, {
      countryCode: 'HN',
      title: 'Training of asylum adjudication officers',
    });
    const now = new Date(Date.now() + 1000);
    await jobs.digestJob(now);
    await jobs.digestJob(new Date(now.getTime() + 1000));
    const isDigest = (mail: ReceivedMail) => /suggestion|sugerencia/.test(mail.subject);
    await sink.waitForCount(2, isDigest);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Guatemala too: its need of the cancelled twinning is open again, and fits the offer.
    expect(
      sink.received
        .filter(isDigest)
        .map((mail) => mail.to)
        .sort(),
    ).toEqual([GUATEMALA, HONDURAS, MEMBER]);
    const toMember = sink.to(MEMBER).filter((mail) => /suggestion/.test(mail.subject));
    expect(toMember).toHaveLength(1);
    expect(toMember[0].text).toContain(
      '“Training of asylum adjudication officers” (Honduras) fits your offer “Asylum adjudication training for new officers”',
    );
    const toHonduras = sink.to(HONDURAS).filter((mail) => /sugerencia/.test(mail.subject));
    expect(toHonduras).toHaveLength(1);
    expect(toHonduras[0].text).toContain(
      'La oferta «Asylum adjudication training for new officers» (Immigration and Refugee Board of Canada) corresponde a su necesidad «Training of asylum adjudication officers»',
    );
  });

  it('sends each e-mail once: no Message-ID twice', () => {
    const ids = sink.received.map((mail: ReceivedMail) => mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^<[0-9a-f-]{36}@localhost>$/.test(id))).toBe(true);
  });
});

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const OFFER = 'Asylum adjudication training for new officers';
const IRB = 'Immigration and Refugee Board of Canada';
const WORLD_BANK_OFFER = 'Asylum adjudication training, online course';

/**
 * The NEW_MATCHES digest over days, on a clock the test moves (no sleeping): each person is
 * told what was opened for matching since their own last digest (posted, reopened by a
 * twinning, renewed after expiry), at most once a day, and a second run in a day neither
 * loses a line nor tells one twice.
 */
describe('the NEW_MATCHES digest over days', () => {
  let app: TestApp;
  let clock: ManualClock;
  let world: World;
  let jobs: NotificationJobs;
  let scheduled: ScheduledJobs;
  /** The first UTC midnight after the app started: the start of day 1. */
  let day1: Date;
  let offerId: string;
  let hondurasNeedId: string;
  let guatemalaNeedId: string;

  beforeAll(async () => {
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    clock = new ManualClock(start);
    // The cron never fires during the test (1 January): only the test runs the job.
    app = await startTestApp({ clock, env: { NEW_MATCHES_CRON: '0 0 1 1 *' } });
    jobs = app.app.get(NotificationJobs);
    scheduled = app.app.get(ScheduledJobs);
    world = await buildWorld(app);
    // The start-up catch-up runs the digest at `start`: wait for it to end.
    for (let tries = 0; (await scheduled.lastRunOf('new-matches-digest')) === null; tries++) {
      if (tries > 1000) throw new Error('The digest did not catch up at start-up');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await scheduled.lastRunOf('new-matches-digest')).toEqual(start);
    day1 = new Date(Math.floor(start.getTime() / DAY_MS) * DAY_MS + DAY_MS);
  });
  afterAll(async () => {
    await app.close();
  });

  /** Sets the clock to `hours` into day `day` (day 1: the first UTC midnight after start). */
  function at(day: number, hours: number): Date {
    const moment = new Date(day1.getTime() + (day - 1) * DAY_MS + hours * HOUR_MS);
    clock.set(moment);
    return moment;
  }

  /** Runs the digest job at `moment`, and checks that it ran to the end. */
  async function runDigest(moment: Date): Promise<void> {
    clock.set(moment);
    await jobs.digestJob(moment);
    expect(await scheduled.lastRunOf('new-matches-digest')).toEqual(moment);
  }

  /**
   * Every digest `token`'s person was given, oldest first: its UTC day and its lines
   * (without their scores), sorted; the title counts the lines.
   */
  async function digestsOf(token: string): Promise<{ day: string; lines: string[] }[]> {
    const data = await app.ok<{ myNotifications: { edges: { node: NotificationNode }[] } }>(
      MY_NOTIFICATIONS,
      { first: 100 },
      { as: token },
    );
    return data.myNotifications.edges
      .map((edge) => edge.node)
      .filter((node) => node.kind === 'NEW_MATCHES')
      .reverse()
      .map((node) => {
        const lines = node.body
          .split('\n\n')
          .slice(1)
          .map((line) => line.replace(/: score \d+ %$/, ''))
          .sort();
        const count = lines.length === 1 ? 'A new suggestion' : `${lines.length} new suggestions`;
        expect(node.title).toBe(`${count} for you`);
        return { day: (node as unknown as { createdAt: string }).createdAt.slice(0, 10), lines };
      });
  }

  const dayOf = (day: number) =>
    new Date(day1.getTime() + (day - 1) * DAY_MS).toISOString().slice(0, 10);
  const needFits = (need: string, country: string, offer = OFFER) =>
    `“${need}” (${country}) fits your offer “${offer}”`;
  const offerFits = (need: string, offer = OFFER, organization = IRB) =>
    `The offer “${offer}” (${organization}) fits your need “${need}”`;
  const HN_NEED = 'Training of asylum adjudication officers (HN)';
  const GT_NEED = 'Training of asylum adjudication officers (GT)';
  const HN_NEED_2 = 'Training of asylum adjudication officers, second cohort (HN)';
  const GT_NEED_3 = 'Training of asylum adjudication officers, third cohort (GT)';

  it('suggests a need reopened by completeTwinning(reopenNeedIds) again in the next digest', async () => {
    at(1, 0.02);
    offerId = await postOffer(app, world.member, world.organizationId, { title: OFFER });
    hondurasNeedId = await postNeed(app, world.secretariat, { countryCode: 'HN', title: HN_NEED });
    guatemalaNeedId = await postNeed(app, world.secretariat, { countryCode: 'GT', title: GT_NEED });
    await runDigest(at(1, 0.1));
    expect(await digestsOf(world.member)).toEqual([
      { day: dayOf(1), lines: [needFits(GT_NEED, 'Guatemala'), needFits(HN_NEED, 'Honduras')] },
    ]);
    expect(await digestsOf(world.honduras)).toEqual([
      { day: dayOf(1), lines: [offerFits(HN_NEED)] },
    ]);
    expect(await digestsOf(world.guatemala)).toEqual([
      { day: dayOf(1), lines: [offerFits(GT_NEED)] },
    ]);

    // Twinned with both needs, completed with Guatemala's unmet: it is OPEN again.
    at(1, 10);
    const proposed = await app.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds: [hondurasNeedId, guatemalaNeedId] } },
      { as: world.member },
    );
    const id = proposed.proposeTwinning.id;
    await app.ok(RESPOND_TO_TWINNING, { id, accept: true }, { as: world.honduras });
    await app.ok(RESPOND_TO_TWINNING, { id, accept: true }, { as: world.guatemala });
    await app.ok(CONFIRM_TWINNING, { id }, { as: world.secretariat });
    const completed = await app.ok<{ completeTwinning: { status: string } }>(
      'mutation ($id: ID!, $reopen: [ID!]) { completeTwinning(id: $id, reopenNeedIds: $reopen) { status } }',
      { id, reopen: [guatemalaNeedId] },
      { as: world.member },
    );
    expect(completed.completeTwinning.status).toBe('COMPLETED');

    await runDigest(at(2, 0.1));
    // The reopened need reaches the offer's members again; the fulfilled one does not, and
    // the offer (open all along) is not news to the countries.
    expect((await digestsOf(world.member)).slice(1)).toEqual([
      { day: dayOf(2), lines: [needFits(GT_NEED, 'Guatemala')] },
    ]);
    expect(await digestsOf(world.honduras)).toHaveLength(1);
    expect(await digestsOf(world.guatemala)).toHaveLength(1);
  });

  it('two runs on one day, then one the next day: no line lost, none told twice', async () => {
    at(3, 0.05);
    await postNeed(app, world.secretariat, { countryCode: 'HN', title: HN_NEED_2 });
    // The first run of day 3 (a start-up catch-up, say).
    await runDigest(at(3, 0.1));
    // Between the two runs: a need, and another organization's offer.
    at(3, 6);
    await postNeed(app, world.secretariat, { countryCode: 'GT', title: GT_NEED_3 });
    await postOffer(app, world.otherMember, world.otherOrganizationId, {
      title: WORLD_BANK_OFFER,
    });
    // The second run of day 3 (the cron): the member, already told today, waits for
    // tomorrow; the others are told now.
    await runDigest(at(3, 12));
    const worldBank = (need: string) => offerFits(need, WORLD_BANK_OFFER, 'World Bank Group');
    expect(await digestsOf(world.member)).toEqual([
      { day: dayOf(1), lines: [needFits(GT_NEED, 'Guatemala'), needFits(HN_NEED, 'Honduras')] },
      { day: dayOf(2), lines: [needFits(GT_NEED, 'Guatemala')] },
      { day: dayOf(3), lines: [needFits(HN_NEED_2, 'Honduras')] },
    ]);
    expect((await digestsOf(world.honduras)).slice(1)).toEqual([
      { day: dayOf(3), lines: [worldBank(HN_NEED_2)] },
    ]);
    expect((await digestsOf(world.guatemala)).slice(1)).toEqual([
      { day: dayOf(3), lines: [worldBank(GT_NEED), worldBank(GT_NEED_3)].sort() },
    ]);
    // Never told before: what was opened since the job's last run.
    expect(await digestsOf(world.otherMember)).toEqual([
      { day: dayOf(3), lines: [needFits(GT_NEED_3, 'Guatemala', WORLD_BANK_OFFER)] },
    ]);

    // Day 4: the member is told what the second run kept back, and only that.
    await runDigest(at(4, 0.1));
    expect((await digestsOf(world.member)).slice(3)).toEqual([
      { day: dayOf(4), lines: [needFits(GT_NEED_3, 'Guatemala')] },
    ]);
    expect(await digestsOf(world.honduras)).toHaveLength(2);
    expect(await digestsOf(world.guatemala)).toHaveLength(2);
    expect(await digestsOf(world.otherMember)).toHaveLength(1);
  });

  it('suggests postings renewed after expiry again in the next digest', async () => {
    // A year on, everything posted has expired: nothing to suggest.
    at(369, 1);
    expect(await app.app.get(ExpiryJobs).postingJob()).toBe(true);
    await runDigest(at(369, 2));
    // Renewed: the offer and Guatemala's need are OPEN again, and news to each other's side.
    at(369, 3);
    await app.ok(
      'mutation ($id: ID!) { renewNeed(id: $id) { id } }',
      { id: guatemalaNeedId },
      {
        as: world.guatemala,
      },
    );
    await app.ok(
      'mutation ($id: ID!) { renewOffer(id: $id) { id } }',
      { id: offerId },
      {
        as: world.member,
      },
    );
    await runDigest(at(370, 0.1));
    expect((await digestsOf(world.member)).slice(4)).toEqual([
      { day: dayOf(370), lines: [needFits(GT_NEED, 'Guatemala')] },
    ]);
    expect((await digestsOf(world.guatemala)).slice(2)).toEqual([
      { day: dayOf(370), lines: [offerFits(GT_NEED)] },
    ]);
    expect(await digestsOf(world.honduras)).toHaveLength(2);
    expect(await digestsOf(world.otherMember)).toHaveLength(1);
  });
});
