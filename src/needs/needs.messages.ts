import { messageTable } from '../i18n/message';

/** What the needs module tells people, in English and Spanish. */
export const needsMessages = messageTable({
  en: {
    notInStatus: 'The need "{{title}}" is {{status}}, not {{expected}}',
    notOpen: 'The need is {{status}}: only an OPEN need can be {{action}}',
    notOpenInTwinning:
      'The need is {{status}}: only an OPEN need can be {{action}} (cancel its twinning first)',
    actionChanged: 'changed',
    actionWithdrawn: 'withdrawn',
    mayNotManage: 'Only the secretariat or a focal point of {{countryCode}} may manage its needs',
  },
  es: {
    notInStatus: 'La necesidad "{{title}}" está {{status}}, no {{expected}}',
    notOpen: 'La necesidad está {{status}}: solo una necesidad OPEN puede {{action}}',
    notOpenInTwinning:
      'La necesidad está {{status}}: solo una necesidad OPEN puede {{action}} (cancele primero su hermanamiento)',
    actionChanged: 'modificarse',
    actionWithdrawn: 'retirarse',
    mayNotManage:
      'Solo la secretaría o un punto focal de {{countryCode}} puede gestionar sus necesidades',
  },
});
