import { sync as ical, VEvent } from 'node-ical';
import request from 'supertest';
import {
  aConfirmedTwinning,
  ACTIVITY_FIELDS,
  anActivity,
  buildWorld,
  CANCEL_TWINNING,
  COMPLETE_ACTIVITY,
  COMPLETE_TWINNING,
  createUser,
  postNeed,
  postOffer,
  PROPOSE_TWINNING,
  RECORD_ACTIVITY,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const ACTIVITY = `query Activity($id: ID!) { activity(id: $id) { ${ACTIVITY_FIELDS} } }`;
const ACTIVITIES = `query Activities($from: DateTime, $to: DateTime, $countryCode: String, $first: Int, $after: String) {
  activities(from: $from, to: $to, countryCode: $countryCode, first: $first, after: $after) {
    totalCount
    edges { cursor node { id title } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CANCEL_ACTIVITY = `mutation CancelActivity($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { ${ACTIVITY_FIELDS} } }`;
const TWINNING_ACTIVITIES = `query ($id: ID!) { twinning(id: $id) { activities { title startsAt } } }`;
const CALENDAR_URL = '{ me { calendarUrl } }';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const COMPLETION = { women: 21, men: 15, other: 2, outcome: '38 adjudicators trained' };

describe('activities', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  async function record(token: string, input: Record<string, unknown>) {
    return (await app.ok(RECORD_ACTIVITY, { input }, { as: token })).recordActivity;
  }

  async function complete(token: string, id: string, input = COMPLETION) {
    return (await app.ok(COMPLETE_ACTIVITY, { id, input }, { as: token })).completeActivity;
  }

  describe('recordActivity', () => {
    it('lets a party record a PLANNED activity on a CONFIRMED twinning', async () => {
      const twinningId = await aConfirmedTwinning(app, world, { countries: ['HN', 'GT'] });
      const activity = await record(world.honduras, anActivity(twinningId));
      expect(activity).toEqual({
        id: expect.any(String),
        kind: 'TRAINING',
        title: 'Gender-based adjudication training, module 1',
        startsAt: '2026-11-02T14:00:00.000Z',
        endsAt: '2026-11-04T22:00:00.000Z',
        location: 'Tegucigalpa',
        virtual: false,
        status: 'PLANNED',
        outcome: null,
        cancellationReason: null,
        participantCountries: [{ code: 'CA' }],
        participants: null,
        twinning: { id: twinningId, status: 'CONFIRMED' },
      });
      expect(
        (await app.ok(ACTIVITY, { id: activity.id }, { as: world.observer })).activity,
      ).toEqual(activity);
    });

    it.each(['secretariat', 'member', 'guatemala'] as const)(
      'lets the %s record one too',
      async (who) => {
        const twinningId = await aConfirmedTwinning(app, world, { countries: ['HN', 'GT'] });
        const activity = await record(
          world[who],
          anActivity(twinningId, {
            kind: 'PEER_EXCHANGE',
            endsAt: null,
            location: null,
            virtual: true,
            participantCountryCodes: [],
          }),
        );
        expect(activity).toMatchObject({
          kind: 'PEER_EXCHANGE',
          endsAt: null,
          location: null,
          virtual: true,
          participantCountries: [],
        });
      },
    );

    it('takes virtual as false and no participant countries when not given', async () => {
      const twinningId = await aConfirmedTwinning(app, world);
      const input = anActivity(twinningId);
      delete input.virtual;
      delete input.participantCountryCodes;
      const activity = await record(world.secretariat, input);
      expect(activity).toMatchObject({ virtual: false, participantCountries: [] });
    });

    it('lists a twinning’s activities by start time', async () => {
      const twinningId = await aConfirmedTwinning(app, world);
      await record(
        world.secretariat,
        anActivity(twinningId, {
          title: 'Later',
          startsAt: '2026-12-01T10:00:00.000Z',
          endsAt: null,
        }),
      );
      await record(
        world.secretariat,
        anActivity(twinningId, {
          title: 'Sooner',
          startsAt: '2026-10-01T10:00:00.000Z',
          endsAt: null,
        }),
      );
      const data = await app.ok(TWINNING_ACTIVITIES, { id: twinningId }, { as: world.observer });
      expect(data.twinning.activities).toEqual([
        { title: 'Sooner', startsAt: '2026-10-01T10:00:00.000Z' },
        { title: 'Later', startsAt: '2026-12-01T10:00:00.000Z' },
      ]);
    });

    it.each([
      ['guatemala', 'a country that is no party'],
      ['otherMember', 'a member of another organization'],
    ] as const)('is FORBIDDEN to the %s (%s)', async (who, _why) => {
      const twinningId = await aConfirmedTwinning(app, world, { countries: ['HN'] });
      const before = await app.rowCount('activities');
      const error = await app.fails(
        RECORD_ACTIVITY,
        { input: anActivity(twinningId) },
        { as: world[who] },
      );
      expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(error.message).toBe(
        'Only the secretariat or a party to the twinning may record its activities',
      );
      expect(await app.rowCount('activities')).toBe(before);
    });

    it('is FORBIDDEN to an observer', async () => {
      const twinningId = await aConfirmedTwinning(app, world);
      const error = await app.fails(
        RECORD_ACTIVITY,
        { input: anActivity(twinningId) },
        { as: world.observer },
      );
      expect(error.extensions.code).toBe('FORBIDDEN');
    });

    it('refuses a twinning that is not CONFIRMED, with CONFLICT naming its state', async () => {
      const offerId = await postOffer(app, world.member, world.organizationId);
      const needId = await postNeed(app, world.secretariat);
      const proposed = await app.ok(
        PROPOSE_TWINNING,
        { input: { offerId, needIds: [needId] } },
        { as: world.member },
      );
      const error = await app.fails(
        RECORD_ACTIVITY,
        { input: anActivity(proposed.proposeTwinning.id) },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(error.message).toBe(
        'The twinning is PROPOSED: it cannot be given activities now (it waits for every party to answer)',
      );

      const completedId = await aConfirmedTwinning(app, world);
      await app.ok(COMPLETE_TWINNING, { id: completedId }, { as: world.secretariat });
      const completed = await app.fails(
        RECORD_ACTIVITY,
        { input: anActivity(completedId) },
        { as: world.secretariat },
      );
      expect(completed.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(completed.message).toBe(
        'The twinning is COMPLETED: it cannot be given activities now (that is final)',
      );
    });

    it.each([
      [{ endsAt: '2026-11-02T13:59:59.999Z' }, 'endsAt', 'endsAt must not be before startsAt'],
      [
        { participantCountryCodes: ['HN', 'XX'] },
        'participantCountryCodes',
        '"XX" is not an ISO 3166-1 alpha-2 country code',
      ],
      [
        { participantCountryCodes: ['hn'] },
        'participantCountryCodes',
        'participantCountryCodes must hold ISO 3166-1 alpha-2 codes',
      ],
      [{ title: '  ' }, 'title', 'title must not be blank'],
    ])('refuses %j, naming %s', async (overrides, field, message) => {
      const twinningId = await aConfirmedTwinning(app, world);
      const before = await app.rowCount('activities');
      const error = await app.fails(
        RECORD_ACTIVITY,
        { input: anActivity(twinningId, overrides) },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field, message }] });
      expect(await app.rowCount('activities')).toBe(before);
    });

    it('accepts an activity that ends when it starts', async () => {
      const twinningId = await aConfirmedTwinning(app, world);
      const activity = await record(
        world.secretariat,
        anActivity(twinningId, { endsAt: '2026-11-02T14:00:00.000Z' }),
      );
      expect(activity.endsAt).toBe(activity.startsAt);
    });

    it('refuses an unknown twinning, naming twinningId', async () => {
      const error = await app.fails(
        RECORD_ACTIVITY,
        { input: anActivity(UNKNOWN_ID) },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'twinningId', message: `no twinning has the id "${UNKNOWN_ID}"` }],
      });
    });
  });

  describe('completeActivity and cancelActivity', () => {
    async function plannedActivity(countries: ('HN' | 'GT')[] = ['HN']) {
      const twinningId = await aConfirmedTwinning(app, world, { countries });
      return record(world.secretariat, anActivity(twinningId));
    }

    it('sets DONE with the participants by gender and the outcome', async () => {
      const activity = await plannedActivity();
      const done = await complete(world.member, activity.id, {
        ...COMPLETION,
        outcome: '  38 adjudicators trained  ',
      });
      expect(done).toMatchObject({
        status: 'DONE',
        outcome: '38 adjudicators trained',
        participants: { women: 21, men: 15, other: 2, total: 38 },
      });
    });

    it('takes zero participants of a gender', async () => {
      const activity = await plannedActivity();
      const done = await complete(world.honduras, activity.id, {
        women: 0,
        men: 0,
        other: 0,
        outcome: 'Postponed audience',
      });
      expect(done.participants).toEqual({ women: 0, men: 0, other: 0, total: 0 });
    });

    it('refuses negative counts and a blank outcome, naming them', async () => {
      const activity = await plannedActivity();
      const error = await app.fails(
        COMPLETE_ACTIVITY,
        { id: activity.id, input: { women: -1, men: 3, other: 0, outcome: ' ' } },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'women', message: 'women must not be less than 0' },
          { field: 'outcome', message: 'outcome must not be blank' },
        ],
      });
      expect(
        (await app.ok(ACTIVITY, { id: activity.id }, { as: world.observer })).activity.status,
      ).toBe('PLANNED');
    });

    it('completes only a PLANNED activity', async () => {
      const activity = await plannedActivity();
      await complete(world.secretariat, activity.id);
      const again = await app.fails(
        COMPLETE_ACTIVITY,
        { id: activity.id, input: COMPLETION },
        { as: world.secretariat },
      );
      expect(again.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(again.message).toBe('The activity is DONE: only a PLANNED activity can be completed');
    });

    it('is FORBIDDEN to those who are not a party', async () => {
      const activity = await plannedActivity(['HN']);
      for (const who of [world.guatemala, world.otherMember]) {
        const error = await app.fails(
          COMPLETE_ACTIVITY,
          { id: activity.id, input: COMPLETION },
          { as: who },
        );
        expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
        expect(error.message).toBe(
          'Only the secretariat or a party to the twinning may record what its activities did',
        );
      }
    });

    it('answers NOT_FOUND for an unknown activity', async () => {
      const error = await app.fails(
        COMPLETE_ACTIVITY,
        { id: UNKNOWN_ID, input: COMPLETION },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
      expect(error.message).toBe(`Activity ${UNKNOWN_ID} was not found`);
    });

    it('cancels a PLANNED activity with its reason; it can then not be completed', async () => {
      const activity = await plannedActivity();
      const cancelled = (
        await app.ok(
          CANCEL_ACTIVITY,
          { id: activity.id, reason: 'Hurricane Julia' },
          { as: world.honduras },
        )
      ).cancelActivity;
      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'Hurricane Julia',
        participants: null,
      });
      const error = await app.fails(
        COMPLETE_ACTIVITY,
        { id: activity.id, input: COMPLETION },
        { as: world.secretariat },
      );
      expect(error.message).toBe(
        'The activity is CANCELLED: only a PLANNED activity can be completed',
      );
    });

    it('cancels the planned activities of a twinning that is completed, and changes none after (issue 11)', async () => {
      const twinningId = await aConfirmedTwinning(app, world);
      const done = await record(world.secretariat, anActivity(twinningId));
      await complete(world.member, done.id);
      const planned = await record(world.secretariat, anActivity(twinningId));
      await app.ok(COMPLETE_TWINNING, { id: twinningId }, { as: world.member });

      const activities = await app.ok<{
        twinning: {
          activities: { id: string; status: string; cancellationReason: string | null }[];
        };
      }>(
        'query ($id: ID!) { twinning(id: $id) { activities { id status cancellationReason } } }',
        { id: twinningId },
        { as: world.member },
      );
      expect(activities.twinning.activities).toEqual(
        expect.arrayContaining([
          { id: done.id, status: 'DONE', cancellationReason: null },
          {
            id: planned.id,
            status: 'CANCELLED',
            cancellationReason: 'The twinning was completed before this activity took place',
          },
        ]),
      );
      for (const [mutation, variables] of [
        [COMPLETE_ACTIVITY, { id: planned.id, input: COMPLETION }],
        [CANCEL_ACTIVITY, { id: planned.id, reason: 'Too late' }],
      ] as const) {
        const error = await app.fails(mutation, variables, { as: world.secretariat });
        expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
        expect(error.message).toBe(
          'The twinning is COMPLETED: it cannot be given activities now (that is final)',
        );
      }
    });
  });

  describe('activities', () => {
    // Dates in 2031, which no other test of this file uses, keep the counts exact.
    let ids: Record<string, string>;

    beforeAll(async () => {
      const hondurasTwinning = await aConfirmedTwinning(app, world, { countries: ['HN'] });
      const guatemalaTwinning = await aConfirmedTwinning(app, world, { countries: ['GT'] });
      const add = async (
        twinningId: string,
        title: string,
        startsAt: string,
        endsAt: string | null,
        countries: string[],
      ) =>
        (
          await record(
            world.secretariat,
            anActivity(twinningId, { title, startsAt, endsAt, participantCountryCodes: countries }),
          )
        ).id as string;
      ids = {
        january: await add(
          hondurasTwinning,
          'January',
          '2031-01-10T09:00:00.000Z',
          '2031-01-12T17:00:00.000Z',
          [],
        ),
        spanning: await add(
          guatemalaTwinning,
          'Spanning',
          '2031-01-30T09:00:00.000Z',
          '2031-02-03T17:00:00.000Z',
          ['MX'],
        ),
        february: await add(guatemalaTwinning, 'February', '2031-02-15T09:00:00.000Z', null, [
          'HN',
        ]),
        march: await add(hondurasTwinning, 'March', '2031-03-01T09:00:00.000Z', null, []),
      };
    });

    async function titles(variables: Record<string, unknown>) {
      const data = await app.ok(ACTIVITIES, variables, { as: world.observer });
      return data.activities.edges.map((edge: any) => edge.node.title);
    }

    it('lists those taking place at least partly in [from, to), newest recorded first', async () => {
      expect(
        await titles({ from: '2031-01-01T00:00:00.000Z', to: '2032-01-01T00:00:00.000Z' }),
      ).toEqual(['March', 'February', 'Spanning', 'January']);
      expect(
        await titles({ from: '2031-02-01T00:00:00.000Z', to: '2031-03-01T09:00:00.000Z' }),
      ).toEqual(['February', 'Spanning']);
    });

    it("filters by country: a participant country or a party to the activity's twinning", async () => {
      const year = { from: '2031-01-01T00:00:00.000Z', to: '2032-01-01T00:00:00.000Z' };
      expect(await titles({ ...year, countryCode: 'HN' })).toEqual([
        'March',
        'February',
        'January',
      ]);
      expect(await titles({ ...year, countryCode: 'GT' })).toEqual(['February', 'Spanning']);
      expect(await titles({ ...year, countryCode: 'MX' })).toEqual(['Spanning']);
      expect(await titles({ ...year, countryCode: 'PA' })).toEqual([]);
    });

    it('pages', async () => {
      const variables = {
        from: '2031-01-01T00:00:00.000Z',
        to: '2032-01-01T00:00:00.000Z',
        first: 3,
      };
      const first = (await app.ok(ACTIVITIES, variables, { as: world.observer })).activities;
      expect(first.totalCount).toBe(4);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (
        await app.ok(
          ACTIVITIES,
          { ...variables, after: first.pageInfo.endCursor },
          { as: world.observer },
        )
      ).activities;
      expect(second.edges.map((edge: any) => edge.node.id)).toEqual([ids.january]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses a period that ends before it starts, naming to', async () => {
      const error = await app.fails(
        ACTIVITIES,
        { from: '2031-02-01T00:00:00.000Z', to: '2031-01-01T00:00:00.000Z' },
        { as: world.observer },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'to', message: 'to must be after the start of the period' }],
      });
    });

    it('refuses a country code that is not one, naming countryCode', async () => {
      const error = await app.fails(
        ACTIVITIES,
        { countryCode: 'Honduras' },
        { as: world.observer },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          {
            field: 'countryCode',
            message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code',
          },
        ],
      });
    });
  });
});

describe('the shared calendar', () => {
  let app: TestApp;
  let world: World;
  let activityIds: Record<string, string>;

  function calendar(query: string) {
    return request(app.app.getHttpServer()).get(`/calendar.ics${query}`);
  }

  function tokenOf(url: string): string {
    return new URL(url).searchParams.get('token')!;
  }

  async function calendarUrlOf(token: string): Promise<string> {
    return (await app.ok(CALENDAR_URL, {}, { as: token })).me.calendarUrl;
  }

  function eventsOf(text: string): VEvent[] {
    return Object.values(ical.parseICS(text))
      .filter((item): item is VEvent => item?.type === 'VEVENT')
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    const asylum = await aConfirmedTwinning(app, world, { countries: ['HN', 'GT'] });
    const health = await aConfirmedTwinning(app, world, {
      countries: ['HN'],
      need: { workingGroupCode: 'HEALTH' },
      offer: { workingGroupCodes: ['ASYLUM_SYSTEMS', 'HEALTH'] },
    });
    const add = async (twinningId: string, input: Record<string, unknown>) =>
      (
        await app.ok(
          RECORD_ACTIVITY,
          { input: anActivity(twinningId, input) },
          { as: world.secretariat },
        )
      ).recordActivity.id as string;
    activityIds = {
      training: await add(asylum, {
        title: 'Adjudication training',
        startsAt: '2026-11-02T14:00:00.000Z',
        endsAt: '2026-11-04T22:00:00.000Z',
        location: 'Tegucigalpa',
        participantCountryCodes: ['CA'],
      }),
      exchange: await add(asylum, {
        kind: 'PEER_EXCHANGE',
        title: 'Peer exchange on case files',
        startsAt: '2026-12-01T15:00:00.000Z',
        endsAt: '2026-12-01T17:00:00.000Z',
        location: null,
        virtual: true,
        participantCountryCodes: ['MX'],
      }),
      clinic: await add(health, {
        kind: 'WORKSHOP',
        title: 'Mental health workshop',
        startsAt: '2027-01-20T13:00:00.000Z',
        endsAt: null,
        location: 'San Pedro Sula',
        participantCountryCodes: [],
      }),
    };
    await app.ok(
      CANCEL_ACTIVITY,
      { id: activityIds.exchange, reason: 'Moved to next year' },
      { as: world.secretariat },
    );
  });

  afterAll(() => app.close());

  it('gives each user their own calendarUrl, the same on every request, and none for others', async () => {
    const url = await calendarUrlOf(world.honduras);
    expect(url).toMatch(/^http:\/\/localhost:3000\/calendar\.ics\?token=[\w-]{32}$/);
    expect(await calendarUrlOf(world.honduras)).toBe(url);
    expect(await calendarUrlOf(world.guatemala)).not.toBe(url);

    const users = await app.ok('{ users { email calendarUrl } }', {}, { as: world.secretariat });
    const secretariatUrl = await calendarUrlOf(world.secretariat);
    for (const user of users.users) {
      expect(user.calendarUrl).toBe(
        user.email === 'secretariat@mirps.test' ? secretariatUrl : null,
      );
    }
  });

  it('serves the activities as an iCalendar feed a parser reads, with stable UIDs', async () => {
    const url = await calendarUrlOf(world.observer);
    const response = await calendar(`?token=${tokenOf(url)}`).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');

    const events = eventsOf(response.text);
    expect(
      events.map((event) => ({
        uid: event.uid,
        summary: event.summary,
        start: event.start.toISOString(),
        end: event.end?.toISOString(),
        location: event.location,
        description: event.description,
        status: event.status,
      })),
    ).toEqual([
      {
        uid: `${activityIds.training}@mirps-twinning`,
        summary: 'Adjudication training',
        start: '2026-11-02T14:00:00.000Z',
        end: '2026-11-04T22:00:00.000Z',
        location: 'Tegucigalpa',
        description: 'Training\nCountries: Canada, Guatemala, Honduras',
        status: 'CONFIRMED',
      },
      {
        uid: `${activityIds.exchange}@mirps-twinning`,
        summary: 'Peer exchange on case files',
        start: '2026-12-01T15:00:00.000Z',
        end: '2026-12-01T17:00:00.000Z',
        location: 'Virtual',
        description:
          'Peer exchange\nCountries: Guatemala, Honduras, Mexico\nCancelled: Moved to next year',
        status: 'CANCELLED',
      },
      {
        uid: `${activityIds.clinic}@mirps-twinning`,
        summary: 'Mental health workshop',
        start: '2027-01-20T13:00:00.000Z',
        // No end given: the parser makes it end when it starts.
        end: '2027-01-20T13:00:00.000Z',
        location: 'San Pedro Sula',
        description: 'Workshop\nCountries: Honduras',
        status: 'CONFIRMED',
      },
    ]);
    const again = await calendar(`?token=${tokenOf(url)}`).expect(200);
    expect(again.text).toBe(response.text);
  });

  it('filters by country and by working group', async () => {
    const token = tokenOf(await calendarUrlOf(world.member));
    const uids = async (query: string) =>
      eventsOf((await calendar(`?token=${token}${query}`).expect(200)).text).map(
        (event) => event.uid,
      );

    expect(await uids('&country=GT')).toEqual([
      `${activityIds.training}@mirps-twinning`,
      `${activityIds.exchange}@mirps-twinning`,
    ]);
    expect(await uids('&country=MX')).toEqual([`${activityIds.exchange}@mirps-twinning`]);
    expect(await uids('&country=HN&workingGroup=HEALTH')).toEqual([
      `${activityIds.clinic}@mirps-twinning`,
    ]);
    expect(await uids('&workingGroup=ASYLUM_SYSTEMS')).toEqual([
      `${activityIds.training}@mirps-twinning`,
      `${activityIds.exchange}@mirps-twinning`,
    ]);
    expect(await uids('&country=PA')).toEqual([]);
    const named = await calendar(`?token=${token}&country=GT`).expect(200);
    expect(named.text).toContain('X-WR-CALNAME:MIRPS Support Platform activities · GT');
  });

  it("reads in the feed owner's language, or lang= (calendar apps send no Accept-Language)", async () => {
    const token = tokenOf(await calendarUrlOf(world.guatemala));
    const feed = (query: string) => calendar(`?token=${token}&workingGroup=HEALTH${query}`);
    const description = async (query: string) =>
      eventsOf((await feed(query).expect(200)).text)[0].description;
    // Guatemala's focal point reads English (the suite's users do).
    expect(await description('')).toBe('Workshop\nCountries: Honduras');
    expect(await description('&lang=es')).toBe('Taller\nPaíses: Honduras');
    expect(await description('&lang=EN')).toBe('Workshop\nCountries: Honduras');
    // A header does not outweigh the owner's locale.
    expect(eventsOf((await feed('').set('accept-language', 'es')).text)[0].description).toBe(
      'Workshop\nCountries: Honduras',
    );
    // A Spanish-speaking owner's feed is Spanish without anything.
    await app.ok(
      'mutation { updateMyProfile(input: { locale: ES }) { locale } }',
      {},
      {
        as: world.guatemala,
      },
    );
    expect(await description('')).toBe('Taller\nPaíses: Honduras');
    const french = await feed('&lang=fr').expect(400);
    expect(french.body).toMatchObject({ message: 'lang debe ser es o en' });
    const refusedInEnglish = await feed('&lang=fr').set('accept-language', 'en').expect(400);
    expect(refusedInEnglish.body).toMatchObject({ message: 'lang must be es or en' });
    // A bad filter reads in the owner's language, or lang='s.
    const badFilter = await calendar(`?token=${token}&country=Honduras`).expect(400);
    expect(badFilter.body).toMatchObject({
      message: 'country debe ser un solo código, por ejemplo HN',
    });
    const badFilterEn = await calendar(`?token=${token}&workingGroup=health&lang=en`).expect(400);
    expect(badFilterEn.body).toMatchObject({
      message: 'workingGroup must be one code such as ASYLUM_SYSTEMS',
    });
  });

  it('refuses a request without a token, or with a wrong one, with 401', async () => {
    for (const query of ['', '?token=', '?token=not-a-real-token', `?token=${'x'.repeat(500)}`]) {
      const response = await calendar(query).expect(401);
      expect(response.body).toMatchObject({
        statusCode: 401,
        message:
          'Se necesita un token de calendario válido: use la dirección de calendario de su cuenta (me { calendarUrl })',
      });
      expect(response.text).not.toContain('BEGIN:VCALENDAR');
    }
    const english = await calendar('?token=wrong').set('accept-language', 'en').expect(401);
    expect(english.body.message).toBe(
      'A valid calendar token is needed: use the calendar address of your account (me { calendarUrl })',
    );
    const asked = await calendar('?token=wrong&lang=en').expect(401);
    expect(asked.body.message).toBe(english.body.message);
  });

  it('refuses a malformed filter with 400', async () => {
    const token = tokenOf(await calendarUrlOf(world.member));
    await calendar(`?token=${token}&country=Honduras`).expect(400);
    await calendar(`?token=${token}&country=HN&country=GT`).expect(400);
    await calendar(`?token=${token}&workingGroup=health`).expect(400);
  });

  it('stops the old URL when the user asks for a new one', async () => {
    const old = await calendarUrlOf(world.otherMember);
    const data = await app.ok('mutation { resetCalendarUrl }', {}, { as: world.otherMember });
    expect(data.resetCalendarUrl).not.toBe(old);
    expect(await calendarUrlOf(world.otherMember)).toBe(data.resetCalendarUrl);
    await calendar(`?token=${tokenOf(old)}`).expect(401);
    await calendar(`?token=${tokenOf(data.resetCalendarUrl)}`).expect(200);
  });

  it('stops the feed of a disabled account', async () => {
    await createUser(app, world.secretariat, { email: 'leaving@oas.test', role: 'OBSERVER' });
    const url = await calendarUrlOf(await app.login('leaving@oas.test'));
    await calendar(`?token=${tokenOf(url)}`).expect(200);
    await app.sql(`UPDATE "users" SET "active" = FALSE WHERE "email" = 'leaving@oas.test'`);
    await calendar(`?token=${tokenOf(url)}`).expect(401);
  });

  it('builds the URL from PUBLIC_URL when it is set', async () => {
    const other = await startTestApp({ env: { PUBLIC_URL: 'https://twinning.example.org/' } });
    try {
      const token = await other.login('secretariat@mirps.test', 'secretariat-test-password');
      const data = await other.ok(CALENDAR_URL, {}, { as: token });
      expect(data.me.calendarUrl).toMatch(
        /^https:\/\/twinning\.example\.org\/calendar\.ics\?token=[\w-]{32}$/,
      );
    } finally {
      await other.close();
    }
  });

  it("shows a cancelled twinning's planned activities CANCELLED, and keeps the done ones", async () => {
    const twinningId = await aConfirmedTwinning(app, world, { countries: ['GT'] });
    const add = async (title: string) =>
      (
        await app.ok(
          RECORD_ACTIVITY,
          { input: anActivity(twinningId, { title, participantCountryCodes: ['BZ'] }) },
          { as: world.secretariat },
        )
      ).recordActivity.id as string;
    const planned = await add('Planned');
    const done = await add('Done');
    await app.ok(
      COMPLETE_ACTIVITY,
      { id: done, input: { women: 1, men: 1, other: 0, outcome: 'Held' } },
      { as: world.secretariat },
    );
    await app.ok(CANCEL_TWINNING, { id: twinningId, reason: 'Funding' }, { as: world.secretariat });

    const token = tokenOf(await calendarUrlOf(world.secretariat));
    const events = eventsOf((await calendar(`?token=${token}&country=BZ`).expect(200)).text);
    expect(
      Object.fromEntries(events.map((event) => [event.uid, [event.status, event.description]])),
    ).toEqual({
      [`${planned}@mirps-twinning`]: [
        'CANCELLED',
        'Training\nCountries: Belize, Guatemala\nCancelled: The twinning was cancelled: Funding',
      ],
      [`${done}@mirps-twinning`]: [
        'CONFIRMED',
        'Training\nCountries: Belize, Guatemala\nOutcome: Held',
      ],
    });
  });
});
