import { Injectable } from '@nestjs/common';
import type { User } from '../../accounts/user.entity';
import { Locale } from '../../common/locale';
import { countryName, workingGroupName } from '../../reference/reference.service';
import { CoverageReportArgs } from '../../reports/dto/coverage-report.args';
import { ReportsService } from '../../reports/reports.service';
import { CellValue, ExportColumn, ExportSource } from '../export-source';

/**
 * `coverage.csv|xlsx`: `coverageReport` as a table, one row per MIRPS state × working group
 * (restricted needs counted, never named, as in the report).
 */
@Injectable()
export class CoverageExport implements ExportSource<CoverageReportArgs> {
  readonly name = 'coverage';
  readonly fileName = 'exports.fileCoverage' as const;
  readonly filter = CoverageReportArgs;
  readonly columns: readonly ExportColumn[] = [
    { header: 'exports.country', kind: 'text', width: 18 },
    { header: 'exports.workingGroup', kind: 'text', width: 32 },
    { header: 'exports.needs', kind: 'integer', width: 12 },
    { header: 'exports.open', kind: 'integer', width: 12 },
    { header: 'exports.inTwinning', kind: 'integer', width: 16 },
    { header: 'exports.fulfilled', kind: 'integer', width: 12 },
    { header: 'exports.commitments', kind: 'integer', width: 12 },
    { header: 'exports.indicatorsOnTrack', kind: 'integer', width: 16 },
  ];

  constructor(private readonly reports: ReportsService) {}

  async *rows(
    _reader: User,
    filter: CoverageReportArgs,
    locale: Locale,
  ): AsyncGenerator<CellValue[]> {
    for (const cell of await this.reports.coverage(filter.workingGroupCode)) {
      yield [
        countryName(cell.country, locale),
        workingGroupName(cell.workingGroup, locale),
        cell.needs,
        cell.open,
        cell.inTwinning,
        cell.fulfilled,
        cell.commitments,
        cell.indicatorsOnTrack,
      ];
    }
  }
}
