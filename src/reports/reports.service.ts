import { Clock } from '../common/clock/clock';
import { Injectable } from '@nestjs/common';
import { ActivitiesService } from '../activities/activities.service';
import { ActivityKind } from '../activities/activity-enums';
import type { User } from '../accounts/user.entity';
import { CommitmentsService } from '../commitments/commitments.service';
import { FieldProblems } from '../common/errors/domain-errors';
import { checkPeriod } from '../common/validation/input-rules';
import { NeedsService } from '../needs/needs.service';
import { OrganizationKind } from '../organizations/organization-kind';
import { OrganizationsService } from '../organizations/organizations.service';
import { PledgesService } from '../pledges/pledges.service';
import { ReferenceService } from '../reference/reference.service';
import { MIRPS_STATES } from '../reference/reference-data';
import { TwinningsService } from '../twinnings/twinnings.service';
import { CoverageCell } from './dto/coverage-cell';
import { coverageGrid } from './coverage-grid';
import { PlatformSummary } from './dto/platform-summary';

/** Read-only figures composed from the modules that own them. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly clock: Clock,
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
    private readonly commitments: CommitmentsService,
    private readonly needs: NeedsService,
    private readonly twinnings: TwinningsService,
    private readonly activities: ActivitiesService,
    private readonly pledges: PledgesService,
  ) {}

  /**
   * Every MIRPS state × working group (or the one asked for), counting needs by status
   * (restricted ones too: counted, never named) and the plan's commitments and indicators
   * on track.
   */
  async coverage(workingGroupCode?: string): Promise<CoverageCell[]> {
    if (workingGroupCode) {
      const problems = new FieldProblems();
      await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [workingGroupCode]);
      problems.throwIfAny();
    }
    const [countries, workingGroups, counts, plans] = await Promise.all([
      this.reference.countriesByCodes(MIRPS_STATES),
      workingGroupCode
        ? this.reference.workingGroupsByCodes([workingGroupCode])
        : this.reference.listWorkingGroups(),
      this.needs.countsByCountryAndGroup(workingGroupCode),
      this.commitments.countsByCountryAndGroup(workingGroupCode),
    ]);
    return coverageGrid(countries, workingGroups, counts, plans);
  }

  /**
   * The figures of [from, to); by default the current year up to now. Everything is
   * counted; the countries and members named are those of twinnings `reader` may read
   * (one that includes a restricted need names its parties to them and the secretariat).
   */
  async summary(reader: User, period: { from?: Date; to?: Date }): Promise<PlatformSummary> {
    const to = period.to ?? this.clock.now();
    const from = period.from ?? new Date(Date.UTC(to.getUTCFullYear(), 0, 1));
    const problems = new FieldProblems();
    checkPeriod(problems, 'to', from, to);
    problems.throwIfAny();

    const [needsPosted, milestones, done, pledges, privateSectorPartners] = await Promise.all([
      this.needs.countPostedBetween(from, to),
      this.twinnings.milestonesBetween(from, to),
      this.activities.doneBetween(from, to),
      this.pledges.figuresBetween(from, to),
      this.organizations.countOfKind(OrganizationKind.PRIVATE_SECTOR),
    ]);
    const readable = await this.twinnings.readableIds(reader, [
      ...new Set([...milestones.twinningIds, ...done.twinningIds]),
    ]);
    const involved = [...readable];
    const parties = involved.length > 0 ? await this.twinnings.partiesOf(involved) : [];
    const countryCodes = new Set(
      done.participantCountries
        .filter((participant) => readable.has(participant.twinningId))
        .map((participant) => participant.countryCode),
    );
    const organizationIds = new Set<string>();
    const pledgers = pledges.byMember.map((member) => member.organizationId);
    for (const party of parties) {
      if (party.countryCode) countryCodes.add(party.countryCode);
      if (party.organizationId) organizationIds.add(party.organizationId);
    }
    const [countries, organizations] = await Promise.all([
      countryCodes.size > 0 ? this.reference.countriesByCodes([...countryCodes]) : [],
      organizationIds.size + pledgers.length > 0
        ? this.organizations.byIds([...new Set([...organizationIds, ...pledgers])])
        : [],
    ]);
    const byId = new Map(organizations.map((organization) => [organization.id, organization]));
    const members = organizations.filter((organization) => organizationIds.has(organization.id));
    const pledgesByMember = pledges.byMember.map(({ organizationId, ...figures }) => ({
      organization: byId.get(organizationId)!,
      ...figures,
    }));
    // Equal totals: by name, as every list of members.
    pledgesByMember.sort(
      (a, b) =>
        b.pledgedUsd - a.pledgedUsd || a.organization.nameKey.localeCompare(b.organization.nameKey),
    );

    const byKind = Object.values(ActivityKind).map((kind) => ({
      kind,
      count: done.byKind.get(kind) ?? 0,
    }));
    return {
      from,
      to,
      needsPosted,
      twinningsConfirmed: milestones.confirmed,
      twinningsCompleted: milestones.completed,
      activitiesDone: byKind.reduce((total, { count }) => total + count, 0),
      activitiesDoneByKind: byKind,
      participants: {
        women: done.women,
        men: done.men,
        other: done.other,
        total: done.women + done.men + done.other,
      },
      countriesInvolved: countries.sort((a, b) => a.code.localeCompare(b.code)),
      membersInvolved: members.sort((a, b) => a.nameKey.localeCompare(b.nameKey)),
      pledges: pledges.pledges,
      pledgedUsd: pledges.pledgedUsd,
      disbursedUsd: pledges.disbursedUsd,
      pledgesWithoutRate: pledges.withoutRate,
      pledgesByMember,
      privateSectorPartners,
    };
  }
}
