import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { IdArgs } from '../../common/dto/id.args';
import { IsText } from '../../common/validation/text-rules';

@ArgsType()
export class RespondToTwinningArgs extends IdArgs {
  @Field({ description: 'true accepts for your side, false declines' })
  @IsBoolean()
  accept: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(1, 1000)
  comment?: string | null;
}
