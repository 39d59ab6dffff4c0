import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser } from '../common/auth/access.decorators';
import { GraphQLContext } from '../common/graphql-context';
import { groupByKey } from '../common/loaders/request-loaders';
import { Offer } from '../offers/offer.entity';
import { TwinningArrangement } from './twinning.entity';
import { TwinningsService } from './twinnings.service';

/** `Offer.twinnings`: resolved here because twinnings depend on offers, not the other way. */
@Resolver(() => Offer)
export class OfferTwinningsResolver {
  constructor(private readonly twinningsService: TwinningsService) {}

  @ResolveField(() => [TwinningArrangement], {
    description: 'Newest first; those you may read (need visibility)',
  })
  twinnings(
    @Parent() offer: Offer,
    @CurrentUser() user: User,
    @Context() { loaders }: GraphQLContext,
  ): Promise<TwinningArrangement[]> {
    return loaders
      .get('offerTwinnings', async (ids: readonly string[]) =>
        groupByKey(
          ids,
          await this.twinningsService.ofOffers(user, ids),
          (twinning) => twinning.offerId,
        ),
      )
      .load(offer.id);
  }
}
