import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { Clock } from '../common/clock/clock';
import { FieldProblems, NotFoundError } from '../common/errors/domain-errors';
import { checkPeriod } from '../common/validation/input-rules';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { MatchingService } from '../matching/matching.service';
import { NeedsService } from '../needs/needs.service';
import { OffersService } from '../offers/offers.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { ReferenceService } from '../reference/reference.service';
import { TwinningsService } from '../twinnings/twinnings.service';
import { AgendaMeeting } from './agenda-meeting.entity';
import { bestFirst, MeetingRequest, packAgenda } from './agenda/pack-agenda';
import { CreatePlatformEventInput } from './dto/create-platform-event.input';
import { PlatformEventKind } from './platform-event-kind';
import {
  PlatformEventCountry,
  PlatformEventOrganization,
  PlatformEventWorkingGroup,
} from './platform-event-participants.entity';
import { PlatformEventTwinning } from './platform-event-twinning.entity';
import { PlatformEvent } from './platform-event.entity';
import {
  filterEvents,
  PlatformEventFilter,
  readableTwinningLinks,
  restrictEventsToParticipant,
} from './platform-events.queries';

const MINUTE = 60_000;
/** Slots an agenda may have: enough for a week of 5-minute meetings. */
export const MAX_SLOTS = 2016;
/** Rows per INSERT: SQLite takes up to 32,766 parameters a statement. */
const INSERT_BATCH = 500;

/** An event with who takes part, for the calendar feed. */
export interface EventWithParticipants {
  event: PlatformEvent;
  countryCodes: string[];
  organizationNames: string[];
}

/**
 * Platform events, who takes part in them, the twinnings made at them, and the twinning
 * meeting's agenda: the matching plan among the participants (MatchingService.planAmong)
 * packed into slots and rooms by the pure packer (agenda/pack-agenda.ts).
 */
