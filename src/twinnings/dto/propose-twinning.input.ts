import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { IsText } from '../../common/validation/text-rules';

export const MAX_NEEDS_PER_TWINNING = 50;

@InputType()
export class ProposeTwinningInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'offerId must be an id' })
  offerId: string;

  @Field(() => [ID], { description: 'The needs the offer would serve, each OPEN' })
  @IsArray()
  @ArrayMinSize(1, { message: 'needIds must name at least one need' })
  @ArrayMaxSize(MAX_NEEDS_PER_TWINNING)
  @ArrayUnique({ message: 'needIds must not name a need twice' })
  @IsUUID('all', { each: true, message: 'needIds must hold ids' })
  needIds: string[];

  @Field(() => String, { nullable: true, description: 'Why these belong together' })
  @IsOptional()
  @IsText(1, 1000)
  note?: string | null;
}
