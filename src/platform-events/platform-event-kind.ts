import { registerEnumType } from '@nestjs/graphql';

export enum PlatformEventKind {
  TECHNICAL_MEETING = 'TECHNICAL_MEETING',
  TECHNICAL_WORKSHOP = 'TECHNICAL_WORKSHOP',
  TWINNING_MEETING = 'TWINNING_MEETING',
  HIGH_LEVEL_EVENT = 'HIGH_LEVEL_EVENT',
}

registerEnumType(PlatformEventKind, {
  name: 'PlatformEventKind',
  description: 'Only a TWINNING_MEETING has an agenda of bilateral meetings (scheduleMeetings)',
});
