import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { useFormat } from '../../components/format';
import { graphql } from '../../graphql';

const UPCOMING = graphql(`
  query HomeUpcomingActivities($from: DateTime!, $to: DateTime!, $countryCode: String) {
    activities(from: $from, to: $to, countryCode: $countryCode, first: 100) {
      edges {
        node {
          id
          title
          kind
          status
          startsAt
          location
          virtual
          twinning {
            id
            offer {
              id
              organization {
                id
              }
            }
          }
        }
      }
    }
  }
`);

const DAY = 24 * 60 * 60 * 1000;

/**
 * The next planned activities of the coming 90 days, soonest first: a country's (by the
 * API's filter) or an organization's (those of its offers' twinnings).
 */
export function UpcomingActivities({
  countryCode,
  organizationId,
  limit = 5,
}: {
  countryCode?: string;
  organizationId?: string;
  limit?: number;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const period = useMemo(() => {
    const now = Date.now();
    return { from: new Date(now).toISOString(), to: new Date(now + 90 * DAY).toISOString() };
  }, []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UPCOMING,
    variables: { ...period, countryCode: countryCode ?? null },
  });
  const upcoming = (data?.activities.edges ?? [])
    .map((edge) => edge.node)
    .filter((activity) => activity.status === 'PLANNED')
    .filter(
      (activity) => !organizationId || activity.twinning.offer.organization.id === organizationId,
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, limit);
  return (
    <section className="card" aria-labelledby="home-upcoming">
      <h2 id="home-upcoming">{t('home.upcoming')}</h2>
      <DataState
        fetching={fetching}
        error={error}
        empty={upcoming.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('home.noneUpcoming')}
      >
        <ul className="plain-list">
          {upcoming.map((activity) => (
            <li key={activity.id}>
              <Link to={`/twinnings/${activity.twinning.id}`}>{activity.title}</Link>
              <br />
              <span className="muted">
                {t(`activityKind.${activity.kind}`)} · {dateTime(activity.startsAt)} ·{' '}
                {activity.virtual ? t('home.online') : (activity.location ?? '')}
              </span>
            </li>
          ))}
        </ul>
      </DataState>
      <p>
        <Link to="/activities">{t('home.seeCalendar')}</Link>
      </p>
    </section>
  );
}
