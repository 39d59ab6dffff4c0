import { messageTable } from '../i18n/message';

/**
 * What notifications and their e-mails say, in English and Spanish. `offer` is an offer's
 * title, `needs` a list of need titles, `side` a party (a country or an organization).
 */
export const notificationsMessages = messageTable({
  en: {
    secretariat: 'the Technical Secretariat',
    proposedTitle: 'New twinning proposal: {{offer}}',
    proposedBody:
      '{{by}} proposes a twinning of the offer “{{offer}}” with the needs {{needs}}. Please accept or decline it for {{side}}.',
    answeredAcceptedTitle: '{{side}} accepted your proposal: {{offer}}',
    answeredDeclinedTitle: '{{side}} declined your proposal: {{offer}}',
    answeredAcceptedBody:
      '{{side}} accepted the twinning of the offer “{{offer}}” with the needs {{needs}}.',
    answeredDeclinedBody:
      '{{side}} declined the twinning of the offer “{{offer}}” with the needs {{needs}}.',
    comment: 'Comment: “{{comment}}”',
    acceptedTitle: 'Twinning ready for confirmation: {{offer}}',
    acceptedBody:
      'Every party accepted the twinning of the offer “{{offer}}” with the needs {{needs}}. It awaits confirmation by the Technical Secretariat.',
    confirmedTitle: 'Twinning confirmed: {{offer}}',
    confirmedBody:
      'The Technical Secretariat confirmed the twinning of the offer “{{offer}}” with the needs {{needs}}. You can now record its activities.',
    declinedTitle: 'Twinning declined: {{offer}}',
    declinedBody:
      '{{side}} declined the twinning of the offer “{{offer}}” with the needs {{needs}}. The needs are open again.',
    cancelledTitle: 'Twinning cancelled: {{offer}}',
    cancelledBody:
      'The twinning of the offer “{{offer}}” with the needs {{needs}} was cancelled. Reason: “{{reason}}”',
    completedTitle: 'Twinning concluded: {{offer}}',
    completedBody:
      'The twinning of the offer “{{offer}}” with the needs {{needs}} was concluded. Thank you for your work.',
    summary: 'Summary: “{{summary}}”',
    expiredTitle: 'Twinning proposal expired: {{offer}}',
    expiredBody:
      'The proposal to twin the offer “{{offer}}” with the needs {{needs}} expired: not every party answered within {{days}} days. What it held is free again; it can be proposed anew.',
    needExpiringTitle: 'Your need expires soon: {{title}}',
    needExpiringBody:
      'The need “{{title}}” ({{country}}) stays valid until {{expiresAt, datetime(dateStyle: full; timeStyle: short; timeZone: UTC)}} (UTC). Renew it to keep it in matching; otherwise it becomes EXPIRED: kept, but no longer suggested or open to proposals.',
    offerExpiringTitle: 'Your offer expires soon: {{title}}',
    offerExpiringBody:
      'The offer “{{title}}” ({{organization}}) stays valid until {{expiresAt, datetime(dateStyle: full; timeStyle: short; timeZone: UTC)}} (UTC). Renew it to keep it in matching; otherwise it becomes EXPIRED: kept, but no longer suggested or open to proposals.',
    seeNeed: 'See the need',
    seeOffer: 'See the offer',
    upcomingTitle: 'Upcoming activity: {{activity}}',
    upcomingBody:
      'The activity “{{activity}}” of the twinning of the offer “{{offer}}” starts on {{startsAt, datetime(dateStyle: full; timeStyle: short; timeZone: UTC)}} (UTC).',
    upcomingPlace: 'Place: {{location}}',
    newMatchesTitle_one: 'A new suggestion for you',
    newMatchesTitle_other: '{{count}} new suggestions for you',
    newMatchesIntro:
      'The service found new matches above the minimum score for your open needs and offers:',
    needFitsOffer: '“{{need}}” ({{country}}) fits your offer “{{offer}}”: score {{score}} %',
    offerFitsNeed:
      'The offer “{{offer}}” ({{organization}}) fits your need “{{need}}”: score {{score}} %',
    followUpDueTitle: 'Follow-up due: {{offer}}',
    followUpDueBody:
      'The twinning of the offer “{{offer}}” with the needs {{needs}} was completed on {{completedAt, datetime(dateStyle: long; timeZone: UTC)}}. Its follow-up is due: please rate it from 1 to 5 for {{side}} and tell what came of it.',
    seeTwinning: 'See the twinning',
    seeSuggestions: 'See the suggestions',
    mutedHint: 'You can stop these e-mails in your profile; the notifications stay in the service.',
  },
  es: {
    secretariat: 'la Secretaría Técnica',
    proposedTitle: 'Nueva propuesta de hermanamiento: {{offer}}',
    proposedBody:
      '{{by}} propone un hermanamiento de la oferta «{{offer}}» con las necesidades {{needs}}. Acepte o rechace la propuesta en nombre de {{side}}.',
    answeredAcceptedTitle: '{{side}} aceptó su propuesta: {{offer}}',
    answeredDeclinedTitle: '{{side}} rechazó su propuesta: {{offer}}',
    answeredAcceptedBody:
      '{{side}} aceptó el hermanamiento de la oferta «{{offer}}» con las necesidades {{needs}}.',
    answeredDeclinedBody:
      '{{side}} rechazó el hermanamiento de la oferta «{{offer}}» con las necesidades {{needs}}.',
    comment: 'Comentario: «{{comment}}»',
    acceptedTitle: 'Hermanamiento listo para confirmar: {{offer}}',
    acceptedBody:
      'Todas las partes aceptaron el hermanamiento de la oferta «{{offer}}» con las necesidades {{needs}}. Falta la confirmación de la Secretaría Técnica.',
    confirmedTitle: 'Hermanamiento confirmado: {{offer}}',
    confirmedBody:
      'La Secretaría Técnica confirmó el hermanamiento de la oferta «{{offer}}» con las necesidades {{needs}}. Ya puede registrar sus actividades.',
    declinedTitle: 'Hermanamiento rechazado: {{offer}}',
    declinedBody:
      '{{side}} rechazó el hermanamiento de la oferta «{{offer}}» con las necesidades {{needs}}. Las necesidades vuelven a estar abiertas.',
    cancelledTitle: 'Hermanamiento cancelado: {{offer}}',
    cancelledBody:
      'Se canceló el hermanamiento de la oferta «{{offer}}» con las necesidades {{needs}}. Motivo: «{{reason}}»',
    completedTitle: 'Hermanamiento concluido: {{offer}}',
    completedBody:
      'Concluyó el hermanamiento de la oferta «{{offer}}» con las necesidades {{needs}}. Gracias por su trabajo.',
    summary: 'Resumen: «{{summary}}»',
    expiredTitle: 'Propuesta de hermanamiento vencida: {{offer}}',
    expiredBody:
      'Venció la propuesta de hermanar la oferta «{{offer}}» con las necesidades {{needs}}: no todas las partes respondieron en {{days}} días. Lo que ocupaba queda libre de nuevo; puede proponerse otra vez.',
    needExpiringTitle: 'Su necesidad vence pronto: {{title}}',
    needExpiringBody:
      'La necesidad «{{title}}» ({{country}}) es válida hasta el {{expiresAt, datetime(dateStyle: full; timeStyle: short; timeZone: UTC)}} (UTC). Renuévela para que siga en las sugerencias; si no, pasará a EXPIRED: se conserva, pero ya no se sugiere ni admite propuestas.',
    offerExpiringTitle: 'Su oferta vence pronto: {{title}}',
    offerExpiringBody:
      'La oferta «{{title}}» ({{organization}}) es válida hasta el {{expiresAt, datetime(dateStyle: full; timeStyle: short; timeZone: UTC)}} (UTC). Renuévela para que siga en las sugerencias; si no, pasará a EXPIRED: se conserva, pero ya no se sugiere ni admite propuestas.',
    seeNeed: 'Ver la necesidad',
    seeOffer: 'Ver la oferta',
    upcomingTitle: 'Próxima actividad: {{activity}}',
    upcomingBody:
      'La actividad «{{activity}}» del hermanamiento de la oferta «{{offer}}» comienza el {{startsAt, datetime(dateStyle: full; timeStyle: short; timeZone: UTC)}} (UTC).',
    upcomingPlace: 'Lugar: {{location}}',
    newMatchesTitle_one: 'Una nueva sugerencia para usted',
    newMatchesTitle_other: '{{count}} nuevas sugerencias para usted',
    newMatchesIntro:
      'El servicio encontró nuevas coincidencias por encima del puntaje mínimo para sus necesidades y ofertas abiertas:',
    needFitsOffer:
      '«{{need}}» ({{country}}) corresponde a su oferta «{{offer}}»: puntaje {{score}} %',
    offerFitsNeed:
      'La oferta «{{offer}}» ({{organization}}) corresponde a su necesidad «{{need}}»: puntaje {{score}} %',
    followUpDueTitle: 'Seguimiento pendiente: {{offer}}',
    followUpDueBody:
      'El hermanamiento de la oferta «{{offer}}» con las necesidades {{needs}} concluyó el {{completedAt, datetime(dateStyle: long; timeZone: UTC)}}. Corresponde su seguimiento: califíquelo de 1 a 5 en nombre de {{side}} y cuente qué resultó de él.',
    seeTwinning: 'Ver el hermanamiento',
    seeSuggestions: 'Ver las sugerencias',
    mutedHint:
      'Puede dejar de recibir estos correos en su perfil; las notificaciones siguen en el servicio.',
  },
});
