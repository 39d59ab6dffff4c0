import { messageTable } from '../i18n/message';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-length';

/** What the accounts module tells people, in English and Spanish. */
export const accountsMessages = messageTable({
  en: {
    wrongCredentials: 'Wrong e-mail or password',
    tokenRevoked: 'This token has been revoked: sign in again',
    tokenInvalid: 'The token is invalid or has expired: sign in again',
    accountGone: 'This account is disabled or no longer exists',
    loginLocked_one:
      'Too many failed logins for this account from your address: try again in {{count}} minute',
    loginLocked_other:
      'Too many failed logins for this account from your address: try again in {{count}} minutes',
    tokenLocked_one:
      'Too many requests without a valid token from your address: sign in again in {{count}} minute',
    tokenLocked_other:
      'Too many requests without a valid token from your address: sign in again in {{count}} minutes',
    notYourPassword: '{{property}} is not your password',
    samePassword: '{{property}} must differ from the current password',
    passwordLength: `{{property}} must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
    passwordChanged: 'The password has just been changed by another request',
    lastSecretariat:
      '{{email}} is the last active secretariat account: enable or create another first',
    duplicateEmail: 'A user with the e-mail {{email}} already exists',
    countryRequired: 'a COUNTRY_FOCAL_POINT needs the countryCode of a MIRPS state',
    notBoundToCountry: 'a {{role}} is not bound to a country',
    organizationRequired: 'a MEMBER_FOCAL_POINT needs an organizationId',
    notBoundToOrganization: 'a {{role}} is not bound to an organization',
    countryCodeFormat: '{{property}} must be an upper-case ISO 3166-1 alpha-2 code',
  },
  es: {
    wrongCredentials: 'Correo electrónico o contraseña incorrectos',
    tokenRevoked: 'Este token ha sido revocado: inicie sesión de nuevo',
    tokenInvalid: 'El token no es válido o ha caducado: inicie sesión de nuevo',
    accountGone: 'Esta cuenta está desactivada o ya no existe',
    loginLocked_one:
      'Demasiados intentos fallidos de inicio de sesión en esta cuenta desde su dirección: vuelva a intentarlo dentro de {{count}} minuto',
    loginLocked_other:
      'Demasiados intentos fallidos de inicio de sesión en esta cuenta desde su dirección: vuelva a intentarlo dentro de {{count}} minutos',
    tokenLocked_one:
      'Demasiadas solicitudes sin un token válido desde su dirección: inicie sesión de nuevo dentro de {{count}} minuto',
    tokenLocked_other:
      'Demasiadas solicitudes sin un token válido desde su dirección: inicie sesión de nuevo dentro de {{count}} minutos',
    notYourPassword: '{{property}} no es su contraseña actual',
    samePassword: '{{property}} debe ser distinta de la contraseña actual',
    passwordLength: `{{property}} debe tener entre ${PASSWORD_MIN_LENGTH} y ${PASSWORD_MAX_LENGTH} caracteres`,
    passwordChanged: 'Otra solicitud acaba de cambiar la contraseña',
    lastSecretariat:
      '{{email}} es la última cuenta activa de la secretaría: active o cree otra primero',
    duplicateEmail: 'Ya existe un usuario con el correo electrónico {{email}}',
    countryRequired: 'un COUNTRY_FOCAL_POINT necesita el countryCode de un Estado del MIRPS',
    notBoundToCountry: 'el rol {{role}} no está vinculado a ningún país',
    organizationRequired: 'un MEMBER_FOCAL_POINT necesita un organizationId',
    notBoundToOrganization: 'el rol {{role}} no está vinculado a ninguna organización',
    countryCodeFormat: '{{property}} debe ser un código ISO 3166-1 alfa-2 en mayúsculas',
  },
});
