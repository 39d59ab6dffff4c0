import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { messageOf } from './errors';

/**
 * The three states every list and page has besides its content: loading, error (with a
 * way to try again) and empty.
 */
export function DataState({
  fetching,
  error,
  empty,
  retry,
  emptyText,
  children,
}: {
  fetching: boolean;
  error?: CombinedError;
  empty?: boolean;
  retry?: () => void;
  emptyText?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('common.error', { message: messageOf(error) })}</p>
        {retry && (
          <button type="button" className="button" onClick={retry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    );
  }
  if (fetching && empty) {
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  }
  if (empty) return <p className="muted">{emptyText ?? t('common.empty')}</p>;
  return <>{children}</>;
}
