import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/confirm';
import { DataState } from '../../components/data-state';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { useFormat } from '../../components/format';
import { graphql } from '../../graphql';

const USERS = graphql(`
  query Users {
    users {
      id
      email
      name
      role
      active
      invitationPending
      lastSignedInAt
      country {
        code
        name
      }
      organization {
        id
        name
      }
    }
  }
`);

const CHOICES = graphql(`
  query InviteChoices {
    countries(mirpsOnly: true) {
      code
      name
    }
    organizations {
      id
      name
      active
    }
  }
`);

const INVITE = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      email
      invitationPending
    }
  }
`);

const SET_ACTIVE = graphql(`
  mutation SetUserActive($userId: ID!, $active: Boolean!) {
    setUserActive(userId: $userId, active: $active) {
      id
      active
    }
  }
`);

const ROLES = ['COUNTRY_FOCAL_POINT', 'MEMBER_FOCAL_POINT', 'OBSERVER', 'SECRETARIAT'] as const;
type RoleName = (typeof ROLES)[number];

const EMPTY = {
  email: '',
  name: '',
  role: 'COUNTRY_FOCAL_POINT' as RoleName,
  countryCode: '',
  organizationId: '',
  locale: 'ES' as 'ES' | 'EN',
};

/** Inviting a person: an account without a password, and an e-mail with a link. */
function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const [{ data: choices }] = useQuery({ query: CHOICES });
  const [form, setForm] = useState(EMPTY);
  const [{ fetching, error }, invite] = useMutation(INVITE);
  const [saved, setSaved] = useState<string | undefined>();
  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setForm((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const result = await invite({
      input: {
        email: form.email,
        name: form.name,
        role: form.role,
        locale: form.locale,
        ...(form.role === 'COUNTRY_FOCAL_POINT' ? { countryCode: form.countryCode || null } : {}),
        ...(form.role === 'MEMBER_FOCAL_POINT'
          ? { organizationId: form.organizationId || null }
          : {}),
      },
    });
    if (result.data) {
      setSaved(t('secretariat.users.invited', { email: result.data.inviteUser.email }));
      setForm(EMPTY);
      onInvited();
    }
  }

  const problems = fieldProblemsOf(error);
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('secretariat.users.inviteTitle')}</h2>
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
          <Field name="email" label={t('secretariat.users.email')} problem={problems.email}>
            {(props) => (
              <input
                {...props}
                type="email"
                autoComplete="off"
                required
                value={form.email}
                onChange={(event) => set('email')(event.target.value)}
              />
            )}
          </Field>
          <Field name="name" label={t('secretariat.users.name')} problem={problems.name}>
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="off"
                required
                value={form.name}
                onChange={(event) => set('name')(event.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="sec-inline-form">
          <Field name="role" label={t('secretariat.users.role')} problem={problems.role}>
            {(props) => (
              <select
                {...props}
                value={form.role}
                onChange={(event) => set('role')(event.target.value)}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`role.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {form.role === 'COUNTRY_FOCAL_POINT' && (
            <Field
              name="countryCode"
              label={t('secretariat.users.country')}
              problem={problems.countryCode}
            >
              {(props) => (
                <select
                  {...props}
                  value={form.countryCode}
                  onChange={(event) => set('countryCode')(event.target.value)}
                >
                  <option value="">{t('secretariat.choose')}</option>
                  {choices?.countries.map((country) => (
                    <option key={country.code} value={country.code}>
                      {country.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {form.role === 'MEMBER_FOCAL_POINT' && (
            <Field
              name="organizationId"
              label={t('secretariat.users.organization')}
              problem={problems.organizationId}
            >
              {(props) => (
                <select
                  {...props}
                  value={form.organizationId}
                  onChange={(event) => set('organizationId')(event.target.value)}
                >
                  <option value="">{t('secretariat.choose')}</option>
                  {choices?.organizations
                    .filter((organization) => organization.active)
                    .map((organization) => (
                      <option key={organization.id} value={organization.id}>
                        {organization.name}
                      </option>
                    ))}
                </select>
              )}
            </Field>
          )}
          <Field
            name="locale"
            label={t('secretariat.users.language')}
            hint={t('secretariat.users.languageHint')}
            problem={problems.locale}
          >
            {(props) => (
              <select
                {...props}
                value={form.locale}
                onChange={(event) => set('locale')(event.target.value)}
              >
                <option value="ES">{t('secretariat.users.spanish')}</option>
                <option value="EN">{t('secretariat.users.english')}</option>
              </select>
            )}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('secretariat.users.invite')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The accounts, by e-mail: who they are, their state, and a way to disable or enable each. */
export default function Users() {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: USERS });
  const [changing, setActive] = useMutation(SET_ACTIVE);
  const [refusal, setRefusal] = useState<{ id: string; message: string } | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  async function toggle(id: string, email: string, active: boolean) {
    setRefusal(undefined);
    setDone(undefined);
    const result = await setActive({ userId: id, active });
    if (result.error) {
      setRefusal({ id, message: messageOf(result.error) ?? '' });
      return;
    }
    setDone(t(active ? 'secretariat.users.enabled' : 'secretariat.users.disabled', { email }));
  }

  const users = data?.users ?? [];
  return (
    <>
      <h1>{t('nav.users')}</h1>
      <InviteForm onInvited={reload} />
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t('secretariat.users.listTitle')}</h2>
        <div aria-live="polite">
          {done && (
            <p className="notice notice-success" role="status">
              {done}
            </p>
          )}
        </div>
        <DataState fetching={fetching} error={error} empty={users.length === 0} retry={reload}>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('secretariat.users.name')}</th>
                <th scope="col">{t('secretariat.users.email')}</th>
                <th scope="col">{t('secretariat.users.role')}</th>
                <th scope="col">{t('secretariat.users.bound')}</th>
                <th scope="col">{t('secretariat.users.state')}</th>
                <th scope="col">{t('secretariat.users.lastSignedIn')}</th>
                <th scope="col">{t('secretariat.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td data-label={t('secretariat.users.name')}>{user.name ?? '—'}</td>
                  <td data-label={t('secretariat.users.email')}>{user.email}</td>
                  <td data-label={t('secretariat.users.role')}>{t(`role.${user.role}`)}</td>
                  <td data-label={t('secretariat.users.bound')}>
                    {user.country?.name ?? user.organization?.name ?? '—'}
                  </td>
                  <td data-label={t('secretariat.users.state')}>
                    <span className={`status status-${user.active ? 'green' : 'grey'}`}>
                      {t(user.active ? 'secretariat.users.active' : 'secretariat.users.inactive')}
                    </span>{' '}
                    {user.invitationPending && (
                      <span className="status status-amber">{t('secretariat.users.pending')}</span>
                    )}
                  </td>
                  <td data-label={t('secretariat.users.lastSignedIn')}>
                    {user.lastSignedInAt
                      ? format.dateTime(user.lastSignedInAt)
                      : t('secretariat.users.never')}
                  </td>
                  <td data-label={t('secretariat.actions')}>
                    {user.active ? (
                      <ConfirmButton
                        label={t('secretariat.users.disable')}
                        accessibleLabel={t('secretariat.users.disableOf', { email: user.email })}
                        title={t('secretariat.users.disableTitle', { email: user.email })}
                        isDisabled={changing.fetching}
                        onConfirm={() => void toggle(user.id, user.email, false)}
                      >
                        <p>{t('secretariat.users.disableBody')}</p>
                      </ConfirmButton>
                    ) : (
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={changing.fetching}
                        aria-label={t('secretariat.users.enableOf', { email: user.email })}
                        onClick={() => void toggle(user.id, user.email, true)}
                      >
                        {t('secretariat.users.enable')}
                      </button>
                    )}
                    {refusal?.id === user.id && (
                      <p className="sec-row-problem" role="alert">
                        {refusal.message}
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </DataState>
      </section>
    </>
  );
}
