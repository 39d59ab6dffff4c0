import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { OfferFilter } from './offer-filter.input';

/**
 * The arguments of `offers`, validated as one object: the global ValidationPipe refuses
 * properties a class does not declare, so PageArgs alone would refuse `filter`.
 */
@ArgsType()
export class OffersArgs extends PageArgs {
  @Field(() => OfferFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfferFilter)
  filter?: OfferFilter;
}
