import { ManualClock } from '../../src/common/clock/clock';
import { ExpiryJobs } from '../../src/expiry/expiry-jobs';
import { FollowUpReminders } from '../../src/notifications/follow-up-reminders';
import {
  aConfirmedTwinning,
  buildWorld,
  CANCEL_TWINNING,
  COMPLETE_TWINNING,
  PROPOSE_TWINNING,
  postNeed,
  postOffer,
  RESPOND_TO_TWINNING,
  World,
} from '../support/builders';
import { ME_LOCALE } from '../support/languages';
import { MailSink, ReceivedMail, startMailSink } from '../support/mail-sink';
import { SECRETARIAT_EMAIL, startTestApp, TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://twinning.example.org';
const MEMBER = 'member@irb.test';
const HONDURAS = 'focal@hn.test';
const DAY = 24 * 60 * 60 * 1000;

/**
 * The notification kinds the twinning walk-through of notifications.e2e-spec.ts does not
 * reach, received through a real SMTP server by a reader of Spanish (Honduras's focal point,
 * and the secretariat where it is the one told) beside an English one: answers to a
 * proposal the secretariat made, a refusal, a cancellation, a mention, an expired proposal,
 * a follow-up due and a posting about to expire. A ManualClock moves the days; each e-mail
 * arrives once.
 */
describe('notification e-mails in the reader’s language', () => {
  let app: TestApp;
  let sink: MailSink;
  let world: World;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(new Date(Math.floor(Date.now() / 60_000) * 60_000));
    sink = await startMailSink();
    app = await startTestApp({
      clock,
      env: { SMTP_URL: sink.url, MAIL_POLL_MS: '50', PUBLIC_URL },
    });
    world = await buildWorld(app);
    // Honduras and the secretariat read Spanish; everyone else English.
    await app.ok(ME_LOCALE, { locale: 'ES' }, { as: world.honduras });
    await app.ok(ME_LOCALE, { locale: 'ES' }, { as: world.secretariat });
  });
  afterAll(async () => {
    await app.close();
    await sink.close();
  });

  /**
   * The `count` e-mails whose subject names `title`, as [to, subject] sorted by address,
   * once they arrived and a moment passed for any extra.
   */
  async function mailsAbout(title: string, count: number): Promise<[string, string][]> {
    const about = (mail: ReceivedMail) => mail.subject.includes(title);
    await sink.waitForCount(count, about);
    await new Promise((resolve) => setTimeout(resolve, 400));
    return sink.received
      .filter(about)
      .map((mail): [string, string] => [mail.to, mail.subject])
      .sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  }

  /** The last e-mail to `address` whose subject is `subject`. */
  function mail(address: string, subject: string): ReceivedMail {
    const found = sink.to(address).filter((received) => received.subject === subject);
    expect(found).toHaveLength(1);
    return found[0];
  }

  async function propose(token: string, offerId: string, needIds: string[]): Promise<string> {
    const data = await app.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds } },
      { as: token },
    );
    return data.proposeTwinning.id;
  }

  /** An offer of the member titled `title` and a need of Honduras titled `title` (HN). */
  async function offerAndNeed(title: string, countries: ('HN' | 'GT')[] = ['HN']) {
    const offerId = await postOffer(app, world.member, world.organizationId, { title });
    const needIds: string[] = [];
    for (const countryCode of countries) {
      needIds.push(
        await postNeed(app, world.secretariat, { countryCode, title: `${title} (${countryCode})` }),
      );
    }
    return { offerId, needIds };
  }

  it('tells the secretariat, in Spanish, that a party declined its proposal; the other party that it was declined', async () => {
    const title = 'Interview techniques for asylum officers';
    const { offerId, needIds } = await offerAndNeed(title);
    const id = await propose(world.secretariat, offerId, needIds);
    // The secretariat is no party: both sides are asked, by the secretariat.
    expect(await mailsAbout(title, 2)).toEqual([
      [HONDURAS, `Nueva propuesta de hermanamiento: ${title}`],
      [MEMBER, `New twinning proposal: ${title}`],
    ]);
    expect(mail(HONDURAS, `Nueva propuesta de hermanamiento: ${title}`).text).toContain(
      `la Secretaría Técnica propone un hermanamiento de la oferta «${title}» con las necesidades «${title} (HN)». Acepte o rechace la propuesta en nombre de Honduras.`,
    );

    await app.ok(
      RESPOND_TO_TWINNING,
      { id, accept: false, comment: 'No es prioridad este año' },
      { as: world.honduras },
    );
    expect(await mailsAbout(title, 4)).toEqual([
      [HONDURAS, `Nueva propuesta de hermanamiento: ${title}`],
      [MEMBER, `New twinning proposal: ${title}`],
      [MEMBER, `Twinning declined: ${title}`],
      [SECRETARIAT_EMAIL, `Honduras rechazó su propuesta: ${title}`],
    ]);
    const answered = mail(SECRETARIAT_EMAIL, `Honduras rechazó su propuesta: ${title}`);
    expect(answered.htmlLang).toBe('es');
    expect(answered.text).toContain(
      `Honduras rechazó el hermanamiento de la oferta «${title}» con las necesidades «${title} (HN)».`,
    );
    expect(answered.text).toContain('Comentario: «No es prioridad este año»');
    expect(answered.text).toContain(`${PUBLIC_URL}/twinnings/${id}`);
    expect(answered.html).toContain('Ver el hermanamiento');
    expect(mail(MEMBER, `Twinning declined: ${title}`).text).toContain(
      `Honduras declined the twinning of the offer “${title}” with the needs “${title} (HN)”. The needs are open again.`,
    );
  });

  it('tells the secretariat, in Spanish, of an acceptance of its proposal, then that it awaits confirmation (not both at once)', async () => {
    const title = 'Reception centre standards';
    const { offerId, needIds } = await offerAndNeed(title);
    const id = await propose(world.secretariat, offerId, needIds);
    await mailsAbout(title, 2);

    await app.ok(RESPOND_TO_TWINNING, { id, accept: true }, { as: world.honduras });
    expect((await mailsAbout(title, 3)).filter(([to]) => to === SECRETARIAT_EMAIL)).toEqual([
      [SECRETARIAT_EMAIL, `Honduras aceptó su propuesta: ${title}`],
    ]);
    expect(mail(SECRETARIAT_EMAIL, `Honduras aceptó su propuesta: ${title}`).text).toContain(
      `Honduras aceptó el hermanamiento de la oferta «${title}» con las necesidades «${title} (HN)».`,
    );

    // The last answer: the secretariat is told once, that the twinning awaits it.
    await app.ok(RESPOND_TO_TWINNING, { id, accept: true }, { as: world.member });
    expect((await mailsAbout(title, 4)).filter(([to]) => to === SECRETARIAT_EMAIL)).toEqual([
      [SECRETARIAT_EMAIL, `Hermanamiento listo para confirmar: ${title}`],
      [SECRETARIAT_EMAIL, `Honduras aceptó su propuesta: ${title}`],
    ]);
    const accepted = mail(SECRETARIAT_EMAIL, `Hermanamiento listo para confirmar: ${title}`);
    expect(accepted.htmlLang).toBe('es');
    expect(accepted.text).toContain(
      `Todas las partes aceptaron el hermanamiento de la oferta «${title}» con las necesidades «${title} (HN)». Falta la confirmación de la Secretaría Técnica.`,
    );
  });

  it('tells Honduras, in Spanish, that another party declined a twinning it is in', async () => {
    const title = 'Registration systems review';
    const { offerId, needIds } = await offerAndNeed(title, ['HN', 'GT']);
    const id = await propose(world.member, offerId, needIds);
    await mailsAbout(title, 2);

    await app.ok(RESPOND_TO_TWINNING, { id, accept: false }, { as: world.guatemala });
    expect(
      (await mailsAbout(title, 4)).filter(([, subject]) => /declined|rechazado/.test(subject)),
    ).toEqual([
      [HONDURAS, `Hermanamiento rechazado: ${title}`],
      [MEMBER, `Twinning declined: ${title}`],
    ]);
    const declined = mail(HONDURAS, `Hermanamiento rechazado: ${title}`);
    expect(declined.htmlLang).toBe('es');
    expect(declined.text).toContain(
      `Guatemala rechazó el hermanamiento de la oferta «${title}» con las necesidades «${title} (GT)» y «${title} (HN)». Las necesidades vuelven a estar abiertas.`,
    );
  });

  it('tells Honduras, in Spanish, that the secretariat cancelled a twinning, and why', async () => {
    const title = 'Shelter management coaching';
    const { offerId, needIds } = await offerAndNeed(title);
    const id = await propose(world.member, offerId, needIds);
    await mailsAbout(title, 1);

    await app.ok(CANCEL_TWINNING, { id, reason: 'Se cambió el plan' }, { as: world.secretariat });
    expect(await mailsAbout(title, 3)).toEqual([
      [HONDURAS, `Hermanamiento cancelado: ${title}`],
      [HONDURAS, `Nueva propuesta de hermanamiento: ${title}`],
      [MEMBER, `Twinning cancelled: ${title}`],
    ]);
    const cancelled = mail(HONDURAS, `Hermanamiento cancelado: ${title}`);
    expect(cancelled.htmlLang).toBe('es');
    expect(cancelled.text).toContain(
      `Se canceló el hermanamiento de la oferta «${title}» con las necesidades «${title} (HN)». Motivo: «Se cambió el plan»`,
    );
    expect(mail(MEMBER, `Twinning cancelled: ${title}`).text).toContain(
      `The twinning of the offer “${title}” with the needs “${title} (HN)” was cancelled. Reason: “Se cambió el plan”`,
    );
  });

  it('e-mails a mention in Spanish to Honduras, in English to the member', async () => {
    const title = 'Eligibility interviews';
    const offerId = await postOffer(app, world.member, world.organizationId, { title });
    const needId = await postNeed(app, world.secretariat, { countryCode: 'HN', title });
    await app.ok(
      'mutation ($subjectId: ID!, $body: String!) { addComment(subjectId: $subjectId, body: $body) { id } }',
      { subjectId: offerId, body: '@focal@hn.test ¿qué fechas les convienen?' },
      { as: world.member },
    );
    await app.ok(
      'mutation ($subjectId: ID!, $body: String!) { addComment(subjectId: $subjectId, body: $body) { id } }',
      { subjectId: needId, body: '@member@irb.test marzo, si es posible' },
      { as: world.honduras },
    );
    expect(await mailsAbout(title, 2)).toEqual([
      [HONDURAS, `Lo mencionaron en un comentario sobre la oferta «${title}»`],
      [MEMBER, `You were mentioned in a comment on the need “${title}”`],
    ]);
    const mention = mail(HONDURAS, `Lo mencionaron en un comentario sobre la oferta «${title}»`);
    expect(mention.htmlLang).toBe('es');
    expect(mention.text).toContain(
      'un punto focal de Immigration and Refugee Board of Canada escribió: «@focal@hn.test ¿qué fechas les convienen?»',
    );
    expect(mention.text).toContain(`${PUBLIC_URL}/offers/${offerId}`);
    expect(mention.html).toContain('Ver los comentarios');
  });

  it('e-mails an expired proposal to every party, Honduras in Spanish', async () => {
    const title = 'Case management software';
    const { offerId, needIds } = await offerAndNeed(title);
    const id = await propose(world.member, offerId, needIds);
    await mailsAbout(title, 1);

    const now = new Date(clock.now().getTime() + 31 * DAY);
    clock.set(now);
    expect(await app.app.get(ExpiryJobs).proposalJob(now)).toBe(true);
    expect(await mailsAbout(title, 3)).toEqual([
      [HONDURAS, `Nueva propuesta de hermanamiento: ${title}`],
      [HONDURAS, `Propuesta de hermanamiento vencida: ${title}`],
      [MEMBER, `Twinning proposal expired: ${title}`],
    ]);
    const expired = mail(HONDURAS, `Propuesta de hermanamiento vencida: ${title}`);
    expect(expired.htmlLang).toBe('es');
    expect(expired.text).toContain(
      `Venció la propuesta de hermanar la oferta «${title}» con las necesidades «${title} (HN)»: no todas las partes respondieron en 30 días.`,
    );
    expect(expired.text).toContain(`${PUBLIC_URL}/twinnings/${id}`);
  });

  it('e-mails a follow-up due to each party, Honduras in Spanish, once', async () => {
    const title = 'Adjudication quality audit';
    const id = await aConfirmedTwinning(app, world, {
      offer: { title },
      need: { title: `${title} (HN)` },
    });
    const completedAt = clock.now();
    await app.ok(COMPLETE_TWINNING, { id, summary: 'Done' }, { as: world.member });
    // Proposed (Honduras), answered (the member), accepted (the secretariat), confirmed
    // (both parties), completed (Honduras).
    await mailsAbout(title, 6);

    const now = new Date(completedAt.getTime() + 180 * DAY + 60_000);
    clock.set(now);
    const reminders = app.app.get(FollowUpReminders);
    await reminders.dueJob(now);
    await reminders.dueJob(new Date(now.getTime() + DAY));
    const due = (await mailsAbout(title, 8)).filter(([, subject]) =>
      /Follow-up|Seguimiento/.test(subject),
    );
    expect(due).toEqual([
      [HONDURAS, `Seguimiento pendiente: ${title}`],
      [MEMBER, `Follow-up due: ${title}`],
    ]);
    const completedOn = new Intl.DateTimeFormat('es', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(completedAt);
    const reminder = mail(HONDURAS, `Seguimiento pendiente: ${title}`);
    expect(reminder.htmlLang).toBe('es');
    expect(reminder.text).toContain(
      `El hermanamiento de la oferta «${title}» con las necesidades «${title} (HN)» concluyó el ${completedOn}. Corresponde su seguimiento: califíquelo de 1 a 5 en nombre de Honduras y cuente qué resultó de él.`,
    );
    expect(reminder.text).toContain(`${PUBLIC_URL}/twinnings/${id}`);
  });

  it('e-mails the owner of a posting about to expire, Honduras in Spanish, once', async () => {
    const title = 'Registro de solicitantes en frontera';
    const needId = await postNeed(app, world.honduras, { title });
    const offerTitle = 'Border registration kits';
    const offerId = await postOffer(app, world.member, world.organizationId, {
      title: offerTitle,
    });
    const postedAt = clock.now();

    const jobs = app.app.get(ExpiryJobs);
    for (const days of [335, 336]) {
      const now = new Date(postedAt.getTime() + days * DAY);
      clock.set(now);
      expect(await jobs.postingJob(now)).toBe(true);
    }
    expect(await mailsAbout(title, 1)).toEqual([[HONDURAS, `Su necesidad vence pronto: ${title}`]]);
    expect(await mailsAbout(offerTitle, 1)).toEqual([
      [MEMBER, `Your offer expires soon: ${offerTitle}`],
    ]);
    const expiresOn = new Intl.DateTimeFormat('es', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(postedAt.getTime() + 365 * DAY));
    const warning = mail(HONDURAS, `Su necesidad vence pronto: ${title}`);
    expect(warning.htmlLang).toBe('es');
    expect(warning.text).toContain(
      `La necesidad «${title}» (Honduras) es válida hasta el ${expiresOn} (UTC).`,
    );
    expect(warning.text).toContain(`${PUBLIC_URL}/needs/${needId}`);
    expect(warning.html).toContain('Ver la necesidad');
    expect(mail(MEMBER, `Your offer expires soon: ${offerTitle}`).text).toContain(
      `${PUBLIC_URL}/offers/${offerId}`,
    );
  });

  it('sent each e-mail once: no Message-ID twice', () => {
    const ids = sink.received.map((received) => received.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
