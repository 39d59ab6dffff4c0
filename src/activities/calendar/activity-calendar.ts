import ical, { ICalEventStatus } from 'ical-generator';
import { Locale } from '../../common/locale';
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

/** The stable UID of an activity's event: clients update the event instead of adding one. */
export function eventUid(activityId: string): string {
  return `${activityId}@mirps-twinning`;
}

const KIND_NAMES: Record<Locale, Record<ActivityKind, string>> = {
  [Locale.EN]: {
    [ActivityKind.TRAINING]: 'Training',
    [ActivityKind.PEER_EXCHANGE]: 'Peer exchange',
    [ActivityKind.WORKSHOP]: 'Workshop',
    [ActivityKind.MEETING]: 'Meeting',
    [ActivityKind.STUDY_VISIT]: 'Study visit',
    [ActivityKind.TECHNICAL_ASSISTANCE]: 'Technical assistance',
    [ActivityKind.SECONDMENT]: 'Secondment',
  },
  [Locale.ES]: {
    [ActivityKind.TRAINING]: 'Capacitación',
    [ActivityKind.PEER_EXCHANGE]: 'Intercambio entre pares',
    [ActivityKind.WORKSHOP]: 'Taller',
    [ActivityKind.MEETING]: 'Reunión',
    [ActivityKind.STUDY_VISIT]: 'Visita de estudio',
    [ActivityKind.TECHNICAL_ASSISTANCE]: 'Asistencia técnica',
    [ActivityKind.SECONDMENT]: 'Adscripción',
  },
};

const WORDS: Record<
  Locale,
  Record<'calendar' | 'countries' | 'virtual' | 'cancelled' | 'outcome', string>
> = {
  [Locale.EN]: {
    calendar: 'MIRPS Support Platform activities',
    countries: 'Countries',
    virtual: 'Virtual',
    cancelled: 'Cancelled',
    outcome: 'Outcome',
  },
  [Locale.ES]: {
    calendar: 'Actividades de la Plataforma de Apoyo del MIRPS',
    countries: 'Países',
    virtual: 'Virtual',
    cancelled: 'Cancelada',
    outcome: 'Resultado',
  },
};

function descriptionOf(entry: CalendarEntry, locale: Locale): string {
  const words = WORDS[locale];
  const lines = [KIND_NAMES[locale][entry.kind]];
  if (entry.countryNames.length > 0) {
    lines.push(`${words.countries}: ${entry.countryNames.join(', ')}`);
  }
  if (entry.status === ActivityStatus.CANCELLED && entry.cancellationReason) {
    lines.push(`${words.cancelled}: ${entry.cancellationReason}`);
  }
  if (entry.status === ActivityStatus.DONE && entry.outcome) {
    lines.push(`${words.outcome}: ${entry.outcome}`);
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
  options: { locale: Locale; subtitle?: string },
): string {
  const words = WORDS[options.locale];
  const name = options.subtitle ? `${words.calendar} · ${options.subtitle}` : words.calendar;
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
      location: entry.location ?? (entry.virtual ? words.virtual : null),
      description: descriptionOf(entry, options.locale),
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
  return calendar.toString();
}
