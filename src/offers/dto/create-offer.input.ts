import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsLanguageCode } from '../../common/validation/is-language-code';
import {
  COUNTRY_CODE,
  IsName,
  IsText,
  WORKING_GROUP_CODE,
} from '../../common/validation/text-rules';
import { MAX_LIST_ITEMS } from '../../needs/dto/create-need.input';
import { Modality } from '../../reference/modality';
import type { MessageKey } from '../../i18n/catalogs';

export const MAX_CAPACITY = 1000;

@InputType()
export class CreateOfferInput {
  @Field(() => ID)
  @IsUUID('all', {
    message: 'organizationId must be an id',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  organizationId: string;

  @Field(() => [String], { description: 'The working groups it serves' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ArrayUnique()
  @Matches(WORKING_GROUP_CODE, {
    each: true,
    message: 'workingGroupCodes must hold working group codes',
    context: { i18n: 'offers.workingGroupCodesFormat' satisfies MessageKey },
  })
  workingGroupCodes: string[];

  @Field()
  @IsName(1, 200)
  title: string;

  @Field()
  @IsText(1, 5000)
  description: string;

  @Field(() => [Modality])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ArrayUnique()
  @IsEnum(Modality, { each: true })
  modalities: Modality[];

  @Field(() => [String], { description: 'ISO 639-1 codes, e.g. ["es", "en"]' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages: string[];

  @Field(() => Int, { description: 'How many needs it can serve in live twinnings at once' })
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity: number;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  availableFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'After availableFrom' })
  @IsOptional()
  @IsDate()
  availableTo?: Date | null;

  @Field(() => [String], {
    nullable: true,
    description: 'MIRPS states it is open to; none or null means all of them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ArrayUnique()
  @Matches(COUNTRY_CODE, {
    each: true,
    message: 'eligibleCountryCodes must hold ISO 3166-1 alpha-2 codes',
    context: { i18n: 'offers.countryCodesFormat' satisfies MessageKey },
  })
  eligibleCountryCodes?: string[] | null;
}
