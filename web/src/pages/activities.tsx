import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../components/data-state';
import { ExportLinks } from '../components/export-links';
import { Field } from '../components/form';
import { useFormat } from '../components/format';
import { Pager } from '../components/pager';
import { StatusLabel } from '../components/status';
import { graphql } from '../graphql';
import { CalendarLink } from './activities/calendar-link';
import NotFound from './account/not-found';
import { useLiveList } from './needs/live';

const PAGE_SIZE = 20;

const ACTIVITIES = graphql(`
  query Activities(
    $from: DateTime
    $to: DateTime
    $countryCode: String
    $first: Int
    $after: String
  ) {
    activities(from: $from, to: $to, countryCode: $countryCode, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          title
          startsAt
          endsAt
          location
          virtual
          status
          participants {
            women
            men
            other
            total
          }
          twinning {
            id
            offer {
              id
              title
              organization {
                id
                name
              }
              workingGroups {
                code
              }
            }
            needs {
              id
              country {
                code
                name
              }
              workingGroup {
                code
              }
            }
          }
        }
      }
    }
  }
`);

const CHOICES = graphql(`
  query ActivityFilterChoices {
    countries {
      code
      name
    }
    workingGroups {
      code
      name
    }
  }
`);

type When = 'upcoming' | 'past' | 'any';

/** A date field's value (YYYY-MM-DD) as the start of that day, in the person's time zone. */
function startOfDay(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The activities the person may see: upcoming or past, by country, working group and dates. */
function ActivityList() {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useMemo(() => new Date().toISOString(), []);
  const [when, setWhen] = useState<When>('upcoming');
  const [countryCode, setCountryCode] = useState('');
  const [workingGroup, setWorkingGroup] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);

  const from = startOfDay(fromDate) ?? (when === 'upcoming' ? now : undefined);
  const toDay = startOfDay(toDate);
  const to = toDay
    ? new Date(new Date(toDay).getTime() + 24 * 3600 * 1000).toISOString()
    : when === 'past'
      ? now
      : undefined;

  const [{ data: choices }] = useQuery({ query: CHOICES });
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ACTIVITIES,
    variables: {
      from,
      to,
      countryCode: countryCode || undefined,
      first: PAGE_SIZE,
      after: cursors[cursors.length - 1],
    },
  });
  // An activity recorded, moved, completed or cancelled changes its twinning: the page shown
  // is read again, as it is filtered.
  useLiveList({ twinnings: true }, () => reexecute({ requestPolicy: 'network-only' }));

  const restart = <T,>(set: (value: T) => void) => {
    return (value: T) => {
      set(value);
      setCursors([null]);
    };
  };

  const nodes = (data?.activities.edges ?? [])
    .map((edge) => edge.node)
    .filter(
      (activity) =>
        !workingGroup ||
        activity.twinning.offer.workingGroups.some((group) => group.code === workingGroup) ||
        activity.twinning.needs.some((need) => need.workingGroup.code === workingGroup),
    );

  return (
    <>
      <h1>{t('activities.title')}</h1>
      <p className="muted">{t('activities.intro')}</p>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <Field name="when" label={t('activities.when')}>
          {(props) => (
            <select
              {...props}
              value={when}
              onChange={(event) => restart(setWhen)(event.target.value as When)}
            >
              <option value="upcoming">{t('activities.upcoming')}</option>
              <option value="past">{t('activities.past')}</option>
              <option value="any">{t('activities.any')}</option>
            </select>
          )}
        </Field>
        <Field name="country" label={t('activities.country')}>
          {(props) => (
            <select
              {...props}
              value={countryCode}
              onChange={(event) => restart(setCountryCode)(event.target.value)}
            >
              <option value="">{t('activities.allCountries')}</option>
              {choices?.countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="workingGroup"
          label={t('activities.workingGroup')}
          hint={t('activities.workingGroupHint')}
        >
          {(props) => (
            <select
              {...props}
              value={workingGroup}
              onChange={(event) => setWorkingGroup(event.target.value)}
            >
              <option value="">{t('activities.allWorkingGroups')}</option>
              {choices?.workingGroups.map((group) => (
                <option key={group.code} value={group.code}>
                  {group.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="from" label={t('activities.from')}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={fromDate}
              onChange={(event) => restart(setFromDate)(event.target.value)}
            />
          )}
        </Field>
        <Field name="to" label={t('activities.to')}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={toDate}
              onChange={(event) => restart(setToDate)(event.target.value)}
            />
          )}
        </Field>
      </form>
      <ExportLinks list="activities" filters={{ from, to, countryCode }} />
      {/* The API's activities list has no working-group filter: the file has every group. */}
      {workingGroup && <p className="muted">{t('exports.everyWorkingGroup')}</p>}
      <DataState
        fetching={fetching}
        error={error}
        empty={nodes.length === 0}
        emptyText={t('activities.empty')}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        <table className="list" aria-label={t('activities.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('activities.activity')}</th>
              <th scope="col">{t('activities.dates')}</th>
              <th scope="col">{t('activities.place')}</th>
              <th scope="col">{t('activities.twinning')}</th>
              <th scope="col">{t('activities.status')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((activity) => (
              <tr key={activity.id}>
                <td data-label={t('activities.activity')}>
                  <strong>{activity.title}</strong>
                  <br />
                  <span className="muted">{t(`activityKind.${activity.kind}`)}</span>
                </td>
                <td data-label={t('activities.dates')}>
                  {format.dateTime(activity.startsAt)}
                  {activity.endsAt && <> – {format.dateTime(activity.endsAt)}</>}
                </td>
                <td data-label={t('activities.place')}>
                  {[activity.location, activity.virtual ? t('activities.virtual') : null]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
                <td data-label={t('activities.twinning')}>
                  <Link to={`/twinnings/${activity.twinning.id}`}>
                    {activity.twinning.offer.title}
                  </Link>
                  <br />
                  <span className="muted">
                    {[
                      activity.twinning.offer.organization.name,
                      ...new Set(activity.twinning.needs.map((need) => need.country.name)),
                    ].join(' · ')}
                  </span>
                </td>
                <td data-label={t('activities.status')}>
                  <StatusLabel kind="activityStatus" value={activity.status} />
                  {activity.participants && (
                    <>
                      <br />
                      <span className="muted">
                        {t('activities.participantsCount', activity.participants)}
                      </span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DataState>
      <Pager
        cursors={cursors}
        setCursors={setCursors}
        pageInfo={data?.activities.pageInfo}
        shown={nodes.length}
        total={data?.activities.totalCount}
      />
      <CalendarLink />
    </>
  );
}

export default function Activities() {
  return (
    <Routes>
      <Route index element={<ActivityList />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
