import { ArgsType, Field, GraphQLISODateTime } from '@nestjs/graphql';
import { IsDate, IsOptional } from 'class-validator';

@ArgsType()
export class PlatformSummaryArgs {
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: "Inclusive; 1 January (UTC) of `to`'s year when absent",
  })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive; now when absent' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
