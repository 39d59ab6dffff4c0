import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { StatusLabel } from '../../components/status';
import { graphql } from '../../graphql';
import { useFollowChanges } from './proposals';

const NEED_COUNTS = graphql(`
  query HomeNeedCounts($countryCode: String!) {
    open: needs(filter: { countryCode: $countryCode, status: OPEN }, first: 1) {
      totalCount
    }
    inTwinning: needs(filter: { countryCode: $countryCode, status: IN_TWINNING }, first: 1) {
      totalCount
    }
    fulfilled: needs(filter: { countryCode: $countryCode, status: FULFILLED }, first: 1) {
      totalCount
    }
    withdrawn: needs(filter: { countryCode: $countryCode, status: WITHDRAWN }, first: 1) {
      totalCount
    }
  }
`);

const OFFER_COUNTS = graphql(`
  query HomeOfferCounts($organizationId: ID!) {
    open: offers(filter: { organizationId: $organizationId, status: OPEN }, first: 1) {
      totalCount
    }
    full: offers(filter: { organizationId: $organizationId, status: FULL }, first: 1) {
      totalCount
    }
    withdrawn: offers(filter: { organizationId: $organizationId, status: WITHDRAWN }, first: 1) {
      totalCount
    }
  }
`);

/** A country's needs by status, each count opening the list filtered by it. */
export function NeedsByStatus({
  country,
  mayPost,
  changes,
}: {
  country: { code: string; name: string };
  mayPost: boolean;
  changes: number;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NEED_COUNTS,
    variables: { countryCode: country.code },
  });
  // A proposal or an answer moves needs between statuses.
  useFollowChanges(changes, () => reexecute({ requestPolicy: 'network-only' }));
  const rows = data
    ? ([
        ['OPEN', data.open.totalCount],
        ['IN_TWINNING', data.inTwinning.totalCount],
        ['FULFILLED', data.fulfilled.totalCount],
        ['WITHDRAWN', data.withdrawn.totalCount],
      ] as const)
    : [];
  return (
    <section className="card" aria-labelledby="home-needs">
      <h2 id="home-needs">{t('home.needsByStatus', { country: country.name })}</h2>
      <DataState
        fetching={fetching}
        error={error}
        empty={!data}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        <ul className="count-list">
          {rows.map(([status, count]) => (
            <li key={status}>
              <StatusLabel kind="needStatus" value={status} />
              <Link
                to={`/needs?country=${country.code}&status=${status}`}
                aria-label={t('home.countOf', { status: t(`needStatus.${status}`), count })}
              >
                {count}
              </Link>
            </li>
          ))}
        </ul>
      </DataState>
      <div className="actions">
        <Link to={`/needs?country=${country.code}`}>
          {t('home.seeAllNeeds', { country: country.name })}
        </Link>
        {mayPost && (
          <Link className="button" to="/needs/new">
            {t('home.newNeed')}
          </Link>
        )}
      </div>
    </section>
  );
}

/** An organization's offers by status, each count opening the list filtered by it. */
export function OffersByStatus({
  organization,
  changes,
}: {
  organization: { id: string; name: string };
  changes: number;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OFFER_COUNTS,
    variables: { organizationId: organization.id },
  });
  useFollowChanges(changes, () => reexecute({ requestPolicy: 'network-only' }));
  const rows = data
    ? ([
        ['OPEN', data.open.totalCount],
        ['FULL', data.full.totalCount],
        ['WITHDRAWN', data.withdrawn.totalCount],
      ] as const)
    : [];
  return (
    <section className="card" aria-labelledby="home-offers">
      <h2 id="home-offers">{t('home.offersByStatus', { organization: organization.name })}</h2>
      <DataState
        fetching={fetching}
        error={error}
        empty={!data}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        <ul className="count-list">
          {rows.map(([status, count]) => (
            <li key={status}>
              <StatusLabel kind="offerStatus" value={status} />
              <Link
                to={`/offers?organization=${organization.id}&status=${status}`}
                aria-label={t('home.countOf', { status: t(`offerStatus.${status}`), count })}
              >
                {count}
              </Link>
            </li>
          ))}
        </ul>
      </DataState>
      <div className="actions">
        <Link to={`/offers?organization=${organization.id}`}>
          {t('home.seeAllOffers', { organization: organization.name })}
        </Link>
        <Link className="button" to="/offers/new">
          {t('home.newOffer')}
        </Link>
      </div>
    </section>
  );
}
