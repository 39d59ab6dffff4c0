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
import { Modality } from '../../reference/modality';
import { Priority, Visibility } from '../need-enums';
import type { MessageKey } from '../../i18n/catalogs';

export const MAX_LIST_ITEMS = 20;

@InputType()
export class CreateNeedInput {
  @Field({ description: 'The MIRPS state that needs the capacity, e.g. HN' })
  @Matches(COUNTRY_CODE, {
    message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code',
    context: { i18n: 'reference.countryCodeFormat' satisfies MessageKey },
  })
  countryCode: string;

  @Field()
  @Matches(WORKING_GROUP_CODE, {
    message: 'workingGroupCode must be a working group code',
    context: { i18n: 'reference.workingGroupCodeFormat' satisfies MessageKey },
  })
  workingGroupCode: string;

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

  @Field(() => [String], { description: 'ISO 639-1 codes, e.g. ["es"]' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages: string[];

  @Field(() => Int, { nullable: true, description: 'How many people it will benefit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  beneficiaries?: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  earliestStart?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'After earliestStart' })
  @IsOptional()
  @IsDate()
  latestEnd?: Date | null;

  @Field(() => String, { nullable: true, description: 'The National Action Plan commitment' })
  @IsOptional()
  @IsText(1, 200)
  napReference?: string | null;

  @Field(() => Priority, { nullable: true, description: 'MEDIUM when not given' })
  @IsOptional()
  @IsEnum(Priority)
  priority?: Priority;

  @Field(() => ID, {
    nullable: true,
    description: "The National Action Plan commitment it serves: one of its own country's",
  })
  @IsOptional()
  @IsUUID('all', { message: 'commitmentId must be an id' })
  commitmentId?: string | null;

  @Field(() => Visibility, { nullable: true, description: 'PLATFORM when not given' })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;
}
