import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/confirm';
import { DataState } from '../../components/data-state';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { graphql } from '../../graphql';
import { useMe } from '../../session';

const ORGANIZATIONS = graphql(`
  query Organizations($kind: OrganizationKind) {
    organizations(kind: $kind) {
      id
      name
      kind
      active
      country {
        code
        name
      }
    }
  }
`);

const SET_ACTIVE = graphql(`
  mutation SetOrganizationActive($id: ID!, $active: Boolean!) {
    setOrganizationActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

const COUNTRIES = graphql(`
  query OrganizationCountries {
    countries {
      code
      name
    }
  }
`);

const CREATE = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
      kind
    }
  }
`);

export const KINDS = [
  'STATE',
  'INTERNATIONAL_ORGANIZATION',
  'FINANCIAL_INSTITUTION',
  'REGIONAL_BODY',
  'CIVIL_SOCIETY',
  'ACADEMIA',
  'PRIVATE_SECTOR',
] as const;
type Kind = (typeof KINDS)[number];

const EMPTY = { name: '', kind: 'STATE' as Kind, countryCode: '' };

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [{ data: countries }] = useQuery({ query: COUNTRIES });
  const [form, setForm] = useState(EMPTY);
  const [{ fetching, error }, create] = useMutation(CREATE);
  const [saved, setSaved] = useState<string | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const result = await create({
      input: {
        name: form.name,
        kind: form.kind,
        ...(form.countryCode ? { countryCode: form.countryCode } : {}),
      },
    });
    if (result.data) {
      setSaved(
        t('secretariat.organizations.created', { name: result.data.createOrganization.name }),
      );
      setForm(EMPTY);
      onCreated();
    }
  }

  const problems = fieldProblemsOf(error);
  return (
    <section className="card" aria-labelledby="create-organization-title">
      <h2 id="create-organization-title">{t('secretariat.organizations.createTitle')}</h2>
      <div aria-live="polite">
        {saved && (
          <p className="notice notice-success" role="status">
            {saved}
          </p>
        )}
      </div>
      <ErrorSummary problems={problems} message={messageOf(error)} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="sec-inline-form">
          <Field name="name" label={t('secretariat.organizations.name')} problem={problems.name}>
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="off"
                required
                value={form.name}
                onChange={(event) => setForm({ ...form, name: event.target.value })}
              />
            )}
          </Field>
          <Field name="kind" label={t('secretariat.organizations.kind')} problem={problems.kind}>
            {(props) => (
              <select
                {...props}
                value={form.kind}
                onChange={(event) => setForm({ ...form, kind: event.target.value as Kind })}
              >
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`secretariat.organizations.kinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="countryCode"
            label={`${t('secretariat.organizations.country')} (${t('common.optional')})`}
            hint={t('secretariat.organizations.countryHint')}
            problem={problems.countryCode}
          >
            {(props) => (
              <select
                {...props}
                value={form.countryCode}
                onChange={(event) => setForm({ ...form, countryCode: event.target.value })}
              >
                <option value="">{t('secretariat.organizations.noCountry')}</option>
                {countries?.countries.map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('secretariat.organizations.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The Support Platform's members, by name, of one kind or all; the secretariat adds them,
 * and disables (after a confirmation that says what it means) or enables each.
 */
export default function Organizations() {
  const { t } = useTranslation();
  const me = useMe();
  const secretariat = me.role === 'SECRETARIAT';
  const [kind, setKind] = useState<Kind | ''>('');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ORGANIZATIONS,
    variables: { kind: kind || null },
  });
  const [changing, setActive] = useMutation(SET_ACTIVE);
  const [refusal, setRefusal] = useState<{ id: string; message: string } | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const organizations = data?.organizations ?? [];

  async function toggle(id: string, name: string, active: boolean) {
    setRefusal(undefined);
    setDone(undefined);
    const result = await setActive({ id, active });
    if (result.error) {
      setRefusal({ id, message: messageOf(result.error) ?? '' });
      return;
    }
    setDone(
      t(active ? 'secretariat.organizations.enabled' : 'secretariat.organizations.disabled', {
        name,
      }),
    );
  }
  return (
    <>
      <h1>{t('nav.organizations')}</h1>
      {secretariat && <CreateForm onCreated={reload} />}
      <section aria-labelledby="organizations-title">
        <h2 id="organizations-title">{t('secretariat.organizations.listTitle')}</h2>
        <div aria-live="polite">
          {done && (
            <p className="notice notice-success" role="status">
              {done}
            </p>
          )}
        </div>
        <div className="filters">
          <Field name="kindFilter" label={t('secretariat.organizations.kind')}>
            {(props) => (
              <select
                {...props}
                value={kind}
                onChange={(event) => setKind(event.target.value as Kind | '')}
              >
                <option value="">{t('common.all')}</option>
                {KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t(`secretariat.organizations.kinds.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <DataState
          fetching={fetching}
          error={error}
          empty={organizations.length === 0}
          retry={reload}
          emptyText={t('secretariat.organizations.none')}
        >
          <p className="muted" role="status">
            {t('secretariat.organizations.count', { count: organizations.length })}
          </p>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('secretariat.organizations.name')}</th>
                <th scope="col">{t('secretariat.organizations.kind')}</th>
                <th scope="col">{t('secretariat.organizations.country')}</th>
                <th scope="col">{t('secretariat.organizations.state')}</th>
                {secretariat && <th scope="col">{t('secretariat.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {organizations.map((organization) => (
                <tr key={organization.id}>
                  <td data-label={t('secretariat.organizations.name')}>{organization.name}</td>
                  <td data-label={t('secretariat.organizations.kind')}>
                    {t(`secretariat.organizations.kinds.${organization.kind}`)}
                  </td>
                  <td data-label={t('secretariat.organizations.country')}>
                    {organization.country?.name ?? '—'}
                  </td>
                  <td data-label={t('secretariat.organizations.state')}>
                    <span className={`status status-${organization.active ? 'green' : 'grey'}`}>
                      {t(
                        organization.active
                          ? 'secretariat.organizations.active'
                          : 'secretariat.organizations.inactive',
                      )}
                    </span>
                  </td>
                  {secretariat && (
                    <td data-label={t('secretariat.actions')}>
                      {organization.active ? (
                        <ConfirmButton
                          label={t('secretariat.organizations.disable')}
                          accessibleLabel={t('secretariat.organizations.disableOf', {
                            name: organization.name,
                          })}
                          title={t('secretariat.organizations.disableTitle', {
                            name: organization.name,
                          })}
                          isDisabled={changing.fetching}
                          onConfirm={() => void toggle(organization.id, organization.name, false)}
                        >
                          <p>{t('secretariat.organizations.disableBody')}</p>
                        </ConfirmButton>
                      ) : (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={changing.fetching}
                          aria-label={t('secretariat.organizations.enableOf', {
                            name: organization.name,
                          })}
                          onClick={() => void toggle(organization.id, organization.name, true)}
                        >
                          {t('secretariat.organizations.enable')}
                        </button>
                      )}
                      {refusal?.id === organization.id && (
                        <p className="sec-row-problem" role="alert">
                          {refusal.message}
                        </p>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </DataState>
      </section>
    </>
  );
}
