import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The lists the service exports (GET /exports/<list>.<csv|xlsx>). */
export type ExportList = 'needs' | 'offers' | 'twinnings' | 'activities' | 'coverage' | 'pledges';

/** The address of an export: the list's filters (empty ones left out) and the console's language. */
export function exportUrl(
  file: string,
  filters: Record<string, string | undefined>,
  language: string,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  query.set('lang', language === 'en' ? 'en' : 'es');
  return `/exports/${file}?${query.toString()}`;
}

/**
 * Two links that download the list as it is filtered now, as CSV and as XLSX; the browser
 * sends the session cookie, and the service applies the same filters and visibility as the
 * list itself.
 */
export function ExportLinks({
  list,
  filters,
  label,
}: {
  list: ExportList;
  filters: Record<string, string | undefined>;
  label?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="export-links" role="group" aria-label={label ?? t('exports.label')}>
      <span aria-hidden="true">{label ?? t('exports.label')}:</span>
      <a
        className="button-secondary"
        href={exportUrl(`${list}.csv`, filters, i18n.language)}
        download
        aria-label={t('exports.csvLabel')}
      >
        {t('exports.csv')}
      </a>
      <a
        className="button-secondary"
        href={exportUrl(`${list}.xlsx`, filters, i18n.language)}
        download
        aria-label={t('exports.xlsxLabel')}
      >
        {t('exports.xlsx')}
      </a>
    </div>
  );
}

/** The annual report of a calendar year (secretariat and observers), as XLSX. */
export function AnnualReportDownload() {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const years = Array.from({ length: 5 }, (_, index) => thisYear - index);
  const href = exportUrl(
    'annual-report.xlsx',
    { from: `${year}-01-01T00:00:00.000Z`, to: `${year + 1}-01-01T00:00:00.000Z` },
    i18n.language,
  );
  return (
    <section aria-labelledby="annual-report-title">
      <h2 id="annual-report-title">{t('exports.annualTitle')}</h2>
      <p className="muted">{t('exports.annualIntro')}</p>
      <div className="export-links">
        <label htmlFor="annual-report-year">{t('exports.year')}</label>
        <select
          id="annual-report-year"
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {years.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <a className="button" href={href} download>
          {t('exports.annualDownload')}
        </a>
      </div>
    </section>
  );
}
