import { messageTable } from '../i18n/message';

/** The words every e-mail shares, in English and Spanish. */
export const mailMessages = messageTable({
  en: {
    greeting: 'Hello {{name}},',
    greetingNoName: 'Hello,',
    linkFallback: 'If the button does not work, copy this address into your browser:',
    signature: 'MIRPS Support Platform – twinning service',
    whyYouGetThis:
      'You receive this e-mail because you have an account on the MIRPS twinning service.',
  },
  es: {
    greeting: 'Hola, {{name}}:',
    greetingNoName: 'Hola:',
    linkFallback: 'Si el botón no funciona, copie esta dirección en su navegador:',
    signature: 'Plataforma de Apoyo del MIRPS – servicio de hermanamientos',
    whyYouGetThis:
      'Recibe este correo porque tiene una cuenta en el servicio de hermanamientos del MIRPS.',
  },
});
