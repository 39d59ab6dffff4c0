import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useMe } from '../../session';
import { isoOfDay, REFERENCE } from '../needs/choices';
import { CREATE_PLEDGE, decimalOf, MEMBERS, mayRecordPledges } from './queries';

interface Draft {
  organizationId: string;
  amount: string;
  currency: string;
  countryCode: string;
  workingGroupCode: string;
  pledgedAt: string;
  note: string;
}

/**
 * /pledges/new: a member's focal point records their organization's pledge, the
 * secretariat any member's. The service checks everything; a number that is not one is
 * caught here, since the service could not say so in words.
 */
export default function PledgeForm() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const ownOrganization = me.role === 'MEMBER_FOCAL_POINT' ? me.organization : null;
  const [draft, setDraft] = useState<Draft>({
    organizationId: ownOrganization?.id ?? '',
    amount: '',
    currency: '',
    countryCode: '',
    workingGroupCode: '',
    pledgedAt: '',
    note: '',
  });
  const [{ data: reference }] = useQuery({ query: REFERENCE });
  const [{ data: members }] = useQuery({ query: MEMBERS, pause: !!ownOrganization });
  const [outcome, create] = useMutation(CREATE_PLEDGE);
  const [local, setLocal] = useState<Record<string, string>>({});
  const problems = { ...fieldProblemsOf(outcome.error), ...local };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  if (!mayRecordPledges(me.role)) return <Navigate to="/pledges" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = decimalOf(draft.amount);
    if (amount === undefined) {
      setLocal({ amount: t('pledges.form.number') });
      return;
    }
    setLocal({});
    const result = await create({
      input: {
        organizationId: draft.organizationId,
        amount: amount ?? 0,
        currency: draft.currency.trim().toUpperCase(),
        countryCode: draft.countryCode || null,
        workingGroupCode: draft.workingGroupCode || null,
        pledgedAt: isoOfDay(draft.pledgedAt),
        note: draft.note.trim() || null,
      },
    });
    if (result.data) {
      await navigate('/pledges', {
        state: {
          saved: t('pledges.form.saved', {
            organization: result.data.createPledge.organization.name,
          }),
        },
      });
    }
  }

  return (
    <>
      <h1>{t('pledges.form.title')}</h1>
      <p className="muted">{t('pledges.form.intro')}</p>
      <ErrorSummary
        problems={problems}
        message={Object.keys(local).length ? undefined : messageOf(outcome.error)}
      />
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        {ownOrganization ? (
          <p>
            <strong>{t('pledges.organization')}:</strong> {ownOrganization.name}
          </p>
        ) : (
          <Field
            name="organizationId"
            label={t('pledges.organization')}
            problem={problems.organizationId}
          >
            {(props) => (
              <select
                {...props}
                value={draft.organizationId}
                onChange={(event) => set('organizationId', event.target.value)}
              >
                <option value="">{t('pledges.form.chooseOrganization')}</option>
                {members?.organizations.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="pledge-form-row">
          <Field
            name="amount"
            label={t('pledges.amount')}
            hint={t('pledges.form.amountHint')}
            problem={problems.amount}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={draft.amount}
                onChange={(event) => set('amount', event.target.value)}
              />
            )}
          </Field>
          <Field
            name="currency"
            label={t('pledges.form.currency')}
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
                onChange={(event) => set('currency', event.target.value)}
              />
            )}
          </Field>
        </div>
        <Field name="countryCode" label={t('pledges.form.country')} problem={problems.countryCode}>
          {(props) => (
            <select
              {...props}
              value={draft.countryCode}
              onChange={(event) => set('countryCode', event.target.value)}
            >
              <option value="">{t('pledges.form.noCountry')}</option>
              {reference?.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="workingGroupCode"
          label={t('pledges.form.workingGroup')}
          problem={problems.workingGroupCode}
        >
          {(props) => (
            <select
              {...props}
              value={draft.workingGroupCode}
              onChange={(event) => set('workingGroupCode', event.target.value)}
            >
              <option value="">{t('pledges.form.noGroup')}</option>
              {reference?.workingGroups.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="pledgedAt"
          label={t('pledges.form.pledgedAt')}
          hint={t('pledges.form.pledgedAtHint')}
          problem={problems.pledgedAt}
        >
          {(props) => (
            <input
              {...props}
              type="date"
              value={draft.pledgedAt}
              onChange={(event) => set('pledgedAt', event.target.value)}
            />
          )}
        </Field>
        <Field name="note" label={t('pledges.form.note')} problem={problems.note}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              className="short-text"
              value={draft.note}
              onChange={(event) => set('note', event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={outcome.fetching}>
            {outcome.fetching ? t('pledges.form.saving') : t('pledges.form.submit')}
          </button>
          <Link className="button-secondary" to="/pledges">
            {t('pledges.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
