import { Field, ID, InputType } from '@nestjs/graphql';
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
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import {
  COUNTRY_CODE,
  IsName,
  IsText,
  WORKING_GROUP_CODE,
} from '../../common/validation/text-rules';
import { PlatformEventKind } from '../platform-event-kind';

export const MAX_EVENT_PARTICIPANTS = 500;

@InputType()
export class CreatePlatformEventInput {
  @Field(() => PlatformEventKind)
  @IsEnum(PlatformEventKind)
  kind: PlatformEventKind;

  @Field()
  @IsName(1, 300)
  title: string;

  @Field(() => DateTimeScalar)
  @IsDate()
  startsAt: Date;

  @Field(() => DateTimeScalar, { description: 'After startsAt' })
  @IsDate()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(1, 300)
  location?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Held online; false when not given' })
  @IsOptional()
  @IsBoolean()
  virtual?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The working groups it is about; none: any (for the agenda too)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVENT_PARTICIPANTS)
  @ArrayUnique()
  @Matches(WORKING_GROUP_CODE, {
    each: true,
    message: 'workingGroupCodes must hold working group codes',
  })
  workingGroupCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'The countries taking part' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVENT_PARTICIPANTS)
  @ArrayUnique()
  @Matches(COUNTRY_CODE, {
    each: true,
    message: 'countryCodes must hold ISO 3166-1 alpha-2 codes',
  })
  countryCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The organizations taking part' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVENT_PARTICIPANTS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'organizationIds must hold ids' })
  organizationIds?: string[] | null;
}
