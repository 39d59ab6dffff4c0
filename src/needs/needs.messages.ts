import { messageTable } from '../i18n/message';

/** What the needs module tells people, in English and Spanish. */
export const needsMessages = messageTable({
  en: {},
  es: {},
});
