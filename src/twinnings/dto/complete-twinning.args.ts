import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { IdArgs } from '../../common/dto/id.args';
import { IsText } from '../../common/validation/text-rules';
import type { MessageKey } from '../../i18n/catalogs';
import { MAX_NEEDS_PER_TWINNING } from './propose-twinning.input';

@ArgsType()
export class CompleteTwinningArgs extends IdArgs {
  @Field(() => String, { nullable: true, description: 'What it achieved' })
  @IsOptional()
  @IsText(1, 5000)
  summary?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Partial fulfilment: needs of the twinning it did not meet, which go back to OPEN instead of FULFILLED',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_NEEDS_PER_TWINNING)
  @ArrayUnique()
  @IsUUID('all', { each: true, context: { i18n: 'common.id' satisfies MessageKey } })
  reopenNeedIds?: string[] | null;
}
