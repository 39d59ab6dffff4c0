import { messageTable } from '../i18n/message';

/** What the reference module tells people, in English and Spanish. */
export const referenceMessages = messageTable({
  en: {},
  es: {},
});
