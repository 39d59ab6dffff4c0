import { Module } from '@nestjs/common';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { AttentionResolver } from './attention.resolver';
import { AttentionService } from './attention.service';

/** The attention list (`attention`): what waits for each person to act. */
@Module({
  imports: [NeedsModule, OffersModule, TwinningsModule],
  providers: [AttentionService, AttentionResolver],
})
export class AttentionModule {}
