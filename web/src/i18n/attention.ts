import { area } from './area';

/** The words of the attention list (homes and the secretariat's overview). */
export const attentionWords = area({
  es: {
    title: 'Requiere atención',
    intro: 'Lo que espera que usted actúe, lo más urgente primero.',
    none: 'Nada requiere su atención por ahora.',
    level: { AMBER: 'Requiere atención', RED: 'Urgente' },
    NEED_UNMATCHED_one: '«{{title}}» lleva {{count}} día sin propuestas.',
    NEED_UNMATCHED_other: '«{{title}}» lleva {{count}} días sin propuestas.',
    PROPOSAL_UNANSWERED_one: 'La propuesta «{{title}}» espera respuesta desde hace {{count}} día.',
    PROPOSAL_UNANSWERED_other:
      'La propuesta «{{title}}» espera respuesta desde hace {{count}} días.',
    TWINNING_WITHOUT_ACTIVITY_one:
      'El hermanamiento «{{title}}» no tiene actividades desde su confirmación, hace {{count}} día.',
    TWINNING_WITHOUT_ACTIVITY_other:
      'El hermanamiento «{{title}}» no tiene actividades desde su confirmación, hace {{count}} días.',
    FOLLOW_UP_OVERDUE_one:
      'El seguimiento del hermanamiento «{{title}}» está vencido desde hace {{count}} día.',
    FOLLOW_UP_OVERDUE_other:
      'El seguimiento del hermanamiento «{{title}}» está vencido desde hace {{count}} días.',
    POSTING_EXPIRING: '«{{title}}» vence el {{date}}. Renuévela si sigue vigente.',
    more: 'Ver la lista completa',
  },
  en: {
    title: 'Needs attention',
    intro: 'What waits for you to act, most urgent first.',
    none: 'Nothing needs your attention for now.',
    level: { AMBER: 'Needs attention', RED: 'Urgent' },
    NEED_UNMATCHED_one: '“{{title}}” has had no proposal for {{count}} day.',
    NEED_UNMATCHED_other: '“{{title}}” has had no proposal for {{count}} days.',
    PROPOSAL_UNANSWERED_one: 'The proposal “{{title}}” has waited {{count}} day for an answer.',
    PROPOSAL_UNANSWERED_other: 'The proposal “{{title}}” has waited {{count}} days for an answer.',
    TWINNING_WITHOUT_ACTIVITY_one:
      'The twinning “{{title}}” has had no activity since it was confirmed, {{count}} day ago.',
    TWINNING_WITHOUT_ACTIVITY_other:
      'The twinning “{{title}}” has had no activity since it was confirmed, {{count}} days ago.',
    FOLLOW_UP_OVERDUE_one:
      'The follow-up of the twinning “{{title}}” has been overdue for {{count}} day.',
    FOLLOW_UP_OVERDUE_other:
      'The follow-up of the twinning “{{title}}” has been overdue for {{count}} days.',
    POSTING_EXPIRING: '“{{title}}” expires on {{date}}. Renew it if it still stands.',
    more: 'See the whole list',
  },
});
