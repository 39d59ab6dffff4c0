import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { ReferenceModule } from '../reference/reference.module';
import { Commitment } from './commitment.entity';
import { CommitmentsResolver, IndicatorResolver } from './commitments.resolver';
import { CommitmentsService } from './commitments.service';
import { IndicatorValue } from './indicator-value.entity';
import { Indicator } from './indicator.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Commitment, Indicator, IndicatorValue]),
    DatabaseModule,
    ReferenceModule,
  ],
  providers: [CommitmentsService, CommitmentsResolver, IndicatorResolver],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
