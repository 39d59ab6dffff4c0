import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { StatusLabel } from '../../components/status';
import { graphql } from '../../graphql';
import { Me } from '../../session';
import { RadioGroup } from '../needs/choices';
import { ownParty, Party, partyName, Twinning } from './detail';

const SUBMIT = graphql(`
  mutation SubmitFollowUp($followUpId: ID!, $rating: Int!, $outcome: String!) {
    submitFollowUp(followUpId: $followUpId, rating: $rating, outcome: $outcome) {
      id
      status
    }
  }
`);

type FollowUp = Twinning['followUps'][number];
type Side = Pick<Party, 'country' | 'organization'>;

const RATINGS = ['1', '2', '3', '4', '5'] as const;
const MAX_RATING = 5;

/** Whether two sides of a twinning are the same party (a country, or the organization). */
function sameSide(a: Side, b: Side): boolean {
  if (a.organization || b.organization) return a.organization?.id === b.organization?.id;
  return a.country?.code === b.country?.code;
}

/**
 * The follow-ups of a completed twinning: each one's due date and status, each party's
 * answer, and the form for a party's focal point whose side has not answered yet. The
 * secretariat and observers only read (the service refuses their answers).
 */
export function FollowUps({ twinning, me }: { twinning: Twinning; me: Me }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | undefined>();
  if (twinning.status !== 'COMPLETED' && twinning.followUps.length === 0) return null;
  const own = ownParty(me, twinning);
  return (
    <section aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('twinnings.followUp.title')}</h2>
      <p className="muted">{t('twinnings.followUp.intro')}</p>
      <div role="status">{done && <p className="notice notice-success">{done}</p>}</div>
      {twinning.followUps.length === 0 ? (
        <p className="muted">{t('twinnings.followUp.none')}</p>
      ) : (
        twinning.followUps.map((followUp) => (
          <FollowUpCard
            key={followUp.id}
            twinning={twinning}
            followUp={followUp}
            own={own}
            onDone={setDone}
          />
        ))
      )}
    </section>
  );
}

function FollowUpCard({
  twinning,
  followUp,
  own,
  onDone,
}: {
  twinning: Twinning;
  followUp: FollowUp;
  own: Party | undefined;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const answered = (side: Side) =>
    followUp.responses.some((response) => sameSide(response.party, side));
  const waiting = twinning.parties.filter((party) => !answered(party));
  const headingId = `follow-up-${followUp.id}`;
  return (
    <div className="card follow-up" aria-labelledby={headingId} role="group">
      <h3 id={headingId}>
        {t('twinnings.followUp.heading', { date: format.date(followUp.dueAt) })}{' '}
        <StatusLabel kind="followUpStatus" value={followUp.status} />
      </h3>
      {followUp.responses.length === 0 ? (
        <p className="muted">{t('twinnings.followUp.noAnswers')}</p>
      ) : (
        <table className="list" aria-label={t('twinnings.followUp.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('twinnings.followUp.party')}</th>
              <th scope="col">{t('twinnings.followUp.rating')}</th>
              <th scope="col">{t('twinnings.followUp.outcome')}</th>
              <th scope="col">{t('twinnings.followUp.answeredOn')}</th>
            </tr>
          </thead>
          <tbody>
            {followUp.responses.map((response) => (
              <tr key={response.party.organization?.id ?? response.party.country?.code}>
                <td data-label={t('twinnings.followUp.party')}>
                  <strong>{partyName(response.party)}</strong>
                </td>
                <td data-label={t('twinnings.followUp.rating')}>
                  {t('twinnings.followUp.ratingOf', {
                    rating: response.rating,
                    max: MAX_RATING,
                  })}
                </td>
                <td data-label={t('twinnings.followUp.outcome')} className="step-note">
                  {response.outcome}
                </td>
                <td data-label={t('twinnings.followUp.answeredOn')}>
                  {format.dateTime(response.at)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {waiting.length > 0 && (
        <p className="muted">
          {t('twinnings.followUp.waitingFor', { parties: waiting.map(partyName).join(', ') })}
        </p>
      )}
      {own && !answered(own) && <Answer followUp={followUp} party={own} onDone={onDone} />}
    </div>
  );
}

/** A party's answer, for its own side: a rating from 1 to 5 and what came of the twinning. */
function Answer({
  followUp,
  party,
  onDone,
}: {
  followUp: FollowUp;
  party: Party;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [rating, setRating] = useState('');
  const [outcome, setOutcome] = useState('');
  const [missingRating, setMissingRating] = useState(false);
  const [{ fetching, error }, submitFollowUp] = useMutation(SUBMIT);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMissingRating(!rating);
    if (!rating) return;
    const result = await submitFollowUp({
      followUpId: followUp.id,
      rating: Number(rating),
      outcome,
    });
    if (!result.error) onDone(t('twinnings.followUp.submitted'));
  }

  // The service names `rating` and `outcome`; the fields' ids are this form's own.
  const fromApi = fieldProblemsOf(error);
  const problems: Record<string, string> = {};
  const ratingProblem = missingRating ? t('twinnings.followUp.ratingMissing') : fromApi.rating;
  if (ratingProblem) problems.followUpRating = ratingProblem;
  if (!missingRating && fromApi.outcome) problems.followUpOutcome = fromApi.outcome;
  const named = Object.keys(fromApi).length > 0;
  const message = missingRating || named ? undefined : messageOf(error);
  const titleId = `follow-up-form-${followUp.id}`;
  return (
    <section className="action-card follow-up-form" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('twinnings.followUp.formTitle')}</h4>
      <p>{t('twinnings.followUp.formIntro', { party: partyName(party) })}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} message={message} />
        <RadioGroup
          name="followUpRating"
          legend={t('twinnings.followUp.ratingLegend')}
          hint={t('twinnings.followUp.ratingHint')}
          problem={problems.followUpRating}
          options={RATINGS.map((value) => ({
            value,
            label: t(`twinnings.followUp.ratingOption.${value}`),
          }))}
          chosen={rating}
          onChange={setRating}
        />
        <Field
          name="followUpOutcome"
          label={t('twinnings.followUp.outcomeLabel')}
          hint={t('twinnings.followUp.outcomeHint')}
          problem={problems.followUpOutcome}
        >
          {(props) => (
            <textarea
              {...props}
              maxLength={2000}
              value={outcome}
              onChange={(event) => setOutcome(event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? t('twinnings.followUp.sending') : t('twinnings.followUp.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
