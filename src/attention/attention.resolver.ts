import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, SignedIn } from '../common/auth/access.decorators';
import { GraphQLContext } from '../common/graphql-context';
import { Need } from '../needs/need.entity';
import { needLoader } from '../needs/need.loaders';
import { NeedsService } from '../needs/needs.service';
import { Offer } from '../offers/offer.entity';
import { offerLoader } from '../offers/offer.loaders';
import { OffersService } from '../offers/offers.service';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { twinningLoader } from '../twinnings/twinning.loaders';
import { TwinningsService } from '../twinnings/twinnings.service';
import { AttentionItem } from './attention-item';
import { AttentionService } from './attention.service';
import { AttentionArgs } from './dto/attention.args';

@Resolver(() => AttentionItem)
export class AttentionResolver {
  constructor(
    private readonly attentionService: AttentionService,
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
    private readonly twinnings: TwinningsService,
  ) {}

  @SignedIn()
  @Query(() => [AttentionItem], {
    description:
      'What waits for you to act on (the secretariat: for anyone), reddest and oldest first',
  })
  attention(@CurrentUser() user: User, @Args() args: AttentionArgs): Promise<AttentionItem[]> {
    return this.attentionService.listFor(user, {
      countryCode: args.countryCode,
      workingGroupCode: args.workingGroupCode,
      first: args.first ?? 50,
    });
  }

  @ResolveField(() => Need, { nullable: true })
  need(item: AttentionItem, _args: unknown, { loaders }: GraphQLContext): Promise<Need | null> {
    return item.needId ? needLoader(loaders, this.needs).load(item.needId) : Promise.resolve(null);
  }

  @ResolveField(() => Offer, { nullable: true })
  offer(item: AttentionItem, _args: unknown, { loaders }: GraphQLContext): Promise<Offer | null> {
    return item.offerId
      ? offerLoader(loaders, this.offers).load(item.offerId)
      : Promise.resolve(null);
  }

  @ResolveField(() => TwinningArrangement, { nullable: true })
  twinning(
    item: AttentionItem,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<TwinningArrangement | null> {
    return item.twinningId
      ? twinningLoader(loaders, this.twinnings).load(item.twinningId)
      : Promise.resolve(null);
  }
}
