import { Args, ID, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { IdArgs, VALID_ID } from '../common/dto/id.args';
import { GraphQLContext } from '../common/graphql-context';
import { groupByKey, loadRequired } from '../common/loaders/request-loaders';
import { Connection, ConnectionShape } from '../common/pagination/connection';
import { Country } from '../reference/country.entity';
import { twinningLoader } from '../twinnings/twinning.loaders';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { TwinningsService } from '../twinnings/twinnings.service';
import { ActivitiesService } from './activities.service';
import { ActivityStatus } from './activity-enums';
import { Activity } from './activity.entity';
import { ActivitiesArgs } from './dto/activities.args';
import { CancelActivityArgs } from './dto/cancel-activity.args';
import { CompleteActivityInput } from './dto/complete-activity.input';
import { RecordActivityInput } from './dto/record-activity.input';
import { ParticipantCounts, participantCounts } from './dto/participant-counts';

@ObjectType()
export class ActivityConnection extends Connection(Activity) {}

/** The secretariat and the parties' focal points; the service checks the party. */
const FOLLOW_UP = [Role.SECRETARIAT, Role.COUNTRY_FOCAL_POINT, Role.MEMBER_FOCAL_POINT];

@Resolver(() => Activity)
export class ActivitiesResolver {
  constructor(
    private readonly activitiesService: ActivitiesService,
    private readonly twinnings: TwinningsService,
  ) {}

  @SignedIn()
  @Query(() => Activity, { description: 'NOT_FOUND when absent' })
  activity(@CurrentUser() user: User, @Args() { id }: IdArgs): Promise<Activity> {
    return this.activitiesService.get(user, id);
  }

  @SignedIn()
  @Query(() => ActivityConnection, {
    description:
      'Activities taking place (at least partly) from `from` until before `to`; newest first',
  })
  activities(
    @CurrentUser() user: User,
    @Args() { from, to, countryCode, ...page }: ActivitiesArgs,
  ): Promise<ConnectionShape<Activity>> {
    return this.activitiesService.list(user, { from, to, countryCode }, page);
  }

  @Roles(FOLLOW_UP)
  @Mutation(() => Activity, {
    description: 'On a CONFIRMED twinning, by the secretariat or a party; starts PLANNED',
  })
  recordActivity(
    @CurrentUser() user: User,
    @Args('input') input: RecordActivityInput,
  ): Promise<Activity> {
    return this.activitiesService.record(user, input);
  }

  @Roles(FOLLOW_UP)
  @Mutation(() => Activity, { description: 'A PLANNED activity took place: DONE, with counts' })
  completeActivity(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }, VALID_ID) id: string,
    @Args('input') input: CompleteActivityInput,
  ): Promise<Activity> {
    return this.activitiesService.complete(user, id, input);
  }

  @Roles(FOLLOW_UP)
  @Mutation(() => Activity, { description: 'A PLANNED activity will not take place' })
  cancelActivity(
    @CurrentUser() user: User,
    @Args() { id, reason }: CancelActivityArgs,
  ): Promise<Activity> {
    return this.activitiesService.cancel(user, id, reason);
  }

  @ResolveField(() => TwinningArrangement)
  twinning(
    activity: Activity,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<TwinningArrangement> {
    return loadRequired(twinningLoader(loaders, this.twinnings), activity.twinningId, 'Twinning');
  }

  @ResolveField(() => [Country], {
    description: "Countries taking part besides the twinning's parties, by code",
  })
  async participantCountries(
    activity: Activity,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Country[]> {
    const links = await loaders
      .get('activityParticipantCountries', async (ids: readonly string[]) =>
        groupByKey(
          ids,
          await this.activitiesService.participantCountriesOf(ids),
          (link) => link.activityId,
        ),
      )
      .load(activity.id);
    return links.map((link) => link.country!);
  }

  @ResolveField(() => ParticipantCounts, {
    nullable: true,
    description: 'Who took part, by gender; null until DONE',
  })
  participants(activity: Activity): ParticipantCounts | null {
    if (activity.status !== ActivityStatus.DONE) return null;
    return participantCounts(activity.women ?? 0, activity.men ?? 0, activity.other ?? 0);
  }
}