@Injectable()
export class PlatformEventsService {
  constructor(
    @InjectRepository(PlatformEvent) private readonly events: Repository<PlatformEvent>,
    @InjectRepository(PlatformEventCountry)
    private readonly countries: Repository<PlatformEventCountry>,
    @InjectRepository(PlatformEventOrganization)
    private readonly organizations: Repository<PlatformEventOrganization>,
    @InjectRepository(PlatformEventWorkingGroup)
    private readonly workingGroups: Repository<PlatformEventWorkingGroup>,
    @InjectRepository(PlatformEventTwinning)
    private readonly twinningLinks: Repository<PlatformEventTwinning>,
    @InjectRepository(AgendaMeeting) private readonly meetings: Repository<AgendaMeeting>,
    private readonly matching: MatchingService,
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
    private readonly twinnings: TwinningsService,
    private readonly reference: ReferenceService,
    private readonly organizationsService: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** By start, in the period (BAD_USER_INPUT `to` when it ends before it starts). */
  list(filter: PlatformEventFilter = {}): Promise<PlatformEvent[]> {
    const problems = new FieldProblems();
    checkPeriod(problems, 'to', filter.from, filter.to);
    problems.throwIfAny();
    return filterEvents(this.events.createQueryBuilder('event'), filter).getMany();
  }

  async get(id: string): Promise<PlatformEvent> {
    const event = await this.events.findOneBy({ id });
    if (!event) throw new NotFoundError('PlatformEvent', id);
    return event;
  }

  byIds(ids: readonly string[]): Promise<PlatformEvent[]> {
    return this.events.findBy({ id: In([...ids]) });
  }

  countriesOf(eventIds: readonly string[]): Promise<PlatformEventCountry[]> {
    return this.countries.find({
      where: { eventId: In([...eventIds]) },
      relations: { country: true },
      order: { countryCode: 'ASC' },
    });
  }

  organizationsOf(eventIds: readonly string[]): Promise<PlatformEventOrganization[]> {
    return this.organizations.find({
      where: { eventId: In([...eventIds]) },
      relations: { organization: true },
      order: { organizationId: 'ASC' },
    });
  }

  workingGroupsOf(eventIds: readonly string[]): Promise<PlatformEventWorkingGroup[]> {
    return this.workingGroups.find({
      where: { eventId: In([...eventIds]) },
      relations: { workingGroup: true },
      order: { workingGroupCode: 'ASC' },
    });
  }

  /** The twinnings made at several events that `reader` may read, in the order linked. */
  twinningLinksOf(reader: User, eventIds: readonly string[]): Promise<PlatformEventTwinning[]> {
    return readableTwinningLinks(
      this.twinningLinks.createQueryBuilder('link'),
      reader,
      eventIds,
    ).getMany();
  }

  /** The event each of several twinnings was made at (none for most). */
  eventLinksOfTwinnings(twinningIds: readonly string[]): Promise<PlatformEventTwinning[]> {
    return this.twinningLinks.findBy({ twinningId: In([...twinningIds]) });
  }

  /**
   * The agenda rows of several events whose need `reader` may read (need.policy.ts):
   * the placed meetings by start, then room; the unplaced pairs best first.
   */
  async agendaOf(reader: User, eventIds: readonly string[]): Promise<AgendaMeeting[]> {
    const rows = await this.meetings.find({
      where: { eventId: In([...eventIds]) },
      order: { eventId: 'ASC', rank: 'ASC' },
    });
    const readable = await this.needs.readableIds(reader, [
      ...new Set(rows.map((row) => row.needId)),
    ]);
    return rows
      .filter((row) => readable.has(row.needId))
      .sort(
        (a, b) =>
          (a.slot ?? Infinity) - (b.slot ?? Infinity) ||
          (a.room ?? 0) - (b.room ?? 0) ||
          a.rank - b.rank,
      );
  }

  /** The events `owner` takes part in (all, for the secretariat), for the calendar feed. */
  async forCalendar(owner: User, filter: PlatformEventFilter): Promise<EventWithParticipants[]> {
    const events = await restrictEventsToParticipant(
      filterEvents(this.events.createQueryBuilder('event'), filter),
      owner,
    ).getMany();
    if (events.length === 0) return [];
    const ids = events.map((event) => event.id);
    const [countries, organizations] = await Promise.all([
      this.countriesOf(ids),
      this.organizationsOf(ids),
    ]);
    return events.map((event) => ({
      event,
      countryCodes: countries.filter((c) => c.eventId === event.id).map((c) => c.countryCode),
      organizationNames: organizations
        .filter((o) => o.eventId === event.id)
        .map((o) => o.organization!.name),
    }));
  }

  async create(input: CreatePlatformEventInput): Promise<PlatformEvent> {
    const problems = new FieldProblems();
    checkPeriod(problems, 'endsAt', input.startsAt, input.endsAt);
    const countryCodes = input.countryCodes ?? [];
    const organizationIds = input.organizationIds ?? [];
    const workingGroupCodes = input.workingGroupCodes ?? [];
    await this.reference.checkCountryCodes(problems, 'countryCodes', countryCodes, {
      mirpsOnly: false,
    });
    await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCodes', workingGroupCodes);
    if (organizationIds.length > 0) {
      const found = new Set(
        (await this.organizationsService.byIds(organizationIds)).map((o) => o.id),
      );
      for (const id of organizationIds) {
        if (!found.has(id)) {
          problems.add('organizationIds', msg('organizations.noSuchOrganization', { id }));
        }
      }
    }
    problems.throwIfAny();

    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const event = await manager.save(
        manager.create(PlatformEvent, {
          kind: input.kind,
          title: input.title.trim(),
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          location: input.location?.trim() ?? null,
          virtual: input.virtual ?? false,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const eventId = event.id;
      if (countryCodes.length > 0) {
        await manager.insert(
          PlatformEventCountry,
          countryCodes.map((countryCode) => ({ eventId, countryCode })),
        );
      }
      if (organizationIds.length > 0) {
        await manager.insert(
          PlatformEventOrganization,
          organizationIds.map((organizationId) => ({ eventId, organizationId })),
        );
      }
      if (workingGroupCodes.length > 0) {
        await manager.insert(
          PlatformEventWorkingGroup,
          workingGroupCodes.map((workingGroupCode) => ({ eventId, workingGroupCode })),
        );
      }
      return event;
    });
  }

  /**
   * The agenda of a twinning meeting: the plan among its participants, packed into
   * `slotMinutes` slots from its start (as many as end before its end) over `rooms` rooms.
   * Replaces any agenda it had, in one transaction; pairs no slot takes are kept as
   * unscheduled. The plan is the caller's (the secretariat's: every need).
   */
  async scheduleMeetings(
    user: User,
    eventId: string,
    slotMinutes: number,
    rooms: number,
  ): Promise<PlatformEvent> {
    const event = await this.get(eventId);
    const problems = new FieldProblems();
    if (event.kind !== PlatformEventKind.TWINNING_MEETING) {
      problems.add('eventId', msg('platformEvents.notTwinningMeeting'));
    }
    const slotLength = slotMinutes * MINUTE;
    const slots = Math.floor((event.endsAt.getTime() - event.startsAt.getTime()) / slotLength);
    if (slots < 1) {
      problems.add('slotMinutes', msg('platformEvents.noSlot', { minutes: slotMinutes }));
    } else if (slots > MAX_SLOTS) {
      problems.add(
        'slotMinutes',
        msg('platformEvents.tooManySlots', { minutes: slotMinutes, slots, max: MAX_SLOTS }),
      );
    }
    problems.throwIfAny();

    const [countries, organizations, groups] = await Promise.all([
      this.countriesOf([eventId]),
      this.organizationsOf([eventId]),
      this.workingGroupsOf([eventId]),
    ]);
    const plan = await this.matching.planAmong({
      countryCodes: countries.map((link) => link.countryCode),
      organizationIds: organizations.map((link) => link.organizationId),
      workingGroupCodes: groups.map((link) => link.workingGroupCode),
    });
    const requests = await this.meetingRequests(plan.assignments);
    const rank = new Map(
      [...requests].sort(bestFirst).map((request, at) => [request.needId, at] as const),
    );
    const packing = packAgenda(requests, { slots, rooms });
    const start = event.startsAt.getTime();
    const rows = [
      ...packing.placed.map((meeting) => ({
        ...meeting,
        startsAt: new Date(start + meeting.slot * slotLength),
        endsAt: new Date(start + (meeting.slot + 1) * slotLength),
      })),
      ...packing.unplaced.map((request) => ({
        ...request,
        slot: null,
        room: null,
        startsAt: null,
        endsAt: null,
      })),
    ].map((row) => ({
      eventId,
      rank: rank.get(row.needId)!,
      needId: row.needId,
      offerId: row.offerId,
      score: row.score,
      slot: row.slot,
      room: row.room,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
    }));

    return this.transactions.run(async (manager) => {
      const locked = await manager.findOne(PlatformEvent, {
        where: { id: eventId },
        lock: writeLock(manager),
      });
      if (!locked) throw new NotFoundError('PlatformEvent', eventId);
      await manager.delete(AgendaMeeting, { eventId });
      for (let at = 0; at < rows.length; at += INSERT_BATCH) {
        await manager.insert(AgendaMeeting, rows.slice(at, at + INSERT_BATCH));
      }
      locked.updatedAt = this.clock.now();
      return manager.save(locked);
    });
  }

  /** Records the event a twinning was made at (moving it from another one). */
  async linkTwinning(user: User, twinningId: string, eventId: string): Promise<PlatformEvent> {
    await this.twinnings.getReadable(user, twinningId);
    const event = await this.get(eventId);
    await this.transactions.run(async (manager) => {
      await manager.delete(PlatformEventTwinning, { twinningId });
      await manager.insert(PlatformEventTwinning, {
        twinningId,
        eventId,
        linkedAt: this.clock.now(),
      });
    });
    return event;
  }

  /** Each planned pair as a meeting: the need's country and the offer's organization. */
  private async meetingRequests(
    assignments: readonly { needId: string; offerId: string; score: number }[],
  ): Promise<MeetingRequest[]> {
    if (assignments.length === 0) return [];
    const [needs, offers] = await Promise.all([
      this.needs.byIds(assignments.map((pair) => pair.needId)),
      this.offers.byIds([...new Set(assignments.map((pair) => pair.offerId))]),
    ]);
    const countryOf = new Map(needs.map((need) => [need.id, need.countryCode]));
    const organizationOf = new Map(offers.map((offer) => [offer.id, offer.organizationId]));
    return assignments.map((pair) => ({
      needId: pair.needId,
      offerId: pair.offerId,
      score: pair.score,
      countryCode: countryOf.get(pair.needId)!,
      organizationId: organizationOf.get(pair.offerId)!,
    }));
  }
}
