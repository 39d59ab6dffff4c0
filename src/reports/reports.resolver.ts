import { Args, Query, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, SignedIn } from '../common/auth/access.decorators';
import { CoverageCell } from './dto/coverage-cell';
import { CoverageReportArgs } from './dto/coverage-report.args';
import { PlatformSummaryArgs } from './dto/platform-summary.args';
import { PlatformSummary } from './dto/platform-summary';
import { ReportsService } from './reports.service';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @SignedIn()
  @Query(() => [CoverageCell], {
    description:
      'One cell per MIRPS state × working group (or the one given), by country code then working group code',
  })
  coverageReport(@Args() { workingGroupCode }: CoverageReportArgs): Promise<CoverageCell[]> {
    return this.reports.coverage(workingGroupCode);
  }

  @SignedIn()
  @Query(() => PlatformSummary, {
    description: "Headline figures of a period, for the chair's annual report",
  })
  platformSummary(
    @CurrentUser() user: User,
    @Args() period: PlatformSummaryArgs,
  ): Promise<PlatformSummary> {
    return this.reports.summary(user, period);
  }
}
