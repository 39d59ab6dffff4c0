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
    alreadyHasAccount:
      '{{email}} already has an account: the person can sign in, or ask for a new password from the sign-in page',
    disabledAccountExists:
      '{{email}} already has an account, which is disabled: enable it instead of inviting again',
    invitationLinkInvalid:
      'This invitation link does not work: it has expired (after 7 days), has been used, or a newer invitation replaced it. Ask the secretariat to invite you again',
    resetLinkInvalid:
      'This password reset link does not work: it has expired (after one hour), has been used, or a newer one replaced it. Ask for a new one',
    resetsLocked_one:
      'Too many password reset requests from your address: try again in {{count}} minute',
    resetsLocked_other:
      'Too many password reset requests from your address: try again in {{count}} minutes',
    invitationSubject: 'Your invitation to the MIRPS twinning service',
    invitedAsCountryFocalPoint:
      'The secretariat of the MIRPS Support Platform invites you to the twinning service as a focal point of {{country}}.',
    invitedAsMemberFocalPoint:
      'The secretariat of the MIRPS Support Platform invites you to the twinning service as a focal point of {{organization}}, a member of the Support Platform.',
    invitedAsSecretariat:
      'The secretariat of the MIRPS Support Platform invites you to join it on the twinning service.',
    invitedAsObserver:
      'The secretariat of the MIRPS Support Platform invites you to the twinning service as an observer.',
    invitationChoosePassword:
      'To accept, choose your password ({{minLength}} characters or more) with the link below. The link works once, for 7 days; afterwards you sign in with your e-mail address, {{email}}.',
    invitationExpiredHint: 'If the link has expired, ask the secretariat to invite you again.',
    invitationAction: 'Accept the invitation',
    resetSubject: 'Choose a new password',
    resetRequested:
      'Someone, probably you, asked for a new password for your account ({{email}}) on the MIRPS twinning service.',
    resetChoosePassword:
      'Choose a new password with the link below. The link works once, for one hour; using it signs you out on every device.',
    resetNotRequested:
      'If you did not ask for it, ignore this e-mail: your password stays as it is.',
    resetAction: 'Choose a new password',
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
    alreadyHasAccount:
      '{{email}} ya tiene una cuenta: la persona puede iniciar sesión, o pedir una contraseña nueva desde la página de inicio de sesión',
    disabledAccountExists:
      '{{email}} ya tiene una cuenta, que está desactivada: actívela en lugar de invitar de nuevo',
    invitationLinkInvalid:
      'Este enlace de invitación no funciona: venció (a los 7 días), ya se usó o una invitación más reciente lo reemplazó. Pida a la Secretaría Técnica que le invite de nuevo',
    resetLinkInvalid:
      'Este enlace para elegir una contraseña nueva no funciona: venció (a la hora), ya se usó o uno más reciente lo reemplazó. Pida uno nuevo',
    resetsLocked_one:
      'Demasiadas solicitudes de contraseña nueva desde su dirección: vuelva a intentarlo dentro de {{count}} minuto',
    resetsLocked_other:
      'Demasiadas solicitudes de contraseña nueva desde su dirección: vuelva a intentarlo dentro de {{count}} minutos',
    invitationSubject: 'Su invitación al servicio de hermanamientos del MIRPS',
    invitedAsCountryFocalPoint:
      'La Secretaría Técnica de la Plataforma de Apoyo del MIRPS le invita al servicio de hermanamientos como punto focal de {{country}}.',
    invitedAsMemberFocalPoint:
      'La Secretaría Técnica de la Plataforma de Apoyo del MIRPS le invita al servicio de hermanamientos como punto focal de {{organization}}, miembro de la Plataforma de Apoyo.',
    invitedAsSecretariat:
      'La Secretaría Técnica de la Plataforma de Apoyo del MIRPS le invita a sumarse a ella en el servicio de hermanamientos.',
    invitedAsObserver:
      'La Secretaría Técnica de la Plataforma de Apoyo del MIRPS le invita al servicio de hermanamientos como observador/a.',
    invitationChoosePassword:
      'Para aceptar, elija su contraseña (de {{minLength}} caracteres o más) con el enlace de abajo. El enlace sirve una sola vez, durante 7 días; después inicie sesión con su correo electrónico, {{email}}.',
    invitationExpiredHint:
      'Si el enlace venció, pida a la Secretaría Técnica que le invite de nuevo.',
    invitationAction: 'Aceptar la invitación',
    resetSubject: 'Elija una contraseña nueva',
    resetRequested:
      'Alguien, probablemente usted, pidió una contraseña nueva para su cuenta ({{email}}) en el servicio de hermanamientos del MIRPS.',
    resetChoosePassword:
      'Elija una contraseña nueva con el enlace de abajo. El enlace sirve una sola vez, durante una hora; al usarlo se cierra su sesión en todos sus dispositivos.',
    resetNotRequested: 'Si usted no lo pidió, ignore este correo: su contraseña no cambia.',
    resetAction: 'Elegir una contraseña nueva',
  },
});
