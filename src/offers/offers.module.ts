import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { PostingValidity } from '../expiry/posting-validity';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReferenceModule } from '../reference/reference.module';
import { OfferEligibleCountry } from './offer-eligible-country.entity';
import { OfferWorkingGroup } from './offer-working-group.entity';
import { Offer } from './offer.entity';
import { OffersResolver } from './offers.resolver';
import { OffersService } from './offers.service';
import { OfferSubscriptionsResolver } from './offer-subscriptions.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([Offer, OfferWorkingGroup, OfferEligibleCountry]),
    DatabaseModule,
    ReferenceModule,
    OrganizationsModule,
  ],
  providers: [OffersService, PostingValidity, OffersResolver, OfferSubscriptionsResolver],
  exports: [OffersService],
})
export class OffersModule {}
