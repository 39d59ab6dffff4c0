import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { MatchingModule } from '../matching/matching.module';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReferenceModule } from '../reference/reference.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { AgendaMeeting } from './agenda-meeting.entity';
import {
  PlatformEventCountry,
  PlatformEventOrganization,
  PlatformEventWorkingGroup,
} from './platform-event-participants.entity';
import { PlatformEventTwinning } from './platform-event-twinning.entity';
import { PlatformEvent } from './platform-event.entity';
import {
  AgendaSlotResolver,
  PlatformEventsResolver,
  TwinningEventResolver,
  UnscheduledMeetingResolver,
} from './platform-events.resolver';
import { PlatformEventsService } from './platform-events.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      PlatformEvent,
      PlatformEventCountry,
      PlatformEventOrganization,
      PlatformEventWorkingGroup,
      PlatformEventTwinning,
      AgendaMeeting,
    ]),
    DatabaseModule,
    MatchingModule,
    NeedsModule,
    OffersModule,
    OrganizationsModule,
    ReferenceModule,
    TwinningsModule,
  ],
  providers: [
    PlatformEventsService,
    PlatformEventsResolver,
    AgendaSlotResolver,
    UnscheduledMeetingResolver,
    TwinningEventResolver,
  ],
  exports: [PlatformEventsService],
})
export class PlatformEventsModule {}
