import { messageTable } from '../i18n/message';

/** What the matching module tells people, in English and Spanish. */
export const matchingMessages = messageTable({
  en: {},
  es: {},
});
