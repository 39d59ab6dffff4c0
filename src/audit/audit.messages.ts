import { messageTable } from '../i18n/message';

/** What the audit module tells people, in English and Spanish. */
export const auditMessages = messageTable({
  en: {
    targetIdFormat: '{{property}} must be an id or a working group code',
  },
  es: {
    targetIdFormat: '{{property}} debe ser un identificador o un código de grupo de trabajo',
  },
});
