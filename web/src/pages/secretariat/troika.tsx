import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { useFormat } from '../../components/format';
import { graphql, ResultOf } from '../../graphql';
import './troika.css';

const TROIKA = graphql(`
  query OverviewTroika {
    troika {
      chair {
        id
        from
        theme
        organization {
          id
          name
        }
      }
      pastChair {
        id
        from
        theme
        organization {
          id
          name
        }
      }
      incomingChair {
        id
        from
        theme
        organization {
          id
          name
        }
      }
    }
  }
`);

type Seats = ResultOf<typeof TROIKA>['troika'];
const SEATS = ['chair', 'pastChair', 'incomingChair'] as const;

/** The troika now, as the API derives it: Presidencia, saliente, entrante. */
export function Troika() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TROIKA });
  const seats: Seats | undefined = data?.troika;
  return (
    <section aria-labelledby="troika-title">
      <h2 id="troika-title">{t('pledges.troika.title')}</h2>
      <DataState
        fetching={fetching}
        error={error}
        empty={!seats}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        <dl className="troika">
          {SEATS.map((seat) => {
            const term = seats?.[seat];
            return (
              <div key={seat}>
                <dt>{t(`pledges.troika.${seat}`)}</dt>
                <dd>{term ? term.organization.name : t('pledges.troika.vacant')}</dd>
                {term && (
                  <dd className="muted">{t('pledges.troika.since', { date: date(term.from) })}</dd>
                )}
                {term?.theme && <dd>{t('pledges.troika.theme', { theme: term.theme })}</dd>}
              </div>
            );
          })}
        </dl>
      </DataState>
    </section>
  );
}
