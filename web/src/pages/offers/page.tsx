import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { codeOf, fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { ReasonList, ScoreBar } from '../../components/score';
import { StatusLabel } from '../../components/status';
import { graphql, ResultOf } from '../../graphql';
import { Me, useMe } from '../../session';
import { useLanguageName } from '../needs/choices';
import { mayPropose, Validity } from '../needs/page';
import { Thread } from '../dialogue/thread';

const OFFER = graphql(`
  query OfferPage($id: ID!) {
    offer(id: $id) {
      id
      title
      description
      modalities
      languages
      capacity
      remainingCapacity
      availableFrom
      availableTo
      status
      withdrawalReason
      updatedAt
      expiresAt
      organization {
        id
        name
      }
      workingGroups {
        code
        name
      }
      eligibleCountries {
        code
        name
      }
      twinnings {
        id
        status
        createdAt
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
`);

const SUGGESTED_NEEDS = graphql(`
  query OfferSuggestedNeeds($id: ID!) {
    suggestedNeeds(offerId: $id, first: 10) {
      score
      reasons {
        factor
        weight
        score
        detail
      }
      need {
        id
        title
        status
        priority
        country {
          code
          name
        }
        workingGroup {
          code
          name
        }
      }
    }
  }
`);

const PROPOSE = graphql(`
  mutation ProposeFromOffer($input: ProposeTwinningInput!) {
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
  mutation WithdrawOffer($id: ID!, $reason: String) {
    withdrawOffer(id: $id, reason: $reason) {
      id
      status
      withdrawalReason
      updatedAt
    }
  }
`);

const RENEW = graphql(`
  mutation RenewOffer($id: ID!) {
    renewOffer(id: $id) {
      id
      status
      expiresAt
      updatedAt
    }
  }
`);

/** A withdrawn offer cannot be renewed (CONFLICT); an open, full or expired one can. */
const RENEWABLE_OFFER: string[] = ['OPEN', 'FULL', 'EXPIRED'];

type Offer = ResultOf<typeof OFFER>['offer'];
type Notice = { text: string; twinningId?: string } | undefined;

/** Who manages an offer: its organization's member focal points and the secretariat. */
export function mayManageOffer(me: Me, organizationId: string) {
  return (
    me.role === 'SECRETARIAT' ||
    (me.role === 'MEMBER_FOCAL_POINT' && me.organization?.id === organizationId)
  );
}

/** /offers/:id: the offer's facts, its twinnings, the needs it fits (several proposed at once). */
export default function OfferPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [notice, setNotice] = useState<Notice>(saved ? { text: saved } : undefined);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OFFER, variables: { id } });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  if (codeOf(error) === 'NOT_FOUND') {
    return (
      <>
        <h1>{t('offers.title')}</h1>
        <p className="notice notice-error">{t('offers.notFound')}</p>
        <Link to="/offers">{t('offers.backToList')}</Link>
      </>
    );
  }
  return (
    <DataState fetching={fetching} error={error} empty={!data} retry={refresh}>
      {data && (
        <OfferView offer={data.offer} notice={notice} setNotice={setNotice} refresh={refresh} />
      )}
    </DataState>
  );
}

