import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentsModule } from '../commitments/commitments.module';
import { DatabaseModule } from '../database/database.module';
import { PostingValidity } from '../expiry/posting-validity';
import { ReferenceModule } from '../reference/reference.module';
import { Need } from './need.entity';
import { NeedsResolver } from './needs.resolver';
import { NeedsService } from './needs.service';
import { NeedSubscriptionsResolver } from './need-subscriptions.resolver';
import { CommitmentNeedsResolver } from './commitment-needs.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Need]), DatabaseModule, ReferenceModule, CommitmentsModule],
  providers: [
    NeedsService,
    PostingValidity,
    NeedsResolver,
    NeedSubscriptionsResolver,
    CommitmentNeedsResolver,
  ],
  exports: [NeedsService],
})
export class NeedsModule {}
