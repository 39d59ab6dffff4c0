import { graphql, ResultOf } from '../../graphql';

export const EVENTS = graphql(`
  query PlatformEventsList {
    platformEvents {
      id
      kind
      title
      startsAt
      endsAt
      location
      virtual
      countries {
        code
        name
      }
    }
  }
`);

export const EVENT = graphql(`
  query PlatformEventPage($id: ID!) {
    platformEvent(id: $id) {
      id
      kind
      title
      startsAt
      endsAt
      location
      virtual
      countries {
        code
        name
      }
      organizations {
        id
        name
      }
      workingGroups {
        code
        name
      }
      twinnings {
        id
        status
        offer {
          title
          organization {
            name
          }
        }
        needs {
          id
          title
          country {
            name
          }
        }
      }
      agenda {
        startsAt
        endsAt
        room
        score
        need {
          id
          title
          country {
            code
            name
          }
        }
        offer {
          id
          title
          organization {
            id
            name
          }
        }
      }
      unscheduled {
        score
        need {
          id
          title
          country {
            name
          }
        }
        offer {
          id
          title
          organization {
            name
          }
        }
      }
    }
  }
`);

export type PlatformEventDetail = ResultOf<typeof EVENT>['platformEvent'];
export type EventKind = PlatformEventDetail['kind'];

export const EVENT_KINDS: EventKind[] = [
  'TECHNICAL_MEETING',
  'TECHNICAL_WORKSHOP',
  'TWINNING_MEETING',
  'HIGH_LEVEL_EVENT',
];

/** Who creates events and schedules their agenda: the secretariat (the API's @Roles). */
export const mayManageEvents = (role: string) => role === 'SECRETARIAT';
