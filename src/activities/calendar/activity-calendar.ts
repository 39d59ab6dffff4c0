import ical, { ICalEventStatus } from 'ical-generator';
import { Locale } from '../../common/locale';
import { msg } from '../../i18n/catalogs';
import type { Message } from '../../i18n/message';
import { translate } from '../../i18n/translate';
import { ActivityKind, ActivityStatus } from '../activity-enums';

/** One activity as the calendar shows it. */
export interface CalendarEntry {
  id: string;
  kind: ActivityKind;
  status: ActivityStatus;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  virtual: boolean;
  /** Participant countries and the twinning's party countries, named in the reader's language. */
  countryNames: string[];
  outcome: string | null;
  cancellationReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Another event of the same feed (a platform event: platform-events/platform-event-calendar.ts),
 * its description already written in the reader's language.
 */
export interface OtherCalendarEntry {
  uid: string;
  category: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  virtual: boolean;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The stable UID of an activity's event: clients update the event instead of adding one. */
export function eventUid(activityId: string): string {
  return `${activityId}@mirps-twinning`;
}

/** What the calendar calls each kind of activity. */
const KIND_NAMES: Record<ActivityKind, Message> = {
  [ActivityKind.TRAINING]: msg('activities.kindTraining'),
  [ActivityKind.PEER_EXCHANGE]: msg('activities.kindPeerExchange'),
  [ActivityKind.WORKSHOP]: msg('activities.kindWorkshop'),
  [ActivityKind.MEETING]: msg('activities.kindMeeting'),
  [ActivityKind.STUDY_VISIT]: msg('activities.kindStudyVisit'),
  [ActivityKind.TECHNICAL_ASSISTANCE]: msg('activities.kindTechnicalAssistance'),
  [ActivityKind.SECONDMENT]: msg('activities.kindSecondment'),
};

function descriptionOf(entry: CalendarEntry, locale: Locale): string {
  const lines = [translate(locale, KIND_NAMES[entry.kind])];
  if (entry.countryNames.length > 0) {
    const countries = entry.countryNames.join(', ');
    lines.push(translate(locale, msg('activities.calendarCountries', { countries })));
  }
  if (entry.status === ActivityStatus.CANCELLED && entry.cancellationReason) {
    const reason = entry.cancellationReason;
    lines.push(translate(locale, msg('activities.calendarCancelled', { reason })));
  }
  if (entry.status === ActivityStatus.DONE && entry.outcome) {
    lines.push(translate(locale, msg('activities.calendarOutcome', { outcome: entry.outcome })));
  }
  return lines.join('\n');
}

/**
 * The activities as an iCalendar (RFC 5545) feed: one event per activity, with a stable
 * UID, its place (or "Virtual"), its kind and countries in the description, and
 * STATUS:CANCELLED once cancelled. The same entries give the same text.
 */
export function activityCalendar(
  entries: readonly CalendarEntry[],
  options: { locale: Locale; subtitle?: string; others?: readonly OtherCalendarEntry[] },
): string {
  const { locale, subtitle } = options;
  const name = translate(
    locale,
    subtitle ? msg('activities.calendarNameOf', { subtitle }) : msg('activities.calendarName'),
  );
  const virtual = translate(locale, msg('activities.calendarVirtual'));
  const calendar = ical({
    name,
    prodId: { company: 'MIRPS Support Platform', product: 'mirps-twinning', language: 'EN' },
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: eventUid(entry.id),
      summary: entry.title,
      start: entry.startsAt,
      end: entry.endsAt,
      location: entry.location ?? (entry.virtual ? virtual : null),
      description: descriptionOf(entry, locale),
      categories: [{ name: entry.kind }],
      status:
        entry.status === ActivityStatus.CANCELLED
          ? ICalEventStatus.CANCELLED
          : ICalEventStatus.CONFIRMED,
      created: entry.createdAt,
      lastModified: entry.updatedAt,
      stamp: entry.updatedAt,
    });
  }
  for (const other of options.others ?? []) {
    calendar.createEvent({
      id: other.uid,
      summary: other.title,
      start: other.startsAt,
      end: other.endsAt,
      location: other.location ?? (other.virtual ? virtual : null),
      description: other.description,
      categories: [{ name: other.category }],
      status: ICalEventStatus.CONFIRMED,
      created: other.createdAt,
      lastModified: other.updatedAt,
      stamp: other.updatedAt,
    });
  }
  return calendar.toString();
}
