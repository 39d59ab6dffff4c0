import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { CommitmentsModule } from '../commitments/commitments.module';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PledgesModule } from '../pledges/pledges.module';
import { ReferenceModule } from '../reference/reference.module';
import { ReportsModule } from '../reports/reports.module';
import { TwinningsModule } from '../twinnings/twinnings.module';
import { AnnualReport } from './annual-report';
import { EXPORT_SOURCES, ExportSource } from './export-source';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ActivitiesExport } from './sources/activities.export';
import { CoverageExport } from './sources/coverage.export';
import { NeedsExport } from './sources/needs.export';
import { OffersExport } from './sources/offers.export';
import { PledgesExport } from './sources/pledges.export';
import { TwinningsExport } from './sources/twinnings.export';

/** The lists that can be exported, one class each (export-source.ts). */
const EXPORT_SOURCE_CLASSES = [
  NeedsExport,
  OffersExport,
  TwinningsExport,
  ActivitiesExport,
  CoverageExport,
  PledgesExport,
];

/** Spreadsheets out: every list as CSV or XLSX, and the annual report (issue 16). */
@Module({
  imports: [
    ReferenceModule,
    OrganizationsModule,
    CommitmentsModule,
    NeedsModule,
    OffersModule,
    TwinningsModule,
    ActivitiesModule,
    PledgesModule,
    ReportsModule,
  ],
  controllers: [ExportsController],
  providers: [
    ...EXPORT_SOURCE_CLASSES,
    {
      provide: EXPORT_SOURCES,
      useFactory: (...sources: ExportSource[]) => sources,
      inject: EXPORT_SOURCE_CLASSES,
    },
    AnnualReport,
    ExportsService,
  ],
})
export class ExportsModule {}
