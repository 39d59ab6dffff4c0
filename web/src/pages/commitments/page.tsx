import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ChunkView } from '../../chunks';
import { DataState } from '../../components/data-state';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { StatusLabel } from '../../components/status';
import { graphql } from '../../graphql';
import { indicatorChart } from '../../screens';
import { useMe } from '../../session';
import { isoOfDay } from '../needs/choices';
import { useDay } from './day';
import { decimalOf, localToday, trackOf } from './progress';
import {
  COMMITMENT_COUNTRIES,
  COMMITMENT_DETAIL,
  CommitmentDetail,
  mayManageCommitments,
} from './queries';
import { TrackLabel } from './track';

const RECORD_VALUE = graphql(`
  mutation RecordIndicatorValue(
    $indicatorId: ID!
    $value: Float!
    $at: DateTime!
    $source: String
  ) {
    recordIndicatorValue(indicatorId: $indicatorId, value: $value, at: $at, source: $source) {
      id
      name
      current
      measuredAt
      values {
        at
        recordedAt
        value
        source
      }
    }
  }
`);

type Indicator = CommitmentDetail['indicators'][number];

/** /commitments/:id: the commitment, its indicators with their values, the needs serving it. */
export default function CommitmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [where, refind] = useQuery({
    query: COMMITMENT_COUNTRIES,
    requestPolicy: 'cache-and-network',
  });
  const countryCode = where.data?.commitments.find((c) => c.id === id)?.country.code;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: COMMITMENT_DETAIL,
    variables: { countryCode: countryCode ?? '' },
    pause: !countryCode,
    requestPolicy: 'cache-and-network',
  });
  const commitment = data?.commitments.find((c) => c.id === id);
  if (where.data && !countryCode && !where.stale && !where.fetching) {
    return (
      <>
        <h1>{t('commitments.title')}</h1>
        <p className="notice notice-error">{t('commitments.notFound')}</p>
        <Link to="/commitments">{t('commitments.backToList')}</Link>
      </>
    );
  }
  return (
    <DataState
      fetching={where.fetching || fetching}
      error={where.error ?? error}
      empty={!commitment}
      retry={() =>
        where.error
          ? refind({ requestPolicy: 'network-only' })
          : reexecute({ requestPolicy: 'network-only' })
      }
    >
      {commitment && (
        <CommitmentView
          commitment={commitment}
          saved={saved}
          refresh={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
    </DataState>
  );
}

function CommitmentView({
  commitment,
  saved,
  refresh,
}: {
  commitment: CommitmentDetail;
  saved?: string;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const manages = mayManageCommitments(me, commitment.country.code);
  const [notice, setNotice] = useState(saved);
  return (
    <>
      <p>
        <Link to="/commitments">{t('commitments.backToList')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>
            <span className="commitment-code">{commitment.code}</span> {commitment.title}
          </h1>
          <p>
            {commitment.country.name} · {commitment.workingGroup.name}
          </p>
        </div>
        {manages && (
          <Link className="button-secondary" to={`/commitments/${commitment.id}/edit`}>
            {t('commitments.page.edit')}
          </Link>
        )}
      </div>
      {notice && (
        <div className="notice notice-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      <section aria-labelledby="commitment-indicators">
        <h2 id="commitment-indicators">{t('commitments.page.indicators')}</h2>
        {commitment.indicators.length === 0 ? (
          <p className="muted">{t('commitments.page.noIndicators')}</p>
        ) : (
          commitment.indicators.map((indicator) => (
            <IndicatorCard key={indicator.id} indicator={indicator} />
          ))
        )}
      </section>
      <section aria-labelledby="commitment-needs">
        <h2 id="commitment-needs">{t('commitments.page.needs')}</h2>
        {commitment.needs.length === 0 ? (
          <p className="muted">{t('commitments.page.noNeeds')}</p>
        ) : (
          <ul className="plain-list card">
            {commitment.needs.map((need) => (
              <li key={need.id}>
                <Link to={`/needs/${need.id}`}>{need.title}</Link>{' '}
                <StatusLabel kind="needStatus" value={need.status} />
                {need.visibility === 'RESTRICTED' && (
                  <>
                    {' '}
                    <span className="label-restricted">{t('needs.restricted')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {manages && commitment.indicators.length > 0 && (
        <RecordValue
          indicators={commitment.indicators}
          onRecorded={(text) => {
            setNotice(text);
            refresh();
          }}
        />
      )}
    </>
  );
}

/** A number with its unit, e.g. "60 %", "40 personas capacitadas". */
function useAmount() {
  const { number } = useFormat();
  return (value: number, unit: string | null | undefined) =>
    unit ? `${number(value)} ${unit}` : number(value);
}

function IndicatorCard({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const date = useDay();
  const amount = useAmount();
  const track = trackOf(indicator);
  const values = [...indicator.values].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const titleId = `indicator-${indicator.id}`;
  const step = (value: number | null | undefined, when?: string) =>
    value == null
      ? t('commitments.page.notStated')
      : amount(value, indicator.unit) + (when ? ` (${when})` : '');
  return (
    <article className="card indicator" aria-labelledby={titleId}>
      <div className="indicator-head">
        <h3 id={titleId}>{indicator.name}</h3>
        <TrackLabel track={track} />
      </div>
      <dl className="facts progress-steps">
        <dt>{t('commitments.page.baseline')}</dt>
        <dd>{step(indicator.baseline)}</dd>
        <dt>{t('commitments.page.current')}</dt>
        <dd>
          {indicator.current == null
            ? t('commitments.page.noValue')
            : step(
                indicator.current,
                t('commitments.page.measuredOn', { date: date(indicator.measuredAt) }),
              )}
        </dd>
        <dt>{t('commitments.page.target')}</dt>
        <dd>
          {step(
            indicator.target,
            indicator.targetDate
              ? t('commitments.page.dueOn', { date: date(indicator.targetDate) })
              : undefined,
          )}
        </dd>
      </dl>
      {values.length === 0 ? (
        <p className="muted">{t('commitments.page.noValues')}</p>
      ) : (
        <figure className="indicator-figure" aria-labelledby={`${titleId}-chart`}>
          <figcaption id={`${titleId}-chart`}>
            {t('commitments.page.chartTitle', { name: indicator.name })}
          </figcaption>
          <ChunkView
            of={indicatorChart}
            props={{
              values,
              baseline: indicator.baseline ?? null,
              target: indicator.target ?? null,
            }}
            fallback={<div className="indicator-chart" aria-hidden="true" />}
          />
          <table className="values-table">
            <caption className="visually-hidden">
              {t('commitments.page.valuesTitle', { name: indicator.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('commitments.page.date')}</th>
                <th scope="col">{t('commitments.page.value')}</th>
                <th scope="col">{t('commitments.page.source')}</th>
              </tr>
            </thead>
            <tbody>
              {values.map((value) => (
                <tr key={`${value.at}-${value.recordedAt}`}>
                  <th scope="row">{date(value.at)}</th>
                  <td>{amount(value.value, indicator.unit)}</td>
                  <td>{value.source ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      )}
    </article>
  );
}

const today = localToday;

function RecordValue({
  indicators,
  onRecorded,
}: {
  indicators: readonly Indicator[];
  onRecorded: (text: string) => void;
}) {
  const { t } = useTranslation();
  const date = useDay();
  const amount = useAmount();
  const [draft, setDraft] = useState({
    indicatorId: indicators[0].id,
    value: '',
    at: today(),
    source: '',
  });
  const [outcome, record] = useMutation(RECORD_VALUE);
  const [local, setLocal] = useState<Record<string, string>>({});
  const problems = { ...fieldProblemsOf(outcome.error), ...local };
  const set = (change: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = decimalOf(draft.value);
    const found: Record<string, string> = {};
    if (value == null) found.value = t('commitments.form.number');
    if (!draft.at) found.at = t('commitments.page.record.noDate');
    setLocal(found);
    if (value == null || !draft.at) return;
    const result = await record({
      indicatorId: draft.indicatorId,
      value,
      at: isoOfDay(draft.at) ?? '',
      source: draft.source.trim() || null,
    });
    if (result.data) {
      const indicator = indicators.find((i) => i.id === draft.indicatorId);
      onRecorded(
        t('commitments.page.record.saved', {
          value: amount(value, indicator?.unit),
          name: result.data.recordIndicatorValue.name,
          date: date(isoOfDay(draft.at)),
        }),
      );
      set({ value: '', source: '' });
    }
  }

  return (
    <section aria-labelledby="record-value">
      <h2 id="record-value">{t('commitments.page.record.title')}</h2>
      <p className="muted">{t('commitments.page.record.intro')}</p>
      <ErrorSummary
        problems={problems}
        message={Object.keys(local).length ? undefined : messageOf(outcome.error)}
      />
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <Field
          name="indicatorId"
          label={t('commitments.page.record.indicator')}
          problem={problems.indicatorId}
        >
          {(props) => (
            <select
              {...props}
              value={draft.indicatorId}
              onChange={(event) => set({ indicatorId: event.target.value })}
            >
              {indicators.map((indicator) => (
                <option key={indicator.id} value={indicator.id}>
                  {indicator.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="commitments-form-row">
          <Field name="value" label={t('commitments.page.record.value')} problem={problems.value}>
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={draft.value}
                onChange={(event) => set({ value: event.target.value })}
              />
            )}
          </Field>
          <Field
            name="at"
            label={t('commitments.page.record.at')}
            hint={t('commitments.page.record.atHint')}
            problem={problems.at}
          >
            {(props) => (
              <input
                {...props}
                type="date"
                max={today()}
                value={draft.at}
                onChange={(event) => set({ at: event.target.value })}
              />
            )}
          </Field>
        </div>
        <Field
          name="source"
          label={t('commitments.page.record.source')}
          hint={t('commitments.page.record.sourceHint')}
          problem={problems.source}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              value={draft.source}
              onChange={(event) => set({ source: event.target.value })}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={outcome.fetching}>
            {outcome.fetching
              ? t('commitments.page.record.saving')
              : t('commitments.page.record.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
