import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { StatusLabel } from '../../components/status';
import { graphql, ResultOf } from '../../graphql';
import { Me, useMe } from '../../session';
import { CalendarLink } from '../activities/calendar-link';
import { CheckGroup } from '../needs/choices';
import { TwinningActivities } from './activities';
import { Thread } from '../dialogue/thread';
import { FollowUps } from './follow-ups';
import { useTwinningChanges } from './live';
import './twinnings.css';

export const TWINNING = graphql(`
  query Twinning($id: ID!) {
    twinning(id: $id) {
      id
      status
      note
      summary
      cancellationReason
      createdAt
      confirmedAt
      completedAt
      offer {
        id
        title
        description
        modalities
        organization {
          id
          name
        }
        workingGroups {
          code
          name
        }
      }
      needs {
        id
        title
        status
        country {
          code
          name
        }
        workingGroup {
          code
          name
        }
      }
      parties {
        response
        respondedAt
        comment
        country {
          code
          name
        }
        organization {
          id
          name
        }
      }
      history {
        from
        to
        at
        note
        by {
          id
          name
          email
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
      followUps {
        id
        dueAt
        status
        responses {
          rating
          outcome
          at
          party {
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
      activities {
        id
        kind
        title
        startsAt
        endsAt
        location
        virtual
        status
        outcome
        cancellationReason
        participantCountries {
          code
          name
        }
        participants {
          women
          men
          other
          total
        }
      }
    }
  }
`);

const RESPOND = graphql(`
  mutation RespondToTwinning($id: ID!, $accept: Boolean!, $comment: String) {
    respondToTwinning(id: $id, accept: $accept, comment: $comment) {
      id
      status
    }
  }
`);

const CONFIRM = graphql(`
  mutation ConfirmTwinning($id: ID!) {
    confirmTwinning(id: $id) {
      id
      status
    }
  }
`);

const COMPLETE = graphql(`
  mutation CompleteTwinning($id: ID!, $summary: String, $reopenNeedIds: [ID!]) {
    completeTwinning(id: $id, summary: $summary, reopenNeedIds: $reopenNeedIds) {
      id
      status
      needs {
        id
        title
        status
      }
    }
  }
`);

