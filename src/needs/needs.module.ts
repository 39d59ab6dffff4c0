import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { PostingValidity } from '../expiry/posting-validity';
import { ReferenceModule } from '../reference/reference.module';
import { Need } from './need.entity';
import { NeedsResolver } from './needs.resolver';
import { NeedsService } from './needs.service';
import { NeedSubscriptionsResolver } from './need-subscriptions.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Need]), DatabaseModule, ReferenceModule],
  providers: [NeedsService, PostingValidity, NeedsResolver, NeedSubscriptionsResolver],
  exports: [NeedsService],
})
export class NeedsModule {}
