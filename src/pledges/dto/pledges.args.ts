import { ArgsType, Field, Float, ID } from '@nestjs/graphql';
import { IsDate, IsEnum, IsNumber, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { COUNTRY_CODE } from '../../common/validation/text-rules';
import type { MessageKey } from '../../i18n/catalogs';
import { PledgeStatus } from '../pledge-status';
import { CURRENCY_CODE } from './create-pledge.input';

@ArgsType()
export class PledgesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this organization's" })
  @IsOptional()
  @IsUUID('all', {
    message: 'organizationId must be an id',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  organizationId?: string;

  @Field({ nullable: true, description: 'Only those for this country' })
  @IsOptional()
  @Matches(COUNTRY_CODE, {
    message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code',
    context: { i18n: 'reference.countryCodeFormat' satisfies MessageKey },
  })
  countryCode?: string;

  @Field(() => PledgeStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PledgeStatus)
  status?: PledgeStatus;
}

@ArgsType()
export class SetPledgeStatusArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;

  @Field(() => PledgeStatus)
  @IsEnum(PledgeStatus)
  status: PledgeStatus;
}

@ArgsType()
export class SetExchangeRateArgs {
  @Field({ description: 'ISO 4217, not USD (always 1)' })
  @Matches(CURRENCY_CODE, {
    message: 'currency must be an ISO 4217 code such as USD or EUR',
    context: { i18n: 'pledges.currencyFormat' satisfies MessageKey },
  })
  currency: string;

  @Field(() => Float, { description: 'US dollars per unit of the currency, more than 0' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.000001)
  @Max(1_000_000)
  usdPerUnit: number;

  @Field(() => DateTimeScalar, { description: 'In force from then' })
  @IsDate()
  asOf: Date;
}
