import { messageTable } from '../i18n/message';

/** What live subscriptions tell people, in English and Spanish. */
export const eventsMessages = messageTable({
  en: {
    missingToken:
      'Sign in first: send connectionParams { authorization: "Bearer <token>" } when connecting',
  },
  es: {
    missingToken:
      'Inicie sesión primero: envíe connectionParams { authorization: "Bearer <token>" } al conectarse',
  },
});
