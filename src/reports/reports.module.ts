import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { CommitmentsModule } from '../commitments/commitments.module';
import { NeedsModule } from '../needs/needs.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PledgesModule } from '../pledges/pledges.module';
import { ReferenceModule } from '../reference/reference.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  imports: [
    ReferenceModule,
    OrganizationsModule,
    CommitmentsModule,
    NeedsModule,
    TwinningsModule,
    ActivitiesModule,
    PledgesModule,
  ],
  providers: [ReportsService, ReportsResolver],
  exports: [ReportsService],
})
export class ReportsModule {}
