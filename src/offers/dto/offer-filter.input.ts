import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OfferStatus } from '../offer-status';
import type { MessageKey } from '../../i18n/catalogs';

@InputType()
export class OfferFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', {
    message: 'organizationId must be an id',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  organizationId?: string;

  @Field({ nullable: true, description: 'Offers that serve this working group' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  workingGroupCode?: string;

  @Field(() => OfferStatus, { nullable: true })
  @IsOptional()
  @IsEnum(OfferStatus)
  status?: OfferStatus;

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
