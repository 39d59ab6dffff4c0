import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { TwinningFilter } from './twinning-filter.input';

/** The arguments of `twinnings`, validated as one object (see NeedsArgs). */
@ArgsType()
export class TwinningsArgs extends PageArgs {
  @Field(() => TwinningFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TwinningFilter)
  filter?: TwinningFilter;
}
