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
  /** A proposal some party left unanswered for PROPOSAL_EXPIRY_DAYS expired. */
  TWINNING_EXPIRED = 'TWINNING_EXPIRED',
  /** A need or an offer expires in POSTING_EXPIRY_WARNING_DAYS unless renewed. */
  POSTING_EXPIRING = 'POSTING_EXPIRING',
  ACTIVITY_UPCOMING = 'ACTIVITY_UPCOMING',
  NEW_MATCHES = 'NEW_MATCHES',
  FOLLOW_UP_DUE = 'FOLLOW_UP_DUE',
  MENTIONED = 'MENTIONED',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about',
});
