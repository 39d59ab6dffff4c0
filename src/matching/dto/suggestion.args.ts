import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { WORKING_GROUP_CODE } from '../../common/validation/text-rules';

export const DEFAULT_SUGGESTIONS = 10;
export const MAX_SUGGESTIONS = 100;

@ArgsType()
abstract class SuggestionCount {
  @Field(() => Int, {
    nullable: true,
    description: `How many, 1 to ${MAX_SUGGESTIONS} (default ${DEFAULT_SUGGESTIONS})`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTIONS)
  first?: number;
}

@ArgsType()
export class SuggestedOffersArgs extends SuggestionCount {
  @Field(() => ID)
  @IsUUID('all', { message: 'needId must be an id' })
  needId: string;
}

@ArgsType()
export class SuggestedNeedsArgs extends SuggestionCount {
  @Field(() => ID)
  @IsUUID('all', { message: 'offerId must be an id' })
  offerId: string;
}

@ArgsType()
export class MatchingPlanArgs {
  @Field({ nullable: true, description: 'Plan one working group only; all when omitted' })
  @IsOptional()
  @Matches(WORKING_GROUP_CODE, { message: 'workingGroupCode must be a working group code' })
  workingGroupCode?: string;
}
