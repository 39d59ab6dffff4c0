import request from 'supertest';
import { ManualClock } from '../../src/common/clock/clock';
import {
  aConfirmedTwinning,
  buildWorld,
  createOrganization,
  postNeed,
  postOffer,
  World,
} from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const EVENT_FIELDS = `
  id kind title startsAt endsAt location virtual
  countries { code } organizations { id name } workingGroups { code }
`;
const CREATE = `mutation ($input: CreatePlatformEventInput!) { createPlatformEvent(input: $input) { ${EVENT_FIELDS} } }`;
const EVENTS = `query ($from: DateTime, $to: DateTime) { platformEvents(from: $from, to: $to) { title } }`;
const EVENT = `query ($id: ID!) { platformEvent(id: $id) { ${EVENT_FIELDS} twinnings { id } } }`;
const LINK = `mutation ($twinningId: ID!, $eventId: ID!) { linkTwinningToEvent(twinningId: $twinningId, eventId: $eventId) { id twinnings { id } } }`;
const TWINNING_EVENT = `query ($id: ID!) { twinning(id: $id) { event { id title } } }`;
const AGENDA_FIELDS = `
  agenda { startsAt endsAt room score need { id country { code } } offer { id organization { id } } }
  unscheduled { score need { id } offer { id } }
`;
const SCHEDULE = `mutation ($eventId: ID!, $slotMinutes: Int!, $rooms: Int!) {
  scheduleMeetings(eventId: $eventId, slotMinutes: $slotMinutes, rooms: $rooms) { id ${AGENDA_FIELDS} }
}`;
const AGENDA = `query ($id: ID!) { platformEvent(id: $id) { ${AGENDA_FIELDS} } }`;

interface Meeting {
  startsAt: string;
  endsAt: string;
  room: string;
  score: number;
  need: { id: string; country: { code: string } };
  offer: { id: string; organization: { id: string } };
}
interface Agenda {
  agenda: Meeting[];
  unscheduled: { score: number; need: { id: string }; offer: { id: string } }[];
}

const STARTS = '2026-09-14T14:00:00.000Z';
const HOUR = 60 * 60 * 1000;
const at = (hours: number) => new Date(Date.parse(STARTS) + hours * HOUR).toISOString();

/** The regional twinning meeting, with whatever overrides. */
function aTwinningMeeting(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'TWINNING_MEETING',
    title: 'Regional twinning meeting',
    startsAt: STARTS,
    endsAt: at(3),
    location: 'Ciudad de Panamá',
    countryCodes: ['HN', 'GT'],
    ...overrides,
  };
}

