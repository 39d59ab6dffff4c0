import { messageTable } from '../i18n/message';

/** What the matching module tells people, in English and Spanish. */
export const matchingMessages = messageTable({
  en: {
    // Why a suggestion scores as it does (engine/reasons.ts): ScoreReason.detail.
    topicOnly: 'serves the working group {{group}} only',
    topicAmong: 'serves the working group {{group}} among {{groups}}',
    modalityCovered: 'offers {{covered}}, the need asks {{asked}}',
    modalityNone: 'offers none of the modalities the need asks: {{asked}}',
    languages: 'speaks {{languages}}',
    timing_one: "available for {{percent}} of the need's window of {{count}} days",
    timing_other: "available for {{percent}} of the need's window of {{count}} days",
    noWindow: 'the need sets no complete time window',
    eligibilityNamed: 'names {{country}} among the states it serves',
    eligibilityOpen: 'open to every MIRPS state',
    sharedTerms: 'shared terms: {{terms}}',
    noSharedTerms: 'no shared terms',
    capacity: '{{remaining}} of {{capacity}} places left',
    trackRecord_one:
      'its organization averages {{average}} out of 5 over {{count}} twinning rated by the countries',
    trackRecord_other:
      'its organization averages {{average}} out of 5 over {{count}} twinnings rated by the countries',
    noTrackRecord: 'no twinning of its organization rated by the countries yet: neutral',
    modalityTRAINING: 'training',
    modalityPEER_EXCHANGE: 'peer exchange',
    modalityTECHNICAL_ASSISTANCE: 'technical assistance',
    modalitySECONDMENT: 'secondment',
    modalitySTUDY_VISIT: 'study visit',
    modalityWORKSHOP: 'workshop',
    modalityFINANCIAL: 'financial support',
    modalityMATERIAL: 'material support',
  },
  es: {
    topicOnly: 'atiende solo el grupo de trabajo {{group}}',
    topicAmong: 'atiende el grupo de trabajo {{group}} entre {{groups}}',
    modalityCovered: 'ofrece {{covered}}; la necesidad pide {{asked}}',
    modalityNone: 'no ofrece ninguna de las modalidades que pide la necesidad: {{asked}}',
    languages: 'habla {{languages}}',
    timing_one: 'disponible durante el {{percent}} del periodo de {{count}} día de la necesidad',
    timing_other: 'disponible durante el {{percent}} del periodo de {{count}} días de la necesidad',
    noWindow: 'la necesidad no fija un periodo completo',
    eligibilityNamed: 'incluye a {{country}} entre los Estados que atiende',
    eligibilityOpen: 'abierta a todos los Estados del MIRPS',
    sharedTerms: 'términos en común: {{terms}}',
    noSharedTerms: 'ningún término en común',
    capacity: 'cupos disponibles: {{remaining}} de {{capacity}}',
    trackRecord_one:
      'su organización promedia {{average}} sobre 5 en {{count}} hermanamiento valorado por los países',
    trackRecord_other:
      'su organización promedia {{average}} sobre 5 en {{count}} hermanamientos valorados por los países',
    noTrackRecord: 'aún no hay hermanamientos de su organización valorados por los países: neutral',
    modalityTRAINING: 'capacitación',
    modalityPEER_EXCHANGE: 'intercambio entre pares',
    modalityTECHNICAL_ASSISTANCE: 'asistencia técnica',
    modalitySECONDMENT: 'comisión de servicio',
    modalitySTUDY_VISIT: 'visita de estudio',
    modalityWORKSHOP: 'taller',
    modalityFINANCIAL: 'apoyo financiero',
    modalityMATERIAL: 'apoyo material',
  },
});
