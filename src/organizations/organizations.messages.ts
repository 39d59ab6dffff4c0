import { messageTable } from '../i18n/message';

/** What the organizations module tells people, in English and Spanish. */
export const organizationsMessages = messageTable({
  en: {
    noSuchOrganization: 'no organization has the id "{{id}}"',
    nameTaken: 'An organization named "{{name}}" already exists',
    organizationDisabled: '"{{name}}" is disabled: the secretariat must enable it first',
  },
  es: {
    noSuchOrganization: 'ninguna organización tiene el identificador "{{id}}"',
    nameTaken: 'Ya existe una organización llamada "{{name}}"',
    organizationDisabled: '"{{name}}" está desactivada: la secretaría debe activarla primero',
  },
});
