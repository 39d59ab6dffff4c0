import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { LanguageSwitch } from '../components/shell';
import { ErrorSummary, Field } from '../components/form';
import { fieldProblemsOf, messageOf } from '../components/errors';
import { graphql } from '../graphql';
import { useSession } from '../session';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      user {
        id
      }
    }
  }
`);

/**
 * Sign-in: labelled e-mail and password. The service answers with a session cookie this
 * page cannot read; a refusal shows the service's message in the page's language.
 */
export default function SignIn() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, login] = useMutation(LOGIN);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await login({ email, password });
    if (!result.error) {
      refresh();
      await navigate('/', { replace: true });
    }
  }

  const problems = fieldProblemsOf(error);
  return (
    <div className="sign-in">
      <header className="top-bar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-service">{t('app.service')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="content">
        <div className="card narrow">
          <h1>{t('signIn.title')}</h1>
          <p className="muted">{t('signIn.intro')}</p>
          <ErrorSummary problems={problems} message={messageOf(error)} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Field name="email" label={t('signIn.email')} problem={problems.email}>
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
            <Field name="password" label={t('signIn.password')} problem={problems.password}>
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="button" disabled={fetching}>
                {fetching ? t('signIn.working') : t('signIn.submit')}
              </button>
              <Link to="/forgot-password">{t('signIn.forgot')}</Link>
            </div>
          </form>
        </div>
      </main>
    </div>
  );
}
