import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { useFormat } from '../../components/format';
import { useMoney } from './money';
import { PLEDGE_TOTALS } from './queries';

/**
 * This year's pledges by member in US dollars, as the API adds them up (platformSummary);
 * read again whenever `changes` moves (a pledge's status changed).
 */
export function MemberTotals({ changes }: { changes: number }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const money = useMoney();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PLEDGE_TOTALS,
    requestPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (changes > 0) reexecute({ requestPolicy: 'network-only' });
  }, [changes, reexecute]);
  const summary = data?.platformSummary;
  const year = summary ? new Date(summary.from).getUTCFullYear() : new Date().getUTCFullYear();
  return (
    <section aria-labelledby="pledge-totals-title">
      <h2 id="pledge-totals-title">{t('pledges.totals.title', { year })}</h2>
      <p className="muted">{t('pledges.totals.intro')}</p>
      <DataState
        fetching={fetching}
        error={error}
        empty={!summary || summary.pledgesByMember.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('pledges.totals.none')}
      >
        {summary && (
          <>
            <table className="list">
              <caption className="visually-hidden">{t('pledges.totals.title', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pledges.totals.member')}</th>
                  <th scope="col">{t('pledges.totals.pledges')}</th>
                  <th scope="col">{t('pledges.totals.pledgedUsd')}</th>
                  <th scope="col">{t('pledges.totals.disbursedUsd')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.pledgesByMember.map((member) => (
                  <tr key={member.organization.id}>
                    <th scope="row" data-label={t('pledges.totals.member')}>
                      {member.organization.name}
                    </th>
                    <td data-label={t('pledges.totals.pledges')}>{number(member.pledges)}</td>
                    <td data-label={t('pledges.totals.pledgedUsd')}>
                      {money.usd(member.pledgedUsd)}
                    </td>
                    <td data-label={t('pledges.totals.disbursedUsd')}>
                      {money.usd(member.disbursedUsd)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" data-label={t('pledges.totals.member')}>
                    {t('pledges.totals.all')}
                  </th>
                  <td data-label={t('pledges.totals.pledges')}>{number(summary.pledges)}</td>
                  <td data-label={t('pledges.totals.pledgedUsd')}>
                    {money.usd(summary.pledgedUsd)}
                  </td>
                  <td data-label={t('pledges.totals.disbursedUsd')}>
                    {money.usd(summary.disbursedUsd)}
                  </td>
                </tr>
              </tfoot>
            </table>
            {summary.pledgesWithoutRate > 0 && (
              <p className="notice">
                {t('pledges.totals.withoutRate', { count: summary.pledgesWithoutRate })}
              </p>
            )}
          </>
        )}
      </DataState>
    </section>
  );
}
