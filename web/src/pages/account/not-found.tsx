import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An address the console does not know (signed in). */
export default function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="card narrow">
      <h1>{t('account.notFound.title')}</h1>
      <p>{t('account.notFound.body')}</p>
      <p>
        <Link to="/" className="button">
          {t('account.notFound.home')}
        </Link>
      </p>
    </div>
  );
}