const CANCEL = graphql(`
  mutation CancelTwinning($id: ID!, $reason: String!) {
    cancelTwinning(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export type Twinning = ResultOf<typeof TWINNING>['twinning'];
export type Party = Twinning['parties'][number];

const LIVE = ['PROPOSED', 'ACCEPTED', 'CONFIRMED'];

/** The party the person answers for: their country's or their organization's. */
export function ownParty(me: Me, twinning: Twinning): Party | undefined {
  return twinning.parties.find(
    (party) =>
      (me.role === 'COUNTRY_FOCAL_POINT' && party.country?.code === me.country?.code) ||
      (me.role === 'MEMBER_FOCAL_POINT' && party.organization?.id === me.organization?.id),
  );
}

export const partyName = (party: Pick<Party, 'country' | 'organization'>) =>
  party.organization?.name ?? party.country?.name ?? '';

/** What the person may do now, as the API's roles and lifecycle allow. */
function allowed(me: Me, twinning: Twinning) {
  const own = ownParty(me, twinning);
  const secretariat = me.role === 'SECRETARIAT';
  return {
    own,
    answer: twinning.status === 'PROPOSED' && own?.response === 'PENDING',
    confirm: secretariat && twinning.status === 'ACCEPTED',
    complete:
      twinning.status === 'CONFIRMED' &&
      (secretariat ||
        (me.role === 'MEMBER_FOCAL_POINT' &&
          twinning.offer.organization.id === me.organization?.id)),
    cancel: LIVE.includes(twinning.status) && (secretariat || own !== undefined),
    followUp: twinning.status === 'CONFIRMED' && (secretariat || own !== undefined),
  };
}

function problemsAndMessage(error: Parameters<typeof fieldProblemsOf>[0]) {
  const problems = fieldProblemsOf(error);
  return { problems, message: Object.keys(problems).length ? undefined : messageOf(error) };
}

/** Accept or decline for the person's own side, with a comment. */
function Answer({
  twinning,
  party,
  onDone,
}: {
  twinning: Twinning;
  party: Party;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [{ fetching, error }, respond] = useMutation(RESPOND);

  async function answer(accept: boolean) {
    const result = await respond({ id: twinning.id, accept, comment: comment.trim() || null });
    if (!result.error) onDone(t(accept ? 'twinnings.accepted' : 'twinnings.declined'));
  }

  const { problems, message } = problemsAndMessage(error);
  return (
    <section className="card action-card" aria-labelledby="answer-title">
      <h2 id="answer-title">{t('twinnings.yourAnswer')}</h2>
      <p>{t('twinnings.yourAnswerIntro', { party: partyName(party) })}</p>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <ErrorSummary problems={problems} message={message} />
        <Field name="comment" label={t('twinnings.answerComment')} problem={problems.comment}>
          {(props) => (
            <textarea
              {...props}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={fetching}
            onClick={() => void answer(true)}
          >
            {t('twinnings.accept')}
          </button>
          <button
            type="button"
            className="button-danger"
            disabled={fetching}
            onClick={() => void answer(false)}
          >
            {t('twinnings.decline')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Confirm({ twinning, onDone }: { twinning: Twinning; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [{ fetching, error }, confirm] = useMutation(CONFIRM);
  return (
    <section className="card action-card" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('twinnings.confirmTitle')}</h2>
      <p>{t('twinnings.confirmIntro')}</p>
      <ErrorSummary problems={{}} message={messageOf(error)} />
      <button
        type="button"
        className="button"
        disabled={fetching}
        onClick={() =>
          void confirm({ id: twinning.id }).then((result) => {
            if (!result.error) onDone(t('twinnings.confirmed'));
          })
        }
      >
        {t('twinnings.confirm')}
      </button>
    </section>
  );
}

function Complete({ twinning, onDone }: { twinning: Twinning; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState('');
  const [reopen, setReopen] = useState<string[]>([]);
  const [{ fetching, error }, complete] = useMutation(COMPLETE);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await complete({
      id: twinning.id,
      summary: summary.trim() || null,
      reopenNeedIds: reopen,
    });
    if (result.error) return;
    // What the service says it reopened, not what was ticked.
    const reopened = (result.data?.completeTwinning.needs ?? []).filter(
      (need) => need.status === 'OPEN',
    );
    onDone(
      reopened.length
        ? t('twinnings.completedPartly', {
            needs: reopened.map((need) => t('twinnings.quoted', { title: need.title })).join(', '),
          })
        : t('twinnings.completed'),
    );
  }

  const { problems, message } = problemsAndMessage(error);
  return (
    <section className="card action-card" aria-labelledby="complete-title">
      <h2 id="complete-title">{t('twinnings.completeTitle')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} message={message} />
        <Field
          name="summary"
          label={t('twinnings.summary')}
          hint={t('twinnings.summaryHint')}
          problem={problems.summary}
        >
          {(props) => (
            <textarea
              {...props}
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
            />
          )}
        </Field>
        <CheckGroup
          name="reopenNeedIds"
          legend={t('twinnings.reopen')}
          hint={t('twinnings.reopenHint')}
          problem={problems.reopenNeedIds}
          options={twinning.needs.map((need) => ({
            value: need.id,
            label: `${need.title} (${need.country.name})`,
          }))}
          chosen={reopen}
          onChange={setReopen}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('twinnings.complete')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Cancel({ twinning, onDone }: { twinning: Twinning; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [{ fetching, error }, cancel] = useMutation(CANCEL);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await cancel({ id: twinning.id, reason });
    if (!result.error) onDone(t('twinnings.cancelled'));
  }

  const { problems, message } = problemsAndMessage(error);
  return (
    <section className="card action-card" aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t('twinnings.cancelTitle')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} message={message} />
        <Field
          name="reason"
          label={t('twinnings.reason')}
          hint={t('twinnings.reasonHint')}
          problem={problems.reason}
        >
          {(props) => (
            <textarea
              {...props}
              required
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button-danger" disabled={fetching}>
            {t('twinnings.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Who took a step, as the person may see them: a name, else an e-mail, else the role. */
function who(step: Twinning['history'][number], t: (key: string) => string): string {
  const by = step.by;
  const person = by.name || by.email || t(`role.${by.role}`);
  const where = by.country?.name ?? by.organization?.name;
  return where ? `${person} (${where})` : person;
}

function History({ twinning }: { twinning: Twinning }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('twinnings.history')}</h2>
      <ol className="timeline">
        {twinning.history.map((step, index) => (
          <li key={index}>
            <strong>
              {step.from
                ? t('twinnings.step', {
                    from: t(`twinningStatus.${step.from}`),
                    to: t(`twinningStatus.${step.to}`),
                  })
                : t('twinnings.proposal', { to: t(`twinningStatus.${step.to}`) })}
            </strong>
            <br />
            <span className="muted">
              {t('twinnings.stepBy', { who: who(step, t), when: format.dateTime(step.at) })}
            </span>
            {step.note && <p className="step-note">{step.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One twinning: offer and needs, parties and answers, what the person may do, history, activities. */
export default function TwinningPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const { id = '' } = useParams();
  const [done, setDone] = useState<string | undefined>();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TWINNING, variables: { id } });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  useTwinningChanges((changed) => {
    if (changed === id) refetch();
  });
  const twinning = data?.twinning;
  const onDone = (text: string) => {
    setDone(text);
    refetch();
  };

  return (
    <>
      <p>
        <Link to="/twinnings">{t('twinnings.back')}</Link>
      </p>
      <DataState fetching={fetching} error={error} empty={!twinning} retry={refetch}>
        {twinning && (
          <TwinningView
            twinning={twinning}
            me={me}
            done={done}
            onDone={onDone}
            format={format}
            refetch={refetch}
          />
        )}
      </DataState>
    </>
  );
}

function TwinningView({
  twinning,
  me,
  done,
  onDone,
  format,
  refetch,
}: {
  twinning: Twinning;
  me: Me;
  done: string | undefined;
  onDone: (text: string) => void;
  format: ReturnType<typeof useFormat>;
  refetch: () => void;
}) {
  const { t } = useTranslation();
  const may = allowed(me, twinning);
  return (
    <>
      <h1>{t('twinnings.heading', { title: twinning.offer.title })}</h1>
      <div role="status">{done && <p className="notice notice-success">{done}</p>}</div>
      <p className="muted live-note">{t('twinnings.live')}</p>
      <dl className="facts card">
        <dt>{t('twinnings.facts.status')}</dt>
        <dd>
          <StatusLabel kind="twinningStatus" value={twinning.status} />
        </dd>
        <dt>{t('twinnings.facts.proposed')}</dt>
        <dd>{format.dateTime(twinning.createdAt)}</dd>
        {twinning.confirmedAt && (
          <>
            <dt>{t('twinnings.facts.confirmed')}</dt>
            <dd>{format.dateTime(twinning.confirmedAt)}</dd>
          </>
        )}
        {twinning.completedAt && (
          <>
            <dt>{t('twinnings.facts.completed')}</dt>
            <dd>{format.dateTime(twinning.completedAt)}</dd>
          </>
        )}
        {twinning.note && (
          <>
            <dt>{t('twinnings.facts.note')}</dt>
            <dd>{twinning.note}</dd>
          </>
        )}
        {twinning.summary && (
          <>
            <dt>{t('twinnings.facts.summary')}</dt>
            <dd>{twinning.summary}</dd>
          </>
        )}
        {twinning.cancellationReason && (
          <>
            <dt>{t('twinnings.facts.cancellationReason')}</dt>
            <dd>{twinning.cancellationReason}</dd>
          </>
        )}
      </dl>

      {may.answer && may.own && <Answer twinning={twinning} party={may.own} onDone={onDone} />}
      {may.confirm && <Confirm twinning={twinning} onDone={onDone} />}

      <section aria-labelledby="offer-needs-title">
        <h2 id="offer-needs-title">{t('twinnings.offerAndNeeds')}</h2>
        <div className="cards">
          <div className="card">
            <h3>
              {t('twinnings.offer')}:{' '}
              <Link to={`/offers/${twinning.offer.id}`}>{twinning.offer.title}</Link>
            </h3>
            <p className="muted">
              {t('twinnings.by', { organization: twinning.offer.organization.name })}
            </p>
            <p>{twinning.offer.description}</p>
            <p className="muted">
              {twinning.offer.workingGroups.map((group) => group.name).join(' · ')}
              {twinning.offer.modalities.length > 0 && ' — '}
              {twinning.offer.modalities.map((modality) => t(`modality.${modality}`)).join(', ')}
            </p>
          </div>
          <div className="card">
            <h3>{t('twinnings.needs')}</h3>
            <ul className="plain-list">
              {twinning.needs.map((need) => (
                <li key={need.id}>
                  <Link to={`/needs/${need.id}`}>{need.title}</Link>{' '}
                  <StatusLabel kind="needStatus" value={need.status} />
                  <br />
                  <span className="muted">
                    {need.country.name} · {need.workingGroup.name}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>

      <section aria-labelledby="parties-title">
        <h2 id="parties-title">{t('twinnings.parties')}</h2>
        <table className="list" aria-label={t('twinnings.parties')}>
          <thead>
            <tr>
              <th scope="col">{t('twinnings.party')}</th>
              <th scope="col">{t('twinnings.answer')}</th>
              <th scope="col">{t('twinnings.answeredOn')}</th>
              <th scope="col">{t('twinnings.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {twinning.parties.map((party) => (
              <tr key={party.organization?.id ?? party.country?.code}>
                <td data-label={t('twinnings.party')}>
                  <strong>{partyName(party)}</strong>
                </td>
                <td data-label={t('twinnings.answer')}>
                  <StatusLabel kind="response" value={party.response} />
                </td>
                <td data-label={t('twinnings.answeredOn')}>{format.dateTime(party.respondedAt)}</td>
                <td data-label={t('twinnings.comment')}>{party.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <TwinningActivities twinning={twinning} mayFollowUp={may.followUp} refetch={refetch} />

      <FollowUps twinning={twinning} me={me} />

      <Thread subjectId={twinning.id} />

      <History twinning={twinning} />

      {may.complete && <Complete twinning={twinning} onDone={onDone} />}
      {may.cancel && <Cancel twinning={twinning} onDone={onDone} />}

      <CalendarLink />
    </>
  );
}
