import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { IsText } from '../../common/validation/text-rules';

const MAX_PARTICIPANTS = 1_000_000;

@InputType({ description: 'Who took part, by gender, and what came of it' })
export class CompleteActivityInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  women: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  men: number;

  @Field(() => Int, { description: 'Neither, or not stated' })
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  other: number;

  @Field()
  @IsText(1, 5000)
  outcome: string;
}
