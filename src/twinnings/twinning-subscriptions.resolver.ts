import { Resolver, Subscription } from '@nestjs/graphql';
import { SignedIn } from '../common/auth/access.decorators';
import type { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { EventBus } from '../events/event-bus';
import { LiveDelivery } from '../events/live-delivery';
import type { LiveEvents } from '../events/live-events';
import { TwinningArrangement } from './twinning.entity';
import { twinningLoader } from './twinning.loaders';
import { followsTwinning } from './twinning.policy';
import { TwinningsService } from './twinnings.service';

type TwinningChanged = LiveEvents['twinningChanged'];

@Resolver(() => TwinningArrangement)
export class TwinningSubscriptionsResolver {
  constructor(
    private readonly twinningsService: TwinningsService,
    private readonly events: EventBus,
    private readonly delivery: LiveDelivery,
  ) {}

  @SignedIn()
  @Subscription(() => TwinningArrangement, {
    description:
      'Twinnings as they are after each change from now on (proposed, answered, each status ' +
      'transition, an activity recorded, completed or cancelled): those of your country or ' +
      'organization; every twinning for the secretariat and observers',
    filter(
      this: TwinningSubscriptionsResolver,
      event: TwinningChanged,
      _args: unknown,
      context: GraphQLContext,
    ) {
      return this.delivery.admits(
        context,
        async (subscriber) =>
          followsTwinning(subscriber, await this.twinningsService.partiesOf([event.twinningId])) &&
          // One that includes a restricted need: its parties and the secretariat only.
          (await this.twinningsService.readableIds(subscriber, [event.twinningId])).has(
            event.twinningId,
          ),
      );
    },
    resolve(
      this: TwinningSubscriptionsResolver,
      event: TwinningChanged,
      _args: unknown,
      context: GraphQLContext,
    ) {
      return loadRequired(
        twinningLoader(context.loaders, this.twinningsService),
        event.twinningId,
        'Twinning',
      );
    },
  })
  twinningChanged(): AsyncIterableIterator<TwinningChanged> {
    return this.events.listen('twinningChanged');
  }
}
