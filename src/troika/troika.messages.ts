import { messageTable } from '../i18n/message';

/** What the troika module tells people, in English and Spanish. */
export const troikaMessages = messageTable({
  en: {
    overlapping:
      'Another term in this seat ({{organization}}, from {{from, datetime(dateStyle: long; timeZone: UTC)}}) covers part of this period: end it first',
  },
  es: {
    overlapping:
      'Otro periodo en este puesto ({{organization}}, desde el {{from, datetime(dateStyle: long; timeZone: UTC)}}) cubre parte de estas fechas: ciérrelo primero',
  },
});
