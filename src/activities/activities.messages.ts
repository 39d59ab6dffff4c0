import { messageTable } from '../i18n/message';

/** What the activities module tells people, in English and Spanish. */
export const activitiesMessages = messageTable({
  en: {},
  es: {},
});
