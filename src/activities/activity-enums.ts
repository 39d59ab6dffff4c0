import { registerEnumType } from '@nestjs/graphql';

export enum ActivityKind {
  TRAINING = 'TRAINING',
  PEER_EXCHANGE = 'PEER_EXCHANGE',
  WORKSHOP = 'WORKSHOP',
  MEETING = 'MEETING',
  STUDY_VISIT = 'STUDY_VISIT',
  TECHNICAL_ASSISTANCE = 'TECHNICAL_ASSISTANCE',
  SECONDMENT = 'SECONDMENT',
}

export enum ActivityStatus {
  PLANNED = 'PLANNED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ActivityKind, { name: 'ActivityKind' });
registerEnumType(ActivityStatus, {
  name: 'ActivityStatus',
  description: 'PLANNED when recorded; then DONE (with its participants) or CANCELLED',
});
