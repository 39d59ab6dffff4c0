import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { FollowUpResponse } from './follow-up-response.entity';
import { FollowUp } from './follow-up.entity';
import {
  FollowUpResponseResolver,
  FollowUpsResolver,
  TwinningFollowUpsResolver,
} from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

/**
 * Follow-ups of completed twinnings (API.md Part 2, "outcomes"): created at completion,
 * answered once by each party. Their ratings feed matching (TRACK_RECORD); the reminder
 * when one falls due is the notifications module's (FollowUpReminders).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([FollowUp, FollowUpResponse]),
    DatabaseModule,
    TwinningsModule,
  ],
  providers: [
    FollowUpsService,
    FollowUpsResolver,
    FollowUpResponseResolver,
    TwinningFollowUpsResolver,
  ],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
