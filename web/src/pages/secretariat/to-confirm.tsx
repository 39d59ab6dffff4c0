import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { messageOf } from '../../components/errors';
import { useFormat } from '../../components/format';
import { Pager } from '../../components/pager';
import { graphql } from '../../graphql';

const TO_CONFIRM = graphql(`
  query TwinningsToConfirm($after: String) {
    twinnings(filter: { status: ACCEPTED }, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          updatedAt
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

const CONFIRM = graphql(`
  mutation ConfirmTwinning($id: ID!) {
    confirmTwinning(id: $id) {
      id
      status
      confirmedAt
    }
  }
`);

/** The twinnings every party accepted, waiting for the secretariat: one Confirm each. */
export function ToConfirm({ onConfirmed }: { onConfirmed: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: TO_CONFIRM,
    variables: { after: cursors[cursors.length - 1] },
    requestPolicy: 'cache-and-network',
  });
  const [confirming, confirm] = useMutation(CONFIRM);
  const [done, setDone] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<{ id: string; message: string } | undefined>();

  async function confirmOne(id: string, title: string) {
    setDone(undefined);
    setRefusal(undefined);
    const result = await confirm({ id });
    if (result.error) {
      setRefusal({ id, message: messageOf(result.error) ?? '' });
      return;
    }
    setDone(t('secretariat.confirm.done', { title }));
    reexecute({ requestPolicy: 'network-only' });
    onConfirmed();
  }

  const edges = data?.twinnings.edges ?? [];
  return (
    <section aria-labelledby="to-confirm-title">
      <h2 id="to-confirm-title">{t('secretariat.confirm.title')}</h2>
      <div aria-live="polite">
        {done && (
          <p className="notice notice-success" role="status">
            {done}
          </p>
        )}
      </div>
      <DataState
        fetching={fetching}
        error={error}
        empty={edges.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('secretariat.confirm.none')}
      >
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('secretariat.confirm.offer')}</th>
              <th scope="col">{t('secretariat.confirm.needs')}</th>
              <th scope="col">{t('secretariat.confirm.acceptedOn')}</th>
              <th scope="col">{t('secretariat.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node }) => (
              <tr key={node.id}>
                <td data-label={t('secretariat.confirm.offer')}>
                  <Link to={`/twinnings/${node.id}`}>{node.offer.title}</Link>
                  <br />
                  <span className="muted">{node.offer.organization.name}</span>
                </td>
                <td data-label={t('secretariat.confirm.needs')}>
                  <ul className="sec-reasons">
                    {node.needs.map((need) => (
                      <li key={need.id}>
                        {need.title} ({need.country.name})
                      </li>
                    ))}
                  </ul>
                </td>
                <td data-label={t('secretariat.confirm.acceptedOn')}>
                  {format.date(node.updatedAt)}
                </td>
                <td data-label={t('secretariat.actions')}>
                  <button
                    type="button"
                    className="button"
                    disabled={confirming.fetching}
                    aria-label={t('secretariat.confirm.actionOf', { title: node.offer.title })}
                    onClick={() => void confirmOne(node.id, node.offer.title)}
                  >
                    {t('secretariat.confirm.action')}
                  </button>
                  {refusal?.id === node.id && (
                    <p className="sec-row-problem" role="alert">
                      {refusal.message}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager
          cursors={cursors}
          setCursors={setCursors}
          pageInfo={data?.twinnings.pageInfo}
          shown={edges.length}
          total={data?.twinnings.totalCount}
        />
      </DataState>
    </section>
  );
}
