import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { useMe } from '../../session';
import { REFERENCE } from '../needs/choices';
import { isOnTrack, trackOf } from './progress';
import { COMMITMENTS, mayWriteCommitments } from './queries';

/**
 * The National Action Plans' commitments, by country then code: filters by country (a
 * country's focal point reads its own plan) and working group, kept in the address.
 */
export default function CommitmentsList() {
  const { t } = useTranslation();
  const me = useMe();
  const { number } = useFormat();
  const [params, setParams] = useSearchParams();
  const ownCountry = me.role === 'COUNTRY_FOCAL_POINT' ? me.country : null;
  const country = ownCountry?.code ?? params.get('country') ?? '';
  const group = params.get('workingGroup') ?? '';
  const [typed, setTyped] = useState({ country, group });
  useEffect(() => setTyped({ country, group }), [country, group]);

  const [{ data: reference }] = useQuery({ query: REFERENCE });
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: COMMITMENTS,
    variables: {
      ...(country ? { countryCode: country } : {}),
      ...(group ? { workingGroupCode: group } : {}),
    },
    requestPolicy: 'cache-and-network',
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (typed.country && !ownCountry) next.set('country', typed.country);
    if (typed.group) next.set('workingGroup', typed.group);
    setParams(next);
  }

  function clear() {
    setTyped({ country: ownCountry?.code ?? '', group: '' });
    setParams(new URLSearchParams());
  }

  const rows = data?.commitments ?? [];
  const manyCountries = !country;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('commitments.title')}</h1>
          <p className="muted">{t('commitments.intro')}</p>
        </div>
        {mayWriteCommitments(me.role) && (
          <Link className="button" to="/commitments/new">
            {t('commitments.new')}
          </Link>
        )}
      </div>
      <form
        className="filters"
        role="search"
        aria-label={t('commitments.filters')}
        onSubmit={apply}
      >
        {ownCountry ? (
          <p className="fixed-filter">
            <strong>{t('commitments.country')}:</strong> {ownCountry.name}
          </p>
        ) : (
          <Field name="country" label={t('commitments.country')}>
            {(props) => (
              <select
                {...props}
                value={typed.country}
                onChange={(event) => setTyped({ ...typed, country: event.target.value })}
              >
                <option value="">{t('commitments.allCountries')}</option>
                {reference?.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="group" label={t('commitments.workingGroup')}>
          {(props) => (
            <select
              {...props}
              value={typed.group}
              onChange={(event) => setTyped({ ...typed, group: event.target.value })}
            >
              <option value="">{t('commitments.allGroups')}</option>
              {reference?.workingGroups.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t('commitments.apply')}
          </button>
          <button type="button" className="button-secondary" onClick={clear}>
            {t('commitments.clear')}
          </button>
        </div>
      </form>
      <DataState
        fetching={fetching}
        error={error}
        empty={rows.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('commitments.none')}
      >
        <table className="list">
          <caption className="visually-hidden">{t('commitments.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commitments.code')}</th>
              <th scope="col">{t('commitments.commitmentTitle')}</th>
              {manyCountries && <th scope="col">{t('commitments.country')}</th>}
              <th scope="col">{t('commitments.workingGroup')}</th>
              <th scope="col">{t('commitments.onTrackOfTotal')}</th>
              <th scope="col">{t('commitments.needs')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((commitment) => {
              const onTrack = commitment.indicators.filter((indicator) =>
                isOnTrack(trackOf(indicator)),
              ).length;
              return (
                <tr key={commitment.id}>
                  <td data-label={t('commitments.code')}>
                    <Link to={`/commitments/${commitment.id}`}>{commitment.code}</Link>
                  </td>
                  <td data-label={t('commitments.commitmentTitle')}>{commitment.title}</td>
                  {manyCountries && (
                    <td data-label={t('commitments.country')}>{commitment.country.name}</td>
                  )}
                  <td data-label={t('commitments.workingGroup')}>{commitment.workingGroup.name}</td>
                  <td data-label={t('commitments.onTrackOfTotal')}>
                    {t('commitments.onTrackCount', {
                      onTrack: number(onTrack),
                      total: number(commitment.indicators.length),
                    })}
                  </td>
                  <td data-label={t('commitments.needs')}>{number(commitment.needs.length)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </DataState>
    </>
  );
}
