import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { DataState } from '../../components/data-state';
import { fieldProblemsOf, messageOf } from '../../components/errors';
import { ErrorSummary, Field } from '../../components/form';
import { graphql, ResultOf } from '../../graphql';
import { useSession } from '../../session';
import { CalendarLink } from '../activities/calendar-link';
import './account.css';

const PROFILE = graphql(`
  query MyProfile {
    me {
      id
      email
      role
      name
      jobTitle
      phone
      locale
      mutedEmailKinds
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

const UPDATE_PROFILE = graphql(`
  mutation UpdateMyProfile($input: UpdateProfileInput!) {
    updateMyProfile(input: $input) {
      id
      name
      jobTitle
      phone
      locale
    }
  }
`);

const UPDATE_EMAILS = graphql(`
  mutation UpdateEmailPreferences($mutedEmailKinds: [NotificationKind!]!) {
    updateEmailPreferences(mutedEmailKinds: $mutedEmailKinds) {
      id
      mutedEmailKinds
    }
  }
`);

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      user {
        id
      }
    }
  }
`);

type Profile = ResultOf<typeof PROFILE>['me'];
type Kind = Profile['mutedEmailKinds'][number];
type Locale = Profile['locale'];

const KINDS: Kind[] = [
  'TWINNING_PROPOSED',
  'TWINNING_ANSWERED',
  'TWINNING_ACCEPTED',
  'TWINNING_CONFIRMED',
  'TWINNING_DECLINED',
  'TWINNING_CANCELLED',
  'TWINNING_COMPLETED',
  'ACTIVITY_UPCOMING',
  'NEW_MATCHES',
  'FOLLOW_UP_DUE',
  'MENTIONED',
];

const orNull = (value: string) => (value.trim() === '' ? null : value);

