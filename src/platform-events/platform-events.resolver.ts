import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, Roles, SignedIn } from '../common/auth/access.decorators';
import { IdArgs } from '../common/dto/id.args';
import { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { Need } from '../needs/need.entity';
import { needLoader } from '../needs/need.loaders';
import { NeedsService } from '../needs/needs.service';
import { Offer } from '../offers/offer.entity';
import { offerLoader } from '../offers/offer.loaders';
import { OffersService } from '../offers/offers.service';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { WorkingGroup } from '../reference/working-group.entity';
import { twinningLoader } from '../twinnings/twinning.loaders';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { TwinningsService } from '../twinnings/twinnings.service';
import { AgendaSlot, UnscheduledMeeting } from './agenda-slot.type';
import { CreatePlatformEventInput } from './dto/create-platform-event.input';
import {
  LinkTwinningToEventArgs,
  PlatformEventsArgs,
  ScheduleMeetingsArgs,
} from './dto/platform-events.args';
import { EVENT_MANAGERS } from './platform-event.policy';
import { PlatformEvent } from './platform-event.entity';
import {
  eventAgendaLoader,
  eventCountriesLoader,
  eventOrganizationsLoader,
  eventTwinningLinksLoader,
  eventWorkingGroupsLoader,
  platformEventLoader,
  twinningEventLinkLoader,
} from './platform-events.loaders';
import { PlatformEventsService } from './platform-events.service';

@Resolver(() => PlatformEvent)
export class PlatformEventsResolver {
  constructor(
    private readonly eventsService: PlatformEventsService,
    private readonly twinningsService: TwinningsService,
  ) {}

  @SignedIn()
  @Query(() => [PlatformEvent], {
    description:
      'Platform events by start: those still going on at `from` and starting before `to`',
  })
  platformEvents(@Args() { from, to }: PlatformEventsArgs): Promise<PlatformEvent[]> {
    return this.eventsService.list({ from, to });
  }

  @SignedIn()
  @Query(() => PlatformEvent)
  platformEvent(@Args() { id }: IdArgs): Promise<PlatformEvent> {
    return this.eventsService.get(id);
  }

  @Roles(EVENT_MANAGERS)
  @Mutation(() => PlatformEvent, { description: 'The secretariat' })
  createPlatformEvent(@Args('input') input: CreatePlatformEventInput): Promise<PlatformEvent> {
    return this.eventsService.create(input);
  }

  @Roles(EVENT_MANAGERS)
  @Mutation(() => PlatformEvent, {
    description:
      "The secretariat: a TWINNING_MEETING's agenda from the matching plan among its participants, " +
      'best pairs first, in `slotMinutes` slots over `rooms` rooms (README: "The twinning ' +
      'meeting\'s agenda"). Replaces the agenda it had.',
  })
  scheduleMeetings(
    @CurrentUser() user: User,
    @Args() { eventId, slotMinutes, rooms }: ScheduleMeetingsArgs,
  ): Promise<PlatformEvent> {
    return this.eventsService.scheduleMeetings(user, eventId, slotMinutes, rooms);
  }

  @Roles(EVENT_MANAGERS)
  @Mutation(() => PlatformEvent, {
    description: 'The secretariat: the event the twinning was made at (moved from any other)',
  })
  linkTwinningToEvent(
    @CurrentUser() user: User,
    @Args() { twinningId, eventId }: LinkTwinningToEventArgs,
  ): Promise<PlatformEvent> {
    return this.eventsService.linkTwinning(user, twinningId, eventId);
  }

  @ResolveField(() => [Country], { description: 'The countries taking part, by code' })
  countries(
    @Parent() event: PlatformEvent,
    @Context() { loaders }: GraphQLContext,
  ): Promise<Country[]> {
    return eventCountriesLoader(loaders, this.eventsService).load(event.id);
  }

  @ResolveField(() => [Organization], { description: 'The organizations taking part, by name' })
  organizations(
    @Parent() event: PlatformEvent,
    @Context() { loaders }: GraphQLContext,
  ): Promise<Organization[]> {
    return eventOrganizationsLoader(loaders, this.eventsService).load(event.id);
  }

  @ResolveField(() => [WorkingGroup], { description: 'By code' })
  workingGroups(
    @Parent() event: PlatformEvent,
    @Context() { loaders }: GraphQLContext,
  ): Promise<WorkingGroup[]> {
    return eventWorkingGroupsLoader(loaders, this.eventsService).load(event.id);
  }

  @ResolveField(() => [TwinningArrangement], {
    description: 'The arrangements made at it that you may read (need visibility), as linked',
  })
  async twinnings(
    @Parent() event: PlatformEvent,
    @CurrentUser() user: User,
    @Context() { loaders }: GraphQLContext,
  ): Promise<TwinningArrangement[]> {
    const links = await eventTwinningLinksLoader(loaders, this.eventsService, user).load(event.id);
    const twinnings = twinningLoader(loaders, this.twinningsService);
    return Promise.all(links.map((link) => loadRequired(twinnings, link.twinningId, 'Twinning')));
  }

  @ResolveField(() => [AgendaSlot], {
    description:
      'The bilateral meetings by start, then room; only those whose need you may read ' +
      '(need visibility)',
  })
  async agenda(
    @Parent() event: PlatformEvent,
    @CurrentUser() user: User,
    @Context() { loaders }: GraphQLContext,
  ): Promise<AgendaSlot[]> {
    const rows = await eventAgendaLoader(loaders, this.eventsService, user).load(event.id);
    return rows
      .filter((row) => row.slot !== null)
      .map((row) => ({
        startsAt: row.startsAt!,
        endsAt: row.endsAt!,
        score: row.score,
        room: String(row.room! + 1),
        needId: row.needId,
        offerId: row.offerId,
      }));
  }

  @ResolveField(() => [UnscheduledMeeting], {
    description:
      'Pairs of the plan among the participants that no slot could take, best first ' +
      '(more slots or rooms would place them); only those whose need you may read',
  })
  async unscheduled(
    @Parent() event: PlatformEvent,
    @CurrentUser() user: User,
    @Context() { loaders }: GraphQLContext,
  ): Promise<UnscheduledMeeting[]> {
    const rows = await eventAgendaLoader(loaders, this.eventsService, user).load(event.id);
    return rows
      .filter((row) => row.slot === null)
      .map((row) => ({ score: row.score, needId: row.needId, offerId: row.offerId }));
  }
}

/** The need and offer of a meeting, planned or not. */
@Resolver(() => AgendaSlot)
export class AgendaSlotResolver {
  constructor(
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
  ) {}

  @ResolveField(() => Need)
  need(@Parent() slot: AgendaSlot, @Context() { loaders }: GraphQLContext): Promise<Need> {
    return loadRequired(needLoader(loaders, this.needs), slot.needId, 'Need');
  }

  @ResolveField(() => Offer)
  offer(@Parent() slot: AgendaSlot, @Context() { loaders }: GraphQLContext): Promise<Offer> {
    return loadRequired(offerLoader(loaders, this.offers), slot.offerId, 'Offer');
  }
}

@Resolver(() => UnscheduledMeeting)
export class UnscheduledMeetingResolver {
  constructor(
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
  ) {}

  @ResolveField(() => Need)
  need(
    @Parent() meeting: UnscheduledMeeting,
    @Context() { loaders }: GraphQLContext,
  ): Promise<Need> {
    return loadRequired(needLoader(loaders, this.needs), meeting.needId, 'Need');
  }

  @ResolveField(() => Offer)
  offer(
    @Parent() meeting: UnscheduledMeeting,
    @Context() { loaders }: GraphQLContext,
  ): Promise<Offer> {
    return loadRequired(offerLoader(loaders, this.offers), meeting.offerId, 'Offer');
  }
}

/** `TwinningArrangement.event`: here because events know twinnings, not the other way. */
@Resolver(() => TwinningArrangement)
export class TwinningEventResolver {
  constructor(private readonly eventsService: PlatformEventsService) {}

  @ResolveField(() => PlatformEvent, {
    nullable: true,
    description: 'The platform event it was made at, if any',
  })
  async event(
    @Parent() twinning: TwinningArrangement,
    @Context() { loaders }: GraphQLContext,
  ): Promise<PlatformEvent | null> {
    const link = await twinningEventLinkLoader(loaders, this.eventsService).load(twinning.id);
    if (!link) return null;
    return loadRequired(platformEventLoader(loaders, this.eventsService), link.eventId, 'Event');
  }
}
