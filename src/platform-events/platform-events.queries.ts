import type { SelectQueryBuilder } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { restrictTwinningsToReadable } from '../twinnings/twinning-visibility.queries';
import { participationOf } from './platform-event.policy';
import { PlatformEvent } from './platform-event.entity';
import { PlatformEventTwinning } from './platform-event-twinning.entity';

export interface PlatformEventFilter {
  /** Events still going on at or after it. */
  from?: Date;
  /** Events that start before it. */
  to?: Date;
  countryCode?: string;
  workingGroupCode?: string;
}

/** Narrows a query of events (`event`) to a period, a country and a working group. */
export function filterEvents(
  query: SelectQueryBuilder<PlatformEvent>,
  filter: PlatformEventFilter,
): SelectQueryBuilder<PlatformEvent> {
  if (filter.from) query.andWhere('event.endsAt >= :from', { from: filter.from });
  if (filter.to) query.andWhere('event.startsAt < :to', { to: filter.to });
  if (filter.countryCode) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM "platform_event_countries" "byCountry" WHERE "byCountry"."eventId" = "event"."id" AND "byCountry"."countryCode" = :filterCountry)',
      { filterCountry: filter.countryCode },
    );
  }
  if (filter.workingGroupCode) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM "platform_event_working_groups" "byGroup" WHERE "byGroup"."eventId" = "event"."id" AND "byGroup"."workingGroupCode" = :filterGroup)',
      { filterGroup: filter.workingGroupCode },
    );
  }
  return query.orderBy('event.startsAt', 'ASC').addOrderBy('event.id', 'ASC');
}

/**
 * Narrows a query of events (`event`) to those `user` takes part in (platform-event.policy.ts:
 * participationOf): what their calendar feed shows.
 */
export function restrictEventsToParticipant(
  query: SelectQueryBuilder<PlatformEvent>,
  user: User,
): SelectQueryBuilder<PlatformEvent> {
  const participation = participationOf(user);
  if (participation.everything) return query;
  const takesPart = ['1 = 0'];
  if (participation.countryCode) {
    takesPart.push(
      'EXISTS (SELECT 1 FROM "platform_event_countries" "ownCountry" WHERE "ownCountry"."eventId" = "event"."id" AND "ownCountry"."countryCode" = :ownCountry)',
    );
  }
  if (participation.organizationId) {
    takesPart.push(
      'EXISTS (SELECT 1 FROM "platform_event_organizations" "ownOrganization" WHERE "ownOrganization"."eventId" = "event"."id" AND "ownOrganization"."organizationId" = :ownOrganization)',
    );
  }
  return query.andWhere(`(${takesPart.join(' OR ')})`, {
    ownCountry: participation.countryCode,
    ownOrganization: participation.organizationId,
  });
}

/** The links of several events to the twinnings made at them that `reader` may read. */
export function readableTwinningLinks(
  query: SelectQueryBuilder<PlatformEventTwinning>,
  reader: User,
  eventIds: readonly string[],
): SelectQueryBuilder<PlatformEventTwinning> {
  query
    .where('link.eventId IN (:...eventIds)', { eventIds: [...eventIds] })
    .orderBy('link.linkedAt', 'ASC')
    .addOrderBy('link.twinningId', 'ASC');
  return restrictTwinningsToReadable(query, reader, '"link"."twinningId"');
}
