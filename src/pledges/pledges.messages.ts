import { messageTable } from '../i18n/message';

/** What the pledges module tells people, in English and Spanish. */
export const pledgesMessages = messageTable({
  en: {
    mayNotManage:
      "Only the secretariat or the organization's member focal points may record its pledges",
    finalStatus: 'The pledge is {{status}}: that is final, its status cannot change',
    invalidTransition: 'A {{from}} pledge cannot become {{to}}: only {{allowed}} may follow',
    statusPledged: 'pledged',
    statusCommitted: 'committed',
    statusDisbursed: 'disbursed',
    statusCancelled: 'cancelled',
    currencyFormat: '{{property}} must be an ISO 4217 code such as USD or EUR',
    unknownCurrency: '{{code}} is not an ISO 4217 currency code',
    usdIsOne: 'USD is always 1 US dollar per unit: set the rates of other currencies',
    noSuchNeed: 'No need you may see has the id {{id}}',
    noSuchTwinning: 'No twinning you may see has the id {{id}}',
    needsOfSeveralCountries: 'The needs are of {{countries}}: a pledge serves one country',
    needOfOtherCountry: 'The need "{{title}}" is of {{needCountry}}, not of {{countryCode}}',
    twinningOfOtherCountry: '{{countryCode}} is not a party to this twinning',
    futurePledge: 'pledgedAt must not be in the future',
  },
  es: {
    mayNotManage:
      'Solo la Secretaría Técnica o los puntos focales de la organización pueden registrar sus contribuciones anunciadas',
    finalStatus: 'La contribución está {{status}}: ese estado es definitivo y ya no puede cambiar',
    invalidTransition:
      'Una contribución {{from}} no puede pasar a {{to}}: solo puede pasar a {{allowed}}',
    statusPledged: 'anunciada',
    statusCommitted: 'comprometida',
    statusDisbursed: 'desembolsada',
    statusCancelled: 'cancelada',
    currencyFormat: '{{property}} debe ser un código ISO 4217, como USD o EUR',
    unknownCurrency: '{{code}} no es un código de moneda ISO 4217',
    usdIsOne:
      'El USD vale siempre 1 dólar estadounidense por unidad: registre las tasas de otras monedas',
    noSuchNeed: 'Ninguna necesidad que usted pueda ver tiene el id {{id}}',
    noSuchTwinning: 'Ningún hermanamiento que usted pueda ver tiene el id {{id}}',
    needsOfSeveralCountries:
      'Las necesidades son de {{countries}}: una contribución es para un solo país',
    needOfOtherCountry: 'La necesidad «{{title}}» es de {{needCountry}}, no de {{countryCode}}',
    twinningOfOtherCountry: '{{countryCode}} no es parte de este hermanamiento',
    futurePledge: 'pledgedAt no puede estar en el futuro',
  },
});
