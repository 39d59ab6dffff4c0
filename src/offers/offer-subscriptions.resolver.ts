import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { SignedIn } from '../common/auth/access.decorators';
import { FieldProblems } from '../common/errors/domain-errors';
import type { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { EventBus } from '../events/event-bus';
import { LiveDelivery } from '../events/live-delivery';
import type { LiveEvents } from '../events/live-events';
import { WorkingGroupCodeArgs } from '../reference/dto/working-group-code.args';
import { ReferenceService } from '../reference/reference.service';
import { OfferStatus } from './offer-status';
import { Offer } from './offer.entity';
import { offerLoader } from './offer.loaders';
import { OffersService } from './offers.service';

type OfferPosted = LiveEvents['offerPosted'];

@Resolver(() => Offer)
export class OfferSubscriptionsResolver {
  constructor(
    private readonly offersService: OffersService,
    private readonly reference: ReferenceService,
    private readonly events: EventBus,
    private readonly delivery: LiveDelivery,
  ) {}

  /**
   * Every signed-in user reads every offer, so every subscriber of the working group hears
   * of it, unless it was withdrawn or stopped serving the group before it is delivered.
   */
  @SignedIn()
  @Subscription(() => Offer, {
    description:
      'Offers posted for this working group (or extended to it) from now on, as they are when ' +
      'delivered; one withdrawn or no longer serving the group meanwhile is skipped',
    filter(
      this: OfferSubscriptionsResolver,
      event: OfferPosted,
      { workingGroupCode }: WorkingGroupCodeArgs,
      context: GraphQLContext,
    ) {
      return (
        event.workingGroupCodes.includes(workingGroupCode) &&
        this.delivery.admits(context, async () => {
          const offer = await offerLoader(context.loaders, this.offersService).load(event.offerId);
          if (offer === null || offer.status === OfferStatus.WITHDRAWN) return false;
          const serves = await this.offersService.workingGroupLinksOf([offer.id]);
          return serves.some((link) => link.workingGroupCode === workingGroupCode);
        })
      );
    },
    resolve(this: OfferSubscriptionsResolver, event: OfferPosted, _args, context: GraphQLContext) {
      return loadRequired(offerLoader(context.loaders, this.offersService), event.offerId, 'Offer');
    },
  })
  async offerPosted(
    @Args() { workingGroupCode }: WorkingGroupCodeArgs,
  ): Promise<AsyncIterableIterator<OfferPosted>> {
    const problems = new FieldProblems();
    await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [workingGroupCode]);
    problems.throwIfAny();
    return this.events.listen('offerPosted');
  }
}
