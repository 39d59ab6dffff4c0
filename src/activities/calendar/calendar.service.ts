import { Injectable } from '@nestjs/common';
import type { User } from '../../accounts/user.entity';
import { Locale } from '../../common/locale';
import { PublicLinks } from '../../mail/public-links';
import { countryName, ReferenceService } from '../../reference/reference.service';
import { platformEventCalendarEntries } from '../../platform-events/platform-event-calendar';
import { PlatformEventsService } from '../../platform-events/platform-events.service';
import { TwinningsService } from '../../twinnings/twinnings.service';
import { ActivitiesService } from '../activities.service';
import { activityCalendar, CalendarEntry } from './activity-calendar';

export interface CalendarFilter {
  countryCode?: string;
  workingGroupCode?: string;
}

/** The shared calendar of activities, and the per-user URL that calendar clients poll. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly twinnings: TwinningsService,
    private readonly reference: ReferenceService,
    private readonly links: PublicLinks,
    private readonly platformEvents: PlatformEventsService,
  ) {}

  /** The feed URL for a calendar token: the token is the only credential it carries. */
  urlFor(calendarToken: string): string {
    return this.links.url('/calendar.ics', { token: calendarToken });
  }

  /**
   * Every activity the filter lets through that the feed's owner may read (not those of
   * twinnings of others' restricted needs), by start time, and the platform events the
   * owner takes part in (all of them, for the secretariat), as iCalendar text.
   */
  async feed(owner: User, filter: CalendarFilter, locale: Locale): Promise<string> {
    const activities = await this.activities.listByStart(owner, filter);
    const activityIds = activities.map((activity) => activity.id);
    const twinningIds = [...new Set(activities.map((activity) => activity.twinningId))];
    const [participants, parties] =
      activities.length === 0
        ? [[], []]
        : await Promise.all([
            this.activities.participantCountriesOf(activityIds),
            this.twinnings.partiesOf(twinningIds),
          ]);

    const codesOf = new Map<string, Set<string>>(activityIds.map((id) => [id, new Set()]));
    const partyCodes = new Map<string, string[]>();
    for (const party of parties) {
      if (!party.countryCode) continue;
      partyCodes.set(party.twinningId, [
        ...(partyCodes.get(party.twinningId) ?? []),
        party.countryCode,
      ]);
    }
    for (const activity of activities) {
      for (const code of partyCodes.get(activity.twinningId) ?? [])
        codesOf.get(activity.id)!.add(code);
    }
    for (const link of participants) codesOf.get(link.activityId)!.add(link.countryCode);

    const allCodes = [...new Set([...codesOf.values()].flatMap((codes) => [...codes]))];
    const countries = allCodes.length > 0 ? await this.reference.countriesByCodes(allCodes) : [];
    const names = new Map(countries.map((country) => [country.code, countryName(country, locale)]));
    const collator = new Intl.Collator(locale === Locale.ES ? 'es' : 'en');

    const entries: CalendarEntry[] = activities.map((activity) => ({
      id: activity.id,
      kind: activity.kind,
      status: activity.status,
      title: activity.title,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      location: activity.location,
      virtual: activity.virtual,
      countryNames: [...codesOf.get(activity.id)!]
        .map((code) => names.get(code) ?? code)
        .sort(collator.compare),
      outcome: activity.outcome,
      cancellationReason: activity.cancellationReason,
      createdAt: activity.createdAt,
      updatedAt: activity.updatedAt,
    }));
    const others = await platformEventCalendarEntries(
      await this.platformEvents.forCalendar(owner, filter),
      locale,
      this.reference,
    );
    const subtitle = [filter.countryCode, filter.workingGroupCode].filter(Boolean).join(' · ');
    return activityCalendar(entries, { locale, subtitle: subtitle || undefined, others });
  }
}
