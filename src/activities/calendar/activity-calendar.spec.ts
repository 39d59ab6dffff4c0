import { sync as ical, VEvent } from 'node-ical';
import { Locale } from '../../common/locale';
import { ActivityKind, ActivityStatus } from '../activity-enums';
import { activityCalendar, CalendarEntry, eventUid } from './activity-calendar';

const ID = '5d5b0a4e-2f1c-4c8e-9a53-0b8f5d1e2a11';

function entry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    id: ID,
    kind: ActivityKind.TRAINING,
    status: ActivityStatus.PLANNED,
    title: 'Gender-based adjudication training, module 1',
    startsAt: new Date('2026-11-02T14:00:00.000Z'),
    endsAt: new Date('2026-11-04T22:00:00.000Z'),
    location: 'Tegucigalpa',
    virtual: false,
    countryNames: ['Canada', 'Honduras'],
    outcome: null,
    cancellationReason: null,
    createdAt: new Date('2026-09-01T10:00:00.000Z'),
    updatedAt: new Date('2026-09-02T10:00:00.000Z'),
    ...overrides,
  };
}

function events(text: string): VEvent[] {
  return Object.values(ical.parseICS(text)).filter(
    (item): item is VEvent => item?.type === 'VEVENT',
  );
}

describe('activityCalendar', () => {
  it('writes one event per activity that an iCalendar parser reads back', () => {
    const text = activityCalendar([entry()], { locale: Locale.EN });
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
    expect(text).toContain('PRODID:-//MIRPS Support Platform//mirps-twinning//EN');
    const [event] = events(text);
    expect(event.uid).toBe(`${ID}@mirps-twinning`);
    expect(event.uid).toBe(eventUid(ID));
    expect(event.summary).toBe('Gender-based adjudication training, module 1');
    expect(event.start.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-11-04T22:00:00.000Z');
    expect(event.location).toBe('Tegucigalpa');
    expect(event.description).toBe('Training\nCountries: Canada, Honduras');
    expect(event.status).toBe('CONFIRMED');
  });

  it('says "Virtual" for an online activity without a place, and omits the place otherwise', () => {
    const [online, unknown] = events(
      activityCalendar(
        [
          entry({ id: 'a', location: null, virtual: true }),
          entry({ id: 'b', location: null, virtual: false }),
        ],
        { locale: Locale.EN },
      ),
    );
    expect(online.location).toBe('Virtual');
    expect(unknown.location).toBeUndefined();
  });

  it('marks a cancelled activity CANCELLED with the reason, and a done one with its outcome', () => {
    const [cancelled, done] = events(
      activityCalendar(
        [
          entry({ id: 'a', status: ActivityStatus.CANCELLED, cancellationReason: 'Hurricane' }),
          entry({ id: 'b', status: ActivityStatus.DONE, outcome: '38 officers trained' }),
        ],
        { locale: Locale.EN },
      ),
    );
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.description).toBe(
      'Training\nCountries: Canada, Honduras\nCancelled: Hurricane',
    );
    expect(done.status).toBe('CONFIRMED');
    expect(done.description).toBe(
      'Training\nCountries: Canada, Honduras\nOutcome: 38 officers trained',
    );
  });

  it('speaks Spanish when asked, and names the calendar after its filters', () => {
    const text = activityCalendar([entry({ kind: ActivityKind.PEER_EXCHANGE })], {
      locale: Locale.ES,
      subtitle: 'HN',
    });
    expect(text).toContain('X-WR-CALNAME:Actividades de la Plataforma de Apoyo del MIRPS · HN');
    expect(events(text)[0].description).toBe('Intercambio entre pares\nPaíses: Canada, Honduras');
  });

  it('gives the same text for the same entries', () => {
    const entries = [entry(), entry({ id: 'b', endsAt: null })];
    expect(activityCalendar(entries, { locale: Locale.EN })).toBe(
      activityCalendar(entries, { locale: Locale.EN }),
    );
  });
});
