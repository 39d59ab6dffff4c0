import {
  Args,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { IdArgs, VALID_ID, WithdrawArgs } from '../common/dto/id.args';
import { GraphQLContext } from '../common/graphql-context';
import { groupByKey, loadRequired } from '../common/loaders/request-loaders';
import { Connection, ConnectionShape } from '../common/pagination/connection';
import { organizationLoader } from '../organizations/organization.loaders';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { Country } from '../reference/country.entity';
import { WorkingGroup } from '../reference/working-group.entity';
import { CreateOfferInput } from './dto/create-offer.input';
import { OffersArgs } from './dto/offers.args';
import { UpdateOfferInput } from './dto/update-offer.input';
import { Offer } from './offer.entity';
import { OffersService, remainingCapacityOf } from './offers.service';

@ObjectType()
export class OfferConnection extends Connection(Offer) {}

const MANAGERS = [Role.SECRETARIAT, Role.MEMBER_FOCAL_POINT];

@Resolver(() => Offer)
export class OffersResolver {
  constructor(
    private readonly offersService: OffersService,
    private readonly organizations: OrganizationsService,
  ) {}

  @SignedIn()
  @Query(() => Offer, { description: 'NOT_FOUND when absent' })
  offer(@Args() { id }: IdArgs): Promise<Offer> {
    return this.offersService.get(id);
  }

  @SignedIn()
  @Query(() => OfferConnection, { description: 'Newest first' })
  offers(@Args() { filter, ...page }: OffersArgs): Promise<ConnectionShape<Offer>> {
    return this.offersService.list(filter, page);
  }

  @Roles(MANAGERS)
  @Mutation(() => Offer)
  createOffer(@CurrentUser() user: User, @Args('input') input: CreateOfferInput): Promise<Offer> {
    return this.offersService.create(user, input);
  }

  @Roles(MANAGERS)
  @Mutation(() => Offer)
  updateOffer(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }, VALID_ID) id: string,
    @Args('input') input: UpdateOfferInput,
  ): Promise<Offer> {
    return this.offersService.update(user, id, input);
  }

  @Roles(MANAGERS)
  @Mutation(() => Offer)
  withdrawOffer(@CurrentUser() user: User, @Args() { id, reason }: WithdrawArgs): Promise<Offer> {
    return this.offersService.withdraw(user, id, reason);
  }

  @Roles(MANAGERS)
  @Mutation(() => Offer, {
    description:
      'Restarts its validity from now (POSTING_VALIDITY_DAYS); an EXPIRED offer is open again. ' +
      "By its organization's focal points or the secretariat, at any time",
  })
  renewOffer(@CurrentUser() user: User, @Args() { id }: IdArgs): Promise<Offer> {
    return this.offersService.renew(user, id);
  }

  @ResolveField(() => Int, {
    description:
      'capacity minus the needs live twinnings hold: those of twinnings the offering member proposed or accepted, or the secretariat proposed',
  })
  remainingCapacity(offer: Offer): number {
    return remainingCapacityOf(offer);
  }

  @ResolveField(() => Organization)
  organization(offer: Offer, _args: unknown, { loaders }: GraphQLContext): Promise<Organization> {
    return loadRequired(
      organizationLoader(loaders, this.organizations),
      offer.organizationId,
      'Organization',
    );
  }

  @ResolveField(() => [WorkingGroup])
  async workingGroups(
    offer: Offer,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<WorkingGroup[]> {
    const links = await loaders
      .get('offerWorkingGroups', async (ids: readonly string[]) =>
        groupByKey(ids, await this.offersService.workingGroupsOf(ids), (link) => link.offerId),
      )
      .load(offer.id);
    return links.map((link) => link.workingGroup!);
  }

  @ResolveField(() => [Country], { description: 'Empty means every MIRPS state' })
  async eligibleCountries(
    offer: Offer,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Country[]> {
    const links = await loaders
      .get('offerEligibleCountries', async (ids: readonly string[]) =>
        groupByKey(ids, await this.offersService.eligibleCountriesOf(ids), (link) => link.offerId),
      )
      .load(offer.id);
    return links.map((link) => link.country!);
  }
}
