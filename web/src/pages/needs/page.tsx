import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { CombinedError, useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { codeOf, fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { ReasonList, ScoreBar } from '../../components/score';
import { StatusLabel } from '../../components/status';
import { graphql, ResultOf } from '../../graphql';
import { Me, useMe } from '../../session';
import { useLanguageName } from './choices';
import { Thread } from '../dialogue/thread';

const NEED = graphql(`
  query NeedPage($id: ID!) {
    need(id: $id) {
      id
      title
      description
      modalities
      languages
      beneficiaries
      earliestStart
      latestEnd
      napReference
      priority
      status
      withdrawalReason
      updatedAt
      expiresAt
      visibility
      commitment {
        id
        code
        title
      }
      country {
        code
        name
      }
      workingGroup {
        code
        name
      }
      twinnings {
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
      }
    }
  }
`);

const SUGGESTED_OFFERS = graphql(`
  query NeedSuggestedOffers($id: ID!) {
    suggestedOffers(needId: $id, first: 10) {
      score
      reasons {
        factor
        weight
        score
        detail
      }
      offer {
        id
        title
        status
        capacity
        remainingCapacity
        organization {
          id
          name
        }
      }
    }
  }
`);

const PROPOSE = graphql(`
  mutation ProposeFromNeed($input: ProposeTwinningInput!) {
    proposeTwinning(input: $input) {
      id
      status
      needs {
        id
        status
      }
      offer {
        id
        remainingCapacity
        status
      }
    }
  }
`);

const WITHDRAW = graphql(`
  mutation WithdrawNeed($id: ID!, $reason: String) {
    withdrawNeed(id: $id, reason: $reason) {
      id
      status
      withdrawalReason
      updatedAt
    }
  }
`);

const RENEW = graphql(`
  mutation RenewNeed($id: ID!) {
    renewNeed(id: $id) {
      id
      status
      expiresAt
      updatedAt
    }
  }
`);

type Need = ResultOf<typeof NEED>['need'];
type Suggestion = ResultOf<typeof SUGGESTED_OFFERS>['suggestedOffers'][number];

/**
 * A withdrawn or fulfilled need cannot be renewed (CONFLICT), and its validity no longer
 * matters; any other can, even in a twinning.
 */
const RENEWABLE_NEED: string[] = ['OPEN', 'IN_TWINNING', 'EXPIRED'];

/** Who manages a need: its country's focal points and the secretariat (API.md, "Roles"). */
export function mayManageNeed(me: Me, countryCode: string) {
  return (
    me.role === 'SECRETARIAT' ||
    (me.role === 'COUNTRY_FOCAL_POINT' && me.country?.code === countryCode)
  );
}

/**
 * Who may propose a need with an offer: the secretariat, the offer's member focal point, or a
 * focal point of the need's country.
 */
export function mayPropose(me: Me, countryCode: string, organizationId: string) {
  return (
    mayManageNeed(me, countryCode) ||
    (me.role === 'MEMBER_FOCAL_POINT' && me.organization?.id === organizationId)
  );
}

/**
 * How long a posting stays valid, and its renewal: "valid until" (or when it expired, with
 * what that means), a Renew button for those who may renew it, the new date in one line
 * after. `area` names the words' area (needs or offers).
 */
export function Validity({
  area,
  expiresAt,
  expired,
  renewable,
  renew,
}: {
  area: 'needs' | 'offers';
  expiresAt: string | null | undefined;
  expired: boolean;
  renewable: boolean;
  renew: () => Promise<{ expiresAt?: string | null; error?: CombinedError }>;
}) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [fetching, setFetching] = useState(false);
  const [renewed, setRenewed] = useState<string | undefined>();
  const [error, setError] = useState<CombinedError | undefined>();
  if (!expiresAt && !expired && !renewable) return null;

  async function onRenew() {
    setFetching(true);
    setRenewed(undefined);
    const result = await renew();
    setFetching(false);
    setError(result.error);
    if (!result.error) {
      setRenewed(t(`${area}.page.renewed`, { date: date(result.expiresAt) }));
    }
  }

  return (
    <div className="validity">
      {expiresAt && (
        <p>
          {t(expired ? `${area}.page.expiredOn` : `${area}.page.validUntil`, {
            date: date(expiresAt),
          })}
        </p>
      )}
      {expired && <p className="notice">{t(`${area}.page.expiredNote`)}</p>}
      {renewable && (
        <div className="actions">
          <button
            type="button"
            className="button-secondary"
            disabled={fetching}
            onClick={() => void onRenew()}
          >
            {fetching ? t(`${area}.page.renewing`) : t(`${area}.page.renew`)}
          </button>
        </div>
      )}
      <div role="status">{renewed && <p className="notice notice-success">{renewed}</p>}</div>
      {error && (
        <p className="notice notice-error" role="alert">
          {messageOf(error)}
        </p>
      )}
    </div>
  );
}

/** /needs/:id: the need's facts, its twinnings, the offers that fit it. */
export default function NeedPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [notice, setNotice] = useState<{ text: string; twinningId?: string } | undefined>(
    saved ? { text: saved } : undefined,
  );
  const [{ data, fetching, error }, reexecute] = useQuery({ query: NEED, variables: { id } });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  if (codeOf(error) === 'NOT_FOUND') {
    return (
      <>
        <h1>{t('needs.title')}</h1>
        <p className="notice notice-error">{t('needs.notFound')}</p>
        <Link to="/needs">{t('needs.backToList')}</Link>
      </>
    );
  }
  return (
    <DataState fetching={fetching} error={error} empty={!data} retry={refresh}>
      {data && (
        <NeedView need={data.need} notice={notice} setNotice={setNotice} refresh={refresh} />
      )}
    </DataState>
  );
}

