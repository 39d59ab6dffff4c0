import { messageTable } from '../i18n/message';

/** What the accounts module tells people, in English and Spanish. */
export const accountsMessages = messageTable({
  en: {},
  es: {},
});
