import DataLoader from 'dataloader';
import type { User } from '../accounts/user.entity';
import { byKey, groupByKey, RequestLoaders } from '../common/loaders/request-loaders';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { WorkingGroup } from '../reference/working-group.entity';
import { AgendaMeeting } from './agenda-meeting.entity';
import { PlatformEventTwinning } from './platform-event-twinning.entity';
import { PlatformEvent } from './platform-event.entity';
import { PlatformEventsService } from './platform-events.service';

export function platformEventLoader(
  loaders: RequestLoaders,
  events: PlatformEventsService,
): DataLoader<string, PlatformEvent | null> {
  return loaders.get('platformEventById', async (ids: readonly string[]) =>
    byKey(ids, await events.byIds(ids), (event) => event.id),
  );
}

/** By code. */
export function eventCountriesLoader(
  loaders: RequestLoaders,
  events: PlatformEventsService,
): DataLoader<string, Country[]> {
  return loaders.get('platformEventCountries', async (ids: readonly string[]) =>
    groupByKey(ids, await events.countriesOf(ids), (link) => link.eventId).map((links) =>
      links.map((link) => link.country!),
    ),
  );
}

/** By name. */
export function eventOrganizationsLoader(
  loaders: RequestLoaders,
  events: PlatformEventsService,
): DataLoader<string, Organization[]> {
  return loaders.get('platformEventOrganizations', async (ids: readonly string[]) =>
    groupByKey(ids, await events.organizationsOf(ids), (link) => link.eventId).map((links) =>
      links
        .map((link) => link.organization!)
        .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
    ),
  );
}

/** By code. */
export function eventWorkingGroupsLoader(
  loaders: RequestLoaders,
  events: PlatformEventsService,
): DataLoader<string, WorkingGroup[]> {
  return loaders.get('platformEventWorkingGroups', async (ids: readonly string[]) =>
    groupByKey(ids, await events.workingGroupsOf(ids), (link) => link.eventId).map((links) =>
      links.map((link) => link.workingGroup!),
    ),
  );
}

/** The twinnings made at each event that the request's user may read. */
export function eventTwinningLinksLoader(
  loaders: RequestLoaders,
  events: PlatformEventsService,
  reader: User,
): DataLoader<string, PlatformEventTwinning[]> {
  return loaders.get('platformEventTwinnings', async (ids: readonly string[]) =>
    groupByKey(ids, await events.twinningLinksOf(reader, ids), (link) => link.eventId),
  );
}

/** Each event's agenda rows whose need the request's user may read. */
export function eventAgendaLoader(
  loaders: RequestLoaders,
  events: PlatformEventsService,
  reader: User,
): DataLoader<string, AgendaMeeting[]> {
  return loaders.get('platformEventAgenda', async (ids: readonly string[]) =>
    groupByKey(ids, await events.agendaOf(reader, ids), (meeting) => meeting.eventId),
  );
}

/** The event each twinning was made at. */
export function twinningEventLinkLoader(
  loaders: RequestLoaders,
  events: PlatformEventsService,
): DataLoader<string, PlatformEventTwinning | null> {
  return loaders.get('twinningPlatformEvent', async (ids: readonly string[]) =>
    byKey(ids, await events.eventLinksOfTwinnings(ids), (link) => link.twinningId),
  );
}
