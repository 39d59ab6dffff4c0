import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsName, WORKING_GROUP_CODE } from '../../common/validation/text-rules';
import type { MessageKey } from '../../i18n/catalogs';

@InputType()
export class CreateWorkingGroupInput {
  @Field({ description: 'Stable upper-case code, e.g. CLIMATE_DISPLACEMENT' })
  @Matches(WORKING_GROUP_CODE, {
    message: 'code must be 2 to 40 upper-case letters, digits or underscores',
    context: { i18n: 'reference.newWorkingGroupCodeFormat' satisfies MessageKey },
  })
  code: string;

  @Field()
  @IsName(1, 200)
  nameEn: string;

  @Field()
  @IsName(1, 200)
  nameEs: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  descriptionEn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  descriptionEs?: string;
}