/** Name, job title, phone and language (the page follows the language saved). */
function Details({ me }: { me: Profile }) {
  const { t } = useTranslation();
  const { changeLanguage, refresh } = useSession();
  const [name, setName] = useState(me.name ?? '');
  const [jobTitle, setJobTitle] = useState(me.jobTitle ?? '');
  const [phone, setPhone] = useState(me.phone ?? '');
  const [locale, setLocale] = useState<Locale>(me.locale);
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, update] = useMutation(UPDATE_PROFILE);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await update({
      input: { name: orNull(name), jobTitle: orNull(jobTitle), phone: orNull(phone), locale },
    });
    if (result.error) return;
    setSaved(true);
    refresh();
    await changeLanguage(locale === 'EN' ? 'en' : 'es');
  }

  const problems = fieldProblemsOf(error);
  return (
    <section className="card" aria-labelledby="profile-details">
      <h2 id="profile-details">{t('account.profile.details')}</h2>
      <dl className="facts">
        <dt>{t('account.profile.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('account.profile.role')}</dt>
        <dd>
          {t(`role.${me.role}`)}
          {me.country ? ` · ${me.country.name}` : ''}
          {me.organization ? ` · ${me.organization.name}` : ''}
        </dd>
      </dl>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary
          problems={problems}
          message={Object.keys(problems).length ? undefined : messageOf(error)}
        />
        <Field name="name" label={t('account.profile.name')} problem={problems.name}>
          {(props) => (
            <input
              {...props}
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field
          name="jobTitle"
          label={t('account.profile.jobTitle')}
          hint={t('account.profile.jobTitleHint')}
          problem={problems.jobTitle}
        >
          {(props) => (
            <input
              {...props}
              autoComplete="organization-title"
              value={jobTitle}
              onChange={(event) => setJobTitle(event.target.value)}
            />
          )}
        </Field>
        <Field
          name="phone"
          label={t('account.profile.phone')}
          hint={t('account.profile.phoneHint')}
          problem={problems.phone}
        >
          {(props) => (
            <input
              {...props}
              type="tel"
              autoComplete="tel"
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
            />
          )}
        </Field>
        <Field
          name="locale"
          label={t('account.profile.language')}
          hint={t('account.profile.languageHint')}
          problem={problems.locale}
        >
          {(props) => (
            <select
              {...props}
              value={locale}
              onChange={(event) => setLocale(event.target.value as Locale)}
            >
              <option value="ES" lang="es">
                {t('account.language.ES')}
              </option>
              <option value="EN" lang="en">
                {t('account.language.EN')}
              </option>
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('account.profile.save')}
          </button>
        </div>
        <div role="status">
          {saved && <p className="notice notice-success">{t('account.profile.saved')}</p>}
        </div>
      </form>
    </section>
  );
}

/** One checkbox per kind of notification: checked, it is also e-mailed. */
function EmailPreferences({ me }: { me: Profile }) {
  const { t } = useTranslation();
  const [muted, setMuted] = useState<Set<Kind>>(new Set(me.mutedEmailKinds));
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, update] = useMutation(UPDATE_EMAILS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await update({ mutedEmailKinds: KINDS.filter((kind) => muted.has(kind)) });
    if (!result.error) setSaved(true);
  }

  return (
    <section className="card" aria-labelledby="profile-emails">
      <h2 id="profile-emails">{t('account.profile.emails')}</h2>
      <p className="muted">{t('account.profile.emailsIntro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={{}} message={messageOf(error)} />
        <fieldset className="checks" style={{ flexDirection: 'column' }}>
          <legend>{t('account.profile.emailsLegend')}</legend>
          {KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                name="emailKinds"
                value={kind}
                checked={!muted.has(kind)}
                onChange={(event) => {
                  const next = new Set(muted);
                  if (event.target.checked) next.delete(kind);
                  else next.add(kind);
                  setMuted(next);
                  setSaved(false);
                }}
              />
              {t(`account.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('account.profile.saveEmails')}
          </button>
        </div>
        <div role="status">
          {saved && <p className="notice notice-success">{t('account.profile.emailsSaved')}</p>}
        </div>
      </form>
    </section>
  );
}

/** The current password and a new one; the session goes on with the new token's cookie. */
function ChangePassword() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, change] = useMutation(CHANGE_PASSWORD);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await change({ currentPassword, newPassword });
    if (result.error) return;
    setCurrent('');
    setNew('');
    setSaved(true);
  }

  const problems = fieldProblemsOf(error);
  return (
    <section className="card" aria-labelledby="profile-password">
      <h2 id="profile-password">{t('account.profile.password')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary
          problems={problems}
          message={Object.keys(problems).length ? undefined : messageOf(error)}
        />
        <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
        <Field
          name="currentPassword"
          label={t('account.profile.currentPassword')}
          problem={problems.currentPassword}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(event) => setCurrent(event.target.value)}
            />
          )}
        </Field>
        <Field
          name="newPassword"
          label={t('account.profile.newPassword')}
          hint={t('account.profile.newPasswordHint')}
          problem={problems.newPassword}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(event) => setNew(event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('account.profile.changePassword')}
          </button>
        </div>
        <div role="status">
          {saved && <p className="notice notice-success">{t('account.profile.passwordChanged')}</p>}
        </div>
      </form>
    </section>
  );
}

/** The person's own page: details, language, e-mails, password, calendar link. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PROFILE });
  const [me, setMe] = useState<Profile | undefined>();
  // The forms start from the first answer and keep what is typed after that.
  useEffect(() => {
    if (data && !me) setMe(data.me);
  }, [data, me]);
  return (
    <>
      <h1>{t('account.profile.title')}</h1>
      <DataState
        fetching={fetching}
        error={error}
        empty={!me}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        {me && (
          <div className="profile-grid">
            <div>
              <Details me={me} />
              <ChangePassword />
            </div>
            <div>
              <EmailPreferences me={me} />
              <CalendarLink />
            </div>
          </div>
        )}
      </DataState>
    </>
  );
}
