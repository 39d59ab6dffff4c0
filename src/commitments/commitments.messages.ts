import { messageTable } from '../i18n/message';

/** What the commitments module tells people, in English and Spanish. */
export const commitmentsMessages = messageTable({
  en: {
    mayNotManage:
      'Only the secretariat or a focal point of {{countryCode}} may manage its National Action Plan',
    duplicateCode: '{{countryCode}} already has a commitment {{code}}',
    duplicateIndicator: 'Two indicators are named "{{name}}": each name once',
    futureValue: 'at must not be in the future',
    noSuchCommitment: 'No commitment has the id {{id}}',
    otherCountry: 'Commitment {{code}} is of {{commitmentCountry}}, not of {{countryCode}}',
  },
  es: {
    mayNotManage:
      'Solo la secretaría o un punto focal de {{countryCode}} puede gestionar su Plan de Acción Nacional',
    duplicateCode: '{{countryCode}} ya tiene un compromiso {{code}}',
    duplicateIndicator: 'Dos indicadores se llaman "{{name}}": cada nombre una vez',
    futureValue: 'at no puede estar en el futuro',
    noSuchCommitment: 'Ningún compromiso tiene el id {{id}}',
    otherCountry: 'El compromiso {{code}} es de {{commitmentCountry}}, no de {{countryCode}}',
  },
});
