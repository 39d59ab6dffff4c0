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
    fitNotMirps:
      'The offer is open to every MIRPS state, and {{country}} is not one ({{theNeed}})',
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
    fitWrongTopic:
      '{{theNeed}} corresponde a {{group}}, que la oferta no atiende ({{groups}})',
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
