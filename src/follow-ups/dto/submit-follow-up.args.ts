import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import type { MessageKey } from '../../i18n/catalogs';
import { IsText } from '../../common/validation/text-rules';
import { OUTCOME_MAX_LENGTH } from '../follow-up-response.entity';

@ArgsType()
export class SubmitFollowUpArgs {
  @Field(() => ID)
  @IsUUID('all', { context: { i18n: 'common.id' satisfies MessageKey } })
  followUpId: string;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent)' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @Field(() => String, {
    description: `What came of the twinning, for the answering side (at most ${OUTCOME_MAX_LENGTH} characters)`,
  })
  @IsText(1, OUTCOME_MAX_LENGTH)
  outcome: string;
}
