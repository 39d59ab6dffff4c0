import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { CombinedError, useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { graphql } from '../../graphql';
import { useMe } from '../../session';
import { dayOf, isoOfDay, REFERENCE } from '../needs/choices';
import { decimalOf } from './progress';
import {
  COMMITMENT_COUNTRIES,
  COMMITMENT_DETAIL,
  CommitmentDetail,
  mayManageCommitments,
  mayWriteCommitments,
} from './queries';

const CREATE_COMMITMENT = graphql(`
  mutation CreateCommitmentForm($input: CreateCommitmentInput!) {
    createCommitment(input: $input) {
      id
      title
    }
  }
`);

const UPDATE_COMMITMENT = graphql(`
  mutation UpdateCommitmentForm($id: ID!, $input: UpdateCommitmentInput!) {
    updateCommitment(id: $id, input: $input) {
      id
      title
    }
  }
`);

interface IndicatorDraft {
  /** Only for React's keys: rows come and go. */
  key: number;
  name: string;
  unit: string;
  baseline: string;
  target: string;
  targetDate: string;
}

interface Draft {
  countryCode: string;
  code: string;
  title: string;
  workingGroupCode: string;
  indicators: IndicatorDraft[];
}

let nextKey = 0;
const emptyIndicator = (): IndicatorDraft => ({
  key: nextKey++,
  name: '',
  unit: '',
  baseline: '',
  target: '',
  targetDate: '',
});

const text = (value: number | null | undefined) => (value == null ? '' : String(value));

function draftOf(commitment: CommitmentDetail | undefined, countryCode: string): Draft {
  return {
    countryCode: commitment?.country.code ?? countryCode,
    code: commitment?.code ?? '',
    title: commitment?.title ?? '',
    workingGroupCode: commitment?.workingGroup.code ?? '',
    indicators: commitment
      ? commitment.indicators.map((indicator) => ({
          key: nextKey++,
          name: indicator.name,
          unit: indicator.unit ?? '',
          baseline: text(indicator.baseline),
          target: text(indicator.target),
          targetDate: dayOf(indicator.targetDate),
        }))
      : [emptyIndicator()],
  };
}

/**
 * The service's problems by field: `title`, `input.title`, `indicators`, and a row's own
 * (`indicators.0.name` or `indicators[0].name`) as `indicators-0-name`, the key of that
 * row's field (its id is `field-indicators-0-name`).
 */
export function problemsOf(error: CombinedError | undefined): Record<string, string> {
  const problems: Record<string, string> = {};
  const fields = error?.graphQLErrors[0]?.extensions?.fields;
  if (!Array.isArray(fields)) return problems;
  for (const entry of fields as { field: string; message: string }[]) {
    const key = entry.field
      .replace(/^input\./, '')
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .join('-');
    problems[key] ??= entry.message;
  }
  return problems;
}

/** /commitments/new and /commitments/:id/edit. */
export default function CommitmentFormPage() {
  const { id } = useParams();
  const me = useMe();
  const [{ data: where, fetching: finding, error: notFound }] = useQuery({
    query: COMMITMENT_COUNTRIES,
    pause: !id,
    requestPolicy: 'network-only',
  });
  const countryCode = where?.commitments.find((c) => c.id === id)?.country.code;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: COMMITMENT_DETAIL,
    variables: { countryCode: countryCode ?? '' },
    pause: !countryCode,
    requestPolicy: 'network-only',
  });
  const { t } = useTranslation();
  if (!mayWriteCommitments(me.role)) return <Navigate to="/commitments" replace />;
  if (!id) return <CommitmentForm />;
  const commitment = data?.commitments.find((c) => c.id === id);
  if (where && !countryCode && !finding) {
    return (
      <>
        <h1>{t('commitments.form.editTitle')}</h1>
        <p className="notice notice-error">{t('commitments.notFound')}</p>
        <Link to="/commitments">{t('commitments.backToList')}</Link>
      </>
    );
  }
  if (commitment && !mayManageCommitments(me, commitment.country.code)) {
    return <Navigate to={`/commitments/${commitment.id}`} replace />;
  }
  return (
    <DataState
      fetching={finding || fetching}
      error={notFound ?? error}
      empty={!commitment}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {commitment && <CommitmentForm commitment={commitment} />}
    </DataState>
  );
}

