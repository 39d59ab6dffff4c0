import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { DatabaseModule } from '../database/database.module';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReferenceModule } from '../reference/reference.module';
import { NeedTwinningsResolver } from './need-twinnings.resolver';
import { OfferTwinningsResolver } from './offer-twinnings.resolver';
import { StatusChange } from './status-change.entity';
import { StatusChangeResolver } from './status-change.resolver';
import { TwinningNeed } from './twinning-need.entity';
import { TwinningParty } from './twinning-party.entity';
import { TwinningPartyResolver } from './twinning-party.resolver';
import { TwinningArrangement } from './twinning.entity';
import { TwinningsResolver } from './twinnings.resolver';
import { TwinningsService } from './twinnings.service';
import { TwinningSubscriptionsResolver } from './twinning-subscriptions.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([TwinningArrangement, TwinningNeed, TwinningParty, StatusChange]),
    DatabaseModule,
    ReferenceModule,
    OrganizationsModule,
    AccountsModule,
    NeedsModule,
    OffersModule,
  ],
  providers: [
    TwinningsService,
    TwinningsResolver,
    TwinningSubscriptionsResolver,
    TwinningPartyResolver,
    StatusChangeResolver,
    NeedTwinningsResolver,
    OfferTwinningsResolver,
  ],
  exports: [TwinningsService],
})
export class TwinningsModule {}
