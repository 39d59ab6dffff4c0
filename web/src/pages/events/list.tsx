import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { useFormat } from '../../components/format';
import { useMe } from '../../session';
import { EVENTS, mayManageEvents } from './queries';

/** Every platform event, by start: read by everyone; the secretariat adds them. */
export default function EventsList() {
  const { t } = useTranslation();
  const me = useMe();
  const { dateTime } = useFormat();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EVENTS,
    requestPolicy: 'cache-and-network',
  });
  const rows = data?.platformEvents ?? [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('events.title')}</h1>
          <p className="muted">{t('events.intro')}</p>
        </div>
        {mayManageEvents(me.role) && (
          <Link className="button" to="/events/new">
            {t('events.new')}
          </Link>
        )}
      </div>
      <DataState
        fetching={fetching}
        error={error}
        empty={rows.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('events.none')}
      >
        <table className="list">
          <caption className="visually-hidden">{t('events.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.event')}</th>
              <th scope="col">{t('events.kind')}</th>
              <th scope="col">{t('events.dates')}</th>
              <th scope="col">{t('events.place')}</th>
              <th scope="col">{t('events.page.countries')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((event) => (
              <tr key={event.id}>
                <td data-label={t('events.event')}>
                  <Link to={`/events/${event.id}`}>{event.title}</Link>
                </td>
                <td data-label={t('events.kind')}>{t(`events.kinds.${event.kind}`)}</td>
                <td data-label={t('events.dates')}>
                  {dateTime(event.startsAt)} – {dateTime(event.endsAt)}
                </td>
                <td data-label={t('events.place')}>
                  {event.location ?? (event.virtual ? t('events.virtual') : '')}
                </td>
                <td data-label={t('events.page.countries')}>
                  {event.countries.map((country) => country.name).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DataState>
    </>
  );
}
