import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { IsText } from '../validation/text-rules';

@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;
}

@ArgsType()
export class WithdrawArgs extends IdArgs {
  @Field(() => String, { nullable: true, description: 'Why; kept with the record' })
  @IsOptional()
  @IsText(1, 1000)
  reason?: string | null;
}
