import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { COUNTRY_CODE, IsName, WORKING_GROUP_CODE } from '../../common/validation/text-rules';
import type { MessageKey } from '../../i18n/catalogs';
import { IndicatorInput } from './indicator.input';

export const MAX_INDICATORS = 50;

@InputType()
export class CreateCommitmentInput {
  @Field({ description: 'The MIRPS state whose plan it is, e.g. HN' })
  @Matches(COUNTRY_CODE, {
    message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code',
    context: { i18n: 'reference.countryCodeFormat' satisfies MessageKey },
  })
  countryCode: string;

  @Field({ description: 'The plan\'s own numbering, e.g. "HN-2.3"; unique per country' })
  @IsName(1, 40)
  code: string;

  @Field()
  @IsName(1, 300)
  title: string;

  @Field()
  @Matches(WORKING_GROUP_CODE, {
    message: 'workingGroupCode must be a working group code',
    context: { i18n: 'reference.workingGroupCodeFormat' satisfies MessageKey },
  })
  workingGroupCode: string;

  @Field(() => [IndicatorInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INDICATORS)
  @ValidateNested({ each: true })
  @Type(() => IndicatorInput)
  indicators?: IndicatorInput[] | null;
}
