import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { graphql } from '../../graphql';

const TOTALS = graphql(`
  query HomeTotals {
    needs(first: 1) {
      totalCount
    }
    offers(first: 1) {
      totalCount
    }
    twinnings(first: 1) {
      totalCount
    }
    activities(first: 1) {
      totalCount
    }
  }
`);

/** The observer's home: the lists, read only, each with how many it holds. */
export function ObserverHome() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TOTALS });
  const lists = data
    ? ([
        ['/needs', 'home.needs', data.needs.totalCount],
        ['/offers', 'home.offers', data.offers.totalCount],
        ['/twinnings', 'home.twinnings', data.twinnings.totalCount],
        ['/activities', 'home.activities', data.activities.totalCount],
      ] as const)
    : [];
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="muted">{t('home.observerIntro')}</p>
      <h2>{t('home.lists')}</h2>
      <DataState
        fetching={fetching}
        error={error}
        empty={!data}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        <ul className="cards plain-list">
          {lists.map(([to, label, count]) => (
            <li key={to} className="card">
              <h3>
                <Link to={to}>{t(label)}</Link>
              </h3>
              <p>{t('home.total', { count })}</p>
            </li>
          ))}
        </ul>
      </DataState>
    </>
  );
}
