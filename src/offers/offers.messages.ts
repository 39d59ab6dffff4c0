import { messageTable } from '../i18n/message';

/** What the offers module tells people, in English and Spanish. */
export const offersMessages = messageTable({
  en: {
    withdrawnNoNewTwinning: 'The offer is WITHDRAWN: it takes no new twinning',
    capacityExhausted_one:
      'The offer has {{remaining}} of its capacity of {{capacity}} left: not enough for {{count}} need',
    capacityExhausted_other:
      'The offer has {{remaining}} of its capacity of {{capacity}} left: not enough for {{count}} needs',
    heldByTwinnings:
      "Live twinnings already hold {{reserved}} of this offer's capacity: it cannot go below that",
    hasLiveTwinnings: 'The offer has live twinnings: cancel or complete them first',
    withdrawn: 'The offer is WITHDRAWN: it cannot be {{action}}',
    actionChanged: 'changed',
    actionWithdrawn: 'withdrawn',
    mayNotManage:
      "Only the secretariat or a focal point of the offer's organization may manage its offers",
    workingGroupCodesFormat: '{{property}} must hold working group codes',
    countryCodesFormat: '{{property}} must hold ISO 3166-1 alpha-2 codes',
  },
  es: {
    withdrawnNoNewTwinning: 'La oferta está WITHDRAWN: no admite nuevos hermanamientos',
    capacityExhausted_one:
      'La capacidad disponible de la oferta es {{remaining}} de {{capacity}}: no alcanza para {{count}} necesidad',
    capacityExhausted_other:
      'La capacidad disponible de la oferta es {{remaining}} de {{capacity}}: no alcanza para {{count}} necesidades',
    heldByTwinnings:
      'Los hermanamientos en curso ya ocupan {{reserved}} de la capacidad de esta oferta: no puede reducirse por debajo de esa cifra',
    hasLiveTwinnings: 'La oferta tiene hermanamientos en curso: cancélelos o complételos primero',
    withdrawn: 'La oferta está WITHDRAWN: no puede {{action}}',
    actionChanged: 'modificarse',
    actionWithdrawn: 'retirarse',
    mayNotManage:
      'Solo la secretaría o un punto focal de la organización de la oferta puede gestionar sus ofertas',
    workingGroupCodesFormat: '{{property}} debe contener códigos de grupo de trabajo',
    countryCodesFormat: '{{property}} debe contener códigos ISO 3166-1 alfa-2',
  },
});
