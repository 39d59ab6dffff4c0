import { Clock } from '../common/clock/clock';
import { isOnTrack } from './indicator-progress';
import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { VALID_ID } from '../common/dto/id.args';
import { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { Country } from '../reference/country.entity';
import { countryLoader, workingGroupLoader } from '../reference/reference.loaders';
import { ReferenceService } from '../reference/reference.service';
import { WorkingGroup } from '../reference/working-group.entity';
import { Commitment } from './commitment.entity';
import { commitmentIndicatorsLoader, indicatorValuesLoader } from './commitment.loaders';
import { CommitmentsService } from './commitments.service';
import { CommitmentsArgs, RecordIndicatorValueArgs } from './dto/commitments.args';
import { CreateCommitmentInput } from './dto/create-commitment.input';
import { UpdateCommitmentInput } from './dto/update-commitment.input';
import { IndicatorValue } from './indicator-value.entity';
import { Indicator } from './indicator.entity';

const MANAGERS = [Role.SECRETARIAT, Role.COUNTRY_FOCAL_POINT];

@Resolver(() => Commitment)
export class CommitmentsResolver {
  constructor(
    private readonly commitmentsService: CommitmentsService,
    private readonly reference: ReferenceService,
  ) {}

  @SignedIn()
  @Query(() => [Commitment], {
    description: "National Action Plan commitments, by country then the plan's code",
  })
  commitments(@Args() filter: CommitmentsArgs): Promise<Commitment[]> {
    return this.commitmentsService.list(filter);
  }

  @Roles(MANAGERS)
  @Mutation(() => Commitment, { description: "That country's focal points or the secretariat" })
  createCommitment(
    @CurrentUser() user: User,
    @Args('input') input: CreateCommitmentInput,
  ): Promise<Commitment> {
    return this.commitmentsService.create(user, input);
  }

  @Roles(MANAGERS)
  @Mutation(() => Commitment, {
    description:
      'Indicators, when given, replace the list: those matched by name (case and accents ' +
      'ignored) keep their values',
  })
  updateCommitment(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }, VALID_ID) id: string,
    @Args('input') input: UpdateCommitmentInput,
  ): Promise<Commitment> {
    return this.commitmentsService.update(user, id, input);
  }

  @Roles(MANAGERS)
  @Mutation(() => Indicator, {
    description: 'A value measured at `at`; `current` is the latest by date',
  })
  recordIndicatorValue(
    @CurrentUser() user: User,
    @Args() { indicatorId, value, at, source }: RecordIndicatorValueArgs,
  ): Promise<Indicator> {
    return this.commitmentsService.recordValue(user, indicatorId, value, at, source);
  }

  @ResolveField(() => Country)
  country(commitment: Commitment, _args: unknown, { loaders }: GraphQLContext): Promise<Country> {
    return loadRequired(countryLoader(loaders, this.reference), commitment.countryCode, 'Country');
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(
    commitment: Commitment,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<WorkingGroup> {
    return loadRequired(
      workingGroupLoader(loaders, this.reference),
      commitment.workingGroupCode,
      'Working group',
    );
  }

  @ResolveField(() => [Indicator], { description: 'In the order the plan lists them' })
  indicators(
    commitment: Commitment,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Indicator[]> {
    return commitmentIndicatorsLoader(loaders, this.commitmentsService).load(commitment.id);
  }
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  constructor(
    private readonly commitmentsService: CommitmentsService,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => Boolean, {
    description:
      'Whether it is on track now, by the rule the coverage report counts (README: "On track")',
  })
  onTrack(indicator: Indicator): boolean {
    return isOnTrack({ ...indicator, startedAt: indicator.createdAt }, this.clock.now());
  }

  @ResolveField(() => [IndicatorValue], { description: 'Every value recorded, oldest first' })
  values(
    indicator: Indicator,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<IndicatorValue[]> {
    return indicatorValuesLoader(loaders, this.commitmentsService).load(indicator.id);
  }
}
