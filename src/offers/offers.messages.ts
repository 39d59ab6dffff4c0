import { messageTable } from '../i18n/message';

/** What the offers module tells people, in English and Spanish. */
export const offersMessages = messageTable({
  en: {
    noNewTwinning: 'The offer is {{status}}: it takes no new twinning',
    capacityExhausted_one:
      'The offer has {{remaining}} of its capacity of {{capacity}} left: not enough for {{count}} need',
    capacityExhausted_other:
      'The offer has {{remaining}} of its capacity of {{capacity}} left: not enough for {{count}} needs',
    heldByTwinnings:
      "Live twinnings already hold {{reserved}} of this offer's capacity: it cannot go below that",
    hasLiveTwinnings: 'The offer has live twinnings: cancel or complete them first',
    notLive: 'The offer is {{status}}: it cannot be {{action}}',
    notLiveExpired: 'The offer is {{status}}: it cannot be {{action}} (renew it first)',
    actionChanged: 'changed',
    actionWithdrawn: 'withdrawn',
    actionReserved: 'given new twinnings',
    actionReleased: 'given capacity back',
    actionExpired: 'expired',
    actionRenewed: 'renewed',
    mayNotManage:
      "Only the secretariat or a focal point of the offer's organization may manage its offers",
    workingGroupCodesFormat: '{{property}} must hold working group codes',
    countryCodesFormat: '{{property}} must hold ISO 3166-1 alpha-2 codes',
  },
  es: {
    noNewTwinning: 'La oferta está {{status}}: no admite nuevos hermanamientos',
    capacityExhausted_one:
      'La capacidad disponible de la oferta es {{remaining}} de {{capacity}}: no alcanza para {{count}} necesidad',
    capacityExhausted_other:
      'La capacidad disponible de la oferta es {{remaining}} de {{capacity}}: no alcanza para {{count}} necesidades',
    heldByTwinnings:
      'Los hermanamientos en curso ya ocupan {{reserved}} de la capacidad de esta oferta: no puede reducirse por debajo de esa cifra',
    hasLiveTwinnings: 'La oferta tiene hermanamientos en curso: cancélelos o complételos primero',
    notLive: 'La oferta está {{status}}: no puede {{action}}',
    notLiveExpired: 'La oferta está {{status}}: no puede {{action}} (renuévela primero)',
    actionChanged: 'modificarse',
    actionWithdrawn: 'retirarse',
    actionReserved: 'recibir nuevos hermanamientos',
    actionReleased: 'recuperar capacidad',
    actionExpired: 'vencer',
    actionRenewed: 'renovarse',
    mayNotManage:
      'Solo la secretaría o un punto focal de la organización de la oferta puede gestionar sus ofertas',
    workingGroupCodesFormat: '{{property}} debe contener códigos de grupo de trabajo',
    countryCodesFormat: '{{property}} debe contener códigos ISO 3166-1 alfa-2',
  },
});
