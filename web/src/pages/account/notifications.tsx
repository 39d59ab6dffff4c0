import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { messageOf } from '../../components/errors';
import { useFormat } from '../../components/format';
import { Pager } from '../../components/pager';
import { graphql } from '../../graphql';
import './account.css';

const PAGE_SIZE = 20;

const NOTIFICATIONS = graphql(`
  query MyNotifications($unreadOnly: Boolean, $first: Int, $after: String) {
    myNotifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
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
          body
          link
          createdAt
          readAt
        }
      }
    }
  }
`);

/** The same document as the top bar's count: fetching it again updates the badge. */
const UNREAD = graphql(`
  query Unread {
    myNotifications(unreadOnly: true, first: 1) {
      totalCount
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

/** A link under the service, as a path inside the console (its origin stripped). */
export function consolePath(link: string): string {
  try {
    const url = new URL(link, window.location.origin);
    return `${url.pathname}${url.search}${url.hash}` || '/';
  } catch {
    return '/';
  }
}

/** The person's notifications, newest first: unread ones stand out and can be marked read. */
export default function Notifications() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [done, setDone] = useState<string | undefined>();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NOTIFICATIONS,
    variables: {
      unreadOnly: unreadOnly || undefined,
      first: PAGE_SIZE,
      after: cursors[cursors.length - 1],
    },
  });
  const [marking, markRead] = useMutation(MARK_READ);
  const nodes = data?.myNotifications.edges.map((edge) => edge.node) ?? [];
  const unreadHere = nodes.filter((node) => !node.readAt).map((node) => node.id);

  async function mark(ids: string[]) {
    const result = await markRead({ ids });
    if (result.error) return;
    setDone(
      t('account.notifications.markedRead', { count: result.data?.markNotificationsRead ?? 0 }),
    );
    reexecute({ requestPolicy: 'network-only' });
    void client.query(UNREAD, {}, { requestPolicy: 'network-only' }).toPromise();
  }

  return (
    <>
      <h1>{t('account.notifications.title')}</h1>
      <div className="filters">
        <div className="checks">
          <label>
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(event) => {
                setUnreadOnly(event.target.checked);
                setCursors([null]);
              }}
            />
            {t('account.notifications.unreadOnly')}
          </label>
        </div>
        {unreadHere.length > 0 && (
          <button
            type="button"
            className="button-secondary"
            disabled={marking.fetching}
            onClick={() => void mark(unreadHere)}
          >
            {t('account.notifications.markAllRead')}
          </button>
        )}
      </div>
      <div role="status">{done && <p className="notice notice-success">{done}</p>}</div>
      {marking.error && (
        <p role="alert" className="notice notice-error">
          {messageOf(marking.error)}
        </p>
      )}
      <DataState
        fetching={fetching}
        error={error}
        empty={nodes.length === 0}
        emptyText={t('account.notifications.empty')}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        <table className="list" aria-label={t('account.notifications.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('account.notifications.title')}</th>
              <th scope="col">{t('account.notifications.date')}</th>
              <th scope="col">
                <span className="visually-hidden-text">{t('account.notifications.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => (
              <tr
                key={node.id}
                className={node.readAt ? 'notification-read' : 'notification-unread'}
              >
                <td data-label={t('account.notifications.title')}>
                  <span className="notification-state">
                    {node.readAt
                      ? t('account.notifications.read')
                      : t('account.notifications.unread')}
                  </span>{' '}
                  <span className="muted">{t(`account.kind.${node.kind}`)}</span>
                  <span className="notification-title">{node.title}</span>
                  <span>{node.body}</span>
                </td>
                <td data-label={t('account.notifications.date')}>
                  {format.dateTime(node.createdAt)}
                </td>
                <td>
                  <div className="actions">
                    {node.link && (
                      <Link
                        to={consolePath(node.link)}
                        aria-label={t('account.notifications.openNamed', { title: node.title })}
                        onClick={() => {
                          if (!node.readAt) void markRead({ ids: [node.id] });
                        }}
                      >
                        {t('account.notifications.open')}
                      </Link>
                    )}
                    {!node.readAt && (
                      <button
                        type="button"
                        className="button-quiet"
                        disabled={marking.fetching}
                        aria-label={t('account.notifications.markReadNamed', { title: node.title })}
                        onClick={() => void mark([node.id])}
                      >
                        {t('account.notifications.markRead')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DataState>
      <Pager
        cursors={cursors}
        setCursors={setCursors}
        pageInfo={data?.myNotifications.pageInfo}
        shown={nodes.length}
        total={data?.myNotifications.totalCount}
      />
    </>
  );
}
