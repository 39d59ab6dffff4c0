import { messageTable } from '../i18n/message';

/** What the needs module tells people, in English and Spanish. */
export const needsMessages = messageTable({
  en: {
    notInStatus: 'The need "{{title}}" is {{status}}, not {{expected}}',
    notOpen: 'The need is {{status}}: only an OPEN need can be {{action}}',
    notOpenInTwinning:
      'The need is {{status}}: only an OPEN need can be {{action}} (cancel its twinning first)',
    notOpenExpired: 'The need is {{status}}: only an OPEN need can be {{action}} (renew it first)',
    invalidTransition: 'The need is {{status}}: it cannot be {{action}}',
    actionChanged: 'changed',
    actionWithdrawn: 'withdrawn',
    actionTaken: 'taken into a twinning',
    actionReleased: 'given back by a twinning',
    actionFulfilled: 'fulfilled',
    actionExpired: 'expired',
    actionRenewed: 'renewed',
    mayNotManage: 'Only the secretariat or a focal point of {{countryCode}} may manage its needs',
  },
  es: {
    notInStatus: 'La necesidad "{{title}}" está {{status}}, no {{expected}}',
    notOpen: 'La necesidad está {{status}}: solo una necesidad OPEN puede {{action}}',
    notOpenInTwinning:
      'La necesidad está {{status}}: solo una necesidad OPEN puede {{action}} (cancele primero su hermanamiento)',
    notOpenExpired:
      'La necesidad está {{status}}: solo una necesidad OPEN puede {{action}} (renuévela primero)',
    invalidTransition: 'La necesidad está {{status}}: no puede {{action}}',
    actionChanged: 'modificarse',
    actionWithdrawn: 'retirarse',
    actionTaken: 'formar parte de un hermanamiento',
    actionReleased: 'liberarse de un hermanamiento',
    actionFulfilled: 'darse por atendida',
    actionExpired: 'vencer',
    actionRenewed: 'renovarse',
    mayNotManage:
      'Solo la secretaría o un punto focal de {{countryCode}} puede gestionar sus necesidades',
  },
});
