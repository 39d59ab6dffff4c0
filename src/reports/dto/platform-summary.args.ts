import { ArgsType, Field } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { IsDate, IsOptional } from 'class-validator';

@ArgsType()
export class PlatformSummaryArgs {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Inclusive; 1 January (UTC) of `to`'s year when absent",
  })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive; now when absent' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
