import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { MatchingModule } from '../matching/matching.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { FollowUpReminders } from './follow-up-reminders';
import { MutedEmail } from './muted-email.entity';
import { NotificationJobs } from './notification-jobs';
import { Notification } from './notification.entity';
import { NotificationsResolver, UserEmailPreferencesResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { Notifier } from './notifier';
import { TwinningNotices } from './twinning-notices';

/**
 * Telling people what happened (API.md, "People, language and mail"): notifications in
 * the service and by e-mail, for twinning steps (TwinningNotices) and on a schedule
 * (NotificationJobs: upcoming activities, the daily new-matches digest; FollowUpReminders:
 * follow-ups fallen due).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification, MutedEmail]),
    DatabaseModule,
    TwinningsModule,
    MatchingModule,
    FollowUpsModule,
  ],
  providers: [
    Notifier,
    NotificationsService,
    NotificationsResolver,
    UserEmailPreferencesResolver,
    TwinningNotices,
    NotificationJobs,
    FollowUpReminders,
  ],
  exports: [Notifier],
})
export class NotificationsModule {}
