import { ManualClock } from '../../src/common/clock/clock';
import { FollowUpReminders } from '../../src/notifications/follow-up-reminders';
import {
  buildWorld,
  createOrganization,
  createUser,
  postNeed,
  postOffer,
  World,
} from '../support/builders';
import { ME_LOCALE, refusalOf } from '../support/languages';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2027-03-01T09:00:00.000Z');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const FOLLOW_UP_FIELDS = `
  id dueAt status twinning { id }
  responses { party { country { code } organization { id } } rating outcome at }
`;
const TWINNING = `query ($id: ID!) {
  twinning(id: $id) {
    id status completedAt
    needs { id status }
    offer { id remainingCapacity }
    history { from to }
    followUps { ${FOLLOW_UP_FIELDS} }
  }
}`;
const COMPLETE = `mutation ($id: ID!, $summary: String, $reopenNeedIds: [ID!]) {
  completeTwinning(id: $id, summary: $summary, reopenNeedIds: $reopenNeedIds) {
    id status needs { id status } followUps { id dueAt status }
  }
}`;
const SUBMIT = `mutation ($followUpId: ID!, $rating: Int!, $outcome: String!) {
  submitFollowUp(followUpId: $followUpId, rating: $rating, outcome: $outcome) { ${FOLLOW_UP_FIELDS} }
}`;
const MY_FOLLOW_UP_NOTICES = `{
  myNotifications(first: 100) { edges { node { kind title body link } } }
}`;
const SUGGESTED_OFFERS = `query ($needId: ID!) {
  suggestedOffers(needId: $needId, first: 100) {
    score offer { id } reasons { factor weight score detail }
  }
}`;

const iso = (time: number) => new Date(time).toISOString();

/**
 * Follow-ups and partial fulfilment (API.md Part 2, "outcomes"), driven by a ManualClock:
 * completing a twinning creates its follow-up, due FOLLOW_UP_AFTER_DAYS later; it turns
 * OVERDUE as the clock passes that date; each party answers once, for its own side, and
 * the last answer makes it SUBMITTED; the FOLLOW_UP_DUE reminder goes out once; the
 * countries' ratings feed the TRACK_RECORD factor of matching.
 */
describe('follow-ups', () => {
  const clock = new ManualClock(START);
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  /**
   * A CONFIRMED twinning of a new offer (titled `title`) of `member`'s organization with one
   * new need of each country, proposed by the member and accepted by the countries.
   */
  async function confirmedTwinning(
    title: string,
    countries: ('HN' | 'GT')[] = ['HN'],
    member = world.member,
    organizationId = world.organizationId,
  ) {
    const offerId = await postOffer(app, member, organizationId, { title });
    const needIds: string[] = [];
    for (const countryCode of countries) {
      needIds.push(await postNeed(app, world.secretariat, { countryCode, title: `${title} need` }));
    }
    const { proposeTwinning } = await app.ok(
      'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
      { input: { offerId, needIds } },
      { as: member },
    );
    const id: string = proposeTwinning.id;
    for (const countryCode of countries) {
      await app.ok(
        'mutation ($id: ID!) { respondToTwinning(id: $id, accept: true) { id } }',
        { id },
        { as: countryCode === 'HN' ? world.honduras : world.guatemala },
      );
    }
    await app.ok(
      'mutation ($id: ID!) { confirmTwinning(id: $id) { id } }',
      { id },
      {
        as: world.secretariat,
      },
    );
    return { id, offerId, needIds };
  }

  async function complete(id: string, reopenNeedIds?: string[], as = world.member) {
    return (await app.ok(COMPLETE, { id, reopenNeedIds }, { as })).completeTwinning;
  }

  async function readTwinning(id: string, as = world.observer) {
    return (await app.ok(TWINNING, { id }, { as })).twinning;
  }

  async function followUpOf(twinningId: string) {
    const [followUp] = (await readTwinning(twinningId)).followUps;
    return followUp;
  }

  function submit(token: string, followUpId: string, rating: number, outcome: string) {
    return app.gql(SUBMIT, { followUpId, rating, outcome }, { as: token });
  }

  async function rows() {
    return [await app.rowCount('follow_ups'), await app.rowCount('follow_up_responses')];
  }

  describe('completion', () => {
    it('creates one follow-up, due FOLLOW_UP_AFTER_DAYS (180) after the completion, DUE', async () => {
      const { id } = await confirmedTwinning('Registration systems');
      const completedAt = clock.now().getTime();
      const completed = await complete(id);
      expect(completed.status).toBe('COMPLETED');
      const twinning = await readTwinning(id);
      expect(twinning.completedAt).toBe(iso(completedAt));
      expect(twinning.followUps).toEqual([
        {
          id: expect.any(String),
          dueAt: iso(completedAt + 180 * DAY),
          status: 'DUE',
          twinning: { id },
          responses: [],
        },
      ]);
      expect(completed.followUps).toEqual([
        { id: twinning.followUps[0].id, dueAt: iso(completedAt + 180 * DAY), status: 'DUE' },
      ]);
    });

    it('turns OVERDUE once the clock passes the due date, in every read', async () => {
      const { id, needIds } = await confirmedTwinning('Asylum interviews');
      await complete(id);
      const dueAt = new Date((await followUpOf(id)).dueAt).getTime();
      const statuses = async () => {
        const listed = await app.ok(
          `query { twinnings(first: 100, filter: { status: COMPLETED }) { edges { node { id followUps { status } } } } }`,
          {},
          { as: world.observer },
        );
        const fromNeed = await app.ok(
          'query ($id: ID!) { need(id: $id) { twinnings { followUps { status } } } }',
          { id: needIds[0] },
          { as: world.honduras },
        );
        return [
          (await followUpOf(id)).status,
          listed.twinnings.edges.find((edge: any) => edge.node.id === id).node.followUps[0].status,
          fromNeed.need.twinnings[0].followUps[0].status,
        ];
      };
      expect(await statuses()).toEqual(['DUE', 'DUE', 'DUE']);
      clock.set(new Date(dueAt));
      expect(await statuses()).toEqual(['DUE', 'DUE', 'DUE']);
      clock.set(new Date(dueAt + 1000));
      expect(await statuses()).toEqual(['OVERDUE', 'OVERDUE', 'OVERDUE']);
    });

    it('creates none for a twinning cancelled instead', async () => {
      const { id } = await confirmedTwinning('Cancelled registration support');
      await app.ok(
        'mutation ($id: ID!) { cancelTwinning(id: $id, reason: "No funds") { id } }',
        { id },
        { as: world.secretariat },
      );
      expect((await readTwinning(id)).followUps).toEqual([]);
    });
  });

  describe('partial fulfilment', () => {
    it('reopens exactly the listed needs; they are suggested and can be proposed again', async () => {
      const { id, offerId, needIds } = await confirmedTwinning('Interview techniques', [
        'HN',
        'GT',
      ]);
      const [metNeed, unmetNeed] = needIds;
      const completed = await complete(id, [unmetNeed]);
      const statusOf = (needs: { id: string; status: string }[]) =>
        Object.fromEntries(needs.map((need) => [need.id, need.status]));
      expect(statusOf(completed.needs)).toEqual({ [metNeed]: 'FULFILLED', [unmetNeed]: 'OPEN' });

      const twinning = await readTwinning(id);
      expect(twinning.status).toBe('COMPLETED');
      expect(twinning.offer.remainingCapacity).toBe(5);
      expect(twinning.history.at(-1)).toEqual({ from: 'CONFIRMED', to: 'COMPLETED' });
      expect(twinning.followUps).toHaveLength(1);

      const suggested = (
        await app.ok(SUGGESTED_OFFERS, { needId: unmetNeed }, { as: world.guatemala })
      ).suggestedOffers as { offer: { id: string } }[];
      expect(suggested.map((pair) => pair.offer.id)).toContain(offerId);
      const fulfilled = await app.gql(
        SUGGESTED_OFFERS,
        { needId: metNeed },
        { as: world.observer },
      );
      expect(fulfilled.data?.suggestedOffers).toEqual([]);

      const again = await app.ok(
        'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id status needs { id status } } }',
        { input: { offerId, needIds: [unmetNeed] } },
        { as: world.guatemala },
      );
      expect(again.proposeTwinning.needs).toEqual([{ id: unmetNeed, status: 'IN_TWINNING' }]);
    });

    it('refuses a need that is not the twinning’s with BAD_USER_INPUT naming reopenNeedIds, writing nothing', async () => {
      const { id, needIds } = await confirmedTwinning('Case management');
      const otherNeed = await postNeed(app, world.secretariat, { countryCode: 'HN' });
      const before = await rows();
      for (const [reopenNeedIds, message] of [
        [[otherNeed], `the need "${otherNeed}" is not one of this twinning's needs`],
        [[needIds[0], UNKNOWN_ID], `the need "${UNKNOWN_ID}" is not one of this twinning's needs`],
        [['need-1'], 'reopenNeedIds must be an id'],
        [[needIds[0], needIds[0]], "All reopenNeedIds's elements must be unique"],
      ] as const) {
        const error = await app.fails(COMPLETE, { id, reopenNeedIds }, { as: world.member });
        expect(error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'reopenNeedIds', message }],
        });
      }
      await app.ok(ME_LOCALE, { locale: 'ES' }, { as: world.secretariat });
      const inSpanish = refusalOf(
        await app.gql(COMPLETE, { id, reopenNeedIds: [otherNeed] }, { as: world.secretariat }),
      );
      await app.ok(ME_LOCALE, { locale: 'EN' }, { as: world.secretariat });
      expect(inSpanish.fields).toEqual([
        {
          field: 'reopenNeedIds',
          message: `la necesidad "${otherNeed}" no es una de las necesidades de este hermanamiento`,
        },
      ]);
      const twinning = await readTwinning(id);
      expect(twinning.status).toBe('CONFIRMED');
      expect(twinning.needs).toEqual([{ id: needIds[0], status: 'IN_TWINNING' }]);
      expect(await rows()).toEqual(before);
    });
  });

  describe('answers', () => {
    it('takes one answer per party, for its own side; the last makes it SUBMITTED, past the due date too', async () => {
      const { id } = await confirmedTwinning('Reception centres', ['HN', 'GT']);
      await complete(id);
      const followUp = await followUpOf(id);
      const answeredAt = clock.now().toISOString();

      const first = await app.ok(
        SUBMIT,
        { followUpId: followUp.id, rating: 5, outcome: '  Two reception centres opened  ' },
        { as: world.honduras },
      );
      expect(first.submitFollowUp).toEqual({
        ...followUp,
        status: 'DUE',
        responses: [
          {
            party: { country: { code: 'HN' }, organization: null },
            rating: 5,
            outcome: 'Two reception centres opened',
            at: answeredAt,
          },
        ],
      });

      const second = await submit(world.honduras, followUp.id, 1, 'Changed my mind');
      expect(refusalOf(second)).toEqual({
        code: 'CONFLICT',
        reason: 'ALREADY_ANSWERED',
        message: 'The side of HN has already answered this follow-up',
      });

      await app.ok(
        SUBMIT,
        { followUpId: followUp.id, rating: 4, outcome: 'Staff trained' },
        { as: world.member },
      );
      expect((await followUpOf(id)).status).toBe('DUE');
      clock.set(new Date(new Date(followUp.dueAt).getTime() + DAY));
      expect((await followUpOf(id)).status).toBe('OVERDUE');
      const last = await app.ok(
        SUBMIT,
        { followUpId: followUp.id, rating: 3, outcome: 'Procedures written' },
        { as: world.guatemala },
      );
      expect(last.submitFollowUp.status).toBe('SUBMITTED');
      expect(
        last.submitFollowUp.responses.map((response: any) => [
          response.party.country?.code ?? 'organization',
          response.rating,
        ]),
      ).toEqual([
        ['organization', 4],
        ['GT', 3],
        ['HN', 5],
      ]);
      clock.advanceDays(400);
      expect((await followUpOf(id)).status).toBe('SUBMITTED');

      const audit = await app.ok(
        `query ($filter: AuditFilter) { auditLog(filter: $filter, first: 10) { edges { node { operation email targetIds outcome } } } }`,
        { filter: { operation: 'submitFollowUp' } },
        { as: world.secretariat },
      );
      const entries = audit.auditLog.edges.map((edge: any) => edge.node);
      expect(entries).toContainEqual({
        operation: 'submitFollowUp',
        email: 'focal@gt.test',
        targetIds: [followUp.id],
        outcome: 'OK',
      });
      expect(entries).toContainEqual(
        expect.objectContaining({ email: 'focal@hn.test', outcome: 'CONFLICT' }),
      );
    });

    it('is FORBIDDEN to the secretariat, observers and focal points of no party; NOT_FOUND for an unknown follow-up', async () => {
      const { id } = await confirmedTwinning('Legal aid');
      await complete(id);
      const followUp = await followUpOf(id);
      const before = await rows();
      for (const token of [world.secretariat, world.observer, world.otherMember, world.guatemala]) {
        expect(refusalOf(await submit(token, followUp.id, 4, 'Fine')).code).toBe('FORBIDDEN');
      }
      expect(refusalOf(await submit(world.guatemala, followUp.id, 4, 'Fine')).message).toBe(
        'Only a party answers a follow-up, for its own side: you are not a focal point of any party to this twinning',
      );
      expect(refusalOf(await submit(world.honduras, UNKNOWN_ID, 4, 'Fine'))).toEqual({
        code: 'NOT_FOUND',
        message: `Follow-up ${UNKNOWN_ID} was not found`,
      });
      expect(await rows()).toEqual(before);
      expect((await followUpOf(id)).responses).toEqual([]);
    });

    it('refuses bad input with BAD_USER_INPUT naming the field, in the caller’s language, writing nothing', async () => {
      const { id } = await confirmedTwinning('Documentation');
      await complete(id);
      const followUp = await followUpOf(id);
      const before = await rows();
      const cases: [Record<string, unknown>, string, string, string][] = [
        [
          { rating: 0 },
          'rating',
          'rating must not be less than 1',
          'rating no puede ser menor que 1',
        ],
        [
          { rating: 6 },
          'rating',
          'rating must not be greater than 5',
          'rating no puede ser mayor que 5',
        ],
        [
          { outcome: '   ' },
          'outcome',
          'outcome must not be blank',
          'outcome no puede estar en blanco',
        ],
        [
          { outcome: 'x'.repeat(2001) },
          'outcome',
          'outcome must be shorter than or equal to 2000 characters',
          'outcome debe tener como máximo 2000 caracteres',
        ],
        [
          { followUpId: 'follow-up-1' },
          'followUpId',
          'followUpId must be an id',
          'followUpId debe ser un identificador',
        ],
      ];
      for (const [change, field, english, spanish] of cases) {
        const variables = { followUpId: followUp.id, rating: 4, outcome: 'Fine', ...change };
        const inEnglish = refusalOf(await app.gql(SUBMIT, variables, { as: world.honduras }));
        expect(inEnglish).toEqual({
          code: 'BAD_USER_INPUT',
          message: expect.any(String),
          fields: [{ field, message: english }],
        });
        await app.ok(ME_LOCALE, { locale: 'ES' }, { as: world.honduras });
        const asSpanishReader = refusalOf(await app.gql(SUBMIT, variables, { as: world.honduras }));
        await app.ok(ME_LOCALE, { locale: 'EN' }, { as: world.honduras });
        expect(asSpanishReader.fields).toEqual([{ field, message: spanish }]);
      }
      expect(await rows()).toEqual(before);
    });
  });

  describe('the FOLLOW_UP_DUE reminder', () => {
    const isReminder = (notice: { kind: string; title: string }) =>
      notice.kind === 'FOLLOW_UP_DUE' && notice.title.includes('Shelter management');

    async function remindersOf(token: string) {
      const data = await app.ok(MY_FOLLOW_UP_NOTICES, {}, { as: token });
      return data.myNotifications.edges.map((edge: any) => edge.node).filter(isReminder);
    }

    it('tells the focal points of each party that has not answered, once, in their language, catching up after downtime', async () => {
      const reminders = app.app.get(FollowUpReminders);
      const { id } = await confirmedTwinning('Shelter management', ['HN', 'GT']);
      const completedAt = clock.now();
      await complete(id);
      const followUp = await followUpOf(id);
      const dueAt = new Date(followUp.dueAt).getTime();
      await app.ok(
        SUBMIT,
        { followUpId: followUp.id, rating: 4, outcome: 'Two shelters run by the state' },
        { as: world.honduras },
      );
      await app.ok(ME_LOCALE, { locale: 'ES' }, { as: world.guatemala });

      // A day before it is due, nobody is told.
      clock.set(new Date(dueAt - DAY));
      await reminders.dueJob();
      expect(await remindersOf(world.member)).toEqual([]);

      // The service was down over the due date: the first run a week later catches up, and
      // the runs after it tell nobody twice.
      clock.set(new Date(dueAt + 7 * DAY));
      expect((await followUpOf(id)).status).toBe('OVERDUE');
      await reminders.dueJob();
      await reminders.dueJob();
      clock.advanceDays(1);
      await reminders.dueJob();

      const link = expect.stringMatching(new RegExp(`/twinnings/${id}$`));
      const completedOn = (locale: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(completedAt);
      expect(await remindersOf(world.member)).toEqual([
        {
          kind: 'FOLLOW_UP_DUE',
          title: 'Follow-up due: Shelter management',
          body: `The twinning of the offer “Shelter management” with the needs “Shelter management need” and “Shelter management need” was completed on ${completedOn('en')}. Its follow-up is due: please rate it from 1 to 5 for Immigration and Refugee Board of Canada and tell what came of it.`,
          link,
        },
      ]);
      expect(await remindersOf(world.guatemala)).toEqual([
        {
          kind: 'FOLLOW_UP_DUE',
          title: 'Seguimiento pendiente: Shelter management',
          body: `El hermanamiento de la oferta «Shelter management» con las necesidades «Shelter management need» y «Shelter management need» concluyó el ${completedOn('es')}. Corresponde su seguimiento: califíquelo de 1 a 5 en nombre de Guatemala y cuente qué resultó de él.`,
          link,
        },
      ]);
      // Honduras has answered: nothing to remind it of.
      expect(await remindersOf(world.honduras)).toEqual([]);
      const mails = await app.sql<{ recipient: string; subject: string }>(
        `SELECT "recipient", "subject" FROM "outbox_mails" WHERE "kind" = 'FOLLOW_UP_DUE' AND "subject" LIKE '%Shelter management%' ORDER BY "recipient"`,
      );
      expect(mails).toEqual([
        { recipient: 'focal@gt.test', subject: 'Seguimiento pendiente: Shelter management' },
        { recipient: 'member@irb.test', subject: 'Follow-up due: Shelter management' },
      ]);
      await app.ok(ME_LOCALE, { locale: 'EN' }, { as: world.guatemala });
    });
  });

  describe('ratings in matching (TRACK_RECORD)', () => {
    it('puts a member the countries rated well above an otherwise equal unrated one, and says why in both languages', async () => {
      const rated = await createOrganization(app, world.secretariat, 'Rated Agency');
      const unrated = await createOrganization(app, world.secretariat, 'Unrated Agency');
      await createUser(app, world.secretariat, {
        email: 'member@rated.test',
        role: 'MEMBER_FOCAL_POINT',
        organizationId: rated,
      });
      await createUser(app, world.secretariat, {
        email: 'member@unrated.test',
        role: 'MEMBER_FOCAL_POINT',
        organizationId: unrated,
      });
      await createUser(app, world.secretariat, {
        email: 'observador@oea.test',
        role: 'OBSERVER',
        locale: 'ES',
      });
      const ratedMember = await app.login('member@rated.test');
      const unratedMember = await app.login('member@unrated.test');
      const spanishReader = await app.login('observador@oea.test');

      // Honduras rates the Rated Agency's two completed twinnings 5 and 4: 4.5 on average.
      // The agency's own answers (1) rate its own work and do not count.
      for (const [rating, title] of [
        [5, 'Rated coaching one'],
        [4, 'Rated coaching two'],
      ] as const) {
        const { id } = await confirmedTwinning(title, ['HN'], ratedMember, rated);
        await complete(id, undefined, ratedMember);
        const followUp = await followUpOf(id);
        await app.ok(
          SUBMIT,
          { followUpId: followUp.id, rating, outcome: 'Useful' },
          { as: world.honduras },
        );
        await app.ok(
          SUBMIT,
          { followUpId: followUp.id, rating: 1, outcome: 'We could do better' },
          { as: ratedMember },
        );
      }

      const offer = {
        title: 'Refugee status determination coaching',
        description: 'Coaching of eligibility officers on refugee status determination interviews.',
      };
      const ratedOffer = await postOffer(app, ratedMember, rated, offer);
      const unratedOffer = await postOffer(app, unratedMember, unrated, offer);
      const needId = await postNeed(app, world.secretariat, {
        countryCode: 'GT',
        title: 'Coaching on refugee status determination',
        description:
          'Eligibility officers need coaching on refugee status determination interviews.',
      });
      const suggestions = async (token: string) =>
        (
          (await app.ok(SUGGESTED_OFFERS, { needId }, { as: token })).suggestedOffers as any[]
        ).filter((pair) => [ratedOffer, unratedOffer].includes(pair.offer.id));
      const trackOf = (pair: any) =>
        pair.reasons.find((reason: any) => reason.factor === 'TRACK_RECORD');
      const others = (pair: any) =>
        pair.reasons.filter((reason: any) => reason.factor !== 'TRACK_RECORD');

      const english = await suggestions(world.observer);
      expect(english.map((pair) => pair.offer.id)).toEqual([ratedOffer, unratedOffer]);
      expect(trackOf(english[0])).toEqual({
        factor: 'TRACK_RECORD',
        weight: 0.05,
        score: 0.875,
        detail: 'its organization averages 4.5 out of 5 over 2 twinnings rated by the countries',
      });
      expect(trackOf(english[1])).toEqual({
        factor: 'TRACK_RECORD',
        weight: 0.05,
        score: 0.5,
        detail: 'no twinning of its organization rated by the countries yet: neutral',
      });
      // Equal in everything else: the record alone tells them apart.
      expect(others(english[0])).toEqual(others(english[1]));
      expect(english[0].score - english[1].score).toBeCloseTo(0.05 * (0.875 - 0.5), 6);

      const spanish = await suggestions(spanishReader);
      expect(spanish.map((pair) => pair.offer.id)).toEqual([ratedOffer, unratedOffer]);
      expect(trackOf(spanish[0]).detail).toBe(
        'su organización promedia 4,5 sobre 5 en 2 hermanamientos valorados por los países',
      );
      expect(trackOf(spanish[1]).detail).toBe(
        'aún no hay hermanamientos de su organización valorados por los países: neutral',
      );

      // The follow-ups of a page of twinnings cost the same statements for 1 or 2 (N+1).
      const PAGE = `query ($first: Int!, $organizationId: ID!) {
        twinnings(first: $first, filter: { organizationId: $organizationId }) {
          edges { node {
            id
            followUps {
              id dueAt status twinning { id }
              responses { rating outcome at party { country { code } organization { name } } }
            }
          } }
        }
      }`;
      const measure = async (first: number) => {
        const before = app.queryCount();
        const data = await app.ok(PAGE, { first, organizationId: rated }, { as: world.observer });
        const page = data.twinnings.edges.map((edge: any) => edge.node);
        expect(page).toHaveLength(first);
        for (const twinning of page) expect(twinning.followUps[0].responses).toHaveLength(2);
        return app.queryCount() - before;
      };
      const one = await measure(1);
      const two = await measure(2);
      // The user, the page; follow-ups, their twinnings, their answers (with their parties),
      // the organizations: one statement each (countries from memory).
      expect(two).toBe(one);
      expect(two).toBe(7);
    });
  });
});
