import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { User } from '../accounts/user.entity';
import { CurrentUser, Roles } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { twinningLoader } from '../twinnings/twinning.loaders';
import { TwinningParty } from '../twinnings/twinning-party.entity';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { TwinningsService } from '../twinnings/twinnings.service';
import { SubmitFollowUpArgs } from './dto/submit-follow-up.args';
import { FollowUpResponse } from './follow-up-response.entity';
import { FollowUpStatus } from './follow-up-status';
import { FollowUp } from './follow-up.entity';
import { followUpResponsesLoader, twinningFollowUpsLoader } from './follow-up.loaders';
import { FollowUpsService } from './follow-ups.service';

@Resolver(() => FollowUp)
export class FollowUpsResolver {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly twinnings: TwinningsService,
  ) {}

  @Roles([Role.COUNTRY_FOCAL_POINT, Role.MEMBER_FOCAL_POINT])
  @Mutation(() => FollowUp, {
    description:
      "A party's focal point answers for its own side, once (CONFLICT ALREADY_ANSWERED after)",
  })
  submitFollowUp(
    @CurrentUser() user: User,
    @Args() { followUpId, rating, outcome }: SubmitFollowUpArgs,
  ): Promise<FollowUp> {
    return this.followUps.submit(user, followUpId, rating, outcome);
  }

  @ResolveField(() => FollowUpStatus)
  status(followUp: FollowUp): FollowUpStatus {
    return this.followUps.statusOf(followUp);
  }

  @ResolveField(() => TwinningArrangement)
  twinning(
    followUp: FollowUp,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<TwinningArrangement> {
    return loadRequired(twinningLoader(loaders, this.twinnings), followUp.twinningId, 'Twinning');
  }

  @ResolveField(() => [FollowUpResponse], {
    description: "In the order of the parties: the offer's organization first, then the countries",
  })
  responses(
    followUp: FollowUp,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<FollowUpResponse[]> {
    return followUpResponsesLoader(loaders, this.followUps).load(followUp.id);
  }
}

@Resolver(() => FollowUpResponse)
export class FollowUpResponseResolver {
  @ResolveField(() => TwinningParty, { description: 'The side that answered' })
  party(response: Required<FollowUpResponse>): TwinningParty {
    return response.party;
  }
}

/** `TwinningArrangement.followUps`: resolved here because follow-ups depend on twinnings. */
@Resolver(() => TwinningArrangement)
export class TwinningFollowUpsResolver {
  constructor(private readonly followUpsService: FollowUpsService) {}

  @ResolveField(() => [FollowUp], {
    description: 'Created when it is completed; the earliest due first',
  })
  followUps(
    twinning: TwinningArrangement,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<FollowUp[]> {
    return twinningFollowUpsLoader(loaders, this.followUpsService).load(twinning.id);
  }
}
