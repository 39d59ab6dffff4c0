import { Args, ID, Mutation, Query, ResolveField, Resolver, ObjectType } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { IdArgs, VALID_ID, WithdrawArgs } from '../common/dto/id.args';
import { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { Connection, ConnectionShape } from '../common/pagination/connection';
import { Commitment } from '../commitments/commitment.entity';
import { commitmentLoader } from '../commitments/commitment.loaders';
import { CommitmentsService } from '../commitments/commitments.service';
import { Country } from '../reference/country.entity';
import { countryLoader, workingGroupLoader } from '../reference/reference.loaders';
import { ReferenceService } from '../reference/reference.service';
import { WorkingGroup } from '../reference/working-group.entity';
import { CreateNeedInput } from './dto/create-need.input';
import { NeedsArgs } from './dto/needs.args';
import { UpdateNeedInput } from './dto/update-need.input';
import { Need } from './need.entity';
import { NeedsService } from './needs.service';

@ObjectType()
export class NeedConnection extends Connection(Need) {}

const MANAGERS = [Role.SECRETARIAT, Role.COUNTRY_FOCAL_POINT];

@Resolver(() => Need)
export class NeedsResolver {
  constructor(
    private readonly needsService: NeedsService,
    private readonly reference: ReferenceService,
    private readonly commitments: CommitmentsService,
  ) {}

  @SignedIn()
  @Query(() => Need, { description: 'NOT_FOUND when absent' })
  need(@CurrentUser() user: User, @Args() { id }: IdArgs): Promise<Need> {
    return this.needsService.getReadable(user, id);
  }

  @SignedIn()
  @Query(() => NeedConnection, { description: 'Newest first' })
  needs(
    @CurrentUser() user: User,
    @Args() { filter, ...page }: NeedsArgs,
  ): Promise<ConnectionShape<Need>> {
    return this.needsService.list(user, filter, page);
  }

  @Roles(MANAGERS)
  @Mutation(() => Need)
  createNeed(@CurrentUser() user: User, @Args('input') input: CreateNeedInput): Promise<Need> {
    return this.needsService.create(user, input);
  }

  @Roles(MANAGERS)
  @Mutation(() => Need)
  updateNeed(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }, VALID_ID) id: string,
    @Args('input') input: UpdateNeedInput,
  ): Promise<Need> {
    return this.needsService.update(user, id, input);
  }

  @Roles(MANAGERS)
  @Mutation(() => Need)
  withdrawNeed(@CurrentUser() user: User, @Args() { id, reason }: WithdrawArgs): Promise<Need> {
    return this.needsService.withdraw(user, id, reason);
  }

  @Roles(MANAGERS)
  @Mutation(() => Need, {
    description:
      'Restarts its validity from now (POSTING_VALIDITY_DAYS); an EXPIRED need is open again. ' +
      "By its country's focal points or the secretariat, at any time",
  })
  renewNeed(@CurrentUser() user: User, @Args() { id }: IdArgs): Promise<Need> {
    return this.needsService.renew(user, id);
  }

  @ResolveField(() => Country)
  country(need: Need, _args: unknown, { loaders }: GraphQLContext): Promise<Country> {
    return loadRequired(countryLoader(loaders, this.reference), need.countryCode, 'Country');
  }

  @ResolveField(() => Commitment, {
    nullable: true,
    description: 'The National Action Plan commitment it serves',
  })
  async commitment(
    need: Need,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Commitment | null> {
    if (!need.commitmentId) return null;
    return commitmentLoader(loaders, this.commitments).load(need.commitmentId);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(need: Need, _args: unknown, { loaders }: GraphQLContext): Promise<WorkingGroup> {
    return loadRequired(
      workingGroupLoader(loaders, this.reference),
      need.workingGroupCode,
      'Working group',
    );
  }
}
