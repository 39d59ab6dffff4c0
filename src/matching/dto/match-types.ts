import { Field, Float, ObjectType } from '@nestjs/graphql';
import type { Message } from '../../i18n/message';

@ObjectType({ description: 'One factor of a score: its weight, its value and why' })
export class ScoreReason {
  @Field({
    description: 'TOPIC, MODALITY, LANGUAGE, TIMING, ELIGIBILITY, TEXT, CAPACITY or TRACK_RECORD',
  })
  factor: string;

  @Field(() => Float, { description: 'Share of the score this factor carries; they sum to 1' })
  weight: number;

  @Field(() => Float, { description: "The factor's own value, in [0, 1]" })
  score: number;

  /** Why, as a message: read in the caller's language by ScoreReasonResolver.detail. */
  detail: Message;
}

@ObjectType({ description: 'A need and an offer that fit, with the score and its reasons' })
export class MatchSuggestion {
  needId: string;
  offerId: string;

  @Field(() => Float, { description: 'In [0, 1]; higher fits better' })
  score: number;

  @Field(() => [ScoreReason])
  reasons: ScoreReason[];
}

@ObjectType({
  description: 'The assignment of open needs to open offers with the best total score',
})
export class MatchingPlan {
  @Field(() => [MatchSuggestion], { description: 'Best score first' })
  assignments: MatchSuggestion[];

  unmatchedNeedIds: string[];

  @Field(() => Float, { description: 'The sum of the assignments’ scores: the maximum there is' })
  totalScore: number;
}
