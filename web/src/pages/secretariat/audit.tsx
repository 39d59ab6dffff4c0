import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { Pager } from '../../components/pager';
import { graphql, VariablesOf } from '../../graphql';

const AUDIT = graphql(`
  query AuditLog($filter: AuditFilter, $after: String) {
    auditLog(filter: $filter, after: $after, first: 20) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          createdAt
          email
          role
          operation
          targetIds
          outcome
        }
      }
    }
  }
`);

const AUTHORS = graphql(`
  query AuditAuthors {
    users {
      id
      email
    }
  }
`);

const OUTCOMES = [
  'OK',
  'BAD_USER_INPUT',
  'CONFLICT',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'INTERNAL_SERVER_ERROR',
] as const;
type Outcome = (typeof OUTCOMES)[number];
type Filter = NonNullable<VariablesOf<typeof AUDIT>['filter']>;

const NO_FILTERS = {
  operation: '',
  userId: '',
  outcome: '' as Outcome | '',
  targetId: '',
  from: '',
  to: '',
  archived: false,
};

/** A day typed in a date field, as the start of that day where the reader is. */
function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

function filterOf(form: typeof NO_FILTERS): Filter {
  return {
    ...(form.operation.trim() ? { operation: form.operation.trim() } : {}),
    ...(form.userId ? { userId: form.userId } : {}),
    ...(form.outcome ? { outcome: form.outcome } : {}),
    ...(form.targetId.trim() ? { targetId: form.targetId.trim() } : {}),
    ...(form.from ? { from: startOfDay(form.from) } : {}),
    ...(form.to ? { to: nextDay(form.to) } : {}),
    ...(form.archived ? { archived: true } : {}),
  };
}

const tone = (outcome: string) => (outcome === 'OK' ? 'green' : 'red');

/** Every mutation, who made it and how it ended; newest first, filtered and paged. */
export default function Audit() {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data: authors }] = useQuery({ query: AUTHORS });
  const [form, setForm] = useState(NO_FILTERS);
  const [filter, setFilter] = useState<Filter>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AUDIT,
    variables: { filter, after: cursors[cursors.length - 1] },
    requestPolicy: 'cache-and-network',
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter(filterOf(form));
    setCursors([null]);
  }

  function clear() {
    setForm(NO_FILTERS);
    setFilter({});
    setCursors([null]);
  }

  const edges = data?.auditLog.edges ?? [];
  return (
    <>
      <h1>{t('nav.audit')}</h1>
      <form className="card" onSubmit={apply} aria-labelledby="audit-filters-title" noValidate>
        <h2 id="audit-filters-title">{t('secretariat.audit.filtersTitle')}</h2>
        <div className="filters">
          <Field
            name="operation"
            label={t('secretariat.audit.operation')}
            hint={t('secretariat.audit.operationHint')}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                value={form.operation}
                onChange={(event) => setForm({ ...form, operation: event.target.value })}
              />
            )}
          </Field>
          <Field name="userId" label={t('secretariat.audit.who')}>
            {(props) => (
              <select
                {...props}
                value={form.userId}
                onChange={(event) => setForm({ ...form, userId: event.target.value })}
              >
                <option value="">{t('common.all')}</option>
                {authors?.users.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.email}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="outcome" label={t('secretariat.audit.outcome')}>
            {(props) => (
              <select
                {...props}
                value={form.outcome}
                onChange={(event) =>
                  setForm({ ...form, outcome: event.target.value as Outcome | '' })
                }
              >
                <option value="">{t('common.all')}</option>
                {OUTCOMES.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {t(`secretariat.audit.outcomes.${outcome}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="targetId"
            label={t('secretariat.audit.target')}
            hint={t('secretariat.audit.targetHint')}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                value={form.targetId}
                onChange={(event) => setForm({ ...form, targetId: event.target.value })}
              />
            )}
          </Field>
          <Field name="from" label={t('secretariat.audit.from')}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={form.from}
                onChange={(event) => setForm({ ...form, from: event.target.value })}
              />
            )}
          </Field>
          <Field name="to" label={t('secretariat.audit.to')}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={form.to}
                onChange={(event) => setForm({ ...form, to: event.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="checks">
          <label>
            <input
              type="checkbox"
              checked={form.archived}
              onChange={(event) => setForm({ ...form, archived: event.target.checked })}
            />
            {t('secretariat.audit.archived')}
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('common.filter')}
          </button>
          <button type="button" className="button-secondary" onClick={clear}>
            {t('secretariat.audit.clear')}
          </button>
        </div>
      </form>

      <section aria-labelledby="audit-entries-title">
        <h2 id="audit-entries-title">{t('secretariat.audit.entriesTitle')}</h2>
        <DataState
          fetching={fetching}
          error={error}
          empty={edges.length === 0}
          retry={() => reexecute({ requestPolicy: 'network-only' })}
          emptyText={t('secretariat.audit.none')}
        >
          <p className="muted" role="status">
            {t('secretariat.audit.count', { count: data?.auditLog.totalCount ?? 0 })}
          </p>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('secretariat.audit.when')}</th>
                <th scope="col">{t('secretariat.audit.who')}</th>
                <th scope="col">{t('secretariat.audit.operation')}</th>
                <th scope="col">{t('secretariat.audit.targets')}</th>
                <th scope="col">{t('secretariat.audit.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node }) => (
                <tr key={node.id}>
                  <td data-label={t('secretariat.audit.when')}>
                    {format.dateTime(node.createdAt)}
                  </td>
                  <td data-label={t('secretariat.audit.who')}>
                    {node.email ?? t('secretariat.audit.anonymous')}
                    {node.role && (
                      <>
                        <br />
                        <span className="muted">{t(`role.${node.role}`)}</span>
                      </>
                    )}
                  </td>
                  <td data-label={t('secretariat.audit.operation')}>
                    <code>{node.operation}</code>
                  </td>
                  <td data-label={t('secretariat.audit.targets')} className="sec-break">
                    {node.targetIds.length === 0 ? '—' : node.targetIds.join(', ')}
                  </td>
                  <td data-label={t('secretariat.audit.outcome')}>
                    <span className={`status status-${tone(node.outcome)}`}>
                      {t(`secretariat.audit.outcomes.${node.outcome}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            cursors={cursors}
            setCursors={setCursors}
            pageInfo={data?.auditLog.pageInfo}
            shown={edges.length}
            total={data?.auditLog.totalCount}
          />
        </DataState>
      </section>
    </>
  );
}
