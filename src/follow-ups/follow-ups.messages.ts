import { messageTable } from '../i18n/message';

/** What the follow-ups module tells people, in English and Spanish. */
export const followUpsMessages = messageTable({
  en: {
    onlyPartiesAnswer:
      'Only a party answers a follow-up, for its own side: you are not a focal point of any party to this twinning',
    alreadyAnswered: 'The side of {{side}} has already answered this follow-up',
  },
  es: {
    onlyPartiesAnswer:
      'Cada parte responde el seguimiento solo por sí misma: usted no es punto focal de ninguna de las partes de este hermanamiento',
    alreadyAnswered: 'La parte de {{side}} ya respondió este seguimiento',
  },
});
