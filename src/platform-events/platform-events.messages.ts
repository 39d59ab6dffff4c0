import { messageTable } from '../i18n/message';

/** What the platform events module tells people, in English and Spanish. */
export const platformEventsMessages = messageTable({
  en: {
    notTwinningMeeting:
      'Only a twinning meeting has an agenda of bilateral meetings; this event is not one',
    noSlot: "No {{minutes}}-minute slot fits between the event's start and end",
    tooManySlots:
      '{{minutes}}-minute slots make {{slots}} slots; at most {{max}}: choose longer slots',
    kindTechnicalMeeting: 'Technical meeting',
    kindTechnicalWorkshop: 'Technical workshop',
    kindTwinningMeeting: 'Twinning meeting',
    kindHighLevelEvent: 'High-level event',
    calendarParticipants: 'Taking part: {{participants}}',
  },
  es: {
    notTwinningMeeting:
      'Solo una reunión de hermanamiento tiene una agenda de reuniones bilaterales; este evento no lo es',
    noSlot: 'Ningún turno de {{minutes}} minutos cabe entre el inicio y el fin del evento',
    tooManySlots:
      'Turnos de {{minutes}} minutos dan {{slots}} turnos; como máximo {{max}}: elija turnos más largos',
    kindTechnicalMeeting: 'Reunión técnica',
    kindTechnicalWorkshop: 'Taller técnico',
    kindTwinningMeeting: 'Reunión de hermanamiento',
    kindHighLevelEvent: 'Evento de alto nivel',
    calendarParticipants: 'Participan: {{participants}}',
  },
});
