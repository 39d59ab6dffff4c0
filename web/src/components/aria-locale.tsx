import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components/I18nProvider';

/**
 * React Aria's own words (a drop zone's hidden button, a meter's number) and number formats
 * in the console's language. Each widget that uses React Aria wraps itself in it, so that
 * React Aria loads with the signed-in screens only, never with the sign-in page.
 */
export function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // The locales useFormat writes numbers in: the same percentages on both.
  return <I18nProvider locale={i18n.language === 'en' ? 'en' : 'es'}>{children}</I18nProvider>;
}
