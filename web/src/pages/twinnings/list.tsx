import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { ExportLinks } from '../../components/export-links';
import { Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { Pager } from '../../components/pager';
import { StatusLabel } from '../../components/status';
import { graphql, ResultOf, VariablesOf } from '../../graphql';
import { useMe } from '../../session';
import { useTwinningChanges } from './live';

const PAGE_SIZE = 20;

const TWINNINGS = graphql(`
  query Twinnings($filter: TwinningFilter, $first: Int, $after: String) {
    twinnings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          createdAt
          offer {
            id
            title
            organization {
              id
              name
            }
          }
          needs {
            id
            title
            country {
              code
              name
            }
          }
        }
      }
    }
  }
`);

const COUNTRIES = graphql(`
  query TwinningFilterCountries {
    countries(mirpsOnly: true) {
      code
      name
    }
  }
`);

type Status = NonNullable<NonNullable<VariablesOf<typeof TWINNINGS>['filter']>['status']>;
type Row = ResultOf<typeof TWINNINGS>['twinnings']['edges'][number]['node'];

const STATUSES: Status[] = [
  'PROPOSED',
  'ACCEPTED',
  'CONFIRMED',
  'COMPLETED',
  'DECLINED',
  'CANCELLED',
];

function TwinningTable({ rows, label }: { rows: Row[]; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table className="list" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('twinnings.offer')}</th>
          <th scope="col">{t('twinnings.organization')}</th>
          <th scope="col">{t('twinnings.countries')}</th>
          <th scope="col">{t('twinnings.status')}</th>
          <th scope="col">{t('twinnings.proposedOn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td data-label={t('twinnings.offer')}>
              <Link to={`/twinnings/${row.id}`}>{row.offer.title}</Link>
            </td>
            <td data-label={t('twinnings.organization')}>{row.offer.organization.name}</td>
            <td data-label={t('twinnings.countries')}>
              {[...new Set(row.needs.map((need) => need.country.name))].join(', ')}
            </td>
            <td data-label={t('twinnings.status')}>
              <StatusLabel kind="twinningStatus" value={row.status} />
            </td>
            <td data-label={t('twinnings.proposedOn')}>{format.date(row.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The secretariat's first job: the twinnings every party accepted, to confirm. */
function WaitingForConfirmation() {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: TWINNINGS,
    variables: { filter: { status: 'ACCEPTED' }, first: 100 },
    requestPolicy: 'cache-and-network',
  });
  useTwinningChanges(() => reexecute({ requestPolicy: 'network-only' }));
  const rows = data?.twinnings.edges.map((edge) => edge.node) ?? [];
  if (error || rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="to-confirm">
      <h2 id="to-confirm">
        {t('twinnings.toConfirm')} ({rows.length})
      </h2>
      <p className="muted">{t('twinnings.toConfirmIntro')}</p>
      <TwinningTable rows={rows} label={t('twinnings.toConfirm')} />
    </section>
  );
}

/** Every twinning the person may see, by status and country, newest first. */
export default function TwinningList() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as Status | '';
  const countryCode = params.get('country') ?? '';
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data: choices }] = useQuery({ query: COUNTRIES });
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: TWINNINGS,
    variables: {
      filter: { status: status || undefined, countryCode: countryCode || undefined },
      first: PAGE_SIZE,
      after: cursors[cursors.length - 1],
    },
  });
  const rows = data?.twinnings.edges.map((edge) => edge.node) ?? [];
  useTwinningChanges(() => reexecute({ requestPolicy: 'network-only' }));

  function choose(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    setCursors([null]);
  }

  return (
    <>
      <h1>{t('twinnings.title')}</h1>
      <p className="muted">{t('twinnings.intro')}</p>
      {me.role === 'SECRETARIAT' && !status && <WaitingForConfirmation />}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <Field name="status" label={t('twinnings.status')}>
          {(props) => (
            <select
              {...props}
              value={status}
              onChange={(event) => choose('status', event.target.value)}
            >
              <option value="">{t('twinnings.allStatuses')}</option>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`twinningStatus.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="country" label={t('twinnings.country')}>
          {(props) => (
            <select
              {...props}
              value={countryCode}
              onChange={(event) => choose('country', event.target.value)}
            >
              <option value="">{t('twinnings.allCountries')}</option>
              {choices?.countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <h2>{t('twinnings.all')}</h2>
      <ExportLinks list="twinnings" filters={{ status, countryCode }} />
      <DataState
        fetching={fetching}
        error={error}
        empty={rows.length === 0}
        emptyText={t('twinnings.empty')}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        <TwinningTable rows={rows} label={t('twinnings.caption')} />
      </DataState>
      <Pager
        cursors={cursors}
        setCursors={setCursors}
        pageInfo={data?.twinnings.pageInfo}
        shown={rows.length}
        total={data?.twinnings.totalCount}
      />
    </>
  );
}
