import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsUUID,
  Matches,
} from 'class-validator';
import { COUNTRY_CODE, IsName, IsText } from '../../common/validation/text-rules';
import { ActivityKind } from '../activity-enums';

export const MAX_PARTICIPANT_COUNTRIES = 60;

@InputType()
export class RecordActivityInput {
  @Field(() => ID, { description: 'A CONFIRMED twinning' })
  @IsUUID('all', { message: 'twinningId must be an id' })
  twinningId: string;

  @Field(() => ActivityKind)
  @IsEnum(ActivityKind)
  kind: ActivityKind;

  @Field()
  @IsName(1, 200)
  title: string;

  @Field(() => DateTimeScalar)
  @IsDate()
  startsAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Not before startsAt' })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(1, 200)
  location?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Held online; false when not given' })
  @IsOptional()
  @IsBoolean()
  virtual?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: "Countries whose people take part, besides the twinning's parties",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PARTICIPANT_COUNTRIES)
  @ArrayUnique()
  @Matches(COUNTRY_CODE, {
    each: true,
    message: 'participantCountryCodes must hold ISO 3166-1 alpha-2 codes',
  })
  participantCountryCodes?: string[] | null;
}
