import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { messageOf } from '../../components/errors';
import { ExportLinks } from '../../components/export-links';
import { Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { Pager } from '../../components/pager';
import { StatusLabel } from '../../components/status';
import { useMe } from '../../session';
import { REFERENCE } from '../needs/choices';
import { useMoney } from './money';
import { MemberTotals } from './totals';
import { MEMBERS, mayRecordPledges, PLEDGES, PledgeRow, SET_PLEDGE_STATUS } from './queries';

const STATUSES = ['PLEDGED', 'COMMITTED', 'DISBURSED', 'CANCELLED'] as const;
type Status = (typeof STATUSES)[number];
const PAGE_SIZE = 20;

/**
 * The pledges the reader may see (the API decides which), newest first: this year's totals
 * by member, filters kept in the address, and the status changes the API allows each row.
 */
export default function PledgesList() {
  const { t } = useTranslation();
  const me = useMe();
  const { date } = useFormat();
  const money = useMoney();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [params, setParams] = useSearchParams();
  const ownOrganization = me.role === 'MEMBER_FOCAL_POINT' ? me.organization : null;
  const organization = params.get('organization') ?? '';
  const country = params.get('country') ?? '';
  const status = (params.get('status') ?? '') as Status | '';
  const [typed, setTyped] = useState({ organization, country, status });
  useEffect(() => setTyped({ organization, country, status }), [organization, country, status]);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [organization, country, status]);

  const [{ data: reference }] = useQuery({ query: REFERENCE });
  const [{ data: members }] = useQuery({ query: MEMBERS, pause: !!ownOrganization });
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PLEDGES,
    variables: {
      first: PAGE_SIZE,
      after: cursors[cursors.length - 1],
      ...(organization ? { organizationId: organization } : {}),
      ...(country ? { countryCode: country } : {}),
      ...(status ? { status } : {}),
    },
    requestPolicy: 'cache-and-network',
  });
  const [moving, move] = useMutation(SET_PLEDGE_STATUS);
  const [moved, setMoved] = useState<string>();
  const [changes, setChanges] = useState(0);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (typed.organization) next.set('organization', typed.organization);
    if (typed.country) next.set('country', typed.country);
    if (typed.status) next.set('status', typed.status);
    setParams(next);
  }

  function clear() {
    setTyped({ organization: '', country: '', status: '' });
    setParams(new URLSearchParams());
  }

  async function moveTo(pledge: PledgeRow, next: Status) {
    setMoved(undefined);
    const result = await move({ id: pledge.id, status: next });
    if (result.data) {
      setMoved(
        t('pledges.moved', {
          organization: pledge.organization.name,
          status: t(`pledgeStatus.${next}`).toLowerCase(),
        }),
      );
      reexecute({ requestPolicy: 'network-only' });
      setChanges((count) => count + 1);
    }
  }

  const rows = data?.pledges.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('pledges.title')}</h1>
          <p className="muted">{t('pledges.intro')}</p>
        </div>
        <div className="actions">
          {mayRecordPledges(me.role) && (
            <Link className="button" to="/pledges/new">
              {t('pledges.new')}
            </Link>
          )}
          {me.role === 'SECRETARIAT' && (
            <Link className="button-secondary" to="/pledges/rates">
              {t('pledges.rates')}
            </Link>
          )}
        </div>
      </div>
      {saved && (
        <p role="status" className="notice notice-success">
          {saved}
        </p>
      )}

      <MemberTotals changes={changes} />

      <form className="filters" role="search" aria-label={t('pledges.filters')} onSubmit={apply}>
        {ownOrganization ? (
          <p className="fixed-filter">
            <strong>{t('pledges.organization')}:</strong> {ownOrganization.name}
          </p>
        ) : (
          <Field name="organization" label={t('pledges.organization')}>
            {(props) => (
              <select
                {...props}
                value={typed.organization}
                onChange={(event) => setTyped({ ...typed, organization: event.target.value })}
              >
                <option value="">{t('pledges.allOrganizations')}</option>
                {members?.organizations.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="country" label={t('pledges.country')}>
          {(props) => (
            <select
              {...props}
              value={typed.country}
              onChange={(event) => setTyped({ ...typed, country: event.target.value })}
            >
              <option value="">{t('pledges.allCountries')}</option>
              {reference?.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="status" label={t('pledges.status')}>
          {(props) => (
            <select
              {...props}
              value={typed.status}
              onChange={(event) => setTyped({ ...typed, status: event.target.value as Status })}
            >
              <option value="">{t('pledges.allStatuses')}</option>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`pledgeStatus.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t('pledges.apply')}
          </button>
          <button type="button" className="button-secondary" onClick={clear}>
            {t('pledges.clear')}
          </button>
        </div>
      </form>

      <ExportLinks
        list="pledges"
        filters={{ organizationId: organization, countryCode: country, status }}
      />
      {moved && (
        <p role="status" className="notice notice-success">
          {moved}
        </p>
      )}
      {moving.error && (
        <p role="alert" className="notice notice-error">
          {messageOf(moving.error)}
        </p>
      )}
      <DataState
        fetching={fetching}
        error={error}
        empty={rows.length === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        emptyText={t('pledges.none')}
      >
        <table className="list">
          <caption className="visually-hidden">{t('pledges.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pledges.organization')}</th>
              <th scope="col">{t('pledges.amount')}</th>
              <th scope="col">{t('pledges.amountUsd')}</th>
              <th scope="col">{t('pledges.country')}</th>
              <th scope="col">{t('pledges.status')}</th>
              <th scope="col">{t('pledges.pledgedAt')}</th>
              <th scope="col">{t('pledges.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((pledge) => (
              <tr key={pledge.id}>
                <td data-label={t('pledges.organization')}>
                  {pledge.organization.name}
                  {pledge.note && <span className="pledge-note">{pledge.note}</span>}
                </td>
                <td data-label={t('pledges.amount')}>{money.in(pledge.amount, pledge.currency)}</td>
                <td data-label={t('pledges.amountUsd')}>
                  {pledge.amountUsd === null ? t('pledges.noRate') : money.usd(pledge.amountUsd)}
                </td>
                <td data-label={t('pledges.country')}>{pledge.country?.name ?? ''}</td>
                <td data-label={t('pledges.status')}>
                  <StatusLabel kind="pledgeStatus" value={pledge.status} />
                </td>
                <td data-label={t('pledges.pledgedAt')}>{date(pledge.pledgedAt)}</td>
                <td data-label={t('pledges.actions')}>
                  <div className="pledge-actions">
                    {pledge.nextStatuses.map((next) => (
                      <button
                        key={next}
                        type="button"
                        className={next === 'CANCELLED' ? 'button-quiet' : 'button-secondary'}
                        disabled={moving.fetching}
                        onClick={() => void moveTo(pledge, next)}
                      >
                        {t(`pledges.moveTo.${next as Exclude<Status, 'PLEDGED'>}`)}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager
          cursors={cursors}
          setCursors={setCursors}
          pageInfo={data?.pledges.pageInfo}
          shown={rows.length}
          total={data?.pledges.totalCount}
        />
      </DataState>
    </>
  );
}
