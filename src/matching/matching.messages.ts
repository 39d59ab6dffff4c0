import { messageTable } from '../i18n/message';

/** What the matching module tells people, in English and Spanish. */
export const matchingMessages = messageTable({
  en: {
    // Why a suggestion scores as it does (engine/reasons.ts): ScoreReason.detail.
    topicOnly: 'serves {{group}} only',
    topicAmong: 'serves {{group}} among {{groups}} working groups',
    modalityCovered: 'offers {{covered}}, the need asks {{asked}}',
    modalityNone: 'offers none of {{asked}}',
    languages: 'speaks {{languages}}',
    timing_one: "available for {{percent}} of the need's window of {{count}} days",
    timing_other: "available for {{percent}} of the need's window of {{count}} days",
    noWindow: 'the need sets no complete time window',
    eligibilityNamed: 'names {{country}} among the states it serves',
    eligibilityOpen: 'open to every MIRPS state',
    sharedTerms: 'shared terms: {{terms}}',
    noSharedTerms: 'no shared terms',
    capacity: '{{remaining}} of {{capacity}} places left',
  },
  es: {
    topicOnly: 'atiende solo el grupo de trabajo {{group}}',
    topicAmong: 'atiende {{group}} entre {{groups}} grupos de trabajo',
    modalityCovered: 'ofrece {{covered}}; la necesidad pide {{asked}}',
    modalityNone: 'no ofrece ninguna de estas modalidades: {{asked}}',
    languages: 'habla {{languages}}',
    timing_one: 'disponible durante el {{percent}} del periodo de {{count}} día de la necesidad',
    timing_other: 'disponible durante el {{percent}} del periodo de {{count}} días de la necesidad',
    noWindow: 'la necesidad no fija un periodo completo',
    eligibilityNamed: 'incluye a {{country}} entre los Estados que atiende',
    eligibilityOpen: 'abierta a todos los Estados del MIRPS',
    sharedTerms: 'términos en común: {{terms}}',
    noSharedTerms: 'ningún término en común',
    capacity: 'plazas disponibles: {{remaining}} de {{capacity}}',
  },
});