type Notice = { text: string; twinningId?: string } | undefined;

function NeedView({
  need,
  notice,
  setNotice,
  refresh,
}: {
  need: Need;
  notice: Notice;
  setNotice: (notice: Notice) => void;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { date } = useFormat();
  const languageName = useLanguageName();
  const manages = mayManageNeed(me, need.country.code);
  const [, renewNeed] = useMutation(RENEW);
  const period =
    need.earliestStart || need.latestEnd
      ? [
          need.earliestStart ? t('needs.page.from', { date: date(need.earliestStart) }) : '',
          need.latestEnd ? t('needs.page.until', { date: date(need.latestEnd) }) : '',
        ]
          .filter(Boolean)
          .join(' ')
      : t('needs.page.notStated');
  return (
    <>
      <p>
        <Link to="/needs">{t('needs.backToList')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{need.title}</h1>
          <p>
            <StatusLabel kind="needStatus" value={need.status} />
            {need.visibility === 'RESTRICTED' && (
              <>
                {' '}
                <span className="label-restricted">{t('needs.restricted')}</span>
              </>
            )}{' '}
            · {need.country.name} · {need.workingGroup.name}
          </p>
          <Validity
            area="needs"
            expiresAt={RENEWABLE_NEED.includes(need.status) ? need.expiresAt : undefined}
            expired={need.status === 'EXPIRED'}
            renewable={manages && RENEWABLE_NEED.includes(need.status)}
            renew={async () => {
              const result = await renewNeed({ id: need.id });
              if (!result.error) refresh();
              return { expiresAt: result.data?.renewNeed.expiresAt, error: result.error };
            }}
          />
        </div>
        {manages && need.status === 'OPEN' && (
          <Link className="button-secondary" to={`/needs/${need.id}/edit`}>
            {t('needs.page.edit')}
          </Link>
        )}
      </div>
      {notice && (
        <div className="notice notice-success" role="status">
          <p>
            {notice.text}{' '}
            {notice.twinningId && (
              <Link to={`/twinnings/${notice.twinningId}`}>{t('needs.page.seeTwinning')}</Link>
            )}
          </p>
        </div>
      )}
      <section className="card" aria-labelledby="need-facts">
        <h2 id="need-facts">{t('needs.page.facts')}</h2>
        <p style={{ whiteSpace: 'pre-line' }}>{need.description}</p>
        <dl className="facts">
          <dt>{t('needs.priority')}</dt>
          <dd>{t(`priority.${need.priority}`)}</dd>
          <dt>{t('needs.page.modalities')}</dt>
          <dd>{need.modalities.map((m) => t(`modality.${m}`)).join(', ')}</dd>
          <dt>{t('needs.page.languages')}</dt>
          <dd>{need.languages.map(languageName).join(', ')}</dd>
          <dt>{t('needs.page.beneficiaries')}</dt>
          <dd>{need.beneficiaries ?? t('needs.page.notStated')}</dd>
          <dt>{t('needs.page.period')}</dt>
          <dd>{period}</dd>
          <dt>{t('needs.page.commitment')}</dt>
          <dd>
            {need.commitment ? (
              <Link to={`/commitments/${need.commitment.id}`}>
                {need.commitment.code} · {need.commitment.title}
              </Link>
            ) : (
              t('needs.page.notStated')
            )}
          </dd>
          <dt>{t('needs.page.napReference')}</dt>
          <dd>{need.napReference ?? t('needs.page.notStated')}</dd>
          <dt>{t('needs.page.visibility')}</dt>
          <dd>
            {t(`needs.visibility.${need.visibility}`)}
            {need.visibility === 'RESTRICTED' &&
              `: ${t('needs.page.restrictedNote', { country: need.country.name })}`}
          </dd>
          {need.withdrawalReason && (
            <>
              <dt>{t('needs.page.withdrawalReason')}</dt>
              <dd>{need.withdrawalReason}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="need-twinnings">
        <h2 id="need-twinnings">{t('needs.page.twinnings')}</h2>
        {need.twinnings.length === 0 ? (
          <p className="muted">{t('needs.page.noTwinnings')}</p>
        ) : (
          <ul className="plain-list card">
            {need.twinnings.map((twinning) => (
              <li key={twinning.id}>
                <Link to={`/twinnings/${twinning.id}`}>
                  {t('needs.page.twinningOf', {
                    offer: twinning.offer.title,
                    organization: twinning.offer.organization.name,
                  })}
                </Link>{' '}
                <StatusLabel kind="twinningStatus" value={twinning.status} />{' '}
                <span className="muted">
                  {t('needs.page.proposedOn', { date: date(twinning.createdAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <SuggestedOffers need={need} setNotice={setNotice} refresh={refresh} />
      <Thread subjectId={need.id} />
      {manages && need.status === 'OPEN' && (
        <Withdraw need={need} setNotice={setNotice} refresh={refresh} />
      )}
    </>
  );
}

function SuggestedOffers({
  need,
  setNotice,
  refresh,
}: {
  need: Need;
  setNotice: (notice: Notice) => void;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SUGGESTED_OFFERS,
    variables: { id: need.id },
  });
  const [proposing, setProposing] = useState<string | undefined>();
  const suggestions = data?.suggestedOffers ?? [];
  return (
    <section aria-labelledby="need-suggestions">
      <h2 id="need-suggestions">{t('needs.page.suggestions')}</h2>
      <p className="muted">{t('needs.page.suggestionsIntro')}</p>
      <DataState
        fetching={fetching}
        error={error}
        empty={suggestions.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('needs.page.noSuggestions')}
      >
        <ul className="suggestions">
          {suggestions.map((suggestion) => (
            <li key={suggestion.offer.id} className="card">
              <SuggestedOffer
                need={need}
                suggestion={suggestion}
                mayPropose={
                  need.status === 'OPEN' &&
                  suggestion.offer.status === 'OPEN' &&
                  suggestion.offer.remainingCapacity > 0 &&
                  mayPropose(me, need.country.code, suggestion.offer.organization.id)
                }
                open={proposing === suggestion.offer.id}
                setOpen={(open) => setProposing(open ? suggestion.offer.id : undefined)}
                onProposed={(twinningId) => {
                  setProposing(undefined);
                  setNotice({
                    text: t('needs.page.proposed', { offer: suggestion.offer.title }),
                    twinningId,
                  });
                  refresh();
                  reexecute({ requestPolicy: 'network-only' });
                }}
              />
            </li>
          ))}
        </ul>
      </DataState>
    </section>
  );
}

function SuggestedOffer({
  need,
  suggestion,
  mayPropose,
  open,
  setOpen,
  onProposed,
}: {
  need: Need;
  suggestion: Suggestion;
  mayPropose: boolean;
  open: boolean;
  setOpen: (open: boolean) => void;
  onProposed: (twinningId: string) => void;
}) {
  const { t } = useTranslation();
  const { offer } = suggestion;
  const [note, setNote] = useState('');
  const [{ fetching, error }, propose] = useMutation(PROPOSE);
  const problems = fieldProblemsOf(error);
  const formId = `propose-${offer.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await propose({
      input: { offerId: offer.id, needIds: [need.id], note: note.trim() || null },
    });
    if (result.data) onProposed(result.data.proposeTwinning.id);
  }

  return (
    <>
      <div className="suggestion-head">
        <div>
          <h3>
            <Link to={`/offers/${offer.id}`}>{offer.title}</Link>
          </h3>
          <p className="muted">
            {offer.organization.name} ·{' '}
            {t('needs.page.remaining', {
              remaining: offer.remainingCapacity,
              capacity: offer.capacity,
            })}
          </p>
        </div>
        <ScoreBar score={suggestion.score} />
      </div>
      <ReasonList reasons={suggestion.reasons} />
      {mayPropose && !open && (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-expanded={false}
            aria-controls={formId}
            onClick={() => setOpen(true)}
          >
            {t('needs.page.propose')}
          </button>
        </div>
      )}
      {mayPropose && open && (
        <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
          <h4>{t('needs.page.proposeWith', { offer: offer.title })}</h4>
          <ErrorSummary problems={problems} message={messageOf(error)} />
          <Field
            name={`note-${offer.id}`}
            label={t('needs.page.note')}
            hint={t('needs.page.noteHint')}
            problem={problems.note}
          >
            {(props) => (
              <textarea {...props} value={note} onChange={(event) => setNote(event.target.value)} />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={fetching}>
              {fetching ? t('needs.page.sending') : t('needs.page.sendProposal')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function Withdraw({
  need,
  setNotice,
  refresh,
}: {
  need: Need;
  setNotice: (notice: Notice) => void;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [{ fetching, error }, withdraw] = useMutation(WITHDRAW);
  const problems = fieldProblemsOf(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await withdraw({ id: need.id, reason: reason.trim() || null });
    if (result.data) {
      setOpen(false);
      setNotice({ text: t('needs.page.withdrawn', { title: need.title }) });
      refresh();
    }
  }

  return (
    <section aria-labelledby="need-withdraw" className="card">
      <h2 id="need-withdraw">{t('needs.page.withdrawTitle')}</h2>
      <p className="muted">{t('needs.page.withdrawIntro')}</p>
      {!open ? (
        <button type="button" className="button-danger" onClick={() => setOpen(true)}>
          {t('needs.page.withdraw')}
        </button>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <ErrorSummary problems={problems} message={messageOf(error)} />
          <Field name="reason" label={t('needs.page.withdrawReason')} problem={problems.reason}>
            {(props) => (
              <textarea
                {...props}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button-danger" disabled={fetching}>
              {t('needs.page.withdrawConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
