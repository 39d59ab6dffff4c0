import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql-context';
import { groupByKey } from '../common/loaders/request-loaders';
import { Need } from '../needs/need.entity';
import { TwinningArrangement } from './twinning.entity';
import { TwinningsService } from './twinnings.service';

/** `Need.twinnings`: resolved here because twinnings depend on needs, not the other way. */
@Resolver(() => Need)
export class NeedTwinningsResolver {
  constructor(private readonly twinningsService: TwinningsService) {}

  @ResolveField(() => [TwinningArrangement], { description: 'Newest first' })
  async twinnings(
    need: Need,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<TwinningArrangement[]> {
    const links = await loaders
      .get('needTwinnings', async (ids: readonly string[]) =>
        groupByKey(ids, await this.twinningsService.linksOfNeeds(ids), (link) => link.needId),
      )
      .load(need.id);
    return links.map((link) => link.twinning);
  }
}
