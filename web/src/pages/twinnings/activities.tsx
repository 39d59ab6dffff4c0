import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { StatusLabel } from '../../components/status';
import { graphql, VariablesOf } from '../../graphql';
import type { Twinning } from './detail';

const RECORD = graphql(`
  mutation RecordActivity($input: RecordActivityInput!) {
    recordActivity(input: $input) {
      id
      title
    }
  }
`);

const COMPLETE = graphql(`
  mutation CompleteActivity($id: ID!, $input: CompleteActivityInput!) {
    completeActivity(id: $id, input: $input) {
      id
      status
    }
  }
`);

const CANCEL = graphql(`
  mutation CancelActivity($id: ID!, $reason: String!) {
    cancelActivity(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

const COUNTRIES = graphql(`
  query ActivityCountries {
    countries {
      code
      name
      isMirpsState
    }
  }
`);

type Activity = Twinning['activities'][number];
type Kind = VariablesOf<typeof RECORD>['input']['kind'];
const KINDS: Kind[] = [
  'TRAINING',
  'PEER_EXCHANGE',
  'WORKSHOP',
  'MEETING',
  'STUDY_VISIT',
  'TECHNICAL_ASSISTANCE',
  'SECONDMENT',
];

/** A datetime-local value as an instant (the person's time zone); undefined when empty. */
function instant(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function split(error: Parameters<typeof fieldProblemsOf>[0]) {
  const problems = fieldProblemsOf(error);
  return { problems, message: Object.keys(problems).length ? undefined : messageOf(error) };
}

/** A new PLANNED activity: kind, title, dates, place or online, other participating countries. */
function RecordActivity({
  twinning,
  onDone,
}: {
  twinning: Twinning;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data: countries }] = useQuery({ query: COUNTRIES });
  const [kind, setKind] = useState<Kind>('TRAINING');
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [location, setLocation] = useState('');
  const [virtual, setVirtual] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [other, setOther] = useState('');
  const [{ fetching, error }, record] = useMutation(RECORD);
  const [missingStart, setMissingStart] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMissingStart(!startsAt);
    if (!startsAt) return;
    const codes = [...chosen, ...(other && !chosen.has(other) ? [other] : [])];
    const result = await record({
      input: {
        twinningId: twinning.id,
        kind,
        title,
        startsAt: instant(startsAt)!,
        endsAt: instant(endsAt) ?? null,
        location: location.trim() || null,
        virtual,
        participantCountryCodes: codes,
      },
    });
    if (result.error) return;
    onDone(t('twinnings.activity.recorded', { title: result.data?.recordActivity.title ?? title }));
    setTitle('');
    setStartsAt('');
    setEndsAt('');
    setLocation('');
    setVirtual(false);
    setChosen(new Set());
    setOther('');
  }

  const fromApi = split(error);
  const problems = missingStart
    ? { startsAt: t('twinnings.activity.startsAtMissing') }
    : fromApi.problems;
  const message = missingStart ? undefined : fromApi.message;
  const mirps = countries?.countries.filter((country) => country.isMirpsState) ?? [];
  const others = countries?.countries.filter((country) => !country.isMirpsState) ?? [];
  return (
    <section className="card action-card" aria-labelledby="record-activity-title">
      <h3 id="record-activity-title">{t('twinnings.activity.record')}</h3>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} message={message} />
        <Field name="kind" label={t('twinnings.activity.kind')} problem={problems.kind}>
          {(props) => (
            <select
              {...props}
              value={kind}
              onChange={(event) => setKind(event.target.value as Kind)}
            >
              {KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`activityKind.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="title" label={t('twinnings.activity.title')} problem={problems.title}>
          {(props) => (
            <input {...props} value={title} onChange={(event) => setTitle(event.target.value)} />
          )}
        </Field>
        <Field name="startsAt" label={t('twinnings.activity.startsAt')} problem={problems.startsAt}>
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={startsAt}
              onChange={(event) => setStartsAt(event.target.value)}
            />
          )}
        </Field>
        <Field name="endsAt" label={t('twinnings.activity.endsAt')} problem={problems.endsAt}>
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={endsAt}
              onChange={(event) => setEndsAt(event.target.value)}
            />
          )}
        </Field>
        <Field
          name="location"
          label={t('twinnings.activity.location')}
          hint={t('twinnings.activity.locationHint')}
          problem={problems.location}
        >
          {(props) => (
            <input
              {...props}
              value={location}
              onChange={(event) => setLocation(event.target.value)}
            />
          )}
        </Field>
        <div className="checks">
          <label>
            <input
              type="checkbox"
              checked={virtual}
              onChange={(event) => setVirtual(event.target.checked)}
            />
            {t('twinnings.activity.isVirtual')}
          </label>
        </div>
        <fieldset className="checks checks-grid" id="field-participantCountryCodes">
          <legend>{t('twinnings.activity.participantCountries')}</legend>
          <span className="hint muted">{t('twinnings.activity.participantCountriesHint')}</span>
          {problems.participantCountryCodes && (
            <span className="field-error">{problems.participantCountryCodes}</span>
          )}
          {mirps.map((country) => (
            <label key={country.code}>
              <input
                type="checkbox"
                checked={chosen.has(country.code)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(country.code);
                  else next.delete(country.code);
                  setChosen(next);
                }}
              />
              {country.name}
            </label>
          ))}
        </fieldset>
        <Field name="otherCountry" label={t('twinnings.activity.otherCountry')}>
          {(props) => (
            <select {...props} value={other} onChange={(event) => setOther(event.target.value)}>
              <option value="">{t('twinnings.activity.none')}</option>
              {others.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('twinnings.activity.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A PLANNED activity took place: participants by gender and the outcome. */
function CompleteActivity({
  activity,
  onDone,
  onClose,
}: {
  activity: Activity;
  onDone: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState({ women: '', men: '', other: '' });
  const [outcome, setOutcome] = useState('');
  const [{ fetching, error }, complete] = useMutation(COMPLETE);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const number = (value: string) => (value.trim() === '' ? 0 : Number(value));
    const result = await complete({
      id: activity.id,
      input: {
        women: number(counts.women),
        men: number(counts.men),
        other: number(counts.other),
        outcome,
      },
    });
    if (!result.error) onDone(t('twinnings.activity.completed', { title: activity.title }));
  }

  const { problems, message } = split(error);
  const genders = ['women', 'men', 'other'] as const;
  return (
    <section className="card action-card" aria-labelledby="complete-activity-title">
      <h3 id="complete-activity-title">
        {t('twinnings.activity.completeTitle', { title: activity.title })}
      </h3>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} message={message} />
        <fieldset className="checks">
          <legend>{t('twinnings.activity.participants')}</legend>
          <div className="counts">
            {genders.map((gender) => (
              <Field
                key={gender}
                name={gender}
                label={t(`twinnings.activity.${gender}`)}
                problem={problems[gender]}
              >
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    step={1}
                    value={counts[gender]}
                    onChange={(event) => setCounts({ ...counts, [gender]: event.target.value })}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
        <Field
          name="outcome"
          label={t('twinnings.activity.outcomeLabel')}
          hint={t('twinnings.activity.outcomeHint')}
          problem={problems.outcome}
        >
          {(props) => (
            <textarea
              {...props}
              value={outcome}
              onChange={(event) => setOutcome(event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('twinnings.activity.completeSubmit')}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('twinnings.activity.close')}
          </button>
        </div>
      </form>
    </section>
  );
}

function CancelActivity({
  activity,
  onDone,
  onClose,
}: {
  activity: Activity;
  onDone: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [{ fetching, error }, cancel] = useMutation(CANCEL);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await cancel({ id: activity.id, reason });
    if (!result.error) onDone(t('twinnings.activity.cancelled', { title: activity.title }));
  }

  const { problems, message } = split(error);
  return (
    <section className="card action-card" aria-labelledby="cancel-activity-title">
      <h3 id="cancel-activity-title">
        {t('twinnings.activity.cancelTitle', { title: activity.title })}
      </h3>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} message={message} />
        <Field
          name="activityReason"
          label={t('twinnings.activity.reason')}
          hint={t('twinnings.activity.reasonHint')}
          problem={problems.reason}
        >
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
            {t('twinnings.activity.cancelSubmit')}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('twinnings.activity.close')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The twinning's activities, and for the secretariat and the parties: record, complete, cancel. */
export function TwinningActivities({
  twinning,
  mayFollowUp,
  refetch,
}: {
  twinning: Twinning;
  mayFollowUp: boolean;
  refetch: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<{ id: string; action: 'complete' | 'cancel' } | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const onDone = (text: string) => {
    setDone(text);
    setOpen(undefined);
    refetch();
  };
  const opened = open && twinning.activities.find((activity) => activity.id === open.id);

  return (
    <section aria-labelledby="activities-title">
      <h2 id="activities-title">{t('twinnings.activities')}</h2>
      <div role="status">{done && <p className="notice notice-success">{done}</p>}</div>
      {twinning.activities.length === 0 ? (
        <p className="muted">{t('twinnings.noActivities')}</p>
      ) : (
        <table className="list" aria-label={t('twinnings.activity.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('twinnings.activity.activity')}</th>
              <th scope="col">{t('twinnings.activity.dates')}</th>
              <th scope="col">{t('twinnings.activity.place')}</th>
              <th scope="col">{t('twinnings.activity.status')}</th>
              {mayFollowUp && <th scope="col">{t('twinnings.activity.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {twinning.activities.map((activity) => (
              <tr key={activity.id}>
                <td data-label={t('twinnings.activity.activity')}>
                  <strong>{activity.title}</strong>
                  <br />
                  <span className="muted">{t(`activityKind.${activity.kind}`)}</span>
                  {activity.participantCountries.length > 0 && (
                    <>
                      <br />
                      <span className="muted">
                        {t('twinnings.activity.countries')}:{' '}
                        {activity.participantCountries.map((country) => country.name).join(', ')}
                      </span>
                    </>
                  )}
                </td>
                <td data-label={t('twinnings.activity.dates')}>
                  {format.dateTime(activity.startsAt)}
                  {activity.endsAt && <> – {format.dateTime(activity.endsAt)}</>}
                </td>
                <td data-label={t('twinnings.activity.place')}>
                  {[activity.location, activity.virtual ? t('twinnings.activity.virtual') : null]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
                <td data-label={t('twinnings.activity.status')}>
                  <StatusLabel kind="activityStatus" value={activity.status} />
                  {activity.participants && (
                    <p className="activity-participants">
                      {t('twinnings.activity.participants')}:{' '}
                      {t('twinnings.activity.participantsCount', activity.participants)}
                    </p>
                  )}
                  {activity.outcome && (
                    <p>
                      {t('twinnings.activity.outcome')}: {activity.outcome}
                    </p>
                  )}
                  {activity.cancellationReason && (
                    <p>
                      {t('twinnings.activity.cancellationReason')}: {activity.cancellationReason}
                    </p>
                  )}
                </td>
                {mayFollowUp && (
                  <td>
                    {activity.status === 'PLANNED' && (
                      <div className="actions">
                        <button
                          type="button"
                          className="button-secondary"
                          aria-label={t('twinnings.activity.completeNamed', {
                            title: activity.title,
                          })}
                          onClick={() => setOpen({ id: activity.id, action: 'complete' })}
                        >
                          {t('twinnings.activity.complete')}
                        </button>
                        <button
                          type="button"
                          className="button-danger"
                          aria-label={t('twinnings.activity.cancelNamed', {
                            title: activity.title,
                          })}
                          onClick={() => setOpen({ id: activity.id, action: 'cancel' })}
                        >
                          {t('twinnings.activity.cancel')}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {opened && open?.action === 'complete' && (
        <CompleteActivity
          key={opened.id}
          activity={opened}
          onDone={onDone}
          onClose={() => setOpen(undefined)}
        />
      )}
      {opened && open?.action === 'cancel' && (
        <CancelActivity
          key={opened.id}
          activity={opened}
          onDone={onDone}
          onClose={() => setOpen(undefined)}
        />
      )}
      {mayFollowUp ? (
        <RecordActivity twinning={twinning} onDone={onDone} />
      ) : (
        twinning.status !== 'CONFIRMED' && (
          <p className="muted">{t('twinnings.activitiesOnlyConfirmed')}</p>
        )
      )}
    </section>
  );
}
