import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { graphql, ResultOf } from '../../graphql';
import { Me, useMe } from '../../session';
import './dialogue.css';

const PAGE_SIZE = 50;
/** The longest comment the service takes (its own check says so too). */
const MAX_LENGTH = 4000;

const COMMENTS = graphql(`
  query Comments($subjectId: ID!, $first: Int, $after: String) {
    comments(subjectId: $subjectId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          body
          createdAt
          editedAt
          mayEdit
          author {
            id
            name
            role
            country {
              code
              name
            }
            organization {
              id
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ADD = graphql(`
  mutation AddComment($subjectId: ID!, $body: String!) {
    addComment(subjectId: $subjectId, body: $body) {
      id
    }
  }
`);

const EDIT = graphql(`
  mutation EditComment($id: ID!, $body: String!) {
    editComment(id: $id, body: $body) {
      id
      body
      editedAt
      mayEdit
    }
  }
`);

type Comment = ResultOf<typeof COMMENTS>['comments']['edges'][number]['node'];

/**
 * The comment thread of a need, an offer or a twinning: oldest first, a page at a time;
 * the form to write one (not for observers, whom the service refuses) with how to mention
 * someone; the author's Edit while the service says they may (`mayEdit`).
 */
export function Thread({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | undefined>();
  const reload = (text: string) => {
    setNotice(text);
    setVersion((value) => value + 1);
  };
  return (
    <section aria-labelledby="comments-title" className="thread">
      <h2 id="comments-title">{t('dialogue.title')}</h2>
      <p className="muted">{t('dialogue.intro')}</p>
      <div role="status">{notice && <p className="notice notice-success">{notice}</p>}</div>
      <ThreadPage subjectId={subjectId} me={me} version={version} onSaved={reload} />
      {me.role === 'OBSERVER' ? (
        <p className="muted">{t('dialogue.readOnly')}</p>
      ) : (
        <AddComment subjectId={subjectId} onAdded={reload} />
      )}
    </section>
  );
}

/** One page of the thread, and the button that shows the next one under it. */
function ThreadPage({
  subjectId,
  me,
  version,
  after,
  onSaved,
}: {
  subjectId: string;
  me: Me;
  version: number;
  after?: string;
  onSaved: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [showMore, setShowMore] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: COMMENTS,
    variables: { subjectId, first: PAGE_SIZE, after },
  });
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const page = data?.comments;
  const comments = page?.edges.map((edge) => edge.node) ?? [];
  return (
    <DataState
      fetching={fetching && !data}
      error={error}
      empty={!after && comments.length === 0}
      emptyText={t('dialogue.none')}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {comments.length > 0 && (
        <ol className="comments" aria-label={after ? undefined : t('dialogue.listLabel')}>
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} me={me} onSaved={onSaved} />
          ))}
        </ol>
      )}
      {page?.pageInfo.hasNextPage &&
        page.pageInfo.endCursor &&
        (showMore ? (
          <ThreadPage
            subjectId={subjectId}
            me={me}
            version={version}
            after={page.pageInfo.endCursor}
            onSaved={onSaved}
          />
        ) : (
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => setShowMore(true)}>
              {t('dialogue.more')}
            </button>
          </div>
        ))}
    </DataState>
  );
}

/** Who wrote: their name (or their role) and the country or organization they speak for. */
function useAuthorLine() {
  const { t } = useTranslation();
  return (author: Comment['author'], me: Me) => {
    const role = t(`role.${author.role}`);
    const side = author.country?.name ?? author.organization?.name;
    const capacity = side ? t('dialogue.capacityOf', { role, side }) : role;
    const name = author.id === me.id ? t('dialogue.yours') : author.name;
    return name ? t('dialogue.by', { name, capacity }) : capacity;
  };
}

function CommentItem({
  comment,
  me,
  onSaved,
}: {
  comment: Comment;
  me: Me;
  onSaved: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const authorLine = useAuthorLine();
  const [editing, setEditing] = useState(false);
  return (
    <li className="comment card">
      <article aria-labelledby={`comment-${comment.id}`}>
        <p className="comment-meta">
          <strong id={`comment-${comment.id}`}>{authorLine(comment.author, me)}</strong>{' '}
          <span className="muted">
            {t('dialogue.writtenOn', { date: dateTime(comment.createdAt) })}
            {comment.editedAt &&
              ` · ${t('dialogue.editedOn', { date: dateTime(comment.editedAt) })}`}
          </span>
        </p>
        {editing ? (
          <EditComment
            comment={comment}
            onDone={(text) => {
              setEditing(false);
              if (text) onSaved(text);
            }}
          />
        ) : (
          <>
            <p className="comment-body">{comment.body}</p>
            {comment.mayEdit && (
              <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
                {t('dialogue.edit')}
              </button>
            )}
          </>
        )}
      </article>
    </li>
  );
}

/**
 * The problems of a comment form: the service's, on `body`, shown beside this form's own
 * field (`field`), and a refusal that names no field in the summary.
 */
function problemsOf(error: Parameters<typeof fieldProblemsOf>[0], field: string) {
  const fromApi = fieldProblemsOf(error);
  const problems: Record<string, string> = {};
  if (fromApi.body) problems[field] = fromApi.body;
  const message = Object.keys(fromApi).length > 0 ? undefined : messageOf(error);
  return { problems, message };
}

function AddComment({
  subjectId,
  onAdded,
}: {
  subjectId: string;
  onAdded: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [{ fetching, error }, addComment] = useMutation(ADD);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await addComment({ subjectId, body });
    if (!result.error) {
      setBody('');
      onAdded(t('dialogue.added'));
    }
  }
  const { problems, message } = problemsOf(error, 'commentBody');
  return (
    <form className="comment-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('dialogue.add')}</h3>
      <ErrorSummary problems={problems} message={message} />
      <Field
        name="commentBody"
        label={t('dialogue.body')}
        hint={t('dialogue.mentionHint')}
        problem={problems.commentBody}
      >
        {(props) => (
          <textarea
            {...props}
            rows={4}
            maxLength={MAX_LENGTH}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('dialogue.sending') : t('dialogue.submit')}
        </button>
      </div>
    </form>
  );
}

function EditComment({ comment, onDone }: { comment: Comment; onDone: (saved?: string) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(comment.body);
  const [{ fetching, error }, editComment] = useMutation(EDIT);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await editComment({ id: comment.id, body });
    if (!result.error) onDone(t('dialogue.saved'));
  }
  const { problems, message } = problemsOf(error, 'commentEdit');
  return (
    <form className="comment-form" onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary problems={problems} message={message} />
      <Field
        name="commentEdit"
        label={t('dialogue.editLabel')}
        hint={t('dialogue.editHint')}
        problem={problems.commentEdit}
      >
        {(props) => (
          <textarea
            {...props}
            rows={4}
            maxLength={MAX_LENGTH}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('dialogue.saving') : t('dialogue.save')}
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone()}>
          {t('dialogue.cancel')}
        </button>
      </div>
    </form>
  );
}
