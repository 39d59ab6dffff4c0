import { messageTable } from '../i18n/message';

/** What the audit module tells people, in English and Spanish. */
export const auditMessages = messageTable({
  en: {},
  es: {},
});
