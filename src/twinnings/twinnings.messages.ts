import { messageTable } from '../i18n/message';

/** What the twinnings module tells people, in English and Spanish. */
export const twinningsMessages = messageTable({
  en: {
    // The state table (twinning-state.ts): an action the status does not allow.
    invalidTransition: 'The twinning is {{status}}: it cannot be {{action}} now ({{hint}})',
    actionRespond: 'answered',
    actionAccept: 'accepted',
    actionDecline: 'declined',
    actionConfirm: 'confirmed',
    actionComplete: 'completed',
    actionCancel: 'cancelled',
    actionRecordActivity: 'given activities',
    actionExpire: 'expired',
    hintProposed: 'it waits for every party to answer',
    hintAccepted: 'it waits for the secretariat to confirm it',
    hintConfirmed: 'it is under way',
    hintFinal: 'that is final',
    // Answers.
    alreadyAnswered: 'The side of {{side}} has already answered {{response}}',
    offerOrganization: "the offer's organization",
    // Proposals: ids that name nothing.
    noSuchOffer: 'no offer has the id "{{id}}"',
    noSuchNeed: 'no need has the id "{{id}}"',
    // Completion: a need to reopen that the twinning does not serve.
    notItsNeed: 'the need "{{id}}" is not one of this twinning\'s needs',
    // Who may do what (twinning.policy.ts).
    onlyProposers:
      "Only the secretariat, a focal point of the offer's organization or a focal point of a country whose need is listed may propose this twinning",
    onlyPartiesRespond:
      'Only a party answers for its own side: you are not a focal point of any party to this twinning',
    onlySecretariatConfirms: 'Only the secretariat confirms a twinning',
    onlyCompleters:
      "Only the secretariat or a focal point of the offer's organization may complete a twinning",
    onlySecretariatOrParty: 'Only the secretariat or a party to the twinning may {{action}}',
    cancelIt: 'cancel it',
    // Why a need and an offer may not be twinned (matching/engine/fit.ts): a proposal's CONFLICT.
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
  },
  es: {
    invalidTransition:
      'El hermanamiento está en estado {{status}}: ahora no es posible {{action}} ({{hint}})',
    actionRespond: 'responderlo',
    actionAccept: 'aceptarlo',
    actionDecline: 'rechazarlo',
    actionConfirm: 'confirmarlo',
    actionComplete: 'completarlo',
    actionCancel: 'cancelarlo',
    actionRecordActivity: 'registrarle actividades',
    actionExpire: 'darlo por vencido',
    hintProposed: 'espera la respuesta de todas las partes',
    hintAccepted: 'espera que la secretaría lo confirme',
    hintConfirmed: 'está en curso',
    hintFinal: 'ese estado es definitivo',
    alreadyAnswered: 'La parte de {{side}} ya respondió: {{response}}',
    offerOrganization: 'la organización de la oferta',
    noSuchOffer: 'ninguna oferta tiene el identificador "{{id}}"',
    noSuchNeed: 'ninguna necesidad tiene el identificador "{{id}}"',
    notItsNeed: 'la necesidad "{{id}}" no es una de las necesidades de este hermanamiento',
    onlyProposers:
      'Solo la secretaría, un punto focal de la organización de la oferta o un punto focal de un país cuya necesidad esté incluida pueden proponer este hermanamiento',
    onlyPartiesRespond:
      'Cada parte responde solo por sí misma: usted no es punto focal de ninguna de las partes de este hermanamiento',
    onlySecretariatConfirms: 'Solo la secretaría confirma un hermanamiento',
    onlyCompleters:
      'Solo la secretaría o un punto focal de la organización de la oferta pueden completar un hermanamiento',
    onlySecretariatOrParty: 'Solo la secretaría o una parte del hermanamiento pueden {{action}}',
    cancelIt: 'cancelarlo',
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
      'Plazas libres de la oferta: {{remaining}} de {{capacity}}; no alcanzan para {{count}} necesidad',
    fitCapacity_other:
      'Plazas libres de la oferta: {{remaining}} de {{capacity}}; no alcanzan para {{count}} necesidades',
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
  },
});
