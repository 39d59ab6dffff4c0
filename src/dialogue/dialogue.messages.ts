import { messageTable } from '../i18n/message';

/**
 * What the dialogue tells people, in English and Spanish: refusals, and the notice of a
 * mention (`author` names who wrote, `title` the subject's title, `body` the comment).
 */
export const dialogueMessages = messageTable({
  en: {
    observersReadOnly:
      'Observers read the comments; only focal points and the Technical Secretariat write them',
    onlyAuthorEdits: 'Only its author may edit a comment',
    editWindowClosed:
      'A comment can be edited within {{hours}} hours of writing it, and this one is older. Write a new comment instead.',
    secretariat: 'the Technical Secretariat',
    observer: 'an observer',
    focalPointOf: 'a focal point of {{side}}',
    namedAuthor: '{{name}} ({{capacity}})',
    mentionedOnNeed: 'You were mentioned in a comment on the need “{{title}}”',
    mentionedOnOffer: 'You were mentioned in a comment on the offer “{{title}}”',
    mentionedOnTwinning: 'You were mentioned in a comment on the twinning of the offer “{{title}}”',
    mentionedBody: '{{author}} wrote: “{{body}}”',
    seeComments: 'See the comments',
  },
  es: {
    observersReadOnly:
      'Los observadores leen los comentarios; solo los puntos focales y la Secretaría Técnica los escriben',
    onlyAuthorEdits: 'Solo su autor puede modificar un comentario',
    editWindowClosed:
      'Un comentario se puede modificar durante las {{hours}} horas siguientes a escribirlo, y este es más antiguo. Escriba un comentario nuevo.',
    secretariat: 'la Secretaría Técnica',
    observer: 'un observador',
    focalPointOf: 'un punto focal de {{side}}',
    namedAuthor: '{{name}} ({{capacity}})',
    mentionedOnNeed: 'Lo mencionaron en un comentario sobre la necesidad «{{title}}»',
    mentionedOnOffer: 'Lo mencionaron en un comentario sobre la oferta «{{title}}»',
    mentionedOnTwinning:
      'Lo mencionaron en un comentario sobre el hermanamiento de la oferta «{{title}}»',
    mentionedBody: '{{author}} escribió: «{{body}}»',
    seeComments: 'Ver los comentarios',
  },
});
