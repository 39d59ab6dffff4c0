import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { NeedStatus } from '../need-enums';

@InputType()
export class NeedFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  countryCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  workingGroupCode?: string;

  @Field(() => NeedStatus, { nullable: true })
  @IsOptional()
  @IsEnum(NeedStatus)
  status?: NeedStatus;

  @Field({
    nullable: true,
    description:
      'Words that must all appear in the title or description (accents and case ignored)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
