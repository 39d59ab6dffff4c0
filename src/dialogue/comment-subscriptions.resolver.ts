import { Args, Resolver, Subscription } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, SignedIn } from '../common/auth/access.decorators';
import type { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { EventBus } from '../events/event-bus';
import { LiveDelivery } from '../events/live-delivery';
import type { LiveEvents } from '../events/live-events';
import { Comment } from './comment.entity';
import { commentLoader } from './comment.loaders';
import { DialogueService } from './dialogue.service';
import { CommentAddedArgs } from './dto/comment-added.args';

type CommentAdded = LiveEvents['commentAdded'];

@Resolver(() => Comment)
export class CommentSubscriptionsResolver {
  constructor(
    private readonly dialogue: DialogueService,
    private readonly events: EventBus,
    private readonly delivery: LiveDelivery,
  ) {}

  /**
   * Each comment added to the thread from now on, to a subscriber who may read its subject
   * when it is delivered (judged on current data: one who lost sight of a restricted need
   * hears nothing more of it).
   */
  @SignedIn()
  @Subscription(() => Comment, {
    description:
      'Comments added to the thread of this need, offer or twinning from now on; NOT_FOUND ' +
      'when the subject is absent or you may not read it',
    filter(
      this: CommentSubscriptionsResolver,
      event: CommentAdded,
      { subjectId }: CommentAddedArgs,
      context: GraphQLContext,
    ) {
      return (
        event.subjectId === subjectId &&
        this.delivery.admits(context, (subscriber) =>
          this.dialogue.mayReadThread(subscriber, subjectId),
        )
      );
    },
    resolve(
      this: CommentSubscriptionsResolver,
      event: CommentAdded,
      _args: unknown,
      context: GraphQLContext,
    ) {
      return loadRequired(
        commentLoader(context.loaders, this.dialogue),
        event.commentId,
        'Comment',
      );
    },
  })
  async commentAdded(
    @CurrentUser() user: User,
    @Args() { subjectId }: CommentAddedArgs,
  ): Promise<AsyncIterableIterator<CommentAdded>> {
    await this.dialogue.checkThreadReadable(user, subjectId);
    return this.events.listen('commentAdded');
  }
}
