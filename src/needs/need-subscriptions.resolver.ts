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
import { NeedStatus } from './need-enums';
import { Need } from './need.entity';
import { needLoader } from './need.loaders';
import { NeedsService } from './needs.service';

type NeedPosted = LiveEvents['needPosted'];

@Resolver(() => Need)
export class NeedSubscriptionsResolver {
  constructor(
    private readonly needsService: NeedsService,
    private readonly reference: ReferenceService,
    private readonly events: EventBus,
    private readonly delivery: LiveDelivery,
  ) {}

  /**
   * Every subscriber of the working group who may read the need (need.policy.ts) hears of
   * it, unless it was withdrawn or moved out of the group before it is delivered.
   */
  @SignedIn()
  @Subscription(() => Need, {
    description:
      'Needs posted in this working group (or moved into it) from now on, as they are when ' +
      'delivered; one withdrawn or moved elsewhere meanwhile is skipped',
    filter(
      this: NeedSubscriptionsResolver,
      event: NeedPosted,
      { workingGroupCode }: WorkingGroupCodeArgs,
      context: GraphQLContext,
    ) {
      return (
        event.workingGroupCode === workingGroupCode &&
        this.delivery.admits(context, async (subscriber) => {
          const need = await needLoader(context.loaders, this.needsService).load(event.needId);
          return (
            need !== null &&
            need.workingGroupCode === workingGroupCode &&
            need.status !== NeedStatus.WITHDRAWN &&
            (await this.needsService.mayRead(subscriber, need))
          );
        })
      );
    },
    resolve(this: NeedSubscriptionsResolver, event: NeedPosted, _args, context: GraphQLContext) {
      return loadRequired(needLoader(context.loaders, this.needsService), event.needId, 'Need');
    },
  })
  async needPosted(
    @Args() { workingGroupCode }: WorkingGroupCodeArgs,
  ): Promise<AsyncIterableIterator<NeedPosted>> {
    const problems = new FieldProblems();
    await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [workingGroupCode]);
    problems.throwIfAny();
    return this.events.listen('needPosted');
  }
}
