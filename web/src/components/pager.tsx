import { useTranslation } from 'react-i18next';

/**
 * Keyset paging of a connection: the cursors of the pages seen so far, so Previous goes
 * back and Next goes on from `endCursor`.
 */
export function Pager({
  cursors,
  setCursors,
  pageInfo,
  shown,
  total,
}: {
  cursors: (string | null)[];
  setCursors: (cursors: (string | null)[]) => void;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  shown: number;
  total: number | undefined;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('common.paging')}>
      <button
        type="button"
        className="button-secondary"
        disabled={cursors.length <= 1}
        onClick={() => setCursors(cursors.slice(0, -1))}
      >
        {t('common.previous')}
      </button>
      {total !== undefined && <span>{t('common.showing', { shown, total })}</span>}
      <button
        type="button"
        className="button-secondary"
        disabled={!pageInfo?.hasNextPage}
        onClick={() => setCursors([...cursors, pageInfo?.endCursor ?? null])}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
