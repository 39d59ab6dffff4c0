import { messageTable } from '../i18n/message';

/** What the offers module tells people, in English and Spanish. */
export const offersMessages = messageTable({
  en: {},
  es: {},
});
