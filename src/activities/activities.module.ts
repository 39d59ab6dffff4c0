import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { DatabaseModule } from '../database/database.module';
import { ReferenceModule } from '../reference/reference.module';
import { PlatformEventsModule } from '../platform-events/platform-events.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { ActivitiesResolver } from './activities.resolver';
import { ActivitiesService } from './activities.service';
import { ActivityParticipantCountry } from './activity-participant-country.entity';
import { Activity } from './activity.entity';
import { CalendarUrlResolver } from './calendar/calendar-url.resolver';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { TwinningActivitiesResolver } from './twinning-activities.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([Activity, ActivityParticipantCountry]),
    DatabaseModule,
    ReferenceModule,
    AccountsModule,
    TwinningsModule,
    PlatformEventsModule,
  ],
  controllers: [CalendarController],
  providers: [
    ActivitiesService,
    ActivitiesResolver,
    TwinningActivitiesResolver,
    CalendarService,
    CalendarUrlResolver,
  ],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}