describe('platform events and the twinning meeting’s agenda', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp({ clock: new ManualClock(new Date('2026-06-01T12:00:00.000Z')) });
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  async function createEvent(overrides: Record<string, unknown> = {}) {
    const data = await app.ok<{ createPlatformEvent: { id: string } }>(
      CREATE,
      { input: aTwinningMeeting(overrides) },
      { as: world.secretariat },
    );
    return data.createPlatformEvent;
  }

  describe('events', () => {
    it('are created by the secretariat with who takes part, and read by everyone signed in', async () => {
      const data = await app.ok(
        CREATE,
        {
          input: aTwinningMeeting({
            title: '  Solidarity Event  ',
            kind: 'HIGH_LEVEL_EVENT',
            virtual: true,
            location: null,
            countryCodes: ['GT', 'HN', 'CA'],
            organizationIds: [world.otherOrganizationId, world.organizationId],
            workingGroupCodes: ['HEALTH', 'ASYLUM_SYSTEMS'],
          }),
        },
        { as: world.secretariat },
      );
      const event = {
        id: expect.any(String),
        kind: 'HIGH_LEVEL_EVENT',
        title: 'Solidarity Event',
        startsAt: STARTS,
        endsAt: at(3),
        location: null,
        virtual: true,
        countries: [{ code: 'CA' }, { code: 'GT' }, { code: 'HN' }],
        organizations: [
          { id: world.organizationId, name: 'Immigration and Refugee Board of Canada' },
          { id: world.otherOrganizationId, name: 'World Bank Group' },
        ],
        workingGroups: [{ code: 'ASYLUM_SYSTEMS' }, { code: 'HEALTH' }],
      };
      expect(data.createPlatformEvent).toEqual(event);
      for (const token of [world.observer, world.member, world.guatemala]) {
        const read = await app.ok(EVENT, { id: data.createPlatformEvent.id }, { as: token });
        expect(read.platformEvent).toEqual({ ...event, twinnings: [] });
      }
      const audit = await app.sql<{ operation: string }>(
        `SELECT "operation" FROM "audit_log" WHERE "targetIds" LIKE :id`,
        { id: `%${data.createPlatformEvent.id}%` },
      );
      expect(audit.map((entry) => entry.operation)).toEqual(['createPlatformEvent']);
    });

    it('refuses everyone but the secretariat, and writes nothing', async () => {
      const before = await app.rowCount('platform_events');
      for (const token of [world.honduras, world.member, world.observer]) {
        const refused = await app.fails(CREATE, { input: aTwinningMeeting() }, { as: token });
        expect(refused.extensions.code).toBe('FORBIDDEN');
      }
      expect(await app.rowCount('platform_events')).toBe(before);
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const before = await app.rowCount('platform_events');
      const cases: [Record<string, unknown>, string][] = [
        [{ endsAt: STARTS }, 'endsAt'],
        [{ endsAt: at(-1) }, 'endsAt'],
        [{ countryCodes: ['ZZ'] }, 'countryCodes'],
        [{ workingGroupCodes: ['NO_SUCH_GROUP'] }, 'workingGroupCodes'],
        [{ organizationIds: ['00000000-0000-4000-8000-000000000000'] }, 'organizationIds'],
        [{ title: '   ' }, 'title'],
      ];
      for (const [overrides, field] of cases) {
        const refused = await app.fails(
          CREATE,
          { input: aTwinningMeeting(overrides) },
          { as: world.secretariat },
        );
        expect(refused.extensions.code).toBe('BAD_USER_INPUT');
        expect(refused.extensions.fields!.map((problem) => problem.field)).toEqual([field]);
      }
      expect(await app.rowCount('platform_events')).toBe(before);
    });

    it('lists by start those going on in the period; NOT_FOUND for an unknown id', async () => {
      await createEvent({
        title: 'Workshop in 2030',
        startsAt: '2030-02-01T14:00:00.000Z',
        endsAt: '2030-02-02T14:00:00.000Z',
        kind: 'TECHNICAL_WORKSHOP',
      });
      await createEvent({
        title: 'Meeting in 2030',
        startsAt: '2030-01-10T14:00:00.000Z',
        endsAt: '2030-01-10T16:00:00.000Z',
        kind: 'TECHNICAL_MEETING',
      });
      await createEvent({
        title: 'Meeting in 2031',
        startsAt: '2031-01-10T14:00:00.000Z',
        endsAt: '2031-01-10T16:00:00.000Z',
      });
      const listed = await app.ok(
        EVENTS,
        { from: '2030-01-10T15:00:00.000Z', to: '2031-01-01T00:00:00.000Z' },
        { as: world.observer },
      );
      expect(listed.platformEvents).toEqual([
        { title: 'Meeting in 2030' },
        { title: 'Workshop in 2030' },
      ]);
      const badPeriod = await app.fails(
        EVENTS,
        { from: '2030-01-10T15:00:00.000Z', to: '2030-01-01T00:00:00.000Z' },
        { as: world.observer },
      );
      expect(badPeriod.extensions.fields!.map((problem) => problem.field)).toEqual(['to']);
      const missing = await app.fails(
        EVENT,
        { id: '00000000-0000-4000-8000-000000000000' },
        { as: world.observer },
      );
      expect(missing.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('twinnings made at an event', () => {
    it('are linked by the secretariat, shown on both sides, and moved by linking again', async () => {
      const first = await createEvent({ title: 'First meeting' });
      const second = await createEvent({ title: 'Second meeting' });
      const twinningId = await aConfirmedTwinning(app, world);
      const linked = await app.ok(
        LINK,
        { twinningId, eventId: first.id },
        { as: world.secretariat },
      );
      expect(linked.linkTwinningToEvent).toEqual({ id: first.id, twinnings: [{ id: twinningId }] });
      expect(
        (await app.ok(TWINNING_EVENT, { id: twinningId }, { as: world.honduras })).twinning,
      ).toEqual({ event: { id: first.id, title: 'First meeting' } });

      await app.ok(LINK, { twinningId, eventId: second.id }, { as: world.secretariat });
      const firstNow = await app.ok(EVENT, { id: first.id }, { as: world.secretariat });
      expect(firstNow.platformEvent.twinnings).toEqual([]);
      expect(
        (await app.ok(TWINNING_EVENT, { id: twinningId }, { as: world.member })).twinning,
      ).toEqual({ event: { id: second.id, title: 'Second meeting' } });

      const refused = await app.fails(
        LINK,
        { twinningId, eventId: first.id },
        { as: world.member },
      );
      expect(refused.extensions.code).toBe('FORBIDDEN');
      const unknown = await app.fails(
        LINK,
        { twinningId: '00000000-0000-4000-8000-000000000000', eventId: first.id },
        { as: world.secretariat },
      );
      expect(unknown.extensions.code).toBe('NOT_FOUND');
    });

    it('lists a twinning of a restricted need only to those who may read it', async () => {
      const event = await createEvent({ title: 'Restricted meeting' });
      // Proposed by Honduras, whose restricted need it is: the IRB becomes a party.
      const needId = await postNeed(app, world.honduras, {
        visibility: 'RESTRICTED',
        workingGroupCode: 'STATISTICAL_INCLUSION',
      });
      const offerId = await postOffer(app, world.member, world.organizationId, {
        workingGroupCodes: ['STATISTICAL_INCLUSION'],
      });
      const proposed = await app.ok<{ proposeTwinning: { id: string } }>(
        'mutation ($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }',
        { input: { offerId, needIds: [needId] } },
        { as: world.honduras },
      );
      const twinningId = proposed.proposeTwinning.id;
      await app.ok(LINK, { twinningId, eventId: event.id }, { as: world.secretariat });
      const seen = async (token: string) =>
        (await app.ok(EVENT, { id: event.id }, { as: token })).platformEvent.twinnings;
      expect(await seen(world.secretariat)).toEqual([{ id: twinningId }]);
      expect(await seen(world.honduras)).toEqual([{ id: twinningId }]);
      expect(await seen(world.member)).toEqual([{ id: twinningId }]);
      expect(await seen(world.guatemala)).toEqual([]);
      expect(await seen(world.observer)).toEqual([]);
      expect(await seen(world.otherMember)).toEqual([]);
    });
  });

  describe('scheduleMeetings', () => {
    /**
     * In its own working group (so that no other test's needs take part), with two new
     * organizations: HN's two needs and GT's one, each fitting one offer only.
     */
    async function aMeetingWithPairs(group: string, options: { restricted?: boolean } = {}) {
      const irb = await createOrganization(app, world.secretariat, `IRB ${group}`);
      const bank = await createOrganization(app, world.secretariat, `Bank ${group}`);
      const inGroup = { workingGroupCode: group };
      const hnFirst = await postNeed(app, world.secretariat, { ...inGroup, countryCode: 'HN' });
      const gt = await postNeed(app, world.secretariat, { ...inGroup, countryCode: 'GT' });
      const hnSecond = await postNeed(app, world.honduras, {
        ...inGroup,
        countryCode: 'HN',
        languages: ['fr'],
        ...(options.restricted ? { visibility: 'RESTRICTED' } : {}),
      });
      const irbOffer = await postOffer(app, world.secretariat, irb, {
        workingGroupCodes: [group],
        languages: ['es'],
      });
      const bankOffer = await postOffer(app, world.secretariat, bank, {
        workingGroupCodes: [group],
        languages: ['fr'],
      });
      const event = await createEvent({
        title: `Twinning meeting ${group}`,
        workingGroupCodes: [group],
        organizationIds: [irb, bank],
      });
      return { event, irb, bank, hnFirst, gt, hnSecond, irbOffer, bankOffer };
    }

    function pairsOf(agenda: Agenda) {
      return [...agenda.agenda, ...agenda.unscheduled]
        .map((meeting) => `${meeting.need.id}×${meeting.offer.id}`)
        .sort();
    }

    it('packs the plan among the participants so that no one is in two meetings at once', async () => {
      const pairs = await aMeetingWithPairs('JOBS_LIVELIHOODS');
      const data = await app.ok<{ scheduleMeetings: Agenda }>(
        SCHEDULE,
        { eventId: pairs.event.id, slotMinutes: 60, rooms: 2 },
        { as: world.secretariat },
      );
      const agenda = data.scheduleMeetings;
      expect(pairsOf(agenda)).toEqual(
        [
          `${pairs.hnFirst}×${pairs.irbOffer}`,
          `${pairs.gt}×${pairs.irbOffer}`,
          `${pairs.hnSecond}×${pairs.bankOffer}`,
        ].sort(),
      );
      expect(agenda.unscheduled).toEqual([]);
      // HN and the IRB each meet twice: two slots, the lower bound.
      expect([...new Set(agenda.agenda.map((meeting) => meeting.startsAt))].sort()).toEqual([
        at(0),
        at(1),
      ]);
      for (const meeting of agenda.agenda) {
        expect(meeting.endsAt).toBe(new Date(Date.parse(meeting.startsAt) + HOUR).toISOString());
        expect(['1', '2']).toContain(meeting.room);
        expect(meeting.score).toBeGreaterThan(0);
        const sameSlot = agenda.agenda.filter((other) => other.startsAt === meeting.startsAt);
        const parties = sameSlot.flatMap((other) => [
          other.need.country.code,
          other.offer.organization.id,
          `room ${other.room}`,
        ]);
        expect(new Set(parties).size).toBe(parties.length);
      }
      // By start, then room.
      const order = agenda.agenda.map((meeting) => `${meeting.startsAt} ${meeting.room}`);
      expect(order).toEqual([...order].sort());
      // Everyone reads the same agenda.
      const read = await app.ok(AGENDA, { id: pairs.event.id }, { as: world.observer });
      expect({ id: pairs.event.id, ...read.platformEvent }).toEqual(agenda);
    });

    it('replaces the agenda when called again, and reports the pairs that found no slot', async () => {
      const pairs = await aMeetingWithPairs('LOCAL_GOVERNANCE');
      await app.ok(
        SCHEDULE,
        { eventId: pairs.event.id, slotMinutes: 60, rooms: 2 },
        { as: world.secretariat },
      );
      // Two 90-minute slots, one room: two meetings, one pair left over (the worst).
      const data = await app.ok<{ scheduleMeetings: Agenda }>(
        SCHEDULE,
        { eventId: pairs.event.id, slotMinutes: 90, rooms: 1 },
        { as: world.secretariat },
      );
      const agenda = data.scheduleMeetings;
      expect(agenda.agenda.map((meeting) => [meeting.startsAt, meeting.room])).toEqual([
        [at(0), '1'],
        [at(1.5), '1'],
      ]);
      expect(agenda.unscheduled).toHaveLength(1);
      const scores = agenda.agenda.map((meeting) => meeting.score);
      expect(agenda.unscheduled[0].score).toBeLessThanOrEqual(Math.min(...scores));
      expect(pairsOf(agenda)).toHaveLength(3);
      const rows = await app.sql<{ count: number | string }>(
        `SELECT COUNT(*) AS "count" FROM "agenda_meetings" WHERE "eventId" = :id`,
        { id: pairs.event.id },
      );
      expect(Number(rows[0].count)).toBe(3);
    });

    it('plans no meeting for a restricted need, whoever schedules it', async () => {
      const pairs = await aMeetingWithPairs('EDUCATION', { restricted: true });
      await app.ok(
        SCHEDULE,
        { eventId: pairs.event.id, slotMinutes: 60, rooms: 2 },
        { as: world.secretariat },
      );
      const needsSeenBy = async (token: string) => {
        const read = await app.ok<{ platformEvent: Agenda }>(
          AGENDA,
          { id: pairs.event.id },
          { as: token },
        );
        return pairsOf(read.platformEvent)
          .map((pair) => pair.split('×')[0])
          .sort();
      };
      // A meeting would put the need before the offer's member, which a restricted need
      // never is (API.md): the need's own country and the secretariat see none either.
      const others = [pairs.hnFirst, pairs.gt].sort();
      for (const reader of [
        world.secretariat,
        world.honduras,
        world.guatemala,
        world.observer,
        world.member,
      ]) {
        expect(await needsSeenBy(reader)).toEqual(others);
      }
    });

    it('refuses what cannot be scheduled, naming the field, and changes nothing', async () => {
      const workshop = await createEvent({ kind: 'TECHNICAL_WORKSHOP', title: 'A workshop' });
      const meeting = await createEvent({ title: 'A short meeting' });
      const before = await app.rowCount('agenda_meetings');
      const cases: [Record<string, unknown>, string][] = [
        [{ eventId: workshop.id, slotMinutes: 30, rooms: 2 }, 'eventId'],
        [{ eventId: meeting.id, slotMinutes: 240, rooms: 2 }, 'slotMinutes'],
        [{ eventId: meeting.id, slotMinutes: 4, rooms: 2 }, 'slotMinutes'],
        [{ eventId: meeting.id, slotMinutes: 30, rooms: 0 }, 'rooms'],
      ];
      for (const [variables, field] of cases) {
        const refused = await app.fails(SCHEDULE, variables, { as: world.secretariat });
        expect(refused.extensions.code).toBe('BAD_USER_INPUT');
        expect(refused.extensions.fields!.map((problem) => problem.field)).toEqual([field]);
      }
      const forbidden = await app.fails(
        SCHEDULE,
        { eventId: meeting.id, slotMinutes: 30, rooms: 2 },
        { as: world.honduras },
      );
      expect(forbidden.extensions.code).toBe('FORBIDDEN');
      expect(await app.rowCount('agenda_meetings')).toBe(before);
    });
  });

  describe('the calendar feed', () => {
    it('includes the events of the people taking part, and all of them for the secretariat', async () => {
      const title = 'Calendar twinning meeting';
      await createEvent({
        title,
        countryCodes: ['HN'],
        organizationIds: [world.otherOrganizationId],
        virtual: true,
        location: null,
      });
      const feedOf = async (token: string) => {
        const url = (await app.ok('{ me { calendarUrl } }', {}, { as: token })).me.calendarUrl;
        const path = new URL(url as string);
        const response = await request(app.app.getHttpServer()).get(
          `${path.pathname}${path.search}`,
        );
        return response.text.replace(/\r\n[ \t]/g, ''); // unfolded
      };
      const honduras = await feedOf(world.honduras);
      expect(honduras).toContain(`SUMMARY:${title}`);
      expect(honduras).toContain('Taking part: Honduras\\, World Bank Group');
      expect(honduras).toContain('CATEGORIES:TWINNING_MEETING');
      expect(await feedOf(world.otherMember)).toContain(`SUMMARY:${title}`);
      expect(await feedOf(world.secretariat)).toContain(`SUMMARY:${title}`);
      expect(await feedOf(world.guatemala)).not.toContain(`SUMMARY:${title}`);
      expect(await feedOf(world.observer)).not.toContain(`SUMMARY:${title}`);
    });
  });
});
