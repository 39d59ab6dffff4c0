import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser } from '../common/auth/access.decorators';
import { GraphQLContext } from '../common/graphql-context';
import { groupByKey } from '../common/loaders/request-loaders';
import { Need } from '../needs/need.entity';
import { TwinningArrangement } from './twinning.entity';
import { TwinningsService } from './twinnings.service';

/** `Need.twinnings`: resolved here because twinnings depend on needs, not the other way. */
@Resolver(() => Need)
export class NeedTwinningsResolver {
  constructor(private readonly twinningsService: TwinningsService) {}

  @ResolveField(() => [TwinningArrangement], {
    description: 'Newest first; those you may read (need visibility)',
  })
  async twinnings(
    @Parent() need: Need,
    @CurrentUser() user: User,
    @Context() { loaders }: GraphQLContext,
  ): Promise<TwinningArrangement[]> {
    const links = await loaders
      .get('needTwinnings', async (ids: readonly string[]) =>
        groupByKey(ids, await this.twinningsService.linksOfNeeds(user, ids), (link) => link.needId),
      )
      .load(need.id);
    return links.map((link) => link.twinning);
  }
}