function OfferView({
  offer,
  notice,
  setNotice,
  refresh,
}: {
  offer: Offer;
  notice: Notice;
  setNotice: (notice: Notice) => void;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { date } = useFormat();
  const languageName = useLanguageName();
  const manages = mayManageOffer(me, offer.organization.id) && offer.status !== 'WITHDRAWN';
  const [, renewOffer] = useMutation(RENEW);
  const availability =
    offer.availableFrom || offer.availableTo
      ? [
          offer.availableFrom ? t('needs.page.from', { date: date(offer.availableFrom) }) : '',
          offer.availableTo ? t('needs.page.until', { date: date(offer.availableTo) }) : '',
        ]
          .filter(Boolean)
          .join(' ')
      : t('needs.page.notStated');
  return (
    <>
      <p>
        <Link to="/offers">{t('offers.backToList')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{offer.title}</h1>
          <p>
            <StatusLabel kind="offerStatus" value={offer.status} /> · {offer.organization.name}
          </p>
          <Validity
            area="offers"
            expiresAt={RENEWABLE_OFFER.includes(offer.status) ? offer.expiresAt : undefined}
            expired={offer.status === 'EXPIRED'}
            renewable={manages && RENEWABLE_OFFER.includes(offer.status)}
            renew={async () => {
              const result = await renewOffer({ id: offer.id });
              if (!result.error) refresh();
              return { expiresAt: result.data?.renewOffer.expiresAt, error: result.error };
            }}
          />
        </div>
        {manages && offer.status !== 'EXPIRED' && (
          <Link className="button-secondary" to={`/offers/${offer.id}/edit`}>
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
      <section className="card" aria-labelledby="offer-facts">
        <h2 id="offer-facts">{t('offers.page.facts')}</h2>
        <p style={{ whiteSpace: 'pre-line' }}>{offer.description}</p>
        <dl className="facts">
          <dt>{t('offers.workingGroups')}</dt>
          <dd>{offer.workingGroups.map((g) => g.name).join(', ')}</dd>
          <dt>{t('needs.page.modalities')}</dt>
          <dd>{offer.modalities.map((m) => t(`modality.${m}`)).join(', ')}</dd>
          <dt>{t('needs.page.languages')}</dt>
          <dd>{offer.languages.map(languageName).join(', ')}</dd>
          <dt>{t('offers.capacity')}</dt>
          <dd>{offer.capacity}</dd>
          <dt>{t('offers.remainingCapacity')}</dt>
          <dd>{offer.remainingCapacity}</dd>
          <dt>{t('offers.page.availability')}</dt>
          <dd>{availability}</dd>
          <dt>{t('offers.page.eligibleCountries')}</dt>
          <dd>
            {offer.eligibleCountries.length === 0
              ? t('offers.page.everyMirpsState')
              : offer.eligibleCountries.map((c) => c.name).join(', ')}
          </dd>
          {offer.withdrawalReason && (
            <>
              <dt>{t('needs.page.withdrawalReason')}</dt>
              <dd>{offer.withdrawalReason}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="offer-twinnings">
        <h2 id="offer-twinnings">{t('offers.page.twinnings')}</h2>
        {offer.twinnings.length === 0 ? (
          <p className="muted">{t('offers.page.noTwinnings')}</p>
        ) : (
          <ul className="plain-list card">
            {offer.twinnings.map((twinning) => (
              <li key={twinning.id}>
                <Link to={`/twinnings/${twinning.id}`}>
                  {t('offers.page.twinningWith', {
                    needs: twinning.needs.map((n) => `${n.title} (${n.country.name})`).join('; '),
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
      <SuggestedNeeds offer={offer} setNotice={setNotice} refresh={refresh} />
      <Thread subjectId={offer.id} />
      {manages && offer.status !== 'EXPIRED' && (
        <Withdraw offer={offer} setNotice={setNotice} refresh={refresh} />
      )}
    </>
  );
}

function SuggestedNeeds({
  offer,
  setNotice,
  refresh,
}: {
  offer: Offer;
  setNotice: (notice: Notice) => void;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SUGGESTED_NEEDS,
    variables: { id: offer.id },
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [empty, setEmpty] = useState(false);
  const [{ fetching: sending, error: refusal }, propose] = useMutation(PROPOSE);
  const problems = fieldProblemsOf(refusal);
  // Nothing chosen, or the service's word on the chosen needs: said at the list too.
  const choiceProblem = empty ? t('offers.page.noneSelected') : problems.needIds;
  const suggestions = data?.suggestedNeeds ?? [];
  const selectable = (need: (typeof suggestions)[number]['need']) =>
    offer.status === 'OPEN' &&
    need.status === 'OPEN' &&
    mayPropose(me, need.country.code, offer.organization.id);
  const anySelectable = suggestions.some((s) => selectable(s.need));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    const result = await propose({
      input: { offerId: offer.id, needIds: chosen, note: note.trim() || null },
    });
    if (result.data) {
      setNotice({
        text: t('offers.page.proposed', { count: chosen.length }),
        twinningId: result.data.proposeTwinning.id,
      });
      setChosen([]);
      setNote('');
      refresh();
      reexecute({ requestPolicy: 'network-only' });
    }
  }

  const list = (
    <ul className="suggestions">
      {suggestions.map(({ need, score, reasons }) => (
        <li key={need.id} className="card">
          <div className="suggestion-head">
            <div>
              <h3>
                <Link to={`/needs/${need.id}`}>{need.title}</Link>
              </h3>
              <p className="muted">
                {need.country.name} · {need.workingGroup.name} · {t('needs.priority')}:{' '}
                {t(`priority.${need.priority}`)}
              </p>
            </div>
            <ScoreBar score={score} />
          </div>
          <ReasonList reasons={reasons} />
          {selectable(need) && (
            <label className="include">
              <input
                type="checkbox"
                name="needIds"
                value={need.id}
                aria-label={`${t('offers.page.include')}: ${need.title}`}
                checked={chosen.includes(need.id)}
                onChange={(event) =>
                  setChosen(
                    event.target.checked
                      ? [...chosen, need.id]
                      : chosen.filter((id) => id !== need.id),
                  )
                }
              />
              {t('offers.page.include')}
            </label>
          )}
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-labelledby="offer-suggestions">
      <h2 id="offer-suggestions">{t('offers.page.suggestions')}</h2>
      <p className="muted">{t('offers.page.suggestionsIntro')}</p>
      <DataState
        fetching={fetching}
        error={error}
        empty={suggestions.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('offers.page.noSuggestions')}
      >
        {anySelectable ? (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <ErrorSummary
              problems={empty ? { needIds: t('offers.page.noneSelected') } : problems}
              message={empty ? undefined : messageOf(refusal)}
            />
            <fieldset
              className="field-group"
              id="field-needIds"
              tabIndex={-1}
              aria-describedby={choiceProblem ? 'field-needIds-error' : undefined}
              data-invalid={choiceProblem ? true : undefined}
            >
              <legend className="visually-hidden">{t('offers.page.suggestions')}</legend>
              {choiceProblem && (
                <span id="field-needIds-error" className="field-error group-note">
                  {choiceProblem}
                </span>
              )}
              {list}
            </fieldset>
            <div className="card">
              <p role="status">{t('offers.page.selected', { count: chosen.length })}</p>
              <Field
                name="note"
                label={t('needs.page.note')}
                hint={t('needs.page.noteHint')}
                problem={problems.note}
              >
                {(props) => (
                  <textarea
                    {...props}
                    value={note}
                    onChange={(event) => setNote(event.target.value)}
                  />
                )}
              </Field>
              <button type="submit" className="button" disabled={sending}>
                {sending ? t('needs.page.sending') : t('offers.page.proposeSelected')}
              </button>
            </div>
          </form>
        ) : (
          list
        )}
      </DataState>
    </section>
  );
}

function Withdraw({
  offer,
  setNotice,
  refresh,
}: {
  offer: Offer;
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
    const result = await withdraw({ id: offer.id, reason: reason.trim() || null });
    if (result.data) {
      setOpen(false);
      setNotice({ text: t('offers.page.withdrawn', { title: offer.title }) });
      refresh();
    }
  }

  return (
    <section aria-labelledby="offer-withdraw" className="card">
      <h2 id="offer-withdraw">{t('offers.page.withdrawTitle')}</h2>
      <p className="muted">{t('offers.page.withdrawIntro')}</p>
      {!open ? (
        <button type="button" className="button-danger" onClick={() => setOpen(true)}>
          {t('offers.page.withdraw')}
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
