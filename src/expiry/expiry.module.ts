import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { NeedsModule } from '../needs/needs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OffersModule } from '../offers/offers.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { ExpiryJobs } from './expiry-jobs';

/**
 * Expiry of postings and of unanswered proposals (ExpiryJobs); the lifecycles themselves
 * are in need-state.ts, offer-state.ts and twinning-state.ts.
 */
@Module({
  imports: [DatabaseModule, NeedsModule, OffersModule, TwinningsModule, NotificationsModule],
  providers: [ExpiryJobs],
})
export class ExpiryModule {}
