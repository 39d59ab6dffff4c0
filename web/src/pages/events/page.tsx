import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { codeOf, fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { StatusLabel } from '../../components/status';
import { graphql } from '../../graphql';
import { useMe } from '../../session';
import { EVENT, mayManageEvents, PlatformEventDetail } from './queries';

const SCHEDULE = graphql(`
  mutation ScheduleMeetingsForm($eventId: ID!, $slotMinutes: Int!, $rooms: Int!) {
    scheduleMeetings(eventId: $eventId, slotMinutes: $slotMinutes, rooms: $rooms) {
      id
      agenda {
        startsAt
      }
    }
  }
`);

type Meeting = PlatformEventDetail['agenda'][number];

/** /events/:id: the event, who takes part, its twinnings and its agenda. */
export default function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EVENT,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  if (codeOf(error) === 'NOT_FOUND') {
    return (
      <>
        <h1>{t('events.event')}</h1>
        <p className="notice notice-error">{t('events.notFound')}</p>
        <Link to="/events">{t('events.backToList')}</Link>
      </>
    );
  }
  return (
    <DataState
      fetching={fetching}
      error={error}
      empty={!data}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {data && (
        <EventDetail
          event={data.platformEvent}
          saved={saved}
          refresh={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
    </DataState>
  );
}

function EventDetail({
  event,
  saved,
  refresh,
}: {
  event: PlatformEventDetail;
  saved?: string;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { dateTime } = useFormat();
  const [notice, setNotice] = useState(saved);
  const names = (list: { name: string }[]) =>
    list.length ? list.map((item) => item.name).join(', ') : t('events.page.nobody');
  const isTwinningMeeting = event.kind === 'TWINNING_MEETING';
  return (
    <>
      <p>
        <Link to="/events">{t('events.backToList')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{event.title}</h1>
          <p className="muted">
            {t(`events.kinds.${event.kind}`)} · {dateTime(event.startsAt)} –{' '}
            {dateTime(event.endsAt)}
            {event.location ? ` · ${event.location}` : ''}
            {event.virtual ? ` · ${t('events.virtual')}` : ''}
          </p>
        </div>
      </div>
      {notice && (
        <div className="notice notice-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      <section aria-labelledby="event-participants">
        <h2 id="event-participants">{t('events.page.participants')}</h2>
        <dl className="event-participants">
          <dt>{t('events.page.countries')}</dt>
          <dd>{names(event.countries)}</dd>
          <dt>{t('events.page.organizations')}</dt>
          <dd>{names(event.organizations)}</dd>
          <dt>{t('events.page.workingGroups')}</dt>
          <dd>
            {event.workingGroups.length ? names(event.workingGroups) : t('events.page.allGroups')}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="event-twinnings">
        <h2 id="event-twinnings">{t('events.page.twinnings')}</h2>
        {event.twinnings.length === 0 ? (
          <p className="muted">{t('events.page.noTwinnings')}</p>
        ) : (
          <ul className="event-twinnings">
            {event.twinnings.map((twinning) => (
              <li key={twinning.id}>
                <Link to={`/twinnings/${twinning.id}`}>
                  {t('events.page.twinningOf', {
                    offer: twinning.offer.organization.name,
                    needs: twinning.needs
                      .map((need) => `${need.country.name} (${need.title})`)
                      .join(', '),
                  })}
                </Link>{' '}
                <StatusLabel kind="twinningStatus" value={twinning.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {isTwinningMeeting && mayManageEvents(me.role) && (
        <ScheduleForm
          eventId={event.id}
          onDone={(count) => {
            setNotice(t('events.page.scheduled', { count }));
            refresh();
          }}
        />
      )}
      {isTwinningMeeting && <AgendaGrid event={event} />}
    </>
  );
}

function ScheduleForm({ eventId, onDone }: { eventId: string; onDone: (count: number) => void }) {
  const { t } = useTranslation();
  const [slotMinutes, setSlotMinutes] = useState('30');
  const [rooms, setRooms] = useState('4');
  const [outcome, schedule] = useMutation(SCHEDULE);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await schedule({
      eventId,
      slotMinutes: Number.parseInt(slotMinutes, 10) || 0,
      rooms: Number.parseInt(rooms, 10) || 0,
    });
    if (result.data) onDone(result.data.scheduleMeetings.agenda.length);
  }

  const problems = fieldProblemsOf(outcome.error);
  const message = Object.keys(problems).length ? undefined : messageOf(outcome.error);
  return (
    <section className="card action-card" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('events.page.schedule')}</h2>
      <p className="muted">{t('events.page.scheduleIntro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} message={message} />
        <div className="event-dates">
          <Field
            name="slotMinutes"
            label={t('events.page.slotMinutes')}
            problem={problems.slotMinutes}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={5}
                value={slotMinutes}
                onChange={(event) => setSlotMinutes(event.target.value)}
              />
            )}
          </Field>
          <Field name="rooms" label={t('events.page.rooms')} problem={problems.rooms}>
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={1}
                value={rooms}
                onChange={(event) => setRooms(event.target.value)}
              />
            )}
          </Field>
        </div>
        <button type="submit" className="button" disabled={outcome.fetching}>
          {t('events.page.submit')}
        </button>
      </form>
    </section>
  );
}

/** Slots as rows, rooms as columns; on a phone each slot's meetings stack. */
function AgendaGrid({ event }: { event: PlatformEventDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const slots = [...new Set(event.agenda.map((meeting) => meeting.startsAt))].sort();
  const roomCount = Math.max(0, ...event.agenda.map((meeting) => Number(meeting.room ?? 0)));
  const rooms = Array.from({ length: roomCount }, (_, index) => String(index + 1));
  const at = new Map<string, Meeting>(
    event.agenda.map((meeting) => [`${meeting.startsAt}|${meeting.room}`, meeting]),
  );
  return (
    <section aria-labelledby="event-agenda">
      <h2 id="event-agenda">{t('events.page.agenda')}</h2>
      <p className="muted">{t('events.page.agendaIntro')}</p>
      {slots.length === 0 ? (
        <p className="muted">{t('events.page.noAgenda')}</p>
      ) : (
        <table className="list agenda">
          <caption className="visually-hidden">{t('events.page.agenda')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.page.slot')}</th>
              {rooms.map((room) => (
                <th scope="col" key={room}>
                  {t('events.page.room', { room })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr key={slot}>
                <th scope="row">{dateTime(slot)}</th>
                {rooms.map((room) => {
                  const meeting = at.get(`${slot}|${room}`);
                  return (
                    <td
                      key={room}
                      data-label={t('events.page.room', { room })}
                      className={meeting ? undefined : 'agenda-free'}
                    >
                      {meeting ? (
                        <>
                          <strong>
                            {t('events.page.meeting', {
                              country: meeting.need.country.name,
                              organization: meeting.offer.organization.name,
                            })}
                          </strong>
                          <span className="agenda-titles">
                            <Link to={`/needs/${meeting.need.id}`}>{meeting.need.title}</Link>
                            {' · '}
                            <Link to={`/offers/${meeting.offer.id}`}>{meeting.offer.title}</Link>
                          </span>
                        </>
                      ) : (
                        <span className="muted">{t('events.page.free')}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {event.unscheduled.length > 0 && (
        <>
          <h3>{t('events.page.unscheduled')}</h3>
          <p className="muted">{t('events.page.unscheduledIntro')}</p>
          <ul>
            {event.unscheduled.map((pair) => (
              <li key={`${pair.need.id}|${pair.offer.id}`}>
                {t('events.page.meeting', {
                  country: pair.need.country.name,
                  organization: pair.offer.organization.name,
                })}
                : {pair.need.title} · {pair.offer.title}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
