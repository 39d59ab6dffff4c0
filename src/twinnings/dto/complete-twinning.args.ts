import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IdArgs } from '../../common/dto/id.args';
import { IsText } from '../../common/validation/text-rules';

@ArgsType()
export class CompleteTwinningArgs extends IdArgs {
  @Field(() => String, { nullable: true, description: 'What it achieved' })
  @IsOptional()
  @IsText(1, 5000)
  summary?: string | null;
}
