import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { ExportLinks } from '../../components/export-links';
import { Field } from '../../components/form';
import { Pager } from '../../components/pager';
import { StatusLabel } from '../../components/status';
import { graphql, VariablesOf } from '../../graphql';
import { useMe } from '../../session';
import { useLiveList } from '../needs/live';

const OFFERS = graphql(`
  query OffersList($filter: OfferFilter, $first: Int, $after: String) {
    offers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          capacity
          remainingCapacity
          organization {
            id
            name
          }
          workingGroups {
            code
            name
          }
        }
      }
    }
  }
`);

export const OFFER_REFERENCE = graphql(`
  query OfferReference {
    organizations {
      id
      name
    }
    workingGroups {
      code
      name
    }
    countries(mirpsOnly: true) {
      code
      name
    }
  }
`);

const OFFER_STATUSES = ['OPEN', 'FULL', 'WITHDRAWN'] as const;
type OfferFilter = NonNullable<VariablesOf<typeof OFFERS>['filter']>;

/** Whoever may post an offer: a member's focal points (for their organization), the secretariat. */
export function mayPostOffers(role: string) {
  return role === 'SECRETARIAT' || role === 'MEMBER_FOCAL_POINT';
}

/**
 * The offers, newest first: filters kept in the address, a search, keyset paging; an offer
 * posted meanwhile appears without a reload.
 */
export default function OffersList() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const organization = params.get('organization') ?? '';
  const group = params.get('workingGroup') ?? '';
  const status = params.get('status') ?? '';
  const search = params.get('q') ?? '';
  const [typed, setTyped] = useState({ organization, group, status, search });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => {
    setTyped({ organization, group, status, search });
    setCursors([null]);
  }, [organization, group, status, search]);

  const filter: OfferFilter = {
    ...(organization ? { organizationId: organization } : {}),
    ...(group ? { workingGroupCode: group } : {}),
    ...(status ? { status: status as OfferFilter['status'] } : {}),
    ...(search ? { search } : {}),
  };
  const [{ data: reference }] = useQuery({ query: OFFER_REFERENCE });
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OFFERS,
    variables: { filter, first: 20, after: cursors[cursors.length - 1] },
  });
  // An offer posted (or extended to a working group, or renewed), or a twinning that took or
  // gave back an offer's capacity: the page shown is read again, as it is filtered.
  useLiveList(
    {
      posted: 'offers',
      workingGroupCodes: group ? [group] : (reference?.workingGroups.map((g) => g.code) ?? []),
      twinnings: true,
    },
    () => reexecute({ requestPolicy: 'network-only' }),
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (typed.organization) next.set('organization', typed.organization);
    if (typed.group) next.set('workingGroup', typed.group);
    if (typed.status) next.set('status', typed.status);
    if (typed.search.trim()) next.set('q', typed.search.trim());
    setParams(next);
  }

  function clear() {
    setParams(new URLSearchParams());
  }

  const rows = data?.offers.edges ?? [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('offers.title')}</h1>
          <p className="muted">{t('offers.intro')}</p>
        </div>
        {mayPostOffers(me.role) && (
          <Link className="button" to="/offers/new">
            {t('offers.new')}
          </Link>
        )}
      </div>
      <form className="filters" role="search" aria-label={t('needs.filters')} onSubmit={apply}>
        <Field name="organization" label={t('offers.organization')}>
          {(props) => (
            <select
              {...props}
              value={typed.organization}
              onChange={(event) => setTyped({ ...typed, organization: event.target.value })}
            >
              <option value="">{t('offers.allOrganizations')}</option>
              {reference?.organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="group" label={t('offers.workingGroup')}>
          {(props) => (
            <select
              {...props}
              value={typed.group}
              onChange={(event) => setTyped({ ...typed, group: event.target.value })}
            >
              <option value="">{t('offers.allGroups')}</option>
              {reference?.workingGroups.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="status" label={t('offers.status')}>
          {(props) => (
            <select
              {...props}
              value={typed.status}
              onChange={(event) => setTyped({ ...typed, status: event.target.value })}
            >
              <option value="">{t('offers.allStatuses')}</option>
              {OFFER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`offerStatus.${s}`)}
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
        list="offers"
        filters={{
          organizationId: organization,
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
        emptyText={t('offers.none')}
      >
        <table className="list">
          <caption className="visually-hidden">{t('offers.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('needs.form.title')}</th>
              <th scope="col">{t('offers.organization')}</th>
              <th scope="col">{t('offers.workingGroups')}</th>
              <th scope="col">{t('offers.remainingCapacity')}</th>
              <th scope="col">{t('offers.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node }) => (
              <tr key={node.id}>
                <td data-label={t('needs.form.title')}>
                  <Link to={`/offers/${node.id}`}>{node.title}</Link>
                </td>
                <td data-label={t('offers.organization')}>{node.organization.name}</td>
                <td data-label={t('offers.workingGroups')}>
                  {node.workingGroups.map((g) => g.name).join(', ')}
                </td>
                <td data-label={t('offers.remainingCapacity')}>
                  {t('offers.remainingOf', {
                    remaining: node.remainingCapacity,
                    capacity: node.capacity,
                  })}
                </td>
                <td data-label={t('offers.status')}>
                  <StatusLabel kind="offerStatus" value={node.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager
          cursors={cursors}
          setCursors={setCursors}
          pageInfo={data?.offers.pageInfo}
          shown={rows.length}
          total={data?.offers.totalCount}
        />
      </DataState>
    </>
  );
}
