import { Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { COUNTRY_CODE, IsText, WORKING_GROUP_CODE } from '../../common/validation/text-rules';
import type { MessageKey } from '../../i18n/catalogs';
import { MAX_LIST_ITEMS } from '../../needs/dto/create-need.input';

/** A currency code as typed: three upper-case letters (ISO 4217 is checked by the service). */
export const CURRENCY_CODE = /^[A-Z]{3}$/;
/** More than any pledge: the Solidarity Event's whole year was USD 210M. */
export const MAX_AMOUNT = 1e12;

@InputType()
export class CreatePledgeInput {
  @Field(() => ID, { description: 'The member organization that pledges' })
  @IsUUID('all', {
    message: 'organizationId must be an id',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  organizationId: string;

  @Field(() => Float, { description: 'In `currency`, more than 0' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(MAX_AMOUNT)
  amount: number;

  @Field({ description: 'ISO 4217, e.g. "CAD"' })
  @Matches(CURRENCY_CODE, {
    message: 'currency must be an ISO 4217 code such as USD or EUR',
    context: { i18n: 'pledges.currencyFormat' satisfies MessageKey },
  })
  currency: string;

  @Field(() => String, {
    nullable: true,
    description: "The MIRPS state it is for; when absent, that of its needs (or its twinning's)",
  })
  @IsOptional()
  @Matches(COUNTRY_CODE, {
    message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code',
    context: { i18n: 'reference.countryCodeFormat' satisfies MessageKey },
  })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(WORKING_GROUP_CODE, {
    message: 'workingGroupCode must be a working group code',
    context: { i18n: 'reference.workingGroupCodeFormat' satisfies MessageKey },
  })
  workingGroupCode?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Needs it is meant for, of one country' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @ArrayUnique()
  @IsUUID('all', {
    each: true,
    message: 'needIds must hold ids',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  needIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The twinning it funds' })
  @IsOptional()
  @IsUUID('all', {
    message: 'twinningId must be an id',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  twinningId?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was announced: now when absent; not in the future',
  })
  @IsOptional()
  @IsDate()
  pledgedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(1, 1000)
  note?: string | null;
}
