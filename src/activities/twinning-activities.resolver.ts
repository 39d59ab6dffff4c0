import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql-context';
import { groupByKey } from '../common/loaders/request-loaders';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { ActivitiesService } from './activities.service';
import { Activity } from './activity.entity';

/** `TwinningArrangement.activities`: resolved here because activities depend on twinnings. */
@Resolver(() => TwinningArrangement)
export class TwinningActivitiesResolver {
  constructor(private readonly activitiesService: ActivitiesService) {}

  @ResolveField(() => [Activity], { description: 'By start time' })
  activities(
    twinning: TwinningArrangement,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Activity[]> {
    return loaders
      .get('twinningActivities', async (ids: readonly string[]) =>
        groupByKey(
          ids,
          await this.activitiesService.ofTwinnings(ids),
          (activity) => activity.twinningId,
        ),
      )
      .load(twinning.id);
  }
}
