import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { useFormat } from '../../components/format';
import { StatusLabel } from '../../components/status';
import { graphql, ResultOf } from '../../graphql';
import { useFollowChanges } from './proposals';

const ATTENTION = graphql(`
  query Attention($first: Int) {
    attention(first: $first) {
      kind
      level
      since
      days
      need {
        id
        title
        expiresAt
      }
      offer {
        id
        title
        expiresAt
      }
      twinning {
        id
        offer {
          id
          title
        }
      }
    }
  }
`);

type Item = ResultOf<typeof ATTENTION>['attention'][number];

/** Where an item leads (the thing to act on), and when a posting expires. */
function linkOf(item: Item): { to: string; title: string; expiresAt?: string | null } | undefined {
  if (item.twinning) {
    return { to: `/twinnings/${item.twinning.id}`, title: item.twinning.offer.title };
  }
  if (item.need) return { to: `/needs/${item.need.id}`, ...item.need };
  if (item.offer) return { to: `/offers/${item.offer.id}`, ...item.offer };
  return undefined;
}

/**
 * The attention list as a card: what waits for this person to act (the service decides
 * what each may act on), most urgent first, each with its level in words and colour and a
 * link to act. Read again when a twinning changes.
 */
export function AttentionList({ changes, first = 10 }: { changes: number; first?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ATTENTION,
    variables: { first },
  });
  useFollowChanges(changes, () => reexecute({ requestPolicy: 'network-only' }));
  const items = data?.attention ?? [];
  return (
    <section className="card attention" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('attention.title')}</h2>
      <DataState
        fetching={fetching}
        error={error}
        empty={items.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('attention.none')}
      >
        <p className="muted">{t('attention.intro')}</p>
        <ul className="plain-list attention-list">
          {items.map((item) => {
            const link = linkOf(item);
            return (
              <li key={`${item.kind}-${link?.to ?? item.since}`}>
                <StatusLabel kind="attentionLevel" value={item.level} />{' '}
                {link && (
                  <Link to={link.to}>
                    {t(`attention.${item.kind}`, {
                      title: link.title,
                      count: item.days,
                      date: format.date(link.expiresAt),
                    })}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </DataState>
    </section>
  );
}
