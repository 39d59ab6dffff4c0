import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { DatabaseModule } from '../database/database.module';
import { EventsModule } from '../events/events.module';
import { NeedsModule } from '../needs/needs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReferenceModule } from '../reference/reference.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { Comment } from './comment.entity';
import { CommentSubjects } from './comment-subjects';
import { CommentSubscriptionsResolver } from './comment-subscriptions.resolver';
import { DialogueResolver } from './dialogue.resolver';
import { DialogueService } from './dialogue.service';

/**
 * Comment threads on needs, offers and twinnings (API.md Part 2, "dialogue"): read and
 * written by whoever may read the subject, `@e-mail` mentions notified.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Comment]),
    DatabaseModule,
    EventsModule,
    AccountsModule,
    ReferenceModule,
    OrganizationsModule,
    NeedsModule,
    OffersModule,
    TwinningsModule,
    NotificationsModule,
  ],
  providers: [DialogueService, DialogueResolver, CommentSubscriptionsResolver, CommentSubjects],
  exports: [DialogueService],
})
export class DialogueModule {}