function CommitmentForm({ commitment }: { commitment?: CommitmentDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const ownCountry = me.role === 'COUNTRY_FOCAL_POINT' ? me.country : null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(commitment, ownCountry?.code ?? ''));
  const [{ data: reference }] = useQuery({ query: REFERENCE });
  const [created, create] = useMutation(CREATE_COMMITMENT);
  const [updated, update] = useMutation(UPDATE_COMMITMENT);
  const outcome = commitment ? updated : created;
  // A number that is not one never reaches the service (it could not say so in words).
  const [local, setLocal] = useState<Record<string, string>>({});
  // A row's problem names its row ("Indicador 2: …"), in the summary and beside the field.
  const problems = Object.fromEntries(
    Object.entries({ ...problemsOf(outcome.error), ...local }).map(([key, message]) => {
      const row = /^indicators-(\d+)-/.exec(key);
      const number = row ? Number(row[1]) + 1 : 0;
      return [key, row ? `${t('commitments.form.indicator', { number })}: ${message}` : message];
    }),
  );
  const addButton = useRef<HTMLButtonElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setIndicator = (index: number, change: Partial<IndicatorDraft>) =>
    setDraft((current) => ({
      ...current,
      indicators: current.indicators.map((row, at) => (at === index ? { ...row, ...change } : row)),
    }));

  function addIndicator() {
    set('indicators', [...draft.indicators, emptyIndicator()]);
    const index = draft.indicators.length;
    // The new row's name takes the focus once it is there.
    requestAnimationFrame(() => document.getElementById(`field-indicators-${index}-name`)?.focus());
  }

  function removeIndicator(index: number) {
    set(
      'indicators',
      draft.indicators.filter((_, at) => at !== index),
    );
    setLocal({});
    addButton.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const numbers: Record<string, string> = {};
    const indicators = draft.indicators.map((row, index) => {
      const baseline = decimalOf(row.baseline);
      const target = decimalOf(row.target);
      if (baseline === undefined)
        numbers[`indicators-${index}-baseline`] = t('commitments.form.number');
      if (target === undefined)
        numbers[`indicators-${index}-target`] = t('commitments.form.number');
      return {
        name: row.name,
        unit: row.unit.trim() || null,
        baseline: baseline ?? null,
        target: target ?? null,
        targetDate: isoOfDay(row.targetDate),
      };
    });
    setLocal(numbers);
    if (Object.keys(numbers).length) return;
    const fields = {
      title: draft.title,
      workingGroupCode: draft.workingGroupCode,
      indicators,
    };
    if (commitment) {
      const result = await update({ id: commitment.id, input: fields });
      if (result.data) {
        const title = result.data.updateCommitment.title;
        await navigate(`/commitments/${commitment.id}`, {
          state: { saved: t('commitments.form.saved', { title }) },
        });
      }
    } else {
      const result = await create({
        input: { ...fields, countryCode: draft.countryCode, code: draft.code },
      });
      if (result.data) {
        const { id, title } = result.data.createCommitment;
        await navigate(`/commitments/${id}`, {
          state: { saved: t('commitments.form.created', { title }) },
        });
      }
    }
  }

  return (
    <>
      <h1>{commitment ? t('commitments.form.editTitle') : t('commitments.form.newTitle')}</h1>
      <p className="muted">{t('commitments.form.intro')}</p>
      <ErrorSummary
        problems={problems}
        message={Object.keys(local).length ? undefined : messageOf(outcome.error)}
      />
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        {commitment || ownCountry ? (
          <p>
            <strong>{t('commitments.country')}:</strong>{' '}
            {commitment?.country.name ?? ownCountry?.name}
          </p>
        ) : (
          <Field name="countryCode" label={t('commitments.country')} problem={problems.countryCode}>
            {(props) => (
              <select
                {...props}
                value={draft.countryCode}
                onChange={(event) => set('countryCode', event.target.value)}
              >
                <option value="">{t('commitments.form.chooseCountry')}</option>
                {reference?.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {commitment ? (
          <p>
            <strong>{t('commitments.form.code')}:</strong> {commitment.code}
          </p>
        ) : (
          <Field
            name="code"
            label={t('commitments.form.code')}
            hint={t('commitments.form.codeHint')}
            problem={problems.code}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="off"
                value={draft.code}
                onChange={(event) => set('code', event.target.value)}
              />
            )}
          </Field>
        )}
        <Field name="title" label={t('commitments.form.title')} problem={problems.title}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              className="short-text"
              value={draft.title}
              onChange={(event) => set('title', event.target.value)}
            />
          )}
        </Field>
        <Field
          name="workingGroupCode"
          label={t('commitments.workingGroup')}
          problem={problems.workingGroupCode}
        >
          {(props) => (
            <select
              {...props}
              value={draft.workingGroupCode}
              onChange={(event) => set('workingGroupCode', event.target.value)}
            >
              <option value="">{t('commitments.form.chooseGroup')}</option>
              {reference?.workingGroups.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset
          className="indicator-rows"
          id="field-indicators"
          tabIndex={-1}
          aria-describedby={
            ['field-indicators-hint', problems.indicators ? 'field-indicators-error' : '']
              .filter(Boolean)
              .join(' ') || undefined
          }
        >
          <legend>{t('commitments.form.indicators')}</legend>
          <p id="field-indicators-hint" className="hint">
            {t('commitments.form.indicatorsHint')}
            {commitment ? ` ${t('commitments.form.removeWarning')}` : ''}
          </p>
          {problems.indicators && (
            <p id="field-indicators-error" className="field-error">
              {problems.indicators}
            </p>
          )}
          {draft.indicators.map((row, index) => {
            const number = index + 1;
            const at = (field: string) => `indicators-${index}-${field}`;
            return (
              <fieldset key={row.key} className="indicator-row">
                <legend>{t('commitments.form.indicator', { number })}</legend>
                <Field
                  name={at('name')}
                  label={t('commitments.form.name')}
                  problem={problems[at('name')]}
                >
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      value={row.name}
                      onChange={(event) => setIndicator(index, { name: event.target.value })}
                    />
                  )}
                </Field>
                <Field
                  name={at('unit')}
                  label={t('commitments.form.unit')}
                  hint={t('commitments.form.unitHint')}
                  problem={problems[at('unit')]}
                >
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      value={row.unit}
                      onChange={(event) => setIndicator(index, { unit: event.target.value })}
                    />
                  )}
                </Field>
                <div className="commitments-form-row">
                  <Field
                    name={at('baseline')}
                    label={t('commitments.form.baseline')}
                    problem={problems[at('baseline')]}
                  >
                    {(props) => (
                      <input
                        {...props}
                        type="text"
                        inputMode="decimal"
                        value={row.baseline}
                        onChange={(event) => setIndicator(index, { baseline: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    name={at('target')}
                    label={t('commitments.form.target')}
                    problem={problems[at('target')]}
                  >
                    {(props) => (
                      <input
                        {...props}
                        type="text"
                        inputMode="decimal"
                        value={row.target}
                        onChange={(event) => setIndicator(index, { target: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    name={at('targetDate')}
                    label={t('commitments.form.targetDate')}
                    problem={problems[at('targetDate')]}
                  >
                    {(props) => (
                      <input
                        {...props}
                        type="date"
                        value={row.targetDate}
                        onChange={(event) =>
                          setIndicator(index, { targetDate: event.target.value })
                        }
                      />
                    )}
                  </Field>
                </div>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => removeIndicator(index)}
                >
                  {t('commitments.form.removeIndicator', { number })}
                </button>
              </fieldset>
            );
          })}
          <button type="button" className="button-secondary" ref={addButton} onClick={addIndicator}>
            {t('commitments.form.addIndicator')}
          </button>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={outcome.fetching}>
            {outcome.fetching
              ? t('commitments.form.saving')
              : commitment
                ? t('commitments.form.submitEdit')
                : t('commitments.form.submitNew')}
          </button>
          <Link
            className="button-secondary"
            to={commitment ? `/commitments/${commitment.id}` : '/commitments'}
          >
            {t('commitments.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
