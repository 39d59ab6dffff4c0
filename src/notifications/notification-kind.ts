import { registerEnumType } from '@nestjs/graphql';

/** What a notification is about (API.md, "People, language and mail": who is told what). */
export enum NotificationKind {
  TWINNING_PROPOSED = 'TWINNING_PROPOSED',
  TWINNING_ANSWERED = 'TWINNING_ANSWERED',
  TWINNING_ACCEPTED = 'TWINNING_ACCEPTED',
  TWINNING_CONFIRMED = 'TWINNING_CONFIRMED',
  TWINNING_DECLINED = 'TWINNING_DECLINED',
  TWINNING_CANCELLED = 'TWINNING_CANCELLED',
  TWINNING_COMPLETED = 'TWINNING_COMPLETED',
  ACTIVITY_UPCOMING = 'ACTIVITY_UPCOMING',
  NEW_MATCHES = 'NEW_MATCHES',
  FOLLOW_UP_DUE = 'FOLLOW_UP_DUE',
  MENTIONED = 'MENTIONED',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about',
});
