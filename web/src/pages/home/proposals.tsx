import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { DataState } from '../../components/data-state';
import { useFormat } from '../../components/format';
import { graphql } from '../../graphql';

const WAITING = graphql(`
  query HomeProposals($filter: TwinningFilter) {
    twinnings(filter: $filter, first: 100) {
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
          parties {
            response
            country {
              code
            }
            organization {
              id
            }
          }
        }
      }
    }
  }
`);

const CHANGED = graphql(`
  subscription HomeTwinningChanged {
    twinningChanged {
      id
      status
    }
  }
`);

/**
 * How many twinnings this person may see have changed since the home opened (a proposal, an
 * answer…): one subscription for the whole home, whose parts read again when it moves.
 */
export function useTwinningChanges(): number {
  const [{ data }] = useSubscription<unknown, number>({ query: CHANGED }, (count = 0) => count + 1);
  return data ?? 0;
}

/** Reads a part of the home again when a twinning changed. */
export function useFollowChanges(changes: number, reexecute: () => void) {
  const latest = useRef(reexecute);
  latest.current = reexecute;
  useEffect(() => {
    if (changes > 0) latest.current();
  }, [changes]);
}

/**
 * Proposals waiting for this country's or organization's answer: PROPOSED twinnings where
 * its side is still PENDING. A proposal made or answered elsewhere shows without a reload.
 */
export function WaitingProposals({
  countryCode,
  organizationId,
  changes,
}: {
  countryCode?: string;
  organizationId?: string;
  changes: number;
}) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: WAITING,
    variables: {
      filter: {
        status: 'PROPOSED',
        ...(countryCode ? { countryCode } : {}),
        ...(organizationId ? { organizationId } : {}),
      },
    },
  });
  useFollowChanges(changes, () => reexecute({ requestPolicy: 'network-only' }));

  const waiting = (data?.twinnings.edges ?? [])
    .map((edge) => edge.node)
    .filter((twinning) =>
      twinning.parties.some(
        (party) =>
          party.response === 'PENDING' &&
          ((countryCode && party.country?.code === countryCode) ||
            (organizationId && party.organization?.id === organizationId)),
      ),
    );
  return (
    <section className="card" aria-labelledby="home-waiting">
      <h2 id="home-waiting">{t('home.waiting')}</h2>
      <DataState
        fetching={fetching}
        error={error}
        empty={waiting.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('home.noneWaiting')}
      >
        <ul className="plain-list">
          {waiting.map((twinning) => (
            <li key={twinning.id}>
              <Link to={`/twinnings/${twinning.id}`}>
                {t('home.proposalOf', {
                  offer: twinning.offer.title,
                  organization: twinning.offer.organization.name,
                })}
              </Link>
              <br />
              <span>
                {t('home.proposalNeeds', {
                  needs: twinning.needs
                    .map((need) =>
                      countryCode ? need.title : `${need.title} (${need.country.name})`,
                    )
                    .join('; '),
                })}
              </span>
              <br />
              <span className="muted">
                {t('home.proposedOn', { date: date(twinning.createdAt) })}
              </span>
            </li>
          ))}
        </ul>
      </DataState>
    </section>
  );
}
