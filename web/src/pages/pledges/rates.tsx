import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { useMe } from '../../session';
import { isoOfDay } from '../needs/choices';
import { localToday } from '../commitments/progress';
import { decimalOf, EXCHANGE_RATES, SET_EXCHANGE_RATE } from './queries';

/** /pledges/rates: the secretariat records exchange rates and reads every one recorded. */
export default function ExchangeRates() {
  const { t } = useTranslation();
  const me = useMe();
  const { date, dateTime, locale } = useFormat();
  const [draft, setDraft] = useState({ currency: '', usdPerUnit: '', asOf: localToday() });
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EXCHANGE_RATES,
    requestPolicy: 'cache-and-network',
  });
  const [outcome, record] = useMutation(SET_EXCHANGE_RATE);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string>();
  const problems = { ...fieldProblemsOf(outcome.error), ...local };

  if (me.role !== 'SECRETARIAT') return <Navigate to="/pledges" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const usdPerUnit = decimalOf(draft.usdPerUnit);
    if (usdPerUnit === undefined) {
      setLocal({ usdPerUnit: t('pledges.form.number') });
      return;
    }
    setLocal({});
    const currency = draft.currency.trim().toUpperCase();
    const result = await record({
      currency,
      usdPerUnit: usdPerUnit ?? 0,
      asOf: isoOfDay(draft.asOf) ?? '',
    });
    if (result.data) {
      setSaved(t('pledges.rate.saved', { currency }));
      setDraft({ ...draft, currency: '', usdPerUnit: '' });
      reexecute({ requestPolicy: 'network-only' });
    }
  }

  const rates = data?.exchangeRates ?? [];
  const rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  return (
    <>
      <h1>{t('pledges.rate.title')}</h1>
      <p className="muted">{t('pledges.rate.intro')}</p>
      <p>
        <Link to="/pledges">{t('pledges.rate.back')}</Link>
      </p>
      <section aria-labelledby="rate-form-title">
        <h2 id="rate-form-title">{t('pledges.rate.formTitle')}</h2>
        {saved && (
          <p role="status" className="notice notice-success">
            {saved}
          </p>
        )}
        <ErrorSummary
          problems={problems}
          message={Object.keys(local).length ? undefined : messageOf(outcome.error)}
        />
        <form className="card" onSubmit={(event) => void submit(event)} noValidate>
          <div className="pledge-form-row">
            <Field
              name="currency"
              label={t('pledges.rate.currency')}
              hint={t('pledges.form.currencyHint')}
              problem={problems.currency}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  autoComplete="off"
                  maxLength={3}
                  className="currency-input"
                  value={draft.currency}
                  onChange={(event) => setDraft({ ...draft, currency: event.target.value })}
                />
              )}
            </Field>
            <Field
              name="usdPerUnit"
              label={t('pledges.rate.usdPerUnit')}
              hint={t('pledges.rate.usdPerUnitHint')}
              problem={problems.usdPerUnit}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={draft.usdPerUnit}
                  onChange={(event) => setDraft({ ...draft, usdPerUnit: event.target.value })}
                />
              )}
            </Field>
            <Field name="asOf" label={t('pledges.rate.asOf')} problem={problems.asOf}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={draft.asOf}
                  onChange={(event) => setDraft({ ...draft, asOf: event.target.value })}
                />
              )}
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={outcome.fetching}>
              {outcome.fetching ? t('pledges.form.saving') : t('pledges.rate.submit')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="rate-history-title">
        <h2 id="rate-history-title">{t('pledges.rate.historyTitle')}</h2>
        <DataState
          fetching={fetching}
          error={error}
          empty={rates.length === 0}
          retry={() => reexecute({ requestPolicy: 'network-only' })}
          emptyText={t('pledges.rate.none')}
        >
          <table className="list">
            <caption className="visually-hidden">{t('pledges.rate.historyLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pledges.rate.currency')}</th>
                <th scope="col">{t('pledges.rate.usdPerUnit')}</th>
                <th scope="col">{t('pledges.rate.asOf')}</th>
                <th scope="col">{t('pledges.rate.recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rates.map((entry) => (
                <tr key={`${entry.currency}-${entry.asOf}-${entry.recordedAt}`}>
                  <td data-label={t('pledges.rate.currency')}>{entry.currency}</td>
                  <td data-label={t('pledges.rate.usdPerUnit')}>{rate.format(entry.usdPerUnit)}</td>
                  <td data-label={t('pledges.rate.asOf')}>{date(entry.asOf)}</td>
                  <td data-label={t('pledges.rate.recordedAt')}>{dateTime(entry.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </DataState>
      </section>
    </>
  );
}
