import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

@InputType()
export class CreateWorkingGroupInput {
  @Field({ description: 'Stable upper-case code, e.g. CLIMATE_DISPLACEMENT' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, {
    message: 'code must be 2 to 40 upper-case letters, digits or underscores',
  })
  code: string;

  @Field()
  @IsString()
  @Length(1, 200)
  nameEn: string;

  @Field()
  @IsString()
  @Length(1, 200)
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
