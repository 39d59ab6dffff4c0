import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../config/environment';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { ReferenceModule } from '../reference/reference.module';
import { matchingSettings } from './matching-settings';
import { MatchingPlanResolver, MatchingResolver, ScoreReasonResolver } from './matching.resolver';
import { MATCHING_CONFIG, MatchingService } from './matching.service';

@Module({
  imports: [NeedsModule, OffersModule, ReferenceModule, FollowUpsModule],
  providers: [
    {
      provide: MATCHING_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        matchingSettings(
          config.get('MATCHING_WEIGHTS', { infer: true }),
          config.get('MATCHING_MINIMUM_SCORE', { infer: true }),
        ),
    },
    MatchingService,
    MatchingResolver,
    MatchingPlanResolver,
    ScoreReasonResolver,
  ],
  exports: [MatchingService],
})
export class MatchingModule {}
