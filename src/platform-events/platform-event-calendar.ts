import type { OtherCalendarEntry } from '../activities/calendar/activity-calendar';
import { Locale } from '../common/locale';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { translate } from '../i18n/translate';
import { countryName, ReferenceService } from '../reference/reference.service';
import { PlatformEventKind } from './platform-event-kind';
import type { EventWithParticipants } from './platform-events.service';

const KIND_NAMES: Record<PlatformEventKind, Message> = {
  [PlatformEventKind.TECHNICAL_MEETING]: msg('platformEvents.kindTechnicalMeeting'),
  [PlatformEventKind.TECHNICAL_WORKSHOP]: msg('platformEvents.kindTechnicalWorkshop'),
  [PlatformEventKind.TWINNING_MEETING]: msg('platformEvents.kindTwinningMeeting'),
  [PlatformEventKind.HIGH_LEVEL_EVENT]: msg('platformEvents.kindHighLevelEvent'),
};

/** The stable UID of a platform event in the calendar feed (apart from activities'). */
export function platformEventUid(eventId: string): string {
  return `platform-event-${eventId}@mirps-twinning`;
}

/**
 * Platform events as entries of the shared calendar feed: their kind and who takes part
 * (countries in the reader's language, then organizations) in the description.
 */
export async function platformEventCalendarEntries(
  events: readonly EventWithParticipants[],
  locale: Locale,
  reference: ReferenceService,
): Promise<OtherCalendarEntry[]> {
  if (events.length === 0) return [];
  const codes = [...new Set(events.flatMap((entry) => entry.countryCodes))];
  const countries = codes.length > 0 ? await reference.countriesByCodes(codes) : [];
  const names = new Map(countries.map((country) => [country.code, countryName(country, locale)]));
  const collator = new Intl.Collator(locale === Locale.ES ? 'es' : 'en');
  return events.map(({ event, countryCodes, organizationNames }) => {
    const participants = [
      ...countryCodes.map((code) => names.get(code) ?? code).sort(collator.compare),
      ...[...organizationNames].sort(collator.compare),
    ];
    const lines = [translate(locale, KIND_NAMES[event.kind])];
    if (participants.length > 0) {
      lines.push(
        translate(
          locale,
          msg('platformEvents.calendarParticipants', { participants: participants.join(', ') }),
        ),
      );
    }
    return {
      uid: platformEventUid(event.id),
      category: event.kind,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      location: event.location,
      virtual: event.virtual,
      description: lines.join('\n'),
      createdAt: event.createdAt,
      updatedAt: event.updatedAt,
    };
  });
}
