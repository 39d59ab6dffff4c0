import { Args, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { IdArgs } from '../common/dto/id.args';
import { GraphQLContext } from '../common/graphql-context';
import { groupByKey, loadRequired } from '../common/loaders/request-loaders';
import { Connection, ConnectionShape } from '../common/pagination/connection';
import { Need } from '../needs/need.entity';
import { offerLoader } from '../offers/offer.loaders';
import { Offer } from '../offers/offer.entity';
import { OffersService } from '../offers/offers.service';
import { ProposeTwinningInput } from './dto/propose-twinning.input';
import { RespondToTwinningArgs } from './dto/respond-to-twinning.args';
import { CancelTwinningArgs } from './dto/cancel-twinning.args';
import { CompleteTwinningArgs } from './dto/complete-twinning.args';
import { TwinningsArgs } from './dto/twinnings.args';
import { StatusChange } from './status-change.entity';
import { TwinningParty } from './twinning-party.entity';
import { TwinningArrangement } from './twinning.entity';
import { TwinningsService } from './twinnings.service';

@ObjectType()
export class TwinningConnection extends Connection(TwinningArrangement) {}

const PARTIES = [Role.COUNTRY_FOCAL_POINT, Role.MEMBER_FOCAL_POINT];
const SECRETARIAT_AND_PARTIES = [Role.SECRETARIAT, ...PARTIES];

@Resolver(() => TwinningArrangement)
export class TwinningsResolver {
  constructor(
    private readonly twinningsService: TwinningsService,
    private readonly offers: OffersService,
  ) {}

  @SignedIn()
  @Query(() => TwinningArrangement, { description: 'NOT_FOUND when absent' })
  twinning(@CurrentUser() user: User, @Args() { id }: IdArgs): Promise<TwinningArrangement> {
    return this.twinningsService.getReadable(user, id);
  }

  @SignedIn()
  @Query(() => TwinningConnection, { description: 'Newest first' })
  twinnings(
    @CurrentUser() user: User,
    @Args() { filter, ...page }: TwinningsArgs,
  ): Promise<ConnectionShape<TwinningArrangement>> {
    return this.twinningsService.list(user, filter, page);
  }

  @Roles(SECRETARIAT_AND_PARTIES)
  @Mutation(() => TwinningArrangement, {
    description:
      "The secretariat, the offer's member focal point or a focal point of a listed need's country; " +
      "the proposer's side starts ACCEPTED",
  })
  proposeTwinning(
    @CurrentUser() user: User,
    @Args('input') input: ProposeTwinningInput,
  ): Promise<TwinningArrangement> {
    return this.twinningsService.propose(user, input);
  }

  @Roles(PARTIES)
  @Mutation(() => TwinningArrangement, { description: 'A party answers for its own side' })
  respondToTwinning(
    @CurrentUser() user: User,
    @Args() { id, accept, comment }: RespondToTwinningArgs,
  ): Promise<TwinningArrangement> {
    return this.twinningsService.respond(user, id, accept, comment);
  }

  @Roles([Role.SECRETARIAT])
  @Mutation(() => TwinningArrangement, { description: 'Secretariat: from ACCEPTED only' })
  confirmTwinning(@CurrentUser() user: User, @Args() { id }: IdArgs): Promise<TwinningArrangement> {
    return this.twinningsService.confirm(user, id);
  }

  @Roles([Role.SECRETARIAT, Role.MEMBER_FOCAL_POINT])
  @Mutation(() => TwinningArrangement, {
    description:
      'The secretariat or the offering member, from CONFIRMED: the needs are FULFILLED, but those in reopenNeedIds go back to OPEN; a follow-up is created',
  })
  completeTwinning(
    @CurrentUser() user: User,
    @Args() { id, summary, reopenNeedIds }: CompleteTwinningArgs,
  ): Promise<TwinningArrangement> {
    return this.twinningsService.complete(user, id, summary, reopenNeedIds ?? []);
  }

  @Roles(SECRETARIAT_AND_PARTIES)
  @Mutation(() => TwinningArrangement, {
    description: 'The secretariat or any party, before it ends: the needs are OPEN again',
  })
  cancelTwinning(
    @CurrentUser() user: User,
    @Args() { id, reason }: CancelTwinningArgs,
  ): Promise<TwinningArrangement> {
    return this.twinningsService.cancel(user, id, reason);
  }

  @ResolveField(() => Offer)
  offer(
    twinning: TwinningArrangement,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Offer> {
    return loadRequired(offerLoader(loaders, this.offers), twinning.offerId, 'Offer');
  }

  @ResolveField(() => [Need])
  async needs(
    twinning: TwinningArrangement,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Need[]> {
    const links = await loaders
      .get('twinningNeeds', async (ids: readonly string[]) =>
        groupByKey(ids, await this.twinningsService.needLinksOf(ids), (link) => link.twinningId),
      )
      .load(twinning.id);
    return links.map((link) => link.need);
  }

  @ResolveField(() => [TwinningParty], {
    description: "The offer's organization first, then the countries of the needs",
  })
  parties(
    twinning: TwinningArrangement,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<TwinningParty[]> {
    return loaders
      .get('twinningParties', async (ids: readonly string[]) =>
        groupByKey(ids, await this.twinningsService.partiesOf(ids), (party) => party.twinningId),
      )
      .load(twinning.id);
  }

  @ResolveField(() => [StatusChange], { description: 'Every step, oldest first' })
  history(
    twinning: TwinningArrangement,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<StatusChange[]> {
    return loaders
      .get('twinningHistory', async (ids: readonly string[]) =>
        groupByKey(ids, await this.twinningsService.historyOf(ids), (step) => step.twinningId),
      )
      .load(twinning.id);
  }
}
