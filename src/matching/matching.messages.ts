import { messageTable } from '../i18n/message';

/** What the matching module tells people, in English and Spanish. */
export const matchingMessages = messageTable({
  en: {
    // Why a need and an offer may not be twinned (engine/fit.ts): a proposal's CONFLICT.
    fitNeedSubject: 'The need',
    fitNeedSubjectTitled: 'The need "{{title}}"',
    fitNeedObject: 'the need',
    fitNeedObjectTitled: 'the need "{{title}}"',
    fitNeedNotOpen: '{{theNeed}} is {{status}}: only an OPEN need can join a twinning',
    fitNeedNotOpenUnknown: '{{theNeed}} is not OPEN: only an OPEN need can join a twinning',
    fitOfferNotOpen: 'The offer is {{status}}: it takes no new twinning',
    fitOfferNotOpenUnknown: 'The offer is not open: it takes no new twinning',
    fitCapacity_one:
      'The offer has {{remaining}} of its capacity of {{capacity}} left: not enough for {{count}} need',
    fitCapacity_other:
      'The offer has {{remaining}} of its capacity of {{capacity}} left: not enough for {{count}} needs',
    fitNotEligible: 'The offer is open to {{countries}}, not to {{country}} ({{theNeed}})',
    fitNotMirps: 'The offer is open to every MIRPS state, and {{country}} is not one ({{theNeed}})',
    fitWrongTopic:
      '{{theNeed}} is filed under {{group}}, which the offer does not serve ({{groups}})',
    fitNoCommonLanguage:
      'The offer speaks {{offerLanguages}}, none of the languages of {{theNeed}} ({{needLanguages}})',
    fitNoLanguage: 'no language',
    fitDatesDoNotOverlap:
      'The offer is available {{offerPeriod}}, outside the window of {{theNeed}} ({{needPeriod}})',
    fitAnyTime: 'at any time',
    fitUntil: 'until {{to}}',
    fitFrom: 'from {{from}}',
    fitBetween: 'from {{from}} to {{to}}',
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
    fitNeedSubject: 'La necesidad',
    fitNeedSubjectTitled: 'La necesidad "{{title}}"',
    fitNeedObject: 'la necesidad',
    fitNeedObjectTitled: 'la necesidad "{{title}}"',
    fitNeedNotOpen:
      '{{theNeed}} está en estado {{status}}: solo una necesidad OPEN puede formar parte de un hermanamiento',
    fitNeedNotOpenUnknown:
      '{{theNeed}} no está OPEN: solo una necesidad OPEN puede formar parte de un hermanamiento',
    fitOfferNotOpen: 'La oferta está en estado {{status}}: no admite nuevos hermanamientos',
    fitOfferNotOpenUnknown: 'La oferta no está abierta: no admite nuevos hermanamientos',
    fitCapacity_one:
      'A la oferta le quedan {{remaining}} de sus {{capacity}} plazas: no alcanzan para {{count}} necesidad',
    fitCapacity_other:
      'A la oferta le quedan {{remaining}} de sus {{capacity}} plazas: no alcanzan para {{count}} necesidades',
    fitNotEligible: 'La oferta está abierta a {{countries}}, no a {{country}} ({{theNeed}})',
    fitNotMirps:
      'La oferta está abierta a todos los Estados del MIRPS, y {{country}} no es uno de ellos ({{theNeed}})',
    fitWrongTopic: '{{theNeed}} corresponde a {{group}}, que la oferta no atiende ({{groups}})',
    fitNoCommonLanguage:
      'La oferta se brinda en {{offerLanguages}}, ninguno de los idiomas de {{theNeed}} ({{needLanguages}})',
    fitNoLanguage: 'ningún idioma',
    fitDatesDoNotOverlap:
      'La oferta está disponible {{offerPeriod}}, fuera del plazo de {{theNeed}} ({{needPeriod}})',
    fitAnyTime: 'en cualquier momento',
    fitUntil: 'hasta el {{to}}',
    fitFrom: 'desde el {{from}}',
    fitBetween: 'del {{from}} al {{to}}',
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
