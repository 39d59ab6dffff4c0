import { messageTable } from '../i18n/message';

/** What the reports module tells people, in English and Spanish. */
export const reportsMessages = messageTable({
  en: {},
  es: {},
});
