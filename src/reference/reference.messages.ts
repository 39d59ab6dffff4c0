import { messageTable } from '../i18n/message';

/** What the reference module tells people, in English and Spanish. */
export const referenceMessages = messageTable({
  en: {
    notCountryCode: '"{{code}}" is not an ISO 3166-1 alpha-2 country code',
    notMirpsState: '"{{code}}" is not a MIRPS state',
    notWorkingGroupCode: '"{{code}}" is not a working group code',
    workingGroupExists: 'Working group {{code}} already exists',
    // The shapes of codes, for input rules (`context: { i18n }`) in any module.
    countryCodeFormat: '{{property}} must be an upper-case ISO 3166-1 alpha-2 code',
    workingGroupCodeFormat: '{{property}} must be a working group code',
    newWorkingGroupCodeFormat:
      '{{property}} must be 2 to 40 upper-case letters, digits or underscores',
  },
  es: {
    notCountryCode: '"{{code}}" no es un código de país ISO 3166-1 alfa-2',
    notMirpsState: '"{{code}}" no es un Estado del MIRPS',
    notWorkingGroupCode: '"{{code}}" no es un código de grupo de trabajo',
    workingGroupExists: 'El grupo de trabajo {{code}} ya existe',
    countryCodeFormat: '{{property}} debe ser un código ISO 3166-1 alfa-2 en mayúsculas',
    workingGroupCodeFormat: '{{property}} debe ser un código de grupo de trabajo',
    newWorkingGroupCodeFormat:
      '{{property}} debe tener de 2 a 40 letras mayúsculas, dígitos o guiones bajos',
  },
});
