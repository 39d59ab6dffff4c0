import {
  Args,
  Context,
  Float,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { Connection, ConnectionShape } from '../common/pagination/connection';
import { Need } from '../needs/need.entity';
import { NeedsService } from '../needs/needs.service';
import { organizationLoader } from '../organizations/organization.loaders';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { Country } from '../reference/country.entity';
import { countryLoader, workingGroupLoader } from '../reference/reference.loaders';
import { ReferenceService } from '../reference/reference.service';
import { WorkingGroup } from '../reference/working-group.entity';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { TwinningsService } from '../twinnings/twinnings.service';
import { toUsd } from './currency';
import { CreatePledgeInput } from './dto/create-pledge.input';
import { PledgesArgs, SetExchangeRateArgs, SetPledgeStatusArgs } from './dto/pledges.args';
import { ExchangeRate } from './exchange-rate.entity';
import { pledgeNeedsLoader, readableTwinningLoader, usdPerUnitLoader } from './pledge.loaders';
import { PledgeStatus } from './pledge-status';
import { Pledge } from './pledge.entity';
import { PledgesService } from './pledges.service';

@ObjectType()
export class PledgeConnection extends Connection(Pledge) {}

const RECORDERS = [Role.SECRETARIAT, Role.MEMBER_FOCAL_POINT];

@Resolver(() => Pledge)
export class PledgesResolver {
  constructor(
    private readonly pledgesService: PledgesService,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
    private readonly needsService: NeedsService,
    private readonly twinningsService: TwinningsService,
  ) {}

  @SignedIn()
  @Query(() => PledgeConnection, {
    description:
      'Newest first. The secretariat and observers read every pledge; member focal points ' +
      "their organization's; country focal points those for their country",
  })
  pledges(
    @CurrentUser() user: User,
    @Args() { organizationId, countryCode, status, ...page }: PledgesArgs,
  ): Promise<ConnectionShape<Pledge>> {
    return this.pledgesService.list(user, { organizationId, countryCode, status }, page);
  }

  @SignedIn()
  @Query(() => [ExchangeRate], { description: 'Every rate the secretariat set, newest first' })
  exchangeRates(): Promise<ExchangeRate[]> {
    return this.pledgesService.exchangeRates();
  }

  @Roles(RECORDERS)
  @Mutation(() => Pledge, {
    description: "That organization's member focal points or the secretariat",
  })
  createPledge(
    @CurrentUser() user: User,
    @Args('input') input: CreatePledgeInput,
  ): Promise<Pledge> {
    return this.pledgesService.create(user, input);
  }

  @Roles(RECORDERS)
  @Mutation(() => Pledge, {
    description:
      'PLEDGED → COMMITTED → DISBURSED; any but DISBURSED → CANCELLED; CONFLICT otherwise',
  })
  setPledgeStatus(
    @CurrentUser() user: User,
    @Args() { id, status }: SetPledgeStatusArgs,
  ): Promise<Pledge> {
    return this.pledgesService.setStatus(user, id, status);
  }

  @Roles([Role.SECRETARIAT])
  @Mutation(() => Boolean, {
    description: 'Kept with every earlier rate; the latest by asOf not after now is in force',
  })
  setExchangeRate(
    @CurrentUser() user: User,
    @Args() { currency, usdPerUnit, asOf }: SetExchangeRateArgs,
  ): Promise<boolean> {
    return this.pledgesService.setExchangeRate(user, currency, usdPerUnit, asOf);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description:
      "In US dollars at the secretariat's rate in force now for the currency (USD 1), to the " +
      'cent, so it follows rate changes; null without a rate',
  })
  async amountUsd(
    pledge: Pledge,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<number | null> {
    const rate = await usdPerUnitLoader(loaders, this.pledgesService).load(pledge.currency);
    return toUsd(pledge.amount, pledge.currency, rate);
  }

  @ResolveField(() => [PledgeStatus], {
    description: 'The statuses the caller may move it to now; none if they may not change it',
  })
  nextStatuses(@Parent() pledge: Pledge, @CurrentUser() user: User): readonly PledgeStatus[] {
    return this.pledgesService.nextStatusesFor(user, pledge);
  }

  @ResolveField(() => Organization)
  organization(pledge: Pledge, _args: unknown, { loaders }: GraphQLContext): Promise<Organization> {
    return loadRequired(
      organizationLoader(loaders, this.organizations),
      pledge.organizationId,
      'Organization',
    );
  }

  @ResolveField(() => Country, { nullable: true })
  country(pledge: Pledge, _args: unknown, { loaders }: GraphQLContext): Promise<Country | null> {
    if (!pledge.countryCode) return Promise.resolve(null);
    return countryLoader(loaders, this.reference).load(pledge.countryCode);
  }

  @ResolveField(() => WorkingGroup, { nullable: true })
  workingGroup(
    pledge: Pledge,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<WorkingGroup | null> {
    if (!pledge.workingGroupCode) return Promise.resolve(null);
    return workingGroupLoader(loaders, this.reference).load(pledge.workingGroupCode);
  }

  @ResolveField(() => [Need], { description: 'Those the caller may see, oldest first' })
  needs(
    @Parent() pledge: Pledge,
    @CurrentUser() user: User,
    @Context() { loaders }: GraphQLContext,
  ): Promise<Need[]> {
    return pledgeNeedsLoader(loaders, this.pledgesService, this.needsService, user).load(pledge.id);
  }

  @ResolveField(() => TwinningArrangement, {
    nullable: true,
    description: 'Null when none, or when the caller may not see it',
  })
  twinning(
    @Parent() pledge: Pledge,
    @CurrentUser() user: User,
    @Context() { loaders }: GraphQLContext,
  ): Promise<TwinningArrangement | null> {
    if (!pledge.twinningId) return Promise.resolve(null);
    return readableTwinningLoader(loaders, this.twinningsService, user).load(pledge.twinningId);
  }
}
