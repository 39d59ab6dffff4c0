import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { NeedsModule } from '../needs/needs.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReferenceModule } from '../reference/reference.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { ExchangeRate } from './exchange-rate.entity';
import { PledgeNeed } from './pledge-need.entity';
import { Pledge } from './pledge.entity';
import { PledgesResolver } from './pledges.resolver';
import { PledgesService } from './pledges.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Pledge, PledgeNeed, ExchangeRate]),
    DatabaseModule,
    ReferenceModule,
    OrganizationsModule,
    NeedsModule,
    TwinningsModule,
  ],
  providers: [PledgesService, PledgesResolver],
  exports: [PledgesService],
})
export class PledgesModule {}
