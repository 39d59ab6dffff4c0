import { messageTable } from '../i18n/message';

/** What the organizations module tells people, in English and Spanish. */
export const organizationsMessages = messageTable({
  en: {},
  es: {},
});
