import { ArgsType, Field } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { IsDate, IsOptional, Matches } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { COUNTRY_CODE } from '../../common/validation/text-rules';

/** The arguments of `activities`, validated as one object (see NeedsArgs). */
@ArgsType()
export class ActivitiesArgs extends PageArgs {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Activities still going on at or after this time',
  })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Activities that start before this time',
  })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field({
    nullable: true,
    description: "Activities this country takes part in, as a participant or a twinning's party",
  })
  @IsOptional()
  @Matches(COUNTRY_CODE, { message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code' })
  countryCode?: string;
}
