import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { ExportLinks } from '../../components/export-links';
import { Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { Pager } from '../../components/pager';
import { StatusLabel } from '../../components/status';
import { graphql, VariablesOf } from '../../graphql';
import { useMe } from '../../session';
import { REFERENCE } from './choices';
import { useLiveList } from './live';

const NEEDS = graphql(`
  query NeedsList($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          priority
          status
          updatedAt
          country {
            code
            name
          }
          workingGroup {
            code
            name
          }
        }
      }
    }
  }
`);

const NEED_STATUSES = ['OPEN', 'IN_TWINNING', 'FULFILLED', 'WITHDRAWN'] as const;
type NeedFilter = NonNullable<VariablesOf<typeof NEEDS>['filter']>;

/** Whoever may post a need: a country's focal points (for their country) and the secretariat. */
export function mayPostNeeds(role: string) {
  return role === 'SECRETARIAT' || role === 'COUNTRY_FOCAL_POINT';
}

/**
 * The needs, newest first: filters (kept in the address, so a link from a home card opens
 * the filtered list), a search, keyset paging; a need posted meanwhile appears without a reload.
 */
export default function NeedsList() {
  const { t } = useTranslation();
  const me = useMe();
  const { date } = useFormat();
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const group = params.get('workingGroup') ?? '';
  const status = params.get('status') ?? '';
  const search = params.get('q') ?? '';
  const [typed, setTyped] = useState({ country, group, status, search });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  // A link to another filter (a home card, the navigation) shows it in the form too.
  useEffect(() => {
    setTyped({ country, group, status, search });
    setCursors([null]);
  }, [country, group, status, search]);

  const filter: NeedFilter = {
    ...(country ? { countryCode: country } : {}),
    ...(group ? { workingGroupCode: group } : {}),
    ...(status ? { status: status as NeedFilter['status'] } : {}),
    ...(search ? { search } : {}),
  };
  const [{ data: reference }] = useQuery({ query: REFERENCE });
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NEEDS,
    variables: { filter, first: 20, after: cursors[cursors.length - 1] },
  });
  // A need posted (or moved into a working group, or renewed) that the person may see, or a
  // twinning that moved a need's status: the page shown is read again, as it is filtered.
  useLiveList(
    {
      posted: 'needs',
      workingGroupCodes: group ? [group] : (reference?.workingGroups.map((g) => g.code) ?? []),
      twinnings: true,
    },
    () => reexecute({ requestPolicy: 'network-only' }),
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (typed.country) next.set('country', typed.country);
    if (typed.group) next.set('workingGroup', typed.group);
    if (typed.status) next.set('status', typed.status);
    if (typed.search.trim()) next.set('q', typed.search.trim());
    setParams(next);
    setCursors([null]);
  }

  function clear() {
    setTyped({ country: '', group: '', status: '', search: '' });
    setParams(new URLSearchParams());
    setCursors([null]);
  }

  const rows = data?.needs.edges ?? [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('needs.title')}</h1>
          <p className="muted">{t('needs.intro')}</p>
        </div>
        {mayPostNeeds(me.role) && (
          <Link className="button" to="/needs/new">
            {t('needs.new')}
          </Link>
        )}
      </div>
      <form className="filters" role="search" aria-label={t('needs.filters')} onSubmit={apply}>
        <Field name="country" label={t('needs.country')}>
          {(props) => (
            <select
              {...props}
              value={typed.country}
              onChange={(event) => setTyped({ ...typed, country: event.target.value })}
            >
              <option value="">{t('needs.allCountries')}</option>
              {reference?.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="group" label={t('needs.workingGroup')}>
          {(props) => (
            <select
              {...props}
              value={typed.group}
              onChange={(event) => setTyped({ ...typed, group: event.target.value })}
            >
              <option value="">{t('needs.allGroups')}</option>
              {reference?.workingGroups.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="status" label={t('needs.status')}>
          {(props) => (
            <select
              {...props}
              value={typed.status}
              onChange={(event) => setTyped({ ...typed, status: event.target.value })}
            >
              <option value="">{t('needs.allStatuses')}</option>
              {NEED_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`needStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="search" label={t('needs.search')}>
          {(props) => (
            <input
              {...props}
              type="search"
              value={typed.search}
              onChange={(event) => setTyped({ ...typed, search: event.target.value })}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t('needs.apply')}
          </button>
          <button type="button" className="button-secondary" onClick={clear}>
            {t('needs.clear')}
          </button>
        </div>
      </form>
      <ExportLinks
        list="needs"
        filters={{
          countryCode: country,
          workingGroupCode: group,
          status,
          search,
        }}
      />
      <DataState
        fetching={fetching}
        error={error}
        empty={rows.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('needs.none')}
      >
        <table className="list">
          <caption className="visually-hidden">{t('needs.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('needs.form.title')}</th>
              <th scope="col">{t('needs.country')}</th>
              <th scope="col">{t('needs.workingGroup')}</th>
              <th scope="col">{t('needs.priority')}</th>
              <th scope="col">{t('needs.status')}</th>
              <th scope="col">{t('needs.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node }) => (
              <tr key={node.id}>
                <td data-label={t('needs.form.title')}>
                  <Link to={`/needs/${node.id}`}>{node.title}</Link>
                </td>
                <td data-label={t('needs.country')}>{node.country.name}</td>
                <td data-label={t('needs.workingGroup')}>{node.workingGroup.name}</td>
                <td data-label={t('needs.priority')}>{t(`priority.${node.priority}`)}</td>
                <td data-label={t('needs.status')}>
                  <StatusLabel kind="needStatus" value={node.status} />
                </td>
                <td data-label={t('needs.updated')}>{date(node.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager
          cursors={cursors}
          setCursors={setCursors}
          pageInfo={data?.needs.pageInfo}
          shown={rows.length}
          total={data?.needs.totalCount}
        />
      </DataState>
    </>
  );
}
