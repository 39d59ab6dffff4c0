import { messageTable } from '../i18n/message';

/** What the twinnings module tells people, in English and Spanish. */
export const twinningsMessages = messageTable({
  en: {},
  es: {},
});
