import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser } from '../common/auth/access.decorators';
import { Commitment } from '../commitments/commitment.entity';
import type { GraphQLContext } from '../common/graphql-context';
import { groupByKey } from '../common/loaders/request-loaders';
import { Need } from './need.entity';
import { NeedsService } from './needs.service';

/** `Commitment.needs`: resolved here because needs depend on commitments, not the other way. */
@Resolver(() => Commitment)
export class CommitmentNeedsResolver {
  constructor(private readonly needsService: NeedsService) {}

  @ResolveField(() => [Need], {
    description: 'The needs that serve it which you may read (need visibility), oldest first',
  })
  needs(
    @Parent() commitment: Commitment,
    @CurrentUser() user: User,
    @Context() { loaders }: GraphQLContext,
  ): Promise<Need[]> {
    return loaders
      .get('commitmentNeeds', async (ids: readonly string[]) =>
        groupByKey(
          ids,
          await this.needsService.ofCommitments(user, ids),
          (need) => need.commitmentId!,
        ),
      )
      .load(commitment.id);
  }
}
