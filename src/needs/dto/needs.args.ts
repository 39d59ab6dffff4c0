import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { NeedFilter } from './need-filter.input';

/**
 * The arguments of `needs`, validated as one object: the global ValidationPipe refuses
 * properties a class does not declare, so PageArgs alone would refuse `filter`.
 */
@ArgsType()
export class NeedsArgs extends PageArgs {
  @Field(() => NeedFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NeedFilter)
  filter?: NeedFilter;
}
