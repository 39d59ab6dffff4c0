import { Args, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { userLoader } from '../accounts/user.loaders';
import { User } from '../accounts/user.entity';
import { CurrentUser, SignedIn } from '../common/auth/access.decorators';
import { Clock } from '../common/clock/clock';
import { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { Connection, ConnectionShape } from '../common/pagination/connection';
import { Comment } from './comment.entity';
import { mayEdit } from './comment.policy';
import { DialogueService } from './dialogue.service';
import { AddCommentArgs, CommentsArgs, EditCommentArgs } from './dto/comment.args';

@ObjectType()
export class CommentConnection extends Connection(Comment) {}

@Resolver(() => Comment)
export class DialogueResolver {
  constructor(
    private readonly dialogue: DialogueService,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  @SignedIn()
  @Query(() => CommentConnection, {
    description:
      'The thread of a need, an offer or a twinning, oldest first; NOT_FOUND when the subject ' +
      'is absent or you may not read it',
  })
  comments(
    @CurrentUser() user: User,
    @Args() { subjectId, ...page }: CommentsArgs,
  ): Promise<ConnectionShape<Comment>> {
    return this.dialogue.thread(user, subjectId, page);
  }

  @SignedIn()
  @Mutation(() => Comment, {
    description:
      'Whoever may read the subject (observers read only); `@` and an e-mail address notifies ' +
      'that person if they may read the subject',
  })
  addComment(
    @CurrentUser() user: User,
    @Args() { subjectId, body }: AddCommentArgs,
  ): Promise<Comment> {
    return this.dialogue.add(user, subjectId, body);
  }

  @SignedIn()
  @Mutation(() => Comment, { description: 'Its author, within 24 hours of writing it' })
  editComment(@CurrentUser() user: User, @Args() { id, body }: EditCommentArgs): Promise<Comment> {
    return this.dialogue.edit(user, id, body);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether you may edit it now: you wrote it, less than 24 hours ago',
  })
  mayEdit(@Parent() comment: Comment, @CurrentUser() user: User): boolean {
    return mayEdit(user, comment, this.clock.now());
  }

  @ResolveField(() => User, { description: 'Who wrote it' })
  author(comment: Comment, _args: unknown, { loaders }: GraphQLContext): Promise<User> {
    return loadRequired(userLoader(loaders, this.accounts), comment.authorId, 'User');
  }
}
