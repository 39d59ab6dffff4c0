import { useFormat } from '../../components/format';

/**
 * A day stored as 00:00 UTC (a measurement's date, a target date) in the page's language,
 * read in UTC: west of Greenwich the local clock would show the day before.
 */
export function useDay() {
  const { locale } = useFormat();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (iso: string | number | null | undefined) =>
    iso === null || iso === undefined || iso === '' ? '' : format.format(new Date(iso));
}
