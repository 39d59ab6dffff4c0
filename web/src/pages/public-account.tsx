import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { fieldProblemsOf, messageOf } from '../components/errors';
import { ErrorSummary, Field } from '../components/form';
import { LanguageSwitch } from '../components/shell';
import { graphql } from '../graphql';
import { useSession } from '../session';
import './account/account.css';

const ACCEPT_INVITATION = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      user {
        id
      }
    }
  }
`);

const RESET_PASSWORD = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      user {
        id
      }
    }
  }
`);

const REQUEST_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** The frame of a page for people not signed in: the platform's name and the language switch. */
function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="sign-in public-page">
      <header className="top-bar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-service">{t('app.service')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="content">
        <div className="card narrow">{children}</div>
      </main>
    </div>
  );
}

/**
 * Choosing a password from an e-mailed link (an invitation or a reset): the service signs the
 * person in (the session cookie), then the console opens at home.
 */
function ChoosePassword({ kind }: { kind: 'invitation' | 'reset' }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [accepting, accept] = useMutation(ACCEPT_INVITATION);
  const [resetting, reset] = useMutation(RESET_PASSWORD);
  const { fetching, error } = kind === 'invitation' ? accepting : resetting;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result =
      kind === 'invitation' ? await accept({ token, password }) : await reset({ token, password });
    if (result.error) return;
    refresh();
    await navigate('/', { replace: true });
  }

  const { token: tokenProblem, ...problems } = fieldProblemsOf(error);
  const message = tokenProblem ?? (Object.keys(problems).length ? undefined : messageOf(error));
  const title = kind === 'invitation' ? 'invitationTitle' : 'resetTitle';
  return (
    <>
      <h1>{t(`account.public.${title}`)}</h1>
      {!token ? (
        <p className="notice notice-error">{t('account.public.noToken')}</p>
      ) : (
        <>
          <p className="muted">
            {t(
              kind === 'invitation'
                ? 'account.public.invitationIntro'
                : 'account.public.resetIntro',
            )}
          </p>
          <ErrorSummary problems={problems} message={message} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Field
              name="password"
              label={t('account.public.password')}
              hint={t('account.public.passwordHint')}
              problem={problems.password}
            >
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="new-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="button" disabled={fetching}>
                {fetching
                  ? t('account.public.working')
                  : t(
                      kind === 'invitation'
                        ? 'account.public.invitationSubmit'
                        : 'account.public.resetSubmit',
                    )}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        {kind === 'reset' && (
          <>
            <Link to="/forgot-password">{t('account.public.forgotAgain')}</Link>
            {' · '}
          </>
        )}
        <Link to="/">{t('account.public.signIn')}</Link>
      </p>
    </>
  );
}

/** Asks for a reset link; the answer never tells whether the address has an account. */
function ForgotPassword() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [{ fetching, error }, request] = useMutation(REQUEST_RESET);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    const result = await request({ email });
    if (!result.error) setSent(true);
  }

  const problems = fieldProblemsOf(error);
  return (
    <>
      <h1>{t('account.public.forgotTitle')}</h1>
      <p className="muted">{t('account.public.forgotIntro')}</p>
      <ErrorSummary
        problems={problems}
        message={Object.keys(problems).length ? undefined : messageOf(error)}
      />
      <div role="status">
        {sent && <p className="notice notice-success">{t('account.public.forgotSent')}</p>}
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field name="email" label={t('account.public.email')} problem={problems.email}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? t('account.public.working') : t('account.public.forgotSubmit')}
          </button>
        </div>
      </form>
      <p>
        <Link to="/">{t('account.public.signIn')}</Link>
      </p>
    </>
  );
}

/** The pages reached from an e-mail or from the sign-in page, outside the signed-in console. */
export default function PublicAccount({ page }: { page: 'invitation' | 'reset' | 'forgot' }) {
  return (
    <PublicFrame>
      {page === 'forgot' ? <ForgotPassword /> : <ChoosePassword kind={page} />}
    </PublicFrame>
  );
}
